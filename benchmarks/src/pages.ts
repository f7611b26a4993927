/**
 * Page script bytes: what a real page downloads. Each page is opened in headless Chromium (a fresh
 * browser context, nothing cached), every script response from the embed files is recorded
 * (entries, the chunks they import, and chunks fetched later by dynamic import), the run waits
 * until every widget on the page is drawn and the network has been quiet for a second, and each
 * file fetched is compressed on its own (gzip level 9, brotli quality 11), counted once, summed.
 *
 * This is the figure issue 17's page targets read. The `sizes` section (and CI's `check:sizes`)
 * sums the static import graph from the embed manifest instead, which leaves out chunks loaded by
 * dynamic import (the live layer, the detailed diagnosis) and does not need a browser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page, Response } from 'playwright';
import { newBenchContext } from './browser.js';
import { embedSnapshot } from './paths.js';
import type { PageHtml } from './server.js';
import { measure, type Size } from './sizes.js';

/** The sample feed as published, served by the harness's static server. */
const FEED = '/feeds/yantian.json';
/** A network quiet for this long after the widgets are drawn: nothing more is on its way. */
const QUIET_MS = 1000;

type WidgetTag = 'safety-score-gauge' | 'safety-indicator-table' | 'safety-grid-map' | 'safety-case-timeline';
const WIDTH: Record<WidgetTag, number> = {
  'safety-score-gauge': 420,
  'safety-indicator-table': 1000,
  'safety-grid-map': 1000,
  'safety-case-timeline': 1000,
};

export interface PageCase {
  id: string;
  label: string;
  /** The embed files the page loads with `<script type="module" src>`. */
  entries: string[];
  /** The widgets in the page's HTML, each reading the sample feed through `src` unless `data`. */
  widgets: WidgetTag[];
  /** The page's own script fetches the feed and sets `.data` (no `src`). */
  data?: boolean;
}

const ALL: WidgetTag[] = [
  'safety-score-gauge',
  'safety-indicator-table',
  'safety-grid-map',
  'safety-case-timeline',
];

export const PAGE_CASES: readonly PageCase[] = [
  {
    id: 'gauge',
    label: 'gauge page, live `src` feed, its own entry file',
    entries: ['safety-score-gauge.js'],
    widgets: ['safety-score-gauge'],
  },
  {
    id: 'gauge-data',
    label: 'gauge page given `.data` (no `src`), its own entry file',
    entries: ['safety-score-gauge.js'],
    widgets: ['safety-score-gauge'],
    data: true,
  },
  {
    id: 'table',
    label: 'table page, live `src` feed, its own entry file',
    entries: ['safety-indicator-table.js'],
    widgets: ['safety-indicator-table'],
  },
  {
    id: 'map',
    label: 'map page, live `src` feed, its own entry file',
    entries: ['safety-grid-map.js'],
    widgets: ['safety-grid-map'],
  },
  {
    id: 'timeline',
    label: 'timeline page, live `src` feed, its own entry file',
    entries: ['safety-case-timeline.js'],
    widgets: ['safety-case-timeline'],
  },
  {
    id: 'gauge-map',
    label: 'gauge and map entry files on one page, live `src` feed',
    entries: ['safety-score-gauge.js', 'safety-grid-map.js'],
    widgets: ['safety-score-gauge', 'safety-grid-map'],
  },
  {
    id: 'all-four',
    label: 'all four widgets through `safety-widgets.js`, live `src` feed',
    entries: ['safety-widgets.js'],
    widgets: ALL,
  },
  {
    id: 'autoloader',
    label: 'the autoloader alone (no widget on the page)',
    entries: ['safety-autoloader.js'],
    widgets: [],
  },
  {
    id: 'autoloader-gauge',
    label: 'gauge page through the autoloader, live `src` feed',
    entries: ['safety-autoloader.js'],
    widgets: ['safety-score-gauge'],
  },
];

/** The HTML of a page: its module scripts in the head, its widgets in the body. */
export function pageHtml(c: PageCase): PageHtml {
  const scripts = c.entries.map((file) => `<script type="module" src="/embed/${file}"></script>`);
  if (c.data) {
    // The page's own script, as a page that fetches its data itself would have it.
    scripts.push(
      `<script type="module">for (const el of document.querySelectorAll('#host > *')) {` +
        `await customElements.whenDefined(el.localName);` +
        `el.data = await (await fetch('${FEED}')).json(); }</script>`,
    );
  }
  const source = c.data ? '' : ` src="${FEED}"`;
  const body = c.widgets.map((tag) => `<${tag} lang="en"${source} style="width:${WIDTH[tag]}px"></${tag}>`);
  return { head: scripts.join(''), body: body.join('') };
}

/** Every page, by id, for the static server. */
export function pagesHtml(): Record<string, PageHtml> {
  return Object.fromEntries(PAGE_CASES.map((c) => [c.id, pageHtml(c)]));
}

export interface FetchedFile extends Size {
  /** Path under the embed folder, e.g. `chunks/runtime-….js`. */
  file: string;
}

export interface PageResult extends Size {
  id: string;
  label: string;
  entries: string[];
  /** Every script file the page fetched from the embed folder, in the order first requested. */
  files: FetchedFile[];
  /** The widgets' statuses once drawn (`ready` or `stale`: the sample feed is dated 2017). */
  statuses: string[];
}

/** Waits until every widget in the page is drawn; returns their statuses. Fails on an error state. */
async function untilWidgetsDrawn(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const { bench } = window;
    const widgets = Array.from(document.querySelectorAll('#host > *'));
    const deadline = performance.now() + 60_000;
    for (const el of widgets) {
      await customElements.whenDefined(el.localName);
      for (;;) {
        await (el as unknown as { updateComplete: Promise<boolean> }).updateComplete;
        if (bench.drawn(el)) break;
        const status = el.getAttribute('status');
        if (status === 'error' || status === 'offline' || status === 'empty')
          throw new Error(`${el.localName} shows "${status}" instead of the sample feed`);
        if (performance.now() > deadline) throw new Error(`${el.localName} not drawn after 60 s`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    return widgets.map((el) => `${el.localName}: ${el.getAttribute('status')}`);
  });
}

/** Opens one page in a fresh context and records every script it fetches from `/embed/`. */
export async function measurePage(browser: Browser, origin: string, c: PageCase): Promise<PageResult> {
  const context = await newBenchContext(browser);
  try {
    const page = await context.newPage();
    const prefix = `${origin}/embed/`;
    const fetched = new Map<string, Promise<Buffer>>();
    const errors: string[] = [];
    let pending = 0;
    let lastActivity = Date.now();
    page.on('request', () => {
      pending += 1;
      lastActivity = Date.now();
    });
    const settle = () => {
      pending -= 1;
      lastActivity = Date.now();
    };
    page.on('requestfinished', settle);
    page.on('requestfailed', (request) => {
      settle();
      if (request.url().startsWith(prefix)) errors.push(`${request.url()} failed`);
    });
    page.on('response', (response: Response) => {
      const url = response.url();
      if (!url.startsWith(prefix) || response.request().resourceType() !== 'script') return;
      if (response.status() !== 200) errors.push(`${url} answered ${response.status()}`);
      const file = url.slice(prefix.length).split('?')[0]!;
      // Each URL once; the body is read from the run's snapshot if the browser no longer has it.
      if (!fetched.has(file))
        fetched.set(
          file,
          response.body().catch(() => readFileSync(join(embedSnapshot, file))),
        );
    });
    await page.goto(`${origin}/page/${c.id}`);
    const statuses = await untilWidgetsDrawn(page);
    // Lazy chunks (fetched after the first paint or on first use) have had their chance.
    const deadline = Date.now() + 15_000;
    while ((pending > 0 || Date.now() - lastActivity < QUIET_MS) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    if (errors.length) throw new Error(`${c.id}: ${errors.join('; ')}`);
    const files: FetchedFile[] = [];
    for (const [file, body] of fetched) files.push({ file, ...measure(await body) });
    return {
      id: c.id,
      label: c.label,
      entries: c.entries,
      files,
      statuses,
      min: files.reduce((n, f) => n + f.min, 0),
      gzip: files.reduce((n, f) => n + f.gzip, 0),
      brotli: files.reduce((n, f) => n + f.brotli, 0),
    };
  } finally {
    await context.close();
  }
}

export async function runPages(
  browser: Browser,
  origin: string,
  log: (line: string) => void,
): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for (const c of PAGE_CASES) {
    const result = await measurePage(browser, origin, c);
    results.push(result);
    log(
      `  ${c.id}: ${(result.gzip / 1024).toFixed(1)} KB gzip in ${result.files.length} files (${result.files.map((f) => f.file).join(', ')})`,
    );
  }
  return results;
}
