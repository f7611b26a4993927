/**
 * Headless Chromium through Playwright, found the same way as the browser tests
 * (`chromiumPath()` and `chromiumArgs` from vitest.shared.ts), and a fresh page per run.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { chromiumArgs, chromiumPath } from '../../vitest.shared.ts';
import { installHelpers } from './page-helpers.js';

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    // performance.memory with exact figures, for the memory section.
    args: [...chromiumArgs, '--enable-precise-memory-info'],
  });
}

/**
 * A new browser context (nothing cached or shared with earlier runs) whose pages have
 * `window.bench` installed before their own scripts run. Close it with `context.close()`.
 */
export async function newBenchContext(browser: Browser): Promise<BrowserContext> {
  // Reduced motion: no gauge sweep or chart animation, so "drawn" means the final picture.
  const context = await browser.newContext({
    viewport: { width: 1200, height: 900 },
    locale: 'en-US',
    reducedMotion: 'reduce',
  });
  // tsx keeps function names with an esbuild `__name` helper that the page does not have.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  await context.addInitScript(installHelpers);
  context.on('weberror', (error) => console.error(`  page error: ${error.error().message}`));
  return context;
}

/**
 * A new page in a new browser context at the server's empty page, with `window.bench` installed.
 * Close it with `page.context().close()`.
 */
export async function freshPage(browser: Browser, origin: string): Promise<Page> {
  const context = await newBenchContext(browser);
  const page = await context.newPage();
  await page.goto(origin);
  return page;
}

/** Runs `body` with a fresh page and closes its context afterwards. */
export async function withPage<T>(
  browser: Browser,
  origin: string,
  body: (page: Page) => Promise<T>,
): Promise<T> {
  const page = await freshPage(browser, origin);
  try {
    return await body(page);
  } finally {
    await page.context().close();
  }
}
