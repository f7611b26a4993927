/**
 * Shared Vitest settings: every package's browser tests run in real Chromium
 * through Playwright. The browser is found the same way everywhere (tests,
 * benchmarks): CHROME_PATH, then a system Chromium, then Playwright's own.
 */
import { existsSync } from 'node:fs';
import { playwright } from '@vitest/browser-playwright';
import type { TestProjectInlineConfiguration } from 'vitest/config';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium executable to drive, or undefined to let Playwright use its own. */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return fromEnv;
  return SYSTEM_CHROMIUM.find((p) => existsSync(p));
}

/** Flags that keep headless Chromium quiet on machines with no outside network. */
export const chromiumArgs = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-gpu',
  '--no-sandbox',
];

/** Vitest's browser mode in headless Chromium, driven by Playwright (for any browser project). */
export function chromiumBrowser() {
  const executablePath = chromiumPath();
  return {
    enabled: true,
    headless: true,
    screenshotFailures: false,
    provider: playwright({
      launchOptions: {
        ...(executablePath ? { executablePath } : {}),
        args: chromiumArgs,
      },
    }),
    instances: [{ browser: 'chromium' as const }],
  };
}

/** A Vitest project that runs `*.browser.test.ts` files in headless Chromium. */
export function browserProject(
  overrides: Partial<TestProjectInlineConfiguration['test']> = {},
): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: {
      name: 'browser',
      include: ['src/**/*.browser.test.ts'],
      testTimeout: 60_000,
      browser: chromiumBrowser(),
      ...overrides,
    },
  };
}

/** A Vitest project for pure functions, run in Node: `*.test.ts` that are not browser tests. */
export function unitProject(
  overrides: Partial<TestProjectInlineConfiguration['test']> = {},
): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: {
      name: 'unit',
      include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
      benchmark: { include: ['bench/**/*.bench.ts'] },
      exclude: ['src/**/*.browser.test.ts', '**/node_modules/**'],
      environment: 'node',
      // Large-feed cases take seconds on a loaded 2-core machine; timings are benched, not asserted.
      testTimeout: 60_000,
      ...overrides,
    },
  };
}
