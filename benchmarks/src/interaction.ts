/**
 * Interaction, each run in a fresh page: hover on the 20,000-polygon map (real pointer input,
 * beside ECharts' map of the same polygons), sorting and filtering the 5,000-row table, and live
 * updates with 20 widgets (5 of each) on one page sharing one `<safety-feed>`.
 */
import type { Browser, Page } from 'playwright';
import { withPage } from './browser.js';
import { median, repeat, type Figure } from './stats.js';

export interface InteractionResult {
  id: string;
  label: string;
  /** Per widget figure (work, painted, own, latency…): medians over runs of the per-page median. */
  figures: Record<string, Figure>;
  reference?: { label: string; figures: Record<string, Figure> };
}

const HOVER_MOVES = 20;
const TABLE_REPEATS = 6;
const LIVE_CHANGES = 3;

interface HoverSample {
  t0: number;
  work?: number;
  painted?: number;
  done: Promise<void>;
}
declare global {
  interface Window {
    hover?: { last?: HoverSample };
  }
}

/**
 * Listens to pointer input on the page: "painted" is from the event reaching the page to the
 * second animation frame after it; "work" is from there to the target's update done and laid out
 * (for a widget; for ECharts, whose highlight is drawn in its next frame, only its handler).
 */
async function armHover(page: Page, target: string): Promise<void> {
  await page.evaluate((target) => {
    const { bench } = window;
    const el = document.querySelector(target) as HTMLElement & { updateComplete?: Promise<boolean> };
    window.hover = {};
    addEventListener(
      'pointermove',
      () => {
        const t0 = performance.now();
        let resolve!: () => void;
        const sample: HoverSample = { t0, done: new Promise<void>((r) => (resolve = r)) };
        window.hover!.last = sample;
        void bench.twoFrames().then(() => {
          sample.painted = performance.now() - t0;
          resolve();
        });
      },
      { capture: true },
    );
    addEventListener('pointermove', () => {
      const sample = window.hover!.last!;
      void (el.updateComplete ?? Promise.resolve()).then(() => {
        bench.layout(el);
        sample.work = performance.now() - sample.t0;
      });
    });
  }, target);
}

/** Moves the real mouse to `moves` pseudo-random points of `box`; medians of work and painted. */
async function hoverMoves(page: Page, box: { x: number; y: number; width: number; height: number }) {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const work: number[] = [];
  const painted: number[] = [];
  for (let i = 0; i < HOVER_MOVES; i++) {
    await page.mouse.move(
      box.x + box.width * (0.1 + 0.8 * random()),
      box.y + box.height * (0.1 + 0.8 * random()),
    );
    const s = await page.evaluate(async () => {
      await window.hover!.last!.done;
      await window.bench.frame();
      const { work, painted } = window.hover!.last!;
      return { work: work ?? NaN, painted: painted! };
    });
    work.push(s.work);
    painted.push(s.painted);
  }
  return { work: median(work), painted: median(painted) };
}

async function mapHoverOnce(page: Page) {
  const box = await page.evaluate(async () => {
    const { bench } = window;
    await bench.load('/embed/safety-grid-map.js', 'safety-grid-map');
    const el = document.createElement('safety-grid-map') as HTMLElement & {
      data?: unknown;
      updateComplete: Promise<boolean>;
    };
    el.id = 'map';
    el.setAttribute('metric', 'cases');
    el.style.width = '1000px';
    document.getElementById('host')!.append(el);
    el.data = await bench.json('/data/map-20000.json');
    await bench.untilDrawn(el);
    await bench.twoFrames();
    const surface = el.shadowRoot!.querySelector('.surface') ?? el;
    const r = surface.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  });
  await armHover(page, '#map');
  return hoverMoves(page, box);
}

async function echartsHoverOnce(page: Page) {
  const box = await page.evaluate(async () => {
    const { bench } = window;
    type ECharts = {
      init(el: HTMLElement): { setOption(o: unknown): void };
      registerMap(name: string, geo: unknown): void;
    };
    const echarts = (await bench.load('/ref/echarts-gauge-map-line.js')) as ECharts;
    const { geo, values } = (await bench.json('/data/echarts-map-20000.json')) as {
      geo: unknown;
      values: { value: number | null }[];
    };
    const div = document.createElement('div');
    div.id = 'chart';
    div.style.width = '1000px';
    div.style.height = '700px';
    document.getElementById('host')!.append(div);
    const numbers = values.map((v) => v.value ?? 0);
    echarts.registerMap('grids', geo);
    echarts.init(div).setOption({
      animation: false,
      tooltip: { trigger: 'item' },
      visualMap: { min: Math.min(...numbers), max: Math.max(...numbers), calculable: false },
      series: [{ type: 'map', map: 'grids', roam: true, data: values }],
    });
    await bench.twoFrames();
    const r = div.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  });
  await armHover(page, '#chart');
  return hoverMoves(page, box);
}

/** Sort (header button clicks) and filter (search text) on 5,000 rows. */
async function tableOnce(page: Page) {
  return page.evaluate(
    async ({ repeats }) => {
      const { bench } = window;
      await bench.load('/embed/safety-indicator-table.js', 'safety-indicator-table');
      const el = document.createElement('safety-indicator-table') as HTMLElement & {
        data?: unknown;
        query?: string;
        updateComplete: Promise<boolean>;
      };
      el.lang = 'en';
      el.style.width = '1000px';
      document.getElementById('host')!.append(el);
      el.data = await bench.json('/data/table-5000.json');
      await bench.untilDrawn(el);
      await bench.twoFrames();
      const columns = ['value', 'score', 'name', 'target', 'status', 'city-average'];
      const sortWork: number[] = [];
      const sortPainted: number[] = [];
      const filterWork: number[] = [];
      const filterPainted: number[] = [];
      for (let i = 0; i < repeats; i++) {
        const button = el.shadowRoot!.querySelector<HTMLElement>(
          `button.sort[data-sort="${columns[i % 6]}"]`,
        );
        if (!button) throw new Error(`no sort button for ${columns[i % 6]}`);
        const sorted = await bench.time(el, () => button.click());
        sortWork.push(sorted.work);
        sortPainted.push(sorted.painted);
        const filtered = await bench.time(el, () => (el.query = `indicator ${(i % 9) + 1}`));
        filterWork.push(filtered.work);
        filterPainted.push(filtered.painted);
        await bench.time(el, () => (el.query = ''));
      }
      const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
      return {
        'sort.work': med(sortWork),
        'sort.painted': med(sortPainted),
        'filter.work': med(filterWork),
        'filter.painted': med(filterPainted),
      };
    },
    { repeats: TABLE_REPEATS },
  );
}

export const LIVE_WIDGETS = [
  { id: 'gauge', tag: 'safety-score-gauge', width: 240 },
  { id: 'table', tag: 'safety-indicator-table', width: 1000 },
  { id: 'map', tag: 'safety-grid-map', width: 1000 },
  { id: 'timeline', tag: 'safety-case-timeline', width: 1000 },
] as const;

/**
 * 20 widgets on one page on one feed (the all-in-one file). A change is a new feed object set as
 * the feed's `data` (one indicator value, one grid figure and one event more, a later `asOf`).
 * Per widget: "own" is the time inside its own updates (each instance's performUpdate, timed);
 * "latency" from the change to its last update done (after core's validation and the widgets
 * updated before it). For the page: "validated" (core has the new feed), "work" (all 20 updated
 * and laid out) and "painted".
 */
async function liveOnce(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    async ({ widgets, changes }) => {
      const { bench } = window;
      await bench.load('/embed/safety-widgets.js', 'safety-case-timeline');
      type Widget = HTMLElement & {
        updateComplete: Promise<boolean>;
        isUpdatePending: boolean;
        performUpdate(): void;
      };
      const base = (await bench.json('/data/yantian.json')) as {
        asOf: string;
        indicators: { value: number | null }[];
        events: Record<string, unknown>[];
        grids: { features: { properties: { metrics: Record<string, number | null> } }[] };
      };
      const feed = document.createElement('safety-feed') as HTMLElement & {
        data?: unknown;
        updateComplete: Promise<boolean>;
      };
      feed.id = 'live';
      const host = document.getElementById('host')!;
      host.append(feed);
      const all: { type: string; el: Widget }[] = [];
      for (let copy = 0; copy < 5; copy++) {
        for (const w of widgets) {
          const el = document.createElement(w.tag) as Widget;
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

      // Time each instance's own updates.
      let spans: { own: number; end: number }[] = all.map(() => ({ own: 0, end: 0 }));
      let t0 = 0;
      all.forEach(({ el }, i) => {
        const proto = Object.getPrototypeOf(el) as Widget;
        el.performUpdate = function performUpdate(this: Widget) {
          const start = performance.now();
          proto.performUpdate.call(this);
          const end = performance.now();
          spans[i]!.own += end - start;
          spans[i]!.end = end - t0;
        };
      });

      // The feed validates the new data in its own update; widgets update after it.
      let feedDone = 0;
      const feedProto = Object.getPrototypeOf(feed) as Widget;
      (feed as unknown as Widget).performUpdate = function performUpdate(this: Widget) {
        feedProto.performUpdate.call(this);
        feedDone = performance.now();
      };

      const perChange: Record<string, number>[] = [];
      for (let k = 1; k <= changes; k++) {
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
        spans = all.map(() => ({ own: 0, end: 0 }));
        await bench.twoFrames();
        t0 = performance.now();
        feed.data = next;
        await feed.updateComplete;
        const validated = feedDone - t0;
        for (;;) {
          await Promise.all(all.map(({ el }) => el.updateComplete));
          if (!all.some(({ el }) => el.isUpdatePending)) break;
        }
        for (const { el } of all) bench.layout(el);
        const work = performance.now() - t0;
        await bench.twoFrames();
        const painted = performance.now() - t0;
        const row: Record<string, number> = {
          'page.validated': validated,
          'page.work': work,
          'page.painted': painted,
        };
        for (const w of widgets) {
          const mine = spans.filter((_, i) => all[i]!.type === w.id);
          const own = mine.map((s) => s.own).sort((a, b) => a - b);
          row[`${w.id}.own`] = own[own.length >> 1]!;
          row[`${w.id}.latency`] = Math.max(...mine.map((s) => s.end));
        }
        perChange.push(row);
      }
      const out: Record<string, number> = {};
      for (const key of Object.keys(perChange[0]!)) {
        const xs = perChange.map((r) => r[key]!).sort((a, b) => a - b);
        out[key] = xs[xs.length >> 1]!;
      }
      return out;
    },
    { widgets: LIVE_WIDGETS, changes: LIVE_CHANGES },
  );
}

export async function runInteraction(
  browser: Browser,
  origin: string,
  runs: number,
  log: (line: string) => void,
): Promise<InteractionResult[]> {
  const results: InteractionResult[] = [];
  const page =
    <T>(body: (page: Page) => Promise<T>) =>
    () =>
      withPage(browser, origin, body);

  const hover = await repeat(runs, page(mapHoverOnce));
  const echartsHover = await repeat(runs, page(echartsHoverOnce));
  results.push({
    id: 'map-hover-20000',
    label: 'map hover, 20,000 polygons (pointer move → highlight)',
    figures: hover,
    reference: { label: 'ECharts map hover', figures: echartsHover },
  });
  log(
    `  map hover 20,000: work ${hover.work.median} ms, painted ${hover.painted.median} ms (ECharts ${echartsHover.painted.median} ms painted)`,
  );

  const table = await repeat(runs, page(tableOnce));
  for (const what of ['sort', 'filter'] as const) {
    results.push({
      id: `table-${what}-5000`,
      label: `table ${what}, 5,000 rows`,
      figures: { work: table[`${what}.work`], painted: table[`${what}.painted`] },
    });
    log(
      `  table ${what} 5,000: work ${table[`${what}.work`].median} ms, painted ${table[`${what}.painted`].median} ms`,
    );
  }

  const live = await repeat(runs, page(liveOnce));
  for (const w of LIVE_WIDGETS) {
    results.push({
      id: `live-${w.id}`,
      label: `live update, ${w.id} (20 widgets, one feed)`,
      figures: { own: live[`${w.id}.own`]!, latency: live[`${w.id}.latency`]! },
    });
    log(
      `  live ${w.id}: own ${live[`${w.id}.own`]!.median} ms, latency ${live[`${w.id}.latency`]!.median} ms`,
    );
  }
  results.push({
    id: 'live-page',
    label: 'live update, whole page (20 widgets)',
    figures: { validated: live['page.validated']!, work: live['page.work']!, painted: live['page.painted']! },
  });
  log(
    `  live page: validated ${live['page.validated']!.median} ms, painted ${live['page.painted']!.median} ms`,
  );
  return results;
}
