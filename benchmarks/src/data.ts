/**
 * The data every page measures, generated once per run into `.cache/data/` (served at `/data/`)
 * from the Yantian sample feed and the generators the widget packages' own tests and benches
 * use (`@safety-widgets/sample-data/synthetic`). For each widget picture, the same data shaped
 * for the reference libraries (ECharts, Highcharts, Chart.js) is written beside it, so all draw
 * the same thing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scoreFeed, validateFeed, type FeedInput } from '@safety-widgets/core';
import {
  mulberry32,
  syntheticEventColumns,
  syntheticGridFeed,
  syntheticIndicatorFeed,
  tenYearFeed,
} from '@safety-widgets/sample-data/synthetic';
import { dataDir, sampleFeedPath } from './paths.js';

type Json = Record<string, unknown>;
const DAY = 86_400_000;
/** Shenzhen is UTC+8 all year. */
const SHENZHEN = 8 * 3_600_000;
const CATEGORIES = ['alerts-110', 'criminal', 'fraud', 'fire', 'dispute', 'domestic'];

/** The sample feed (a deep copy); `fresh` dates it now so that it is `ready`, not `stale`. */
export function sampleFeed(fresh = true): Json {
  const feed = JSON.parse(readFileSync(sampleFeedPath, 'utf8')) as Json;
  if (fresh) feed.asOf = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return feed;
}

function write(name: string, value: unknown): void {
  writeFileSync(join(dataDir, name), JSON.stringify(value));
}

/** Daily counts per category (ECharts line data): `[dayStartMs, count]` pairs per category. */
function dailySeries(time: ArrayLike<number>, category: ArrayLike<number>): [number, number][][] {
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < time.length; i++) {
    const day = Math.floor((time[i]! + SHENZHEN) / DAY);
    if (day < first) first = day;
    if (day > last) last = day;
  }
  const days = last - first + 1;
  const counts = CATEGORIES.map(() => new Uint32Array(days));
  for (let i = 0; i < time.length; i++)
    counts[category[i]!]![Math.floor((time[i]! + SHENZHEN) / DAY) - first]! += 1;
  return counts.map((c) => Array.from(c, (n, d): [number, number] => [(first + d) * DAY - SHENZHEN, n]));
}

/**
 * The sample district's own daily series (the six lines its timeline draws by day) as line data:
 * `[dayStartMs, count]` pairs per category, in the sample's category order.
 */
function districtDailyLines(feed: Json): [number, number | null][][] {
  const series = feed.series as {
    category: string;
    interval: string;
    start: string;
    counts: (number | null)[];
  }[];
  return CATEGORIES.map((category) => {
    const s = series.find(
      (x) => x.category === category && x.interval === 'day' && !('grid' in x) && !('subdistrict' in x),
    );
    if (!s) throw new Error(`the sample feed has no daily district series for ${category}`);
    const start = Date.parse(`${s.start}T00:00:00+08:00`);
    return s.counts.map((n, d): [number, number | null] => [start + d * DAY, n]);
  });
}

/** A map picture for ECharts and Highcharts: the grids as GeoJSON named by id, and each grid's `cases`. */
function echartsMap(feed: Json): Json {
  const features = (feed.grids as { features: Json[] }).features;
  return {
    geo: {
      type: 'FeatureCollection',
      features: features.map((f) => ({ type: 'Feature', properties: { name: f.id }, geometry: f.geometry })),
    },
    values: features.map((f) => ({
      name: f.id,
      value: ((f.properties as Json).metrics as Record<string, number | null>).cases ?? null,
    })),
  };
}

/** `n` incident events over the sample's four years, its six categories and 30 grids. */
function sampleWithEvents(n: number): { feed: Json; time: Float64Array; category: Uint8Array } {
  const feed = sampleFeed(false);
  const grids = (feed.grids as { features: { id: string; properties: Json }[] }).features;
  const start = Date.parse('2014-01-01T00:00:00+08:00');
  const span = Date.parse('2017-12-01T00:00:00+08:00') - start;
  const random = mulberry32(20171204);
  const time = new Float64Array(n);
  const category = new Uint8Array(n);
  const events: Json[] = [];
  for (let i = 0; i < n; i++) {
    time[i] = start + Math.floor((random() * span) / 60_000) * 60_000;
    category[i] = Math.floor(random() * random() * CATEGORIES.length);
    const grid = grids[Math.floor(random() * grids.length)]!;
    events.push({
      id: `bench-${i + 1}`,
      time: new Date(time[i]! + SHENZHEN).toISOString().replace(/\.000Z$/, '+08:00'),
      category: CATEGORIES[category[i]!],
      kind: 'incident',
      grid: grid.id,
      subdistrict: grid.properties.subdistrict,
      provenance: 'synthetic',
    });
  }
  const annotations = (feed.events as Json[]).filter((e) => e.kind === 'annotation');
  return { feed: { ...feed, series: [], events: [...annotations, ...events] }, time, category };
}

/** Writes every data file; returns the sample's composite score (the ECharts gauge's value). */
export function generateData(): { score: number } {
  mkdirSync(dataDir, { recursive: true });
  const sample = sampleFeed();
  write('yantian.json', sample);

  // Gauge: the composite of the sample, as the widget computes it (ECharts and Highcharts).
  const validated = validateFeed(sample);
  if (!validated.ok) throw new Error('the sample feed is invalid');
  const score = scoreFeed(validated.feed).composite ?? 0;
  write('echarts-gauge.json', { score });

  // Timeline of the district by day: its six daily series, for Chart.js and ECharts.
  write('lines-district.json', districtDailyLines(sample));

  // Table: the sample's 56 indicators, and 5,000 synthetic ones.
  write('table-5000.json', syntheticIndicatorFeed(sample as unknown as FeedInput, 5000));

  // Map: the sample's 30 grids, and 2,000 and 20,000 synthetic lattice cells.
  write('echarts-map-30.json', echartsMap(sample));
  for (const cells of [2_000, 20_000]) {
    const feed = syntheticGridFeed(sample as unknown as FeedInput, { cells }) as unknown as Json;
    write(`map-${cells}.json`, feed);
    write(`echarts-map-${cells}.json`, echartsMap(feed));
  }

  // Timeline: 10,000 events in the feed; 1,000,000 as typed columns beside a ten-year shell feed.
  const tenK = sampleWithEvents(10_000);
  write('timeline-10000.json', tenK.feed);
  write('echarts-line-10000.json', dailySeries(tenK.time, tenK.category));
  const million = syntheticEventColumns(sampleFeed(false), 1_000_000);
  write('timeline-1000000.json', tenYearFeed(sampleFeed(false), { series: false }));
  writeFileSync(join(dataDir, 'timeline-1000000.time.bin'), new Uint8Array(million.time.buffer));
  writeFileSync(join(dataDir, 'timeline-1000000.category.bin'), new Uint8Array(million.category.buffer));
  write('echarts-line-1000000.json', dailySeries(million.time, million.category));
  return { score };
}
