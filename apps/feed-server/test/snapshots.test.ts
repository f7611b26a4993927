/// <reference lib="dom" />
/**
 * Images of the widgets, as a reader gets them: a PNG of every widget in both languages and both
 * themes at the asked size; an SVG of the gauge and the map that stands alone (parseable, titled
 * with the text alternative, drawn by a browser as the PNG looks); the text alternative in each
 * language; HEAD; and each PNG against a screenshot of the live widget on a real page (the embed
 * bundle, a `<safety-feed>` and the same options), pixel for pixel within a small tolerance.
 */
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_STYLE } from '../src/snapshots/page-template.js';
import { CHROMIUM_ARGS, contextOptions } from '../src/snapshots/renderer.js';
import type { TestServer } from './helpers.js';
import {
  CHROME,
  PNG_SIGNATURE,
  differingShare,
  fetchBytes,
  meanLuminance,
  pngSize,
  startSnapshotServer,
} from './snapshots-helpers.js';

const WIDGETS = [
  ['score-gauge', 360],
  ['grid-map', 640],
  ['case-timeline', 720],
  ['indicator-table', 960],
] as const;
const CJK = /[\u4e00-\u9fff]/;

let server: TestServer;
let browser: Browser;
const image = (file: string, query = '') =>
  fetchBytes(`${server.url}/api/feeds/yantian/snapshots/${file}${query}`);

beforeAll(async () => {
  server = await startSnapshotServer();
  browser = await chromium.launch({ executablePath: CHROME, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('PNG', { timeout: 180_000 }, () => {
  it.each(WIDGETS)('%s.png: width × scale, in English and Chinese, light and dark', async (widget, width) => {
    const pngs: Record<string, Buffer> = {};
    for (const lang of ['en', 'zh-CN'])
      for (const theme of ['light', 'dark']) {
        const reply = await image(`${widget}.png`, `?lang=${lang}&theme=${theme}`);
        expect(reply.status, reply.text).toBe(200);
        expect(reply.headers['content-type']).toBe('image/png');
        expect(reply.headers['content-length']).toBe(String(reply.body.length));
        expect(reply.body.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
        const size = pngSize(reply.body);
        expect(size.width).toBe(width * 2);
        expect(size.height % 2).toBe(0);
        expect(size.height).toBeGreaterThan(200);
        // The widget drew its data (the sample feed of 2017 is stale), not a loading or error state.
        expect(['ready', 'stale']).toContain(reply.headers['x-widget-status']);
        pngs[`${lang} ${theme}`] = reply.body;
      }
    expect(meanLuminance(pngs['en dark']!)).toBeLessThan(meanLuminance(pngs['en light']!) - 60);
    expect(meanLuminance(pngs['zh-CN dark']!)).toBeLessThan(meanLuminance(pngs['zh-CN light']!) - 60);
    expect(pngs['en light']!.equals(pngs['zh-CN light']!)).toBe(false);
  });

  it('takes the asked width and scale', async () => {
    for (const [scale, expected] of [
      [1, 400],
      [3, 1200],
    ]) {
      const reply = await image('score-gauge.png', `?width=400&scale=${scale}`);
      expect(reply.status).toBe(200);
      const size = pngSize(reply.body);
      expect(size.width).toBe(expected);
      expect(size.height % scale!).toBe(0);
    }
  });

  it('answers HEAD with the headers of the GET and no body', async () => {
    const get = await image('grid-map.png');
    const head = await fetchBytes(`${server.url}/api/feeds/yantian/snapshots/grid-map.png`, {
      method: 'HEAD',
    });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-type']).toBe('image/png');
    expect(head.headers.etag).toBe(get.headers.etag);
    expect(head.headers['content-length']).toBe(String(get.body.length));
  });
});

describe('text alternative', { timeout: 120_000 }, () => {
  it.each(WIDGETS)('%s.txt: plain text in English and in Chinese', async (widget) => {
    const en = await image(`${widget}.txt`);
    const zh = await image(`${widget}.txt`, '?lang=zh-CN');
    for (const reply of [en, zh]) {
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(reply.text.trim().length).toBeGreaterThan(20);
    }
    expect(en.text).toMatch(/[A-Za-z]{4}/);
    expect(en.text).not.toMatch(CJK);
    expect(zh.text).toMatch(CJK);
  });
});

describe('SVG', { timeout: 120_000 }, () => {
  it.each([
    ['score-gauge', 360],
    ['grid-map', 640],
  ] as const)(
    '%s.svg stands alone: parseable, titled with the text alternative, drawn as the PNG looks',
    async (widget, width) => {
      const page = await browser.newPage(contextOptions(2));
      try {
        for (const [lang, theme] of [
          ['en', 'light'],
          ['zh-CN', 'dark'],
        ]) {
          const query = `?lang=${lang}&theme=${theme}`;
          const svg = await image(`${widget}.svg`, query);
          expect(svg.status).toBe(200);
          expect(svg.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
          expect(svg.headers['content-security-policy']).toContain("default-src 'none'");
          expect(svg.text).not.toMatch(/<script|<foreignObject|\bon[a-z]+=/i);
          const text = (await image(`${widget}.txt`, `?lang=${lang}`)).text.trim();
          const parsed = await page.evaluate((source) => {
            const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
            const root = doc.documentElement;
            return {
              error: doc.querySelector('parsererror')?.textContent ?? null,
              name: root.localName,
              width: root.getAttribute('width'),
              title: root.querySelector(':scope > title')?.textContent ?? null,
              texts: root.querySelectorAll('text').length,
            };
          }, svg.text);
          expect(parsed).toMatchObject({ error: null, name: 'svg', width: String(width), title: text });
          expect(parsed.texts).toBeGreaterThan(5);

          // Drawn by the browser as an image (no page CSS, no fonts of its own): as the PNG looks.
          const png = await image(`${widget}.png`, query);
          await page.setViewportSize({ width, height: pngSize(png.body).height / 2 });
          await page.setContent(
            `<body style="margin:0"><img alt="" src="data:image/svg+xml;base64,${svg.body.toString('base64')}"></body>`,
          );
          await page.waitForFunction(() => document.querySelector('img')!.complete);
          const drawn = await page.locator('img').screenshot({ animations: 'disabled' });
          expect(pngSize(drawn)).toEqual(pngSize(png.body));
          expect(differingShare(drawn, png.body)).toBeLessThan(0.03);
        }
      } finally {
        await page.close();
      }
    },
  );
});

describe('the same as the live widget', { timeout: 180_000 }, () => {
  it.each([
    ['score-gauge', 360, 2, ''],
    ['score-gauge', 360, 2, 'lang=zh-CN&theme=dark'],
    ['grid-map', 640, 1, 'lang=zh-CN&metric=fraud'],
    ['case-timeline', 720, 1, 'theme=dark&interval=year'],
    ['indicator-table', 960, 1, 'area=fire'],
  ] as const)(
    '%s (width %i, scale %i, %s) matches a screenshot of the widget on a page',
    async (widget, width, scale, query) => {
      const params = new URLSearchParams(query);
      const lang = params.get('lang') ?? 'en';
      const theme = params.get('theme') ?? 'light';
      params.delete('lang');
      params.delete('theme');
      const reply = await image(`${widget}.png`, `?${query}&scale=${scale}`);
      expect(reply.status, reply.text).toBe(200);

      // A page on the server's origin: the embed bundle from /cdn/, a <safety-feed> of the same feed.
      const context = await browser.newContext(contextOptions(scale));
      try {
        const page = await context.newPage();
        await page.setViewportSize({ width, height: 800 });
        const attributes = [...params].map(([name, value]) => ` ${name}="${value}"`).join('');
        await page.route(`${server.url}/live.html`, (route) =>
          route.fulfill({
            contentType: 'text/html; charset=utf-8',
            body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><style>${PAGE_STYLE}</style>
            <script type="module" src="/cdn/safety-widgets.js"></script></head>
            <body><safety-feed id="district" src="/api/feeds/yantian"></safety-feed>
            <safety-${widget} feed="district" lang="${lang}" theme="${theme}" snapshot${attributes} style="width: ${width}px"></safety-${widget}>
            </body></html>`,
          }),
        );
        await page.goto(`${server.url}/live.html`);
        const element = page.locator(`safety-${widget}`);
        await page.waitForFunction(
          (tag) =>
            ['ready', 'stale', 'empty'].includes(document.querySelector(tag)?.getAttribute('status') ?? ''),
          `safety-${widget}`,
          { timeout: 30_000 },
        );
        await page.evaluate(async () => {
          await document.fonts.ready;
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        });
        const height = Math.ceil((await element.boundingBox())!.height);
        await page.setViewportSize({ width, height: Math.max(800, height) });
        const live = await page.screenshot({
          clip: { x: 0, y: (await element.boundingBox())!.y, width, height },
          animations: 'disabled',
          caret: 'hide',
        });
        expect(pngSize(reply.body)).toEqual(pngSize(live));
        expect(differingShare(reply.body, live)).toBeLessThan(0.01);
      } finally {
        await context.close();
      }
    },
  );
});
