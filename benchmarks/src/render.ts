/**
 * Render: from setting `.data` on a mounted widget (the real embed file in the page) to the
 * picture drawn ("work") and painted ("painted", two animation frames), each run in a fresh
 * page; and the same picture drawn with ECharts in a fresh page of its own, as the reference.
 */
import type { Browser, Page } from 'playwright';
import { withPage } from './browser.js';
import type { Timing } from './page-helpers.js';
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
  reference?: { kind: 'gauge' | 'map' | 'line'; data: string };
}

export const RENDER_CASES: readonly RenderCase[] = [
  {
    id: 'gauge',
    label: 'gauge, sample district',
    tag: 'safety-score-gauge',
    file: 'safety-score-gauge.js',
    width: 420,
    data: 'yantian.json',
    reference: { kind: 'gauge', data: 'echarts-gauge.json' },
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
    reference: { kind: 'map', data: `echarts-map-${n}.json` },
  })),
  {
    id: 'timeline-10000',
    label: 'timeline, 10,000 events (in the feed)',
    tag: 'safety-case-timeline',
    file: 'safety-case-timeline.js',
    width: 1000,
    attrs: { interval: 'day' },
    data: 'timeline-10000.json',
    reference: { kind: 'line', data: 'echarts-line-10000.json' },
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
    reference: { kind: 'line', data: 'echarts-line-1000000.json' },
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
 * One run of a widget picture in a fresh page: mount the widget empty, fetch the data, time
 * setting it (cold: the page's first render, code not yet optimised); then the same again with
 * a new element and a new copy of the data (warm).
 */
async function widgetOnce(page: Page, c: RenderCase): Promise<RenderRun> {
  const [cold, warm] = await page.evaluate(async (c) => {
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
    const once = async () => {
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
      return bench.time(el, () => {
        el.data = data;
        if (columns) el.eventColumns = columns;
      });
    };
    return [await once(), await once()];
  }, c);
  return flatten(cold, warm);
}

/** The same picture with ECharts (animation off, canvas renderer), from setOption to painted. */
async function echartsOnce(page: Page, kind: 'gauge' | 'map' | 'line', dataPath: string): Promise<RenderRun> {
  const [cold, warm] = await page.evaluate(
    async ({ kind, dataPath }) => {
      const { bench } = window;
      type ECharts = {
        init(
          el: HTMLElement,
          theme?: null,
          opts?: { renderer: string },
        ): { setOption(o: unknown): void; dispose(): void };
        registerMap(name: string, geo: unknown): void;
      };
      const echarts = (await bench.load('/ref/echarts-gauge-map-line.js')) as ECharts;
      let run = 0;
      let previous: { dispose(): void } | undefined;
      const once = async () => {
        previous?.dispose();
        const data = (await bench.json(`/data/${dataPath}`)) as never;
        const div = document.createElement('div');
        div.style.width = kind === 'gauge' ? '420px' : '1000px';
        div.style.height = kind === 'gauge' ? '420px' : kind === 'map' ? '700px' : '400px';
        document.getElementById('host')!.replaceChildren(div);
        const chart = echarts.init(div, null, { renderer: 'canvas' });
        previous = chart;
        await bench.twoFrames();
        const mapName = `grids-${(run += 1)}`;
        const option = (): unknown => {
          if (kind === 'gauge') {
            const { score } = data as { score: number };
            return {
              animation: false,
              series: [
                {
                  type: 'gauge',
                  min: 0,
                  max: 100,
                  axisLine: {
                    lineStyle: {
                      width: 24,
                      color: [
                        [0.6, '#d64545'],
                        [0.75, '#e8a33d'],
                        [0.9, '#4f9d69'],
                        [1, '#2b7a4b'],
                      ],
                    },
                  },
                  detail: { formatter: '{value}', valueAnimation: false },
                  data: [{ value: Math.round(score * 10) / 10, name: 'Safety index' }],
                },
              ],
            };
          }
          if (kind === 'map') {
            const { values } = data as { values: { value: number | null }[] };
            const numbers = values.map((v) => v.value ?? 0);
            return {
              animation: false,
              tooltip: { trigger: 'item' },
              visualMap: {
                min: Math.min(...numbers),
                max: Math.max(...numbers),
                inRange: { color: ['#eff3ff', '#6baed6', '#08519c'] },
                calculable: false,
              },
              series: [
                { type: 'map', map: mapName, roam: true, data: values, emphasis: { label: { show: false } } },
              ],
            };
          }
          const series = data as [number, number][][];
          const names = ['alerts-110', 'criminal', 'fraud', 'fire', 'dispute', 'domestic'];
          return {
            animation: false,
            tooltip: { trigger: 'axis' },
            legend: { data: names },
            xAxis: { type: 'time' },
            yAxis: { type: 'value' },
            dataZoom: [{ type: 'inside' }],
            series: series.map((points, i) => ({
              name: names[i],
              type: 'line',
              showSymbol: false,
              sampling: 'lttb',
              data: points,
            })),
          };
        };
        const t0 = performance.now();
        if (kind === 'map') echarts.registerMap(mapName, (data as { geo: unknown }).geo);
        chart.setOption(option());
        void div.getBoundingClientRect();
        const work = performance.now() - t0;
        await bench.twoFrames();
        return { work, painted: performance.now() - t0 };
      };
      return [await once(), await once()];
    },
    { kind, dataPath },
  );
  return flatten(cold, warm);
}

export async function runRender(
  browser: Browser,
  origin: string,
  runs: number,
  log: (line: string) => void,
): Promise<RenderResult[]> {
  const results: RenderResult[] = [];
  for (const c of RENDER_CASES) {
    const widget = await repeat(runs, () => withPage(browser, origin, (page) => widgetOnce(page, c)));
    const result: RenderResult = { id: c.id, label: c.label, figures: widget };
    const ref = c.reference;
    if (ref) {
      const echarts = await repeat(runs, () =>
        withPage(browser, origin, (page) => echartsOnce(page, ref.kind, ref.data)),
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
