/**
 * Interaction, each run in a fresh page: hover on the 20,000-polygon map (real pointer input,
 * beside ECharts' map of the same polygons), and sorting and filtering the 5,000-row table.
 * Live updates of the 20-widget page are in live.ts.
 */
import { mulberry32 } from '@safety-widgets/sample-data/synthetic';
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
  const random = mulberry32(7);
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

  return results;
}
