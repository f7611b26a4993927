/**
 * Story tests: every story in the docs app (`.storybook/main.ts`) runs as a Vitest test in headless
 * Chromium — its render, its play function, then axe through the a11y addon (`a11y.test: 'error'`
 * in preview.ts), so a serious or critical accessibility violation fails the story.
 *
 *   pnpm test:stories        (after `pnpm build`: stories import the built packages and sample feeds)
 *
 * The browser is found like every other browser test here (vitest.shared.ts): CHROME_PATH, a system
 * Chromium, or Playwright's own.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { chromiumBrowser } from './vitest.shared.ts';

const dirname = path.dirname(fileURLToPath(import.meta.url));

/**
 * Tag of stories kept out of story tests (reported as skipped, never silently dropped). Each story
 * that carries it says why in a comment; it stays in the docs app.
 */
export const SKIP_TAG = 'skip-story-test';

export default defineConfig({
  test: {
    // Story files run side by side in two pages of one Chromium: the indicator table alone takes
    // as long as the other files together.
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // Pre-bundle every dependency the stories reach before the first test: Vite crawls the
        // stories from these entries (a dependency found later makes Vite reload the page, which
        // breaks the story files running at that moment). axe-core is loaded lazily by the a11y addon.
        optimizeDeps: {
          entries: ['packages/*/src/**/*.stories.ts', '.storybook/preview.ts'],
          include: ['axe-core'],
        },
        plugins: [
          storybookTest({
            configDir: path.join(dirname, '.storybook'),
            tags: { skip: [SKIP_TAG] },
          }),
        ],
        test: {
          name: 'storybook',
          testTimeout: 60_000,
          browser: chromiumBrowser(),
        },
      },
    ],
  },
});
