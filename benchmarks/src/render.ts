/**
 * Render: from setting `.data` on a mounted widget (the real embed file in the page) to the
 * picture drawn ("work") and painted ("painted", two animation frames), each run in a fresh
 * page, twice in the page (first, and again with a new element); and the same picture drawn
 * with ECharts in a fresh page of its own, as the reference. The issue 3, 4 and 5 budgets read
 * the second render's work (`warm.work`); issue 17's first-paint targets read paint.ts.
 */
import type { Browser, Page } from 'playwright';
import { withPage } from './browser.js';
import type { Timing } from './page-helpers.js';
import { referenceRenders, type ReferencePicture } from './reference-pictures.js';
import { repeat, type Figure } from './stats.js';

export interface RenderCase {
  id: string;
  label: string;
  tag: string;
  /** The single-widget embed file loaded in the page. */
  file: string;
  /** Width of the widget (the gauge follows its container). */
  width: number;
  attrs?: Record<string, string>;
  /** Feed JSON under /data/. */
  data: string;
  /** Raw event columns (binary, under /data/) set as `.eventColumns` with the data. */
  columns?: string;
  /** The ECharts picture drawn as the reference. */
  reference?: ReferencePicture;
}

export const RENDER_CASES: readonly RenderCase[] = [
  {
    id: 'gauge',
    label: 'gauge, sample district',
    tag: 'safety-score-gauge',
    file: 'safety-score-gauge.js',
    width: 420,
    data: 'yantian.json',
    reference: { library: 'echarts', kind: 'gauge', data: 'echarts-gauge.json' },
  },
  {
    id: 'table-56',
    label: 'table, 56 rows',
    tag: 'safety-indicator-table',
    file: 'safety-indicator-table.js',
    width: 1000,
    data: 'yantian.json',
  },
  {
    id: 'table-5000',
    label: 'table, 5,000 rows',
    tag: 'safety-indicator-table',
    file: 'safety-indicator-table.js',
    width: 1000,
    data: 'table-5000.json',
  },
  ...[30, 2_000, 20_000].map((n): RenderCase => ({
    id: `map-${n}`,
    label: `map, ${n.toLocaleString('en')} polygons`,
    tag: 'safety-grid-map',
    file: 'safety-grid-map.js',
    width: 1000,
    attrs: { metric: 'cases' },
    data: n === 30 ? 'yantian.json' : `map-${n}.json`,
    reference: { library: 'echarts', kind: 'map', data: `echarts-map-${n}.json` },
  })),
  {
    id: 'timeline-10000',
    label: 'timeline, 10,000 events (in the feed)',
    tag: 'safety-case-timeline',
    file: 'safety-case-timeline.js',
    width: 1000,
    attrs: { interval: 'day' },
    data: 'timeline-10000.json',
    reference: { library: 'echarts', kind: 'line', data: 'echarts-line-10000.json' },
  },
  {
    id: 'timeline-1000000',
    label: 'timeline, 1,000,000 events (event columns)',
    tag: 'safety-case-timeline',
    file: 'safety-case-timeline.js',
    width: 1000,
    attrs: { interval: 'day' },
    data: 'timeline-1000000.json',
    columns: 'timeline-1000000',
    reference: { library: 'echarts', kind: 'line', data: 'echarts-line-1000000.json' },
  },
];

export interface RenderResult {
  id: string;
  label: string;
  figures: Record<keyof RenderRun, Figure>;
  reference?: { label: string; figures: Record<keyof RenderRun, Figure> };
}

/** The four numbers of one run: the first render in a fresh page, and a second one ("warm"). */
export type RenderRun = Record<'cold.work' | 'cold.painted' | 'warm.work' | 'warm.painted', number>;

const flatten = (cold: Timing, warm: Timing): RenderRun => ({
  'cold.work': cold.work,
  'cold.painted': cold.painted,
  'warm.work': warm.work,
  'warm.painted': warm.painted,
});

/**
 * Renders a widget picture `renders` times in a fresh page: mount the widget empty (its own entry
 * file loaded), fetch and parse the data, then time setting it; the first render is the page's
 * first (code not compiled yet), each later one uses a new element and a new copy of the data.
 */
export async function widgetRenders(page: Page, c: RenderCase, renders: number): Promise<Timing[]> {
  return page.evaluate(
    async ({ c, renders }) => {
      const { bench } = window;
      await bench.load(`/embed/${c.file}`, c.tag);
      let columns: unknown;
      if (c.columns) {
        const bytes = async (path: string) => (await fetch(path)).arrayBuffer();
        columns = {
          time: new Float64Array(await bytes(`/data/${c.columns}.time.bin`)),
          category: new Uint8Array(await bytes(`/data/${c.columns}.category.bin`)),
          categories: ['alerts-110', 'criminal', 'fraud', 'fire', 'dispute', 'domestic'],
        };
      }
      const timings: { work: number; painted: number }[] = [];
      for (let r = 0; r < renders; r++) {
        const data = await bench.json(`/data/${c.data}`);
        const el = document.createElement(c.tag) as HTMLElement & {
          data?: unknown;
          eventColumns?: unknown;
          updateComplete: Promise<boolean>;
        };
        for (const [k, v] of Object.entries(c.attrs ?? {})) el.setAttribute(k, v);
        el.lang = 'en';
        el.style.width = `${c.width}px`;
        document.getElementById('host')!.replaceChildren(el);
        await el.updateComplete;
        await bench.twoFrames();
        timings.push(
          await bench.time(el, () => {
            el.data = data;
            if (columns) el.eventColumns = columns;
          }),
        );
      }
      return timings;
    },
    { c, renders },
  );
}

const twice = async (timings: Promise<Timing[]>): Promise<RenderRun> => {
  const [cold, warm] = await timings;
  return flatten(cold!, warm!);
};

export async function runRender(
  browser: Browser,
  origin: string,
  runs: number,
  log: (line: string) => void,
): Promise<RenderResult[]> {
  const results: RenderResult[] = [];
  for (const c of RENDER_CASES) {
    const widget = await repeat(runs, () =>
      withPage(browser, origin, (page) => twice(widgetRenders(page, c, 2))),
    );
    const result: RenderResult = { id: c.id, label: c.label, figures: widget };
    const ref = c.reference;
    if (ref) {
      const echarts = await repeat(runs, () =>
        withPage(browser, origin, (page) => twice(referenceRenders(page, ref, 2))),
      );
      result.reference = { label: `ECharts ${ref.kind}`, figures: echarts };
    }
    log(
      `  ${c.label}: first painted ${widget['cold.painted'].median} ms, again work ${widget['warm.work'].median} ms` +
        (result.reference
          ? ` (ECharts first painted ${result.reference.figures['cold.painted'].median} ms)`
          : ''),
    );
    results.push(result);
  }
  return results;
}
