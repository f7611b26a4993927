/**
 * The workspace's packages as the package checks see them: the public ones under `packages/`
 * (what goes to npm) and the private rest (`apps/*`, `benchmarks`), which never do.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {object} WorkspacePackage
 * @property {string} dir the package's folder, relative to the repository root (`packages/core`)
 * @property {Record<string, any>} manifest its package.json as committed
 */

/** @param {string} file */
export const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/**
 * Every workspace package in `folders` (each a folder of package folders, or a package folder).
 * @param {string} root the repository root
 * @param {readonly string[]} folders relative to the root
 * @returns {WorkspacePackage[]}
 */
function packagesIn(root, folders) {
  return folders
    .flatMap((folder) => {
      if (existsSync(join(root, folder, 'package.json'))) return [folder];
      return readdirSync(join(root, folder))
        .map((name) => `${folder}/${name}`)
        .filter((dir) => existsSync(join(root, dir, 'package.json')));
    })
    .map((dir) => ({ dir, manifest: readJson(join(root, dir, 'package.json')) }));
}

/**
 * The packages published to npm: every folder under `packages/` (all of them are public).
 * @param {string} root the repository root
 */
export const publishedPackages = (root) => packagesIn(root, ['packages']);

/**
 * The packages that must stay private (demo apps, the feed service, the benchmarks).
 * @param {string} root the repository root
 */
export const privatePackages = (root) => packagesIn(root, ['apps', 'benchmarks']);
