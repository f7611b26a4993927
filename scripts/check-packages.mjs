#!/usr/bin/env node
/**
 * Checks what users get from npm. Packs every public package (everything under packages/) into a
 * temporary folder, as `pnpm publish` would, and checks each tarball:
 *
 * - contents: LICENSE (the repository's) and README; no stories, tests, fixtures or benchmarks;
 *   no compiled file whose source is gone (see package-surface/contents.mjs);
 * - metadata: repository, homepage, bugs, keywords, author, licence, engines, public access;
 * - imports: every module a published file imports is in the tarball or a declared dependency,
 *   and the types its .d.ts files import come with it;
 * - `publint --strict` and `attw --profile esm-only` (the packages are ESM-only);
 *
 * and across packages: one version for every public package, and every other workspace package
 * private. Needs a build first; `pnpm check:packages` builds, then runs this. Works offline.
 *
 *   node scripts/check-packages.mjs [name-part]   # only the packages whose folder contains name-part
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkContents } from './package-surface/contents.mjs';
import { checkImports } from './package-surface/imports.mjs';
import { checkMetadata } from './package-surface/metadata.mjs';
import { packPackage } from './package-surface/pack.mjs';
import { runAttw, runPublint } from './package-surface/tools.mjs';
import { privatePackages, publishedPackages, readJson } from './package-surface/workspace.mjs';

const root = resolve(import.meta.dirname, '..');
const only = process.argv[2] ?? '';
const license = readFileSync(join(root, 'LICENSE'), 'utf8');
const rootManifest = readJson(join(root, 'package.json'));
const published = publishedPackages(root);
const scratch = mkdtempSync(join(tmpdir(), 'safety-widgets-packages-'));
/** @type {Map<string, string[]>} heading -> problems */
const report = new Map();

try {
  const versions = new Set(published.map((p) => p.manifest.version));
  if (versions.size > 1) {
    report.set('versions', [
      `the public packages have different versions (${published.map((p) => `${p.manifest.name} ${p.manifest.version}`).join(', ')}); ` +
        'they are released together at one version (`fixed` in .changeset/config.json)',
    ]);
  }
  const notPrivate = privatePackages(root).filter((p) => p.manifest.private !== true);
  if (notPrivate.length > 0) {
    report.set(
      'private packages',
      notPrivate.map((p) => `${p.dir}/package.json needs "private": true (only packages/ is published)`),
    );
  }

  const selected = published.filter((p) => p.dir.includes(only));
  if (selected.length === 0) throw new Error(`no package under packages/ matches "${only}"`);
  const packed = selected.map((p, i) => {
    const destination = join(scratch, String(i));
    mkdirSync(destination);
    return { ...p, packageDir: join(root, p.dir), ...packPackage(join(root, p.dir), destination) };
  });
  const hasTypes = (/** @type {(typeof packed)[number]} */ p) => p.files.some((f) => f.endsWith('.d.ts'));

  // The tools run two at a time: attw takes a few seconds a package.
  const tool = packed.map((p) => async () => [
    ...(await runPublint(root, p.tarball)),
    ...(hasTypes(p) ? await runAttw(root, p.tarball) : []),
  ]);
  /** @type {string[][]} */
  const toolProblems = [];
  await Promise.all(
    [0, 1].map(async () => {
      for (let next = toolProblems.length; next < tool.length; next = toolProblems.length) {
        toolProblems[next] = [];
        toolProblems[next] = await tool[next]();
      }
    }),
  );

  for (const [i, p] of packed.entries()) {
    const manifest = readJson(join(p.unpacked, 'package.json'));
    const problems = [
      ...checkContents({ ...p, license }),
      ...checkMetadata(manifest, p.dir, rootManifest),
      ...checkImports({ ...p, manifest }),
      ...toolProblems[i],
    ];
    const tools = hasTypes(p)
      ? 'publint --strict, attw --profile esm-only'
      : 'publint --strict; no types (script files)';
    const summary = `${manifest.name}@${manifest.version} (${p.files.length} files; ${tools})`;
    if (problems.length > 0) report.set(summary, problems);
    else console.log(`ok   ${summary}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// Everything on stdout, so the failures come last and in order.
for (const [heading, problems] of report) {
  console.log(`FAIL ${heading}`);
  for (const problem of problems) console.log(`  - ${problem}`);
}
if (report.size > 0) {
  console.log(
    `\n${report.size} package check(s) failed: fix each problem above (scripts/check-packages.mjs).`,
  );
  process.exitCode = 1;
}
