/**
 * "Before the first release, from tarballs" (packages/react/README.md), step by step: pack every
 * public package into a folder inside a new app, add the printed dependency and overrides to its
 * package.json, `npm install`, build with Vite, and use it in Chromium.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, writeFileSync } from 'node:fs';
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

it('installs the packed tarballs with npm and overrides, builds with Vite, and works in Chromium', async () => {
  app = newApp('safety-widgets-from-tarballs', {});
  execFileSync(process.execPath, [join(ROOT, 'scripts/pack-packages.mjs'), join(app, 'safety-widgets')], {
    cwd: app,
    stdio: 'pipe',
  });
  const printed = JSON.parse(readFileSync(join(app, 'safety-widgets/package-json.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    overrides: Record<string, string>;
  };
  // Every public package is packed and overridden: the React package alone could not be installed.
  expect(Object.keys(printed.overrides)).toEqual(
    expect.arrayContaining(['@safety-widgets/core', '@safety-widgets/react', '@safety-widgets/score-gauge']),
  );
  const packageJson = join(app, 'package.json');
  const current = JSON.parse(readFileSync(packageJson, 'utf8')) as Record<string, unknown>;
  writeFileSync(
    packageJson,
    JSON.stringify({
      ...current,
      dependencies: { ...printed.dependencies, react: REACT_VERSION, 'react-dom': REACT_VERSION },
      overrides: printed.overrides,
    }),
  );
  npm(app, 'install');

  // What npm installed are copies from the tarballs, not links into this repository.
  for (const name of ['react', 'core', 'score-gauge', 'grid-map', 'case-timeline']) {
    const dir = join(app, 'node_modules/@safety-widgets', name);
    expect(lstatSync(dir).isSymbolicLink(), name).toBe(false);
    expect(existsSync(join(dir, 'package.json')), name).toBe(true);
  }
  const server = await serve(await viteBuild(app));
  try {
    await expectTheExampleWorks(browser, server.url);
  } finally {
    await server.close();
  }
});
