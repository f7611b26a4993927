/**
 * Packs a package the way `pnpm publish` does (`workspace:` ranges replaced by versions, the `files`
 * list applied) and unpacks the tarball, so the checks read exactly what npm would serve.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {object} PackedPackage
 * @property {string} tarball path of the .tgz
 * @property {string} unpacked folder holding the tarball's contents (its `package/` folder)
 * @property {string[]} files every file in the tarball, relative to `unpacked`
 */

/**
 * @param {string} packageDir absolute path of the package folder
 * @param {string} destination an empty folder for the tarball and its contents
 * @returns {PackedPackage}
 */
export function packPackage(packageDir, destination) {
  const out = execFileSync('pnpm', ['pack', '--json', '--pack-destination', destination], {
    cwd: packageDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  /** @type {{ filename: string, files: { path: string }[] }} */
  const report = JSON.parse(out.slice(out.indexOf('{')));
  const into = join(destination, 'unpacked');
  mkdirSync(into);
  execFileSync('tar', ['-xzf', report.filename, '-C', into]);
  return {
    tarball: report.filename,
    unpacked: join(into, 'package'),
    files: report.files.map((f) => f.path).sort(),
  };
}
