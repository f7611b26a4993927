#!/usr/bin/env node
/**
 * `node scripts/pack-packages.mjs <folder>`: packs every public package (`packages/*` that is not
 * private) into `<folder>` as the tarball npm would publish, for an app that wants the packages
 * before they are on npm. Run it after `pnpm build`; put `<folder>` inside the app.
 *
 * The packed packages depend on each other by version (`@safety-widgets/core@0.1.0`, …), which npm
 * cannot find before the first release, so the app's package.json needs an `overrides` map that
 * points every `@safety-widgets/*` name at its tarball. This script prints that map (paths relative to
 * the folder's parent, the app), with the `dependencies` lines for the packages the app names, and
 * writes the same as JSON to `<folder>/package-json.json`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2];
if (!out || out.startsWith('-')) {
  console.error('usage: node scripts/pack-packages.mjs <folder inside your app>');
  process.exit(2);
}
const folder = resolve(out);
mkdirSync(folder, { recursive: true });

/** The public packages: name, version and folder. */
const packages = readdirSync(join(root, 'packages'))
  .map((dir) => join(root, 'packages', dir))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => ({ dir, ...JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
  .filter((pkg) => !pkg.private)
  .sort((a, b) => a.name.localeCompare(b.name));

const unbuilt = packages.filter((pkg) => !existsSync(join(pkg.dir, 'dist')));
if (unbuilt.length > 0) {
  console.error(`Not built: ${unbuilt.map((p) => p.name).join(', ')}. Run \`pnpm build\` first.`);
  process.exit(1);
}

/** `file:` specifier of a tarball, relative to the app (the folder's parent), with forward slashes. */
const spec = (tarball) => `file:${relative(dirname(folder), tarball).split(sep).join('/')}`;

const overrides = {};
for (const pkg of packages) {
  // `pnpm pack` turns `workspace:*` ranges into the packages' versions, as `pnpm publish` does.
  const printed = execFileSync('pnpm', ['pack', '--pack-destination', folder], {
    cwd: pkg.dir,
    encoding: 'utf8',
  });
  const tarball = printed
    .trim()
    .split('\n')
    .map((line) => line.trim())
    .findLast((line) => line.endsWith('.tgz'));
  if (!tarball || !existsSync(resolve(folder, tarball))) {
    throw new Error(`pnpm pack printed no tarball for ${pkg.name}:\n${printed}`);
  }
  overrides[pkg.name] = spec(resolve(folder, tarball));
  console.log(`packed ${pkg.name}@${pkg.version}  ${basename(tarball)}`);
}

/** What the app's package.json needs: the packages it names (here, React's), and the overrides for all. */
const fragment = {
  dependencies: { '@safety-widgets/react': overrides['@safety-widgets/react'] },
  overrides,
};
writeFileSync(join(folder, 'package-json.json'), `${JSON.stringify(fragment, null, 2)}\n`);

const indent = (value) => JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
console.log(`
${packages.length} packages in ${relative(process.cwd(), folder) || '.'}. In your app's package.json (npm), add the
packages you use to "dependencies" with these specifiers (for React, @safety-widgets/react),
and every one of them to "overrides", then run \`npm install\`:

  "overrides": ${indent(overrides)}

(The same, as JSON: ${relative(process.cwd(), join(folder, 'package-json.json'))}.)`);
