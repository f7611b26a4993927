/**
 * The README's script-tag snippet, pasted into a page as a web developer would, in Chromium: the CDN and
 * the feed host are answered from this build (packages/embed/dist at the pinned version, the sample
 * feed), so the page loads exactly the URLs the snippet names and the browser checks every file
 * against the integrity the snippet gives it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { launchChromium } from './chromium.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CDN_BASE } from '../../../.storybook/embed-snippet.ts';
import { ROOT } from './doc-files.ts';
import { fencedBlocks } from './fences.ts';
import { buildInfo, pinnedFiles } from './pinned-snippets.ts';

const EMBED_DIST = join(ROOT, 'packages/embed/dist');
const FEED = join(ROOT, 'packages/sample-data/dist/feeds/yantian.json');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The README's first HTML block that loads an embed file. */
function readmeSnippet(): string {
  const blocks = fencedBlocks('README.md', readFileSync(join(ROOT, 'README.md'), 'utf8'));
  const block = blocks.find((b) => b.lang === 'html' && pinnedFiles(b.code).length > 0);
  expect(block, 'README.md has a script-tag snippet').toBeDefined();
  return block!.code;
}

it('draws the README snippet’s widget, every file checked against the integrity the snippet pins', async () => {
  const { version } = buildInfo();
  const snippet = readmeSnippet();
  const page = await browser.newPage();
  const problems: string[] = [];
  const served: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  try {
    await page.route('https://site.example/', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CMS page</title></head><body>\n${snippet}\n</body></html>`,
      }),
    );
    // The CDN: this build's files at the version the snippet pins, nothing else.
    await page.route(`${CDN_BASE}@*/**`, (route) => {
      const url = route.request().url();
      const prefix = `${CDN_BASE}@${version}/dist/`;
      const file = url.startsWith(prefix) ? join(EMBED_DIST, url.slice(prefix.length)) : '';
      if (!file.startsWith(EMBED_DIST) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
      served.push(url.slice(prefix.length));
      return route.fulfill({
        contentType: 'text/javascript',
        headers: { 'access-control-allow-origin': '*' },
        body: readFileSync(file),
      });
    });
    // Any feed URL the snippet names: the sample district, cross-origin as on a real page.
    await page.route(/^https:\/\/(?!site\.example|cdn\.jsdelivr\.net).*/, (route) =>
      route.fulfill({
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'ETag' },
        body: readFileSync(FEED),
      }),
    );
    await page.goto('https://site.example/', { waitUntil: 'commit' });
    const meter = page.locator('safety-score-gauge').getByRole('meter');
    const figure = () => meter.getAttribute('aria-valuetext', { timeout: 1000 }).catch(() => '');
    await expect
      .poll(figure, { timeout: 30_000 })
      .toMatch(/\d（满分100）/)
      .catch((error: Error) => {
        throw new Error(`${error.message}; the page said: ${problems.join(' | ') || 'nothing'}`);
      });
    expect(served).toEqual(expect.arrayContaining(pinnedFiles(snippet)));
    expect(served.some((file) => file.startsWith('chunks/runtime-'))).toBe(true);
    // A wrong or missing hash is refused by the browser with a console error: there is none.
    expect(problems).toEqual([]);
  } finally {
    await page.close();
  }
});
