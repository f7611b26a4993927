/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The demo sites end to end in real Chromium, served by the real feed server on 127.0.0.1: the
 * district page (Chinese and English), the street portal (its list and every sub-district's page)
 * and the third-party newsletter (hostile CSS, strict CSP, the classic script only).
 *
 * On every page: each widget tag is defined, reaches status `ready`, is visible with a non-zero box
 * at 1280 and 375 px; no console error, page error, failed request or CSP violation; a screenshot
 * of each width goes to test-artifacts/. On the district page, selecting a grid on the map with the
 * keyboard narrows the timeline and the table, and "Show the whole district" restores them. Every page,
 * in Chinese and English at 390 and 1366 px, shifts its layout by at most 0.02 (cumulative layout
 * shift) from navigation until every widget is ready: loading states reserve the finished size.
 *
 * The sites are built by turbo before this runs (they are devDependencies of the feed server).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../vitest.shared.js';
import { INDICATOR, call, post, startTestServer, type TestServer } from './helpers.js';

const ARTIFACTS = join(import.meta.dirname, '../test-artifacts');
const WIDGETS = ['safety-score-gauge', 'safety-grid-map', 'safety-case-timeline', 'safety-indicator-table'];
const FEEDS = ['yantian', 'shatoujiao', 'haishan', 'yantian-subdistrict', 'meisha'];
/** How long a page may take to load the bundle and its feeds on a busy 2-core machine. */
const READY_MS = 30_000;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  for (const app of ['district-site', 'street-portal', 'third-party']) {
    const index = join(server.config.workspaceRoot, 'apps', app, 'dist/index.html');
    expect(existsSync(index), `${index}: run pnpm build first`).toBe(true);
  }
  // The sample feeds are dated 2017, so widgets would call them stale: one write per feed (the same
  // value again) makes each current, as simulate mode does on a running demo.
  for (const id of FEEDS) {
    const feed = (await call(`${server.url}/api/feeds/${id}`)).json() as {
      indicators: { id: string; value: unknown }[];
    };
    const value = feed.indicators.find((i) => i.id === INDICATOR)!.value;
    expect(
      (await post(server, `/api/feeds/${id}/indicators`, { indicators: [{ id: INDICATOR, value }] })).status,
    ).toBe(200);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const executablePath = chromiumPath();
  browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: chromiumArgs });
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

interface Opened {
  page: Page;
  /** Console errors, page errors and failed requests. */
  problems: string[];
  /** CSP violations, from the page's own `securitypolicyviolation` events and the console. */
  csp: string[];
  close(): Promise<void>;
}

async function open(path: string, width = 1280): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  const csp: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => csp.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (message.text().includes('Content Security Policy')) csp.push(message.text());
    else problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  await page.goto(`${server.url}${path}`);
  return { page, problems, csp, close: () => context.close() };
}

/** Waits until every widget on the page says `ready`; fails naming those that do not. */
async function allReady(page: Page): Promise<void> {
  try {
    await page.waitForFunction(
      (tags) => {
        const widgets = [...document.querySelectorAll(tags.join(','))];
        return widgets.length > 0 && widgets.every((w) => w.getAttribute('status') === 'ready');
      },
      WIDGETS,
      { timeout: READY_MS },
    );
  } catch (error) {
    const statuses = await page.evaluate(
      (tags) =>
        [...document.querySelectorAll(tags.join(','))].map(
          (w) => `${w.localName}: ${w.getAttribute('status')}`,
        ),
      WIDGETS,
    );
    throw new Error(`not every widget is ready: ${statuses.join(', ')}`, { cause: error });
  }
}

/** Each widget on the page: its tag, whether it is defined, visible, and its box. */
function widgetsOn(page: Page) {
  return page.evaluate((tags) => {
    return [...document.querySelectorAll(tags.join(','))].map((w) => {
      const box = w.getBoundingClientRect();
      const style = getComputedStyle(w);
      return {
        tag: w.localName,
        defined: customElements.get(w.localName) !== undefined && w.matches(':defined'),
        visible: style.visibility !== 'hidden' && style.display !== 'none' && w.checkVisibility(),
        width: Math.round(box.width),
        height: Math.round(box.height),
      };
    });
  }, WIDGETS);
}

async function expectWidgetsShown(page: Page, expected: readonly string[]): Promise<void> {
  const widgets = await widgetsOn(page);
  expect(widgets.map((w) => w.tag).sort()).toEqual([...expected].sort());
  for (const w of widgets) {
    expect(w, `${w.tag} is defined and visible`).toMatchObject({ defined: true, visible: true });
    expect(w.width, `${w.tag} width`).toBeGreaterThan(0);
    expect(w.height, `${w.tag} height`).toBeGreaterThan(0);
  }
  // No widget is wider than the page (a phone scrolls down, never sideways).
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
}

interface DemoPage {
  name: string;
  path: string;
  lang: string;
  h1: string;
  widgets: readonly string[];
  /** Text that must be on the page: the synthetic-data notice and the source. */
  says: readonly string[];
}

const STREETS = [
  { id: 'shatoujiao', zh: '沙头角街道' },
  { id: 'haishan', zh: '海山街道' },
  { id: 'yantian-subdistrict', zh: '盐田街道' },
  { id: 'meisha', zh: '梅沙街道' },
];
const ZH_SAYS = ['合成数据', '2017'];

const PAGES: DemoPage[] = [
  { name: 'district-zh', path: '/', lang: 'zh-CN', h1: '盐田区公共安全', widgets: WIDGETS, says: ZH_SAYS },
  {
    name: 'district-en',
    path: '/?lang=en',
    lang: 'en',
    h1: 'Public safety in Yantian District',
    widgets: WIDGETS,
    says: ['synthetic', 'Study Times, 4 December 2017'],
  },
  {
    name: 'streets',
    path: '/streets/',
    lang: 'zh-CN',
    h1: '盐田区各街道',
    widgets: STREETS.map(() => 'safety-score-gauge'),
    says: ZH_SAYS,
  },
  ...STREETS.map((s) => ({
    name: `street-${s.id}`,
    path: `/streets/${s.id}/`,
    lang: 'zh-CN',
    h1: `${s.zh}公共安全`,
    widgets: WIDGETS,
    says: ZH_SAYS,
  })),
  {
    name: 'street-meisha-en',
    path: '/streets/meisha/?lang=en',
    lang: 'en',
    h1: 'Public safety in Meisha Subdistrict',
    widgets: WIDGETS,
    says: ['synthetic', 'Study Times, 4 December 2017'],
  },
  {
    name: 'third-party',
    path: '/third-party/',
    lang: 'en',
    h1: 'The Meisha Tide',
    widgets: WIDGETS,
    says: ['synthetic', '2017 Study Times article'],
  },
];

/** Every demo page in each of its languages: the third-party newsletter is written in English only. */
const LAYOUT_PAGES = [
  ...['/', '/streets/', ...STREETS.map((s) => `/streets/${s.id}/`)].flatMap((path) => [
    path,
    `${path}?lang=en`,
  ]),
  '/third-party/',
];
/** The most a page may shift from navigation until every widget is ready (Web Vitals' "good" is 0.1). */
const MAX_LAYOUT_SHIFT = 0.02;

describe('steady while loading', () => {
  it.each(LAYOUT_PAGES.flatMap((path) => [390, 1366].map((width) => ({ path, width }))))(
    '$path at $width px: cumulative layout shift until every widget is ready <= 0.02',
    async ({ path, width }) => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const shifts: { value: number; sources: string[] }[] = [];
        (window as unknown as { layoutShifts: typeof shifts }).layoutShifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
            sources?: { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
          })[]) {
            if (entry.hadRecentInput) continue;
            shifts.push({
              value: entry.value,
              sources: (entry.sources ?? []).map((source) => {
                const node = source.node as Element | null | undefined;
                const name = node ? `${node.localName ?? '#text'}${node.id ? `#${node.id}` : ''}` : '?';
                return `${name} ${Math.round(source.previousRect.y)},${Math.round(source.previousRect.height)} -> ${Math.round(source.currentRect.y)},${Math.round(source.currentRect.height)}`;
              }),
            });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${server.url}${path}`);
      await allReady(page);
      // The frame after "ready" is the one that draws the widgets' content: count it too.
      await page.evaluate(
        () =>
          new Promise((done) =>
            requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300))),
          ),
      );
      const shifts = await page.evaluate(
        () => (window as unknown as { layoutShifts: { value: number; sources: string[] }[] }).layoutShifts,
      );
      const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
      const detail = shifts
        .map((shift) => `${shift.value.toFixed(4)}: ${shift.sources.join('; ')}`)
        .join('\n');
      expect(total, `layout shifts on ${path} at ${width} px:\n${detail}`).toBeLessThanOrEqual(
        MAX_LAYOUT_SHIFT,
      );
      await context.close();
    },
  );
});

/** What a widget's shadow root clips: boxes that hide overflowing text (not scroll containers). */
function clippedIn(page: Page) {
  return page.evaluate((tags) => {
    const found: string[] = [];
    const visit = (root: ShadowRoot, host: string) => {
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        const clips = (o: string) => o === 'hidden' || o === 'clip';
        const text = el.textContent?.trim() ?? '';
        // Visually hidden text (a 1 px clipped box) is for screen readers, not clipped reading.
        if (text === '' || el.clientWidth <= 1 || el.closest('.visually-hidden, .offscreen')) continue;
        if (clips(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
          found.push(
            `${host} ${el.localName}.${[...el.classList].join('.')}: ${el.scrollWidth} > ${el.clientWidth}`,
          );
        }
      }
    };
    for (const w of document.querySelectorAll(tags.join(',')))
      if (w.shadowRoot) visit(w.shadowRoot, w.localName);
    return found;
  }, WIDGETS);
}

describe('text follows the reader (WCAG 1.4.4, 1.4.10, 1.4.12)', () => {
  it.each(['/', '/?lang=en'].flatMap((path) => [390, 1366].map((width) => ({ path, width }))))(
    '$path at $width px with a 32px default font size and wide text spacing: text grows, nothing is clipped',
    async ({ path, width }) => {
      // The bookmarklet is inline CSS, which the demo pages' CSP refuses, as it would refuse a bookmarklet.
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32 } });
      await page.goto(`${server.url}${path}`);
      // WCAG 1.4.12's text-spacing bookmarklet.
      await page.addStyleTag({
        content:
          '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important } p { margin-bottom: 2em !important }',
      });
      await allReady(page);
      const sizes = await page.evaluate(
        (tags) =>
          [...document.querySelectorAll(tags.join(','))].map((w) => {
            const first = [...w.shadowRoot!.children].find((c) => c.localName !== 'style')!;
            return `${w.localName} ${getComputedStyle(first).fontSize}`;
          }),
        WIDGETS,
      );
      for (const size of sizes) expect(size).toMatch(/ 28px$/);
      const spacing = await page.evaluate(() => {
        const gauge = document.querySelector('safety-score-gauge')!;
        return getComputedStyle([...gauge.shadowRoot!.children].find((c) => c.localName !== 'style')!)
          .letterSpacing;
      });
      expect(spacing, 'the reader’s letter spacing reaches the widget').not.toBe('normal');
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        'the page scrolls sideways',
      ).toBe(true);
      expect(await clippedIn(page)).toEqual([]);
      await context.close();
    },
  );
});

describe('every demo page', () => {
  it.each(PAGES)(
    '$name ($path): widgets defined, ready and visible at 1280 and 375 px, no error',
    async (demo) => {
      const { page, problems, csp, close } = await open(demo.path);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(demo.lang);
      // As shown (the newsletter's CSS upper-cases its headings).
      expect((await page.getByRole('heading', { level: 1 }).innerText()).trim().toLowerCase()).toBe(
        demo.h1.toLowerCase(),
      );
      const text = await page.locator('body').innerText();
      for (const phrase of demo.says) expect(text).toContain(phrase);

      await allReady(page);
      await expectWidgetsShown(page, demo.widgets);
      await page.screenshot({ path: join(ARTIFACTS, `${demo.name}-1280.png`), fullPage: true });

      await page.setViewportSize({ width: 375, height: 812 });
      await allReady(page);
      await expectWidgetsShown(page, demo.widgets);
      await page.screenshot({ path: join(ARTIFACTS, `${demo.name}-375.png`), fullPage: true });

      expect(problems).toEqual([]);
      expect(csp).toEqual([]);
      await close();
    },
  );

  it('the third-party page loads nothing but the classic embed script', async () => {
    const { page, problems, csp, close } = await open('/third-party/');
    const scripts = await page.evaluate(() =>
      [...document.scripts].map((s) => ({
        src: s.getAttribute('src'),
        type: s.type,
        inline: s.text.trim() !== '',
      })),
    );
    expect(scripts).toEqual([{ src: '/cdn/safety-widgets.iife.js', type: '', inline: false }]);
    await allReady(page);
    expect(problems).toEqual([]);
    expect(csp).toEqual([]);
    await close();
  });
});

describe('the district page', () => {
  it('switches language in place and keeps the choice in the URL', async () => {
    const { page, problems, close } = await open('/');
    await allReady(page);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(new URL(page.url()).search).toBe('?lang=en');
    expect((await page.getByRole('heading', { level: 1 }).innerText()).trim()).toBe(
      'Public safety in Yantian District',
    );
    // The widgets follow the page's lang: the gauge now reads in English.
    await page.waitForFunction(
      () =>
        document
          .querySelector('safety-score-gauge')
          ?.shadowRoot?.querySelector('[role="meter"]')
          ?.getAttribute('aria-valuetext')
          ?.includes('of 100') === true,
    );
    // Links to the sub-district pages keep the language.
    expect(await page.getByRole('link', { name: 'Meisha', exact: true }).getAttribute('href')).toBe(
      '/streets/meisha/?lang=en',
    );
    await page.getByRole('link', { name: '中文' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(new URL(page.url()).search).toBe('');
    expect(problems).toEqual([]);
    await close();
  });

  it('keeps the reader’s view in the URL: a reload or a shared link shows the same grid and views', async () => {
    const { page, problems, close } = await open('/?lang=en');
    await allReady(page);
    const map = page.locator('safety-grid-map');
    await map.getByRole('application').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const selected = await map.getAttribute('selected');
    expect(selected).not.toBeNull();
    await expect.poll(() => new URL(page.url()).searchParams.get('grid')).toBe(selected);
    const scope = await page.locator('#scope-text').innerText();

    await page.reload();
    await allReady(page);
    expect(await map.getAttribute('selected')).toBe(selected);
    expect(await page.locator('safety-case-timeline').getAttribute('grid')).toBe(selected);
    await expect.poll(() => page.locator('#scope-text').innerText()).toBe(scope);
    expect(await page.locator('safety-indicator-table').getAttribute('feed')).toBe('subdistrict-feed');

    await page.goto(`${server.url}/?lang=en&interval=week&status=not-met&metric=cases&rate=total`);
    await allReady(page);
    expect(await page.locator('safety-case-timeline').getAttribute('interval')).toBe('week');
    expect(await page.locator('safety-indicator-table').getAttribute('status-filter')).toBe('not-met');
    expect(await map.getAttribute('rate')).toBe('total');
    expect(new URL(page.url()).searchParams.get('grid')).toBeNull();
    expect(problems).toEqual([]);
    await close();
  });

  it('narrows the timeline to a grid selected on the map and the table to its sub-district; the button restores them', async () => {
    const { page, problems, csp, close } = await open('/?lang=en');
    await allReady(page);
    const feed = (await call(`${server.url}/api/feeds/yantian`)).json() as {
      grids: { features: { id: string; properties: { name: { en: string }; subdistrict: string } }[] };
    };
    const timeline = page.locator('safety-case-timeline');
    const timelineTitle = timeline.getByRole('heading');
    const tableCaption = page.locator('safety-indicator-table').locator('caption');
    const clear = page.getByRole('button', { name: 'Show the whole district' });
    expect(await timelineTitle.innerText()).toBe('Case counts over time: Yantian District');
    expect(await tableCaption.innerText()).toContain('Yantian District');
    expect(await clear.isVisible()).toBe(false);

    // Keyboard: focus the map, move to a grid with an arrow key, select it with Enter.
    await page.locator('safety-grid-map').getByRole('application').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const selected = await page.locator('safety-grid-map').getAttribute('selected');
    const grid = feed.grids.features.find((g) => g.id === selected);
    expect(grid, `the map selected a grid of the feed (${selected})`).toBeDefined();
    const sub = {
      shatoujiao: 'Shatoujiao Subdistrict',
      haishan: 'Haishan Subdistrict',
      'yantian-subdistrict': 'Yantian Subdistrict',
      meisha: 'Meisha Subdistrict',
    }[grid!.properties.subdistrict]!;

    // The timeline: its grid attribute, and its heading names the grid.
    expect(await timeline.getAttribute('grid')).toBe(grid!.id);
    await expect
      .poll(() => timelineTitle.innerText())
      .toBe(`Case counts over time: ${grid!.properties.name.en}`);
    // The table: the sub-district's indicators, and the page says why.
    await expect.poll(() => tableCaption.innerText(), { timeout: READY_MS }).toContain(sub);
    await allReady(page);
    expect(await page.locator('#table-scope').innerText()).toBe(
      `Indicators for ${sub}, the sub-district of the selected grid; indicators are not published per grid.`,
    );
    // The page names the grid and its sub-district in the page's language, never by id.
    expect(await page.locator('#scope-text').innerText()).toBe(
      `Showing: ${grid!.properties.name.en}, ${sub}`,
    );
    expect(await page.locator('#announcer').innerText()).toContain(`${grid!.properties.name.en} selected`);
    await page.screenshot({ path: join(ARTIFACTS, 'district-en-grid-selected-1280.png'), fullPage: true });
    expect(await page.locator('#announcer').getAttribute('role')).toBe('status');
    expect(await page.locator('#announcer').getAttribute('aria-live')).toBe('polite');

    await clear.click();
    expect(await page.locator('safety-grid-map').getAttribute('selected')).toBeNull();
    expect(await timeline.getAttribute('grid')).toBeNull();
    await expect.poll(() => timelineTitle.innerText()).toBe('Case counts over time: Yantian District');
    await expect.poll(() => tableCaption.innerText(), { timeout: READY_MS }).toContain('Yantian District');
    expect(await page.locator('#table-scope').innerText()).toBe(
      'Every safety indicator for the whole of Yantian District, grouped by area.',
    );
    expect(await page.locator('#announcer').innerText()).toContain('Showing the whole district');
    expect(await clear.isVisible()).toBe(false);

    // Escape on the map clears its selection (`safety-grid-select` with `id: null`): the page follows.
    await page.locator('safety-grid-map').getByRole('application').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => timeline.getAttribute('grid')).not.toBeNull();
    expect(await clear.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => timeline.getAttribute('grid')).toBeNull();
    expect(await page.locator('safety-indicator-table').getAttribute('feed')).toBe('district');
    expect(await clear.isVisible()).toBe(false);

    await allReady(page);
    expect(problems).toEqual([]);
    expect(csp).toEqual([]);
    await close();
  });
});
