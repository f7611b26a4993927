/**
 * Every module a published file imports must come with the package: a relative file in the
 * tarball, a Node built-in, or a package the tarball's package.json depends on. A type that a
 * published .d.ts imports must also come with its declarations (the package's own, or its
 * `@types/` package as a dependency), or strict TypeScript users see TS7016.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';

/** Published files whose imports run or type-check in users' projects (sources are there for maps only). */
const CHECKED = /^(?!src\/).*\.(m?js|d\.m?ts)$/;

/**
 * The package a bare specifier names (`lit/decorators.js` -> `lit`, `@lit/task` -> `@lit/task`),
 * or null for relative paths, URLs and Node built-ins.
 * @param {string} specifier
 */
export function packageOf(specifier) {
  if (/^(\.{0,2}\/|[a-z]+:)/.test(specifier) || isBuiltin(specifier)) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Problems with what the published files import.
 * @param {object} input
 * @param {string} input.unpacked the unpacked tarball
 * @param {readonly string[]} input.files its files
 * @param {Record<string, any>} input.manifest the tarball's package.json
 * @param {string} input.packageDir the package's folder in the repository (its node_modules holds the dependencies)
 * @returns {string[]}
 */
export function checkImports({ unpacked, files, manifest, packageDir }) {
  const declared = new Set(
    ['dependencies', 'peerDependencies', 'optionalDependencies'].flatMap((f) =>
      Object.keys(manifest[f] ?? {}),
    ),
  );
  /** @type {Map<string, Set<string>>} problem -> files */
  const found = new Map();
  const note = (/** @type {string} */ problem, /** @type {string} */ file) =>
    found.set(problem, (found.get(problem) ?? new Set()).add(file));
  for (const file of files.filter((f) => CHECKED.test(f))) {
    const text = readFileSync(join(unpacked, file), 'utf8');
    const isDeclaration = /\.d\.m?ts$/.test(file);
    for (const { fileName: specifier } of ts.preProcessFile(text, true, true).importedFiles) {
      const name = packageOf(specifier);
      if (name === null || name === manifest.name) continue;
      if (!declared.has(name)) {
        note(`imports "${specifier}" but "${name}" is not in dependencies or peerDependencies`, file);
      } else if (isDeclaration && !hasOwnTypes(packageDir, name)) {
        const types = `@types/${name.replace(/^@/, '').replace('/', '__')}`;
        if (!declared.has(types))
          note(
            `its types import "${specifier}", whose declarations are in ${types}: make ${types} a dependency`,
            file,
          );
      }
    }
  }
  return [...found].map(
    ([problem, where]) =>
      `${[...where].slice(0, 3).join(', ')}${where.size > 3 ? ` (and ${where.size - 3} more)` : ''} ${problem}`,
  );
}

/**
 * Whether an installed dependency ships its own declarations.
 * @param {string} packageDir
 * @param {string} name
 */
function hasOwnTypes(packageDir, name) {
  const dir = join(packageDir, 'node_modules', name);
  if (!existsSync(join(dir, 'package.json')))
    throw new Error(`${name} is not installed in ${packageDir}: run pnpm install`);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return Boolean(
    manifest.types ||
    manifest.typings ||
    JSON.stringify(manifest.exports ?? {}).includes('"types"') ||
    existsSync(join(dir, 'index.d.ts')),
  );
}
