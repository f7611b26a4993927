#!/usr/bin/env node
/**
 * Writes core's version from its package.json into its src/version.ts (the version a widget names
 * when two copies meet on one page; every public package shares it, changesets' fixed group). Run by
 * `pnpm version-packages` after `changeset version`; core's version test checks that the two agree,
 * and check:packages that every public package has the same version.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PATTERN = /export const VERSION = '[^']*';/;
let changed = 0;
for (const name of readdirSync('packages')) {
  const file = join('packages', name, 'src', 'version.ts');
  if (!existsSync(file)) continue;
  const { version } = JSON.parse(readFileSync(join('packages', name, 'package.json'), 'utf8'));
  const source = readFileSync(file, 'utf8');
  if (!PATTERN.test(source)) throw new Error(`${file}: no \`export const VERSION = '…';\` line`);
  const next = source.replace(PATTERN, `export const VERSION = '${version}';`);
  if (next !== source) {
    writeFileSync(file, next);
    changed += 1;
    console.log(`${file}: ${version}`);
  }
}
console.log(`${changed} version file(s) updated`);
