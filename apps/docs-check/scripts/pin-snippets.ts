/**
 * `pnpm --filter @safety-widgets/docs-check pin` (after `pnpm build`): brings every script-tag snippet
 * of the docs in step with packages/embed/dist/manifest.json — the embed's version, each file's
 * integrity, the import map of each entry's chunks. Run it whenever the embed files change (a new
 * version, or any change to a widget); the docs-check test fails until it has run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, docFiles } from '../src/doc-files.ts';
import { buildInfo, pinSnippets } from '../src/pinned-snippets.ts';

const { manifest, version } = buildInfo();
if (manifest.version !== version) {
  console.error(
    `packages/embed/dist is of ${manifest.version}, package.json says ${version}: run pnpm build`,
  );
  process.exit(1);
}
let failed = false;
for (const file of docFiles()) {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const pinned = pinSnippets(text, manifest);
  for (const name of pinned.unknown) {
    console.error(`${file}: ${name} is not a file of the embed package`);
    failed = true;
  }
  if (pinned.text !== text) {
    writeFileSync(join(ROOT, file), pinned.text);
    console.log(`${file}: pinned to @safety-widgets/embed@${version}`);
  }
}
process.exit(failed ? 1 : 0);
