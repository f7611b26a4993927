/**
 * What a tarball may hold: the licence and the readme, the built files and the sources their maps
 * point to; never stories, tests, fixtures, benchmarks or compiled files whose source is gone.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Files users never need, by path inside the tarball, each with the reason it is named.
 * @type {readonly [RegExp, string][]}
 */
const NOT_FOR_USERS = [
  [/\.stories\.[cm]?[jt]sx?$/, 'a story'],
  [/\.(test|spec)\.[cm]?[jt]sx?$/, 'a test'],
  [
    /(^|\/)(test|tests|__tests__|fixtures|__fixtures__|__screenshots__|bench)\//,
    'test or benchmark material',
  ],
  [/\.tsbuildinfo$/, 'a compiler cache'],
];

/** What tsc writes for one source file. */
const COMPILED = /\.(d\.ts\.map|d\.ts|js\.map|js)$/;

/**
 * Problems with the files in a tarball.
 * @param {object} input
 * @param {string} input.unpacked the unpacked tarball
 * @param {readonly string[]} input.files its files
 * @param {string} input.packageDir the package's folder in the repository
 * @param {string} input.dir the same, relative to the repository root (for messages)
 * @param {string} input.license the repository's LICENSE text
 * @returns {string[]}
 */
export function checkContents({ unpacked, files, packageDir, dir, license }) {
  const problems = [];
  if (!files.includes('LICENSE'))
    problems.push(`no LICENSE: copy the repository's LICENSE to ${dir}/LICENSE`);
  else if (readFileSync(join(unpacked, 'LICENSE'), 'utf8') !== license)
    problems.push(`LICENSE differs from the repository's: copy the repository's LICENSE to ${dir}/LICENSE`);
  if (!files.includes('README.md')) problems.push('no README.md');
  for (const file of files) {
    const hit = NOT_FOR_USERS.find(([pattern]) => pattern.test(file));
    if (hit) problems.push(`${file} is ${hit[1]}: exclude it in package.json "files"`);
  }
  problems.push(...staleOutput(files, packageDir, dir));
  return problems;
}

/**
 * Compiled files whose source no longer exists: tsc never deletes what it wrote before, so a
 * module removed from src/ stays in dist/ and would be published. Only folders tsc writes to
 * (those that mirror a folder of src/) are checked; bundles and generated data live elsewhere.
 * @param {readonly string[]} files
 * @param {string} packageDir
 * @param {string} dir
 */
function staleOutput(files, packageDir, dir) {
  if (!existsSync(join(packageDir, 'tsconfig.build.json'))) return [];
  const stale = files.filter((file) => {
    if (!file.startsWith('dist/') || !COMPILED.test(file)) return false;
    const stem = file.slice('dist/'.length).replace(COMPILED, '');
    const folder = join(packageDir, 'src', dirname(stem));
    if (!existsSync(folder) || !statSync(folder).isDirectory()) return false;
    return !['.ts', '.tsx', '.mts'].some((ext) => existsSync(join(packageDir, 'src', stem + ext)));
  });
  if (stale.length === 0) return [];
  return [
    `stale build output, its source is gone from src/: ${stale.join(', ')}. ` +
      `Rebuild from clean: rm -rf ${dir}/dist && npx turbo run build --force --filter ./${dir}`,
  ];
}
