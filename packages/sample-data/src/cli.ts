/**
 * Writes dist/feeds/*.json: the district feed, the four sub-district feeds and index.json,
 * plus the outline licence. Every feed is validated with `validateFeed` first; any issue
 * (fatal or warning) stops the build with a non-zero exit code.
 *
 * Run with `tsx src/cli.ts` (the package's build script does).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateFeed } from '@safety-widgets/core';
import { OUTLINES_URL } from './geometry/outline.js';
import { buildFeedIndex, buildFeeds, feedFile, serializeFeed } from './index.js';

const outDir = fileURLToPath(new URL('../dist/feeds/', import.meta.url));
const licence = fileURLToPath(new URL('LICENSE.shenzhen-districts.txt', OUTLINES_URL));

const { district, subdistricts } = buildFeeds();
const feeds = [district, ...subdistricts];

let failed = false;
for (const feed of feeds) {
  const result = validateFeed(feed);
  if (!result.ok || result.issues.length > 0) {
    failed = true;
    console.error(`feed ${feed.id}: ${result.ok ? 'valid but with warnings' : 'INVALID'}`);
    for (const issue of result.issues) console.error(`  ${issue.severity}: ${issue.message}`);
  }
}
if (failed) {
  console.error('sample-data: not writing feeds with validation issues');
  process.exit(1);
}

mkdirSync(outDir, { recursive: true });
for (const feed of feeds) {
  const text = serializeFeed(feed);
  writeFileSync(join(outDir, feedFile(feed.id)), text);
  console.log(`wrote dist/feeds/${feedFile(feed.id)} (${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB)`);
}
writeFileSync(join(outDir, 'index.json'), `${JSON.stringify(buildFeedIndex(), null, 2)}\n`);
// The feeds carry the district outlines, so the outlines' licence goes beside them.
writeFileSync(join(outDir, 'LICENSE.shenzhen-districts.txt'), readFileSync(licence));
console.log('wrote dist/feeds/index.json and dist/feeds/LICENSE.shenzhen-districts.txt');
