/**
 * Timeline data at scale for tests, stories and benchmarks: a million raw events as typed columns,
 * and ten years of daily series, over the sample district's six categories. Deterministic per seed.
 */
import { mulberry32 } from '../random.js';

/** The sample's six categories, in its order. */
const CATEGORIES = ['alerts-110', 'criminal', 'fraud', 'fire', 'dispute', 'domestic'];
/** Rough daily means per category, like the sample district. */
const MEANS = [42, 5.6, 1.6, 0.17, 1.25, 0.63];
const FIRST_DAY = '2008-01-01';
/** Days from 2008-01-01 to 2017-12-31. */
const DAYS = 3653;

/** Raw events as columns, the shape `<safety-case-timeline>` takes as `eventColumns`. */
export interface SyntheticEventColumns {
  /** Epoch ms of each event. */
  time: Float64Array;
  /** Index into `categories` of each event. */
  category: Uint8Array;
  categories: string[];
  /** Index into `grids` of each event. */
  grid: Uint8Array;
  grids: string[];
}

/** The grid ids of a feed (raw JSON or `FeedInput`), in its order. */
function gridIds(feed: object): string[] {
  const grids = (feed as { grids?: { features?: { id: string }[] } }).grids;
  return (grids?.features ?? []).map((f) => String(f.id));
}

/**
 * `count` raw events from 2008-01-01 to 2017-12-31 (Shenzhen time) over the six sample
 * categories and the grids of `base` (a sample feed), in no particular order.
 */
export function syntheticEventColumns(base: object, count = 1_000_000, seed = 7): SyntheticEventColumns {
  const rand = mulberry32(seed);
  const start = Date.parse(`${FIRST_DAY}T00:00:00+08:00`);
  const span = Date.parse('2018-01-01T00:00:00+08:00') - start;
  const total = MEANS.reduce((a, b) => a + b, 0);
  const grids = gridIds(base);
  const time = new Float64Array(count);
  const category = new Uint8Array(count);
  const grid = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    time[i] = start + Math.floor(rand() * span);
    let r = rand() * total;
    let c = 0;
    while (c < 5 && r >= MEANS[c]!) r -= MEANS[c++]!;
    category[i] = c;
    grid[i] = Math.floor(rand() * grids.length);
  }
  return { time, category, categories: [...CATEGORIES], grid, grids };
}

/**
 * A copy of `base` (a sample feed) with ten years (2008–2017) of synthetic daily series for the
 * six sample categories (`series: false` for none), only its annotations as events, and `asOf`
 * 2017-12-31.
 */
export function tenYearFeed(
  base: object,
  options: { series?: boolean; seed?: number } = {},
): Record<string, unknown> {
  const raw = structuredClone(base) as Record<string, unknown>;
  const rand = mulberry32(options.seed ?? 11);
  raw.asOf = '2017-12-31T23:00:00+08:00';
  raw.events = ((raw.events ?? []) as { kind?: string }[]).filter((e) => e.kind === 'annotation');
  raw.series =
    options.series === false
      ? []
      : CATEGORIES.map((category, c) => {
          const counts = new Array<number>(DAYS);
          for (let d = 0; d < DAYS; d++) {
            const season = 1 + 0.25 * Math.sin((2 * Math.PI * d) / 365.25);
            const trend = 1.3 - (0.5 * d) / DAYS;
            // Rounded up or down at random in proportion, so that rare categories keep their mean.
            counts[d] = Math.floor(MEANS[c]! * season * trend * (0.6 + 0.8 * rand()) + rand());
          }
          return { category, interval: 'day', start: FIRST_DAY, counts, provenance: 'synthetic' };
        });
  return raw;
}
