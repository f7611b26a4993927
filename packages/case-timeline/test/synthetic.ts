/** Synthetic data at scale for benchmarks and stories: deterministic, no Math.random. */
import type { EventColumns } from '../src/bin-events.js';
import { rawYantian } from './feeds.js';

/** A tiny seeded PRNG (mulberry32). */
export function prng(seed = 20171204): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = ['alerts-110', 'criminal', 'fraud', 'fire', 'dispute', 'domestic'];
/** Rough daily means per category, like the sample district. */
const MEANS = [42, 5.6, 1.6, 0.17, 1.25, 0.63];

/**
 * `n` raw events from 2008-01-01 to 2017-12-31 (Shenzhen time) over the six sample categories and
 * the sample's 30 grids, in no particular order.
 */
export function millionEvents(n = 1_000_000): EventColumns {
  const rand = prng(7);
  const start = Date.parse('2008-01-01T00:00:00+08:00');
  const span = Date.parse('2018-01-01T00:00:00+08:00') - start;
  const total = MEANS.reduce((a, b) => a + b, 0);
  const time = new Float64Array(n);
  const category = new Uint8Array(n);
  const grid = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    time[i] = start + Math.floor(rand() * span);
    let r = rand() * total;
    let c = 0;
    while (c < 5 && r >= MEANS[c]!) r -= MEANS[c++]!;
    category[i] = c;
    grid[i] = Math.floor(rand() * 30);
  }
  const grids = (rawYantian().grids as { features: { id: string }[] }).features.map((f) => f.id);
  return { time, category, categories: CATEGORIES, grid, grids };
}

/**
 * The sample district's envelope with ten years (2008–2017) of synthetic daily series for its six
 * categories (`series: false` for none), no events, `asOf` 2017-12-31.
 */
export function tenYearFeed(options: { series?: boolean } = {}): Record<string, unknown> {
  const raw = rawYantian();
  const rand = prng(11);
  const days = 3653;
  raw.asOf = '2017-12-31T23:00:00+08:00';
  raw.events = (raw.events as { kind?: string }[]).filter((e) => e.kind === 'annotation') as never;
  raw.series =
    options.series === false
      ? []
      : CATEGORIES.map((category, c) => {
          const counts = new Array<number>(days);
          for (let d = 0; d < days; d++) {
            const season = 1 + 0.25 * Math.sin((2 * Math.PI * d) / 365.25);
            const trend = 1.3 - (0.5 * d) / days;
            // Rounded up or down at random in proportion, so that rare categories keep their mean.
            counts[d] = Math.floor(MEANS[c]! * season * trend * (0.6 + 0.8 * rand()) + rand());
          }
          return { category, interval: 'day', start: '2008-01-01', counts, provenance: 'synthetic' };
        });
  return raw;
}
