/**
 * "Before the first release, linked to a clone" (packages/react/README.md): `npm install` the clone's
 * packages/react into a new app, with the README's vite.config.js (`resolve.dedupe`), build with Vite,
 * and use it in Chromium. Without the dedupe the app bundles two Reacts and crashes.
 */
import { lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  REACT_VERSION,
  ROOT,
  expectTheExampleWorks,
  launchChromium,
  newApp,
  npm,
  removeApp,
  serve,
  viteBuild,
} from './consumer-app.ts';

let browser: Browser;
let app: string | undefined;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  removeApp(app);
});

/** The README's vite.config.js for a linked package: the fenced block that starts with that name. */
function readmeViteConfig(): string {
  const readme = readFileSync(join(ROOT, 'packages/react/README.md'), 'utf8');
  const block = /^```js\n(\/\/ vite\.config\.js\n[\s\S]*?)^```$/m.exec(readme)?.[1];
  expect(block, 'packages/react/README.md shows a vite.config.js').toBeDefined();
  expect(block).toContain("dedupe: ['react', 'react-dom']");
  return block!;
}

it('links packages/react into an app with npm, builds with the README’s Vite config, and works in Chromium', async () => {
  app = newApp('safety-widgets-linked', {});
  writeFileSync(join(app, 'vite.config.js'), readmeViteConfig());
  npm(app, 'install', `react@${REACT_VERSION}`, `react-dom@${REACT_VERSION}`, join(ROOT, 'packages/react'));
  expect(lstatSync(join(app, 'node_modules/@safety-widgets/react')).isSymbolicLink()).toBe(true);

  const server = await serve(await viteBuild(app));
  try {
    await expectTheExampleWorks(browser, server.url);
  } finally {
    await server.close();
  }
});
