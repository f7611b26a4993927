/**
 * `pnpm start` prints the docs app's URL: it must build the docs app into the folder the feed
 * server serves at /docs/ before it starts the server (the server's own test checks that every URL
 * it prints answers).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './doc-files.ts';

it('pnpm start builds the docs app into storybook-static, then starts the feed server', () => {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const steps = scripts.start!.split('&&').map((step) => step.trim());
  const docs = steps.findIndex((step) => /^storybook build\b.*\s-o storybook-static\b/.test(step));
  const server = steps.findIndex((step) => step.startsWith('node apps/feed-server/dist/main.js'));
  expect(docs, scripts.start).toBeGreaterThan(-1);
  expect(server, scripts.start).toBeGreaterThan(docs);
  // …into the folder the feed server serves at /docs/ by default.
  const sites = readFileSync(join(ROOT, 'apps/feed-server/src/site/default-sites.ts'), 'utf8');
  expect(sites).toContain("{ prefix: '/docs/', folder: 'storybook-static' }");
});
