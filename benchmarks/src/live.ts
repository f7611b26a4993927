/**
 * Live updates of a whole page: 20 widgets (5 of each, the all-in-one file) reading one
 * `<safety-feed>`, whose `data` is set to a changed feed (one indicator value, one grid figure and
 * one event more, a later `asOf`), from a task of its own, as an SSE message or a poll's response
 * would. Each run is a fresh page with four changes: the first change in the page, then three more.
 *
 * For the page: "validated" (the feed element's own update done), "work" (every widget has drawn
 * the new feed, with no update pending, and is laid out), "painted" (the second animation frame
 * after that) and the longest main-thread task from the change to painted, read from a Chromium
 * trace (trace.ts); "longest task after" is the longest in the 300 ms after painted (work a widget
 * put off until after the paint). Per widget: "own" is the time inside its own updates (each
 * instance's `performUpdate`, timed; work it defers to a later task is not in it), "latency" from
 * the change to its last update done.
 */
import type { Browser, Page } from 'playwright';
import { withPage } from './browser.js';
import { figure, median, type Figure } from './stats.js';
import { longestTask, traced } from './trace.js';

export interface LiveResult {
  id: string;
  label: string;
  figures: Record<string, Figure>;
}

/** Changes per page: the first in the page, then the later ones the "next" figures are the median of. */
const LIVE_CHANGES = 4;
/** How long after painted deferred work is looked for. */
const SETTLE_MS = 300;

export const LIVE_WIDGETS = [
  { id: 'gauge', tag: 'safety-score-gauge', width: 240 },
  { id: 'table', tag: 'safety-indicator-table', width: 1000 },
  { id: 'map', tag: 'safety-grid-map', width: 1000 },
  { id: 'timeline', tag: 'safety-case-timeline', width: 1000 },
] as const;

/** The results' labels, by id. */
export const LIVE_LABELS: Record<string, string> = {
  ...Object.fromEntries(
    LIVE_WIDGETS.map((w) => [`live-${w.id}`, `live update, ${w.id} (20 widgets, one feed)`]),
  ),
  'live-page': 'live update, whole page (20 widgets, one feed)',
};

type LiveWidget = HTMLElement & {
  updateComplete: Promise<boolean>;
  isUpdatePending: boolean;
  performUpdate(): void;
  state?: { feed?: unknown };
};

interface LiveState {
  feed: HTMLElement & { data?: unknown; updateComplete: Promise<boolean> };
  all: { type: string; el: LiveWidget }[];
  base: {
    asOf: string;
    indicators: { value: number | null }[];
    events: Record<string, unknown>[];
    grids: { features: { properties: { metrics: Record<string, number | null> } }[] };
  };
  spans: { own: number; end: number }[];
  t0: number;
  feedDone: number;
}

declare global {
  interface Window {
    live?: LiveState;
  }
}

/** Mounts the 20 widgets and the feed, waits until all are drawn, and times each widget's updates. */
async function setUp(page: Page): Promise<void> {
  await page.evaluate(async (widgets) => {
    const { bench } = window;
    await bench.load('/embed/safety-widgets.js', 'safety-case-timeline');
    const base = (await bench.json('/data/yantian.json')) as LiveState['base'];
    const feed = document.createElement('safety-feed') as LiveState['feed'];
    feed.id = 'live';
    const host = document.getElementById('host')!;
    host.append(feed);
    const all: LiveState['all'] = [];
    for (let copy = 0; copy < 5; copy++) {
      for (const w of widgets) {
        const el = document.createElement(w.tag) as LiveWidget;
        el.setAttribute('feed', 'live');
        el.lang = 'en';
        el.style.width = `${w.width}px`;
        host.append(el);
        all.push({ type: w.id, el });
      }
    }
    feed.data = base;
    for (const { el } of all) await bench.untilDrawn(el);
    await bench.twoFrames();
    const live: LiveState = { feed, all, base, spans: [], t0: 0, feedDone: 0 };
    window.live = live;
    all.forEach(({ el }, i) => {
      const proto = Object.getPrototypeOf(el) as LiveWidget;
      el.performUpdate = function performUpdate(this: LiveWidget) {
        const start = performance.now();
        proto.performUpdate.call(this);
        const end = performance.now();
        const span = live.spans[i];
        if (span) {
          span.own += end - start;
          span.end = end - live.t0;
        }
      };
    });
    const feedProto = Object.getPrototypeOf(feed) as LiveWidget;
    (feed as unknown as LiveWidget).performUpdate = function performUpdate(this: LiveWidget) {
      feedProto.performUpdate.call(this);
      live.feedDone = performance.now();
    };
  }, LIVE_WIDGETS);
}

/** Change `k` (1 = the first in the page): its figures, marks `live-k-start`, `-painted`, `-settled`. */
async function change(page: Page, k: number): Promise<Record<string, number>> {
  return page.evaluate(
    async ({ k, widgets, settle }) => {
      const { bench } = window;
      const live = window.live!;
      const { all, base, feed } = live;
      const next = structuredClone(base);
      next.asOf = new Date(Date.parse(base.asOf) + k * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
      next.indicators[0]!.value = (next.indicators[0]!.value ?? 0) + k;
      const metrics = next.grids.features[0]!.properties.metrics;
      metrics.cases = (metrics.cases ?? 0) + k;
      next.events.push({
        id: `live-${k}`,
        time: next.asOf,
        category: 'fraud',
        kind: 'incident',
        provenance: 'synthetic',
      });
      const before = all.map(({ el }) => el.state?.feed);
      live.spans = all.map(() => ({ own: 0, end: 0 }));
      await bench.twoFrames();
      // A task of its own, as an SSE message or a poll's response.
      await bench.tick();
      performance.mark(`live-${k}-start`);
      const t0 = performance.now();
      live.t0 = t0;
      feed.data = next;
      await feed.updateComplete;
      const validated = live.feedDone - t0;
      // Every widget has taken up the new feed (its state holds a new feed) and has drawn it.
      const done = () =>
        all.every(
          ({ el }, i) => !el.isUpdatePending && (el.state === undefined || el.state.feed !== before[i]),
        );
      for (;;) {
        await Promise.all(all.map(({ el }) => el.updateComplete));
        if (done()) break;
        if (performance.now() - t0 > 30_000)
          throw new Error('the widgets did not take up the new feed in 30 s');
        await bench.tick();
      }
      for (const { el } of all) bench.layout(el);
      const work = performance.now() - t0;
      await bench.twoFrames();
      const painted = performance.now() - t0;
      performance.mark(`live-${k}-painted`);
      await new Promise((resolve) => setTimeout(resolve, settle));
      performance.mark(`live-${k}-settled`);
      const row: Record<string, number> = { validated, work, painted };
      for (const w of widgets) {
        const mine = live.spans.filter((_, i) => all[i]!.type === w.id);
        const own = mine.map((s) => s.own).sort((a, b) => a - b);
        row[`${w.id}.own`] = own[own.length >> 1]!;
        row[`${w.id}.latency`] = Math.max(...mine.map((s) => s.end));
      }
      return row;
    },
    { k, widgets: LIVE_WIDGETS, settle: SETTLE_MS },
  );
}

/** One fresh page: the first change, and the medians of the later ones. */
async function liveOnce(browser: Browser, page: Page): Promise<Record<string, number>> {
  await setUp(page);
  const rows: Record<string, number>[] = [];
  for (let k = 1; k <= LIVE_CHANGES; k++) {
    const [row, trace] = await traced(browser, page, () => change(page, k));
    row.longestTask = longestTask(trace, `live-${k}-start`, `live-${k}-painted`);
    row.longestTaskAfter = longestTask(trace, `live-${k}-painted`, `live-${k}-settled`);
    rows.push(row);
  }
  const [first, ...later] = rows;
  const out: Record<string, number> = {};
  for (const key of Object.keys(first!)) {
    out[`first.${key}`] = first![key]!;
    out[`next.${key}`] = median(later.map((r) => r[key]!));
  }
  return out;
}

export async function runLive(
  browser: Browser,
  origin: string,
  runs: number,
  log: (line: string) => void,
): Promise<LiveResult[]> {
  const samples: Record<string, number>[] = [];
  for (let run = 0; run < runs; run++)
    samples.push(await withPage(browser, origin, (page) => liveOnce(browser, page)));
  const fig = (key: string) => figure(samples.map((s) => s[key]!));
  const results: LiveResult[] = [];
  for (const w of LIVE_WIDGETS) {
    results.push({
      id: `live-${w.id}`,
      label: LIVE_LABELS[`live-${w.id}`]!,
      figures: { own: fig(`next.${w.id}.own`), latency: fig(`next.${w.id}.latency`) },
    });
    log(
      `  live ${w.id}: own ${fig(`next.${w.id}.own`).median} ms, latency ${fig(`next.${w.id}.latency`).median} ms`,
    );
  }
  const page: Record<string, Figure> = {};
  for (const when of ['first', 'next'])
    for (const key of ['validated', 'work', 'painted', 'longestTask', 'longestTaskAfter'])
      page[`${when}.${key}`] = fig(`${when}.${key}`);
  results.push({ id: 'live-page', label: LIVE_LABELS['live-page']!, figures: page });
  log(
    `  live page: changed feed → painted ${page['next.painted']!.median} ms, longest task ${page['next.longestTask']!.median} ms` +
      ` (first change in the page: ${page['first.painted']!.median} ms, ${page['first.longestTask']!.median} ms)`,
  );
  return results;
}
