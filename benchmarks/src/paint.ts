/**
 * First paint in a fresh page, widget against the libraries a page would use instead, measured
 * in the same run and interleaved run by run: run i draws the widget and each reference once,
 * each in a fresh browser context (nothing cached, nothing compiled), in an order rotated by one
 * every run, so that a slow stretch of the machine falls on all of them alike.
 *
 * The clock starts when the widget has its feed: the feed is fetched and parsed in the page and
 * the widget mounted empty (its own entry file loaded) beforehand, then `.data` is set; it stops at
 * the second animation frame after the widget is drawn (painted). The references are timed the
 * same way from their drawing call (see reference-pictures.ts). Ratios divide the widget's median
 * by the reference's median of the same run.
 */
import type { Browser } from 'playwright';
import { withPage } from './browser.js';
import type { Timing } from './page-helpers.js';
import {
  LIBRARY_NAMES,
  referenceRenders,
  type Library,
  type ReferencePicture,
} from './reference-pictures.js';
import { RENDER_CASES, widgetRenders, type RenderCase } from './render.js';
import { figure, type Figure } from './stats.js';

export interface PaintCase {
  id: string;
  label: string;
  widget: RenderCase;
  references: ReferencePicture[];
}

const renderCase = (id: string): RenderCase => {
  const found = RENDER_CASES.find((c) => c.id === id);
  if (!found) throw new Error(`no render case ${id}`);
  return found;
};

export const PAINT_CASES: readonly PaintCase[] = [
  {
    id: 'gauge',
    label: 'gauge, sample district',
    widget: renderCase('gauge'),
    references: [
      { library: 'echarts', kind: 'gauge', data: 'echarts-gauge.json' },
      { library: 'highcharts', kind: 'gauge', data: 'echarts-gauge.json' },
    ],
  },
  {
    id: 'map-30',
    label: 'map of the 30 sample grids',
    widget: renderCase('map-30'),
    references: [
      { library: 'echarts', kind: 'map', data: 'echarts-map-30.json' },
      { library: 'highcharts', kind: 'map', data: 'echarts-map-30.json' },
    ],
  },
  {
    id: 'timeline-district',
    label: 'timeline of the sample district by day (six daily lines, 1,430 days)',
    widget: {
      id: 'timeline-district',
      label: 'timeline, sample district by day',
      tag: 'safety-case-timeline',
      file: 'safety-case-timeline.js',
      width: 1000,
      attrs: { interval: 'day' },
      data: 'yantian.json',
    },
    references: [
      { library: 'chartjs', kind: 'line', data: 'lines-district.json' },
      { library: 'echarts', kind: 'line', data: 'lines-district.json' },
    ],
  },
  {
    id: 'map-20000',
    label: 'map, 20,000 polygons',
    widget: renderCase('map-20000'),
    references: [{ library: 'echarts', kind: 'map', data: 'echarts-map-20000.json' }],
  },
  {
    id: 'timeline-1000000',
    label: 'timeline, 1,000,000 events (event columns) by day',
    widget: renderCase('timeline-1000000'),
    references: [{ library: 'echarts', kind: 'line', data: 'echarts-line-1000000.json' }],
  },
];

type PaintFigures = Record<'work' | 'painted', Figure>;

export interface PaintResult {
  id: string;
  label: string;
  widget: PaintFigures;
  references: { library: Library; label: string; figures: PaintFigures }[];
  /** Who ran in which order, run by run (`widget` or a library). */
  order: string[][];
}

const summarise = (timings: Timing[]): PaintFigures => ({
  work: figure(timings.map((t) => t.work)),
  painted: figure(timings.map((t) => t.painted)),
});

export async function runPaint(
  browser: Browser,
  origin: string,
  runs: number,
  log: (line: string) => void,
): Promise<PaintResult[]> {
  const results: PaintResult[] = [];
  for (const c of PAINT_CASES) {
    const contenders: { name: string; once: () => Promise<Timing> }[] = [
      {
        name: 'widget',
        once: () => withPage(browser, origin, async (page) => (await widgetRenders(page, c.widget, 1))[0]!),
      },
      ...c.references.map((ref) => ({
        name: ref.library,
        once: () => withPage(browser, origin, async (page) => (await referenceRenders(page, ref, 1))[0]!),
      })),
    ];
    const samples = new Map<string, Timing[]>(contenders.map((x) => [x.name, []]));
    const order: string[][] = [];
    for (let run = 0; run < runs; run++) {
      const shift = run % contenders.length;
      const rotated = [...contenders.slice(shift), ...contenders.slice(0, shift)];
      order.push(rotated.map((x) => x.name));
      for (const x of rotated) samples.get(x.name)!.push(await x.once());
    }
    const result: PaintResult = {
      id: c.id,
      label: c.label,
      widget: summarise(samples.get('widget')!),
      references: c.references.map((ref) => ({
        library: ref.library,
        label: `${LIBRARY_NAMES[ref.library]} ${ref.kind}`,
        figures: summarise(samples.get(ref.library)!),
      })),
      order,
    };
    results.push(result);
    const w = result.widget.painted.median;
    log(
      `  ${c.label}: widget ${w} ms` +
        result.references
          .map(
            (r) =>
              `, ${r.label} ${r.figures.painted.median} ms (${(w / r.figures.painted.median).toFixed(2)}×)`,
          )
          .join(''),
    );
  }
  return results;
}
