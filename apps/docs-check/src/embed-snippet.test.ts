/**
 * The docs' embed snippet (.storybook/embed-snippet.ts, the "Show code" of every widget story): the
 * widget's pinned script, one `<safety-feed>`, the widget with the attributes the controls set, and in
 * its light DOM the image of the same view from the feed service, for sites that strip scripts.
 *
 * Pure checks first, then the snippet pasted into a page in headless Chromium, with the CDN and the
 * feed answered from this build: where scripts run the live widget draws and the image is never
 * shown; where a content system stripped the scripts the image shows, named by its text
 * alternative.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { launchChromium } from './chromium.ts';
import { attributesOf } from './html-attributes.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CDN_BASE, embedSnippet, type SnippetOptions } from '../../../.storybook/embed-snippet.ts';
import { imageHeight } from '../../../.storybook/snapshot-link.ts';
import { ROOT } from './doc-files.ts';
import { buildInfo } from './pinned-snippets.ts';
import { widgetManifests } from './widget-manifests.ts';

const { manifest } = buildInfo();
const elements = widgetManifests();
const options = (globals: Record<string, unknown>): SnippetOptions => ({
  embed: manifest,
  elements,
  globals,
});
const FEED = 'https://safety.example.gov.cn/api/feeds/yantian';
const HOSTILE = '"><script>window.pwned=1</script><img src=x onerror="window.pwned=2">';

/** The widget element of a snippet: its opening tag's text and what it holds. */
function widgetOf(snippet: string, tag: string): { open: string; inner: string } {
  const match = new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`).exec(snippet);
  expect(match, `a <${tag}> in the snippet`).not.toBeNull();
  return { open: match![1]!, inner: match![2]! };
}

describe('embedSnippet', () => {
  it('pins the widget’s script, points one feed at the story’s sample, writes the controls as attributes', () => {
    const snippet = embedSnippet(
      'safety-indicator-table',
      { dataset: 'current', width: 1000, statusFilter: 'not-met', compact: true, query: '' },
      options({ locale: 'en', theme: 'light' }),
    )!;
    expect(snippet).toContain(`src="${CDN_BASE}@${manifest.version}/dist/safety-indicator-table.js"`);
    expect(snippet).toContain(`<safety-feed id="district" src="${FEED}.json"></safety-feed>`);
    expect(widgetOf(snippet, 'safety-indicator-table').open).toBe(
      ' feed="district" status-filter="not-met" compact lang="en"',
    );
    expect(snippet).not.toContain('<style>');
  });

  it('puts the image of the same view inside the widget: PNG at scale 2, text alternative, size, lazy', () => {
    const snippet = embedSnippet(
      'safety-grid-map',
      { src: 'feeds/meisha.json', metric: 'fires', layers: '', context: true },
      options({ locale: 'zh-CN', theme: 'dark' }),
    )!;
    const { open, inner } = widgetOf(snippet, 'safety-grid-map');
    expect(open).toContain('metric="fires"');
    expect(attributesOf(inner, 'img')).toEqual({
      src: 'https://safety.example.gov.cn/api/feeds/meisha/snapshots/grid-map.png?lang=zh-CN&theme=dark&width=640&scale=2&metric=fires&layers=&context=1',
      alt: '网格地图（数据源：https://safety.example.gov.cn/api/feeds/meisha）',
      width: '640',
      height: String(imageHeight('safety-grid-map', 640)),
      loading: 'lazy',
      decoding: 'async',
      style: 'max-width: 100%; height: auto',
    });
    // The image is the widget's only child; the snippet's <safety-feed> stays empty.
    expect(inner.match(/</g)).toHaveLength(1);
  });

  it('draws the image as wide as asked (the story’s box), with the height that width expects', () => {
    const img = attributesOf(
      embedSnippet('safety-case-timeline', {}, { ...options({}), width: 480 })!,
      'img',
    );
    expect([img.width, img.height]).toEqual(['480', String(imageHeight('safety-case-timeline', 480))]);
    expect(new URL(img.src!).searchParams.get('width')).toBe('480');
  });

  it('takes the widget’s text alternative for the image when it is given', () => {
    const snippet = embedSnippet(
      'safety-score-gauge',
      {},
      { ...options({ locale: 'en' }), alt: 'Index 82.3, good.' },
    )!;
    expect(attributesOf(widgetOf(snippet, 'safety-score-gauge').inner, 'img').alt).toBe('Index 82.3, good.');
  });

  it('adds the high-contrast stylesheet for the toolbar’s high-contrast theme, whose image is light', () => {
    const snippet = embedSnippet(
      'safety-score-gauge',
      {},
      options({ locale: 'en', theme: 'high-contrast' }),
    )!;
    expect(snippet).toContain('<style>\n  safety-score-gauge {\n    --safety-color-text: #ffffff;');
    expect(new URL(attributesOf(snippet, 'img').src!).searchParams.get('theme')).toBe('light');
  });

  it('escapes HTML and script in every value, the text alternative included: it stays text', () => {
    const snippet = embedSnippet(
      'safety-indicator-table',
      { query: HOSTILE, area: `'onmouseover='x`, src: `https://evil.example/"><script>x()</script>.json` },
      { ...options({ locale: HOSTILE, theme: 'dark' }), alt: HOSTILE },
    )!;
    // The only scripts are the import map and the pinned module: every other `<` is escaped.
    const code = snippet.replace(/<!--[\s\S]*?-->/g, '');
    const tags = [...code.matchAll(/<([a-z][\w-]*)/gi)].map((m) => m[1]);
    expect(tags).toEqual(['script', 'script', 'safety-feed', 'safety-indicator-table', 'img']);
    const { open, inner } = widgetOf(snippet, 'safety-indicator-table');
    expect(open).toContain(`query="&quot;&gt;&lt;script&gt;window.pwned=1&lt;/script&gt;`);
    expect(open).toContain(`area="&#39;onmouseover=&#39;x"`);
    const img = attributesOf(inner, 'img');
    expect(Object.keys(img)).toEqual(['src', 'alt', 'width', 'height', 'loading', 'decoding', 'style']);
    expect(img.alt).toBe(HOSTILE);
    expect(new URL(img.src!).searchParams.get('query')).toBe(HOSTILE);
  });

  it('is undefined for anything that is not a widget (Storybook keeps its own source)', () => {
    expect(embedSnippet('safety-feed', {}, options({}))).toBeUndefined();
    expect(embedSnippet(undefined, {}, options({}))).toBeUndefined();
  });
});

describe('the snippet on a page', () => {
  const EMBED_DIST = join(ROOT, 'packages/embed/dist');
  const SAMPLE = join(ROOT, 'packages/sample-data/dist/feeds/yantian.json');
  /** A 1×1 PNG: what the feed service's image stands for here. */
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  );
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A page at https://site.example/ holding `body`; the CDN, the feed and the images answered from here. */
  async function open(body: string, head = ''): Promise<{ page: Page; images: string[]; dialogs: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const images: string[] = [];
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.route('https://site.example/', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CMS page</title>${head}</head><body><main>\n${body}\n</main></body></html>`,
      }),
    );
    await page.route(`${CDN_BASE}@*/**`, (route) => {
      const prefix = `${CDN_BASE}@${manifest.version}/dist/`;
      const url = route.request().url();
      const file = url.startsWith(prefix) ? join(EMBED_DIST, url.slice(prefix.length)) : '';
      if (!file.startsWith(EMBED_DIST) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({
        contentType: 'text/javascript',
        headers: { 'access-control-allow-origin': '*' },
        body: readFileSync(file),
      });
    });
    await page.route('https://safety.example.gov.cn/**', (route) => {
      const url = route.request().url();
      if (url.includes('/snapshots/')) {
        images.push(url);
        return route.fulfill({ contentType: 'image/png', body: PNG });
      }
      return route.fulfill({
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'ETag' },
        body: readFileSync(SAMPLE),
      });
    });
    await page.goto('https://site.example/');
    return { page, images, dialogs };
  }

  const snippet = (alt?: string) =>
    embedSnippet('safety-score-gauge', {}, { ...options({ locale: 'en', theme: 'light' }), alt })!;

  it('where scripts run: the live widget draws and its image is never shown (script in the head, render-blocking)', async () => {
    // As the README places it: the script in the head with blocking="render", the rest in the body.
    const [scripts, rest] = snippet().split('\n\n');
    const head = scripts!.replace(
      '<script\n  type="module"',
      '<script\n  type="module"\n  blocking="render"',
    );
    expect(head).toContain('blocking="render"');
    const { page } = await open(rest!, head);
    try {
      const gauge = page.locator('safety-score-gauge');
      // The sample's data is old: `stale` is drawn like `ready`, with a badge.
      await expect.poll(() => gauge.getAttribute('status'), { timeout: 30_000 }).toMatch(/^(ready|stale)$/);
      await expect(gauge.getByRole('meter').count()).resolves.toBe(1);
      // Two frames after ready: the page is laid out as the reader sees it.
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
      expect(await page.getByRole('img', { name: /Composite safety index, from the feed/ }).count()).toBe(0);
      expect(await gauge.locator('img').evaluate((img) => img.getClientRects().length)).toBe(0);
      // Whether Chromium fetches the lazy image once before the script has run depends on timing
      // (the embed package's fallback test sees it happen in a frame): not asserted; a cached request.
    } finally {
      await page.close();
    }
  });

  it('where a content system stripped the scripts: the image shows the figure, named by its text alternative', async () => {
    const stripped = snippet(HOSTILE).replace(/<script\b[\s\S]*?<\/script>/g, '');
    expect(stripped).not.toContain('<script');
    const { page, images, dialogs } = await open(stripped);
    try {
      const image = page.getByRole('img', { name: HOSTILE });
      await expect
        .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
        .toBe(1);
      // 360 px wide as the snippet says; as tall as the picture's own shape (here a square) once loaded.
      const box = await image.boundingBox();
      expect(box?.width).toBe(360);
      expect(box?.height).toBe(360);
      expect(images).toEqual([`${FEED}/snapshots/score-gauge.png?lang=en&theme=light&width=360&scale=2`]);
      // The markup in the text alternative stayed text: nothing ran, nothing else was drawn.
      expect(dialogs).toEqual([]);
      expect(await page.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();
      expect(await page.locator('main img').count()).toBe(1);
      // In a phone's column the picture narrows with it, keeping its shape.
      await page.setViewportSize({ width: 300, height: 700 });
      const narrow = await image.boundingBox();
      expect(narrow!.width).toBeLessThan(300);
      expect(narrow!.height).toBeCloseTo(narrow!.width, 0);
    } finally {
      await page.close();
    }
  });
});
