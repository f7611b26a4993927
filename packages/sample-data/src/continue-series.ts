/**
 * The sample's counts continued past SERIES_END, for demos that run today (the feed service's
 * simulate mode): a live district whose timeline does not stop in November 2017.
 *
 * Each later day is drawn from a stream of its own (seeded by the category and the date), by the
 * same model as the sample — trend held at its last level, week, season, Golden Week — and shared
 * out among the grids with the same hotspots, so a day's counts are the same however far the
 * series are continued, and sub-districts still add up to the district. Continued counts are
 * synthetic, as the whole sample series are. A grid's monthly series grows by whole months only:
 * a month's count stands for the whole month.
 */
import type { FeedInput } from '@safety-widgets/core';
import { CATEGORY_MODELS, type CategoryModel } from './categories.js';
import { SERIES_END, SERIES_START, addDays, daysBetween, monthOf, monthRange, yearOf } from './dates.js';
import { DEFAULT_SEED, multinomial, rng } from './random.js';
import { expectedPerDay } from './series.js';
import { buildTerritory, type Grid } from './territory.js';

type Series = NonNullable<FeedInput['series']>[number];

/** The last days drawn: every feed of one district is continued from the same draws. */
let drawn:
  { seed: number; lastDay: string; grids: Grid[]; ends: number[]; rows: Map<string, number[][]> } | undefined;

/** One category's continued daily counts per grid, from the day after SERIES_END. */
function continuedByGrid(
  model: CategoryModel,
  grids: readonly Grid[],
  days: number,
  seed: number,
): number[][] {
  const hotspots = rng(`hotspots:${model.id}`, seed);
  const hot = grids.map(() => hotspots.uniform(0.75, 1.3));
  const byGrid = grids.map(() => new Array<number>(days).fill(0));
  for (let d = 0; d < days; d++) {
    const date = addDays(SERIES_END, d + 1);
    const random = rng(`continued:${model.id}:${date}`, seed);
    const count = random.poisson(expectedPerDay(model, date));
    const weights = grids.map((g, i) => model.gridWeight(g, yearOf(date), monthOf(date)) * hot[i]!);
    multinomial(random, count, weights).forEach((n, i) => (byGrid[i]![d] = n));
  }
  return byGrid;
}

/** For `days` days after SERIES_END: the index of each day that ends a calendar month. */
function monthEnds(days: number): number[] {
  const ends: number[] = [];
  for (let d = 0; d < days; d++) if (addDays(SERIES_END, d + 2).endsWith('-01')) ends.push(d);
  return ends;
}

/** Sums of `daily` by calendar month, whole months only (`ends` from `monthEnds`). */
function wholeMonths(daily: readonly number[], ends: readonly number[]): number[] {
  const out: number[] = [];
  let from = 0;
  for (const end of ends) {
    let sum = 0;
    for (let d = from; d <= end; d++) sum += daily[d]!;
    out.push(sum);
    from = end + 1;
  }
  return out;
}

/**
 * The series of a sample feed of place `placeId` continued to `lastDay` (`YYYY-MM-DD`, included).
 * Series that are not the sample's (another category, another start) are returned as they are;
 * so is everything when `lastDay` is not after SERIES_END. Continuing series that were continued
 * before adds only the days they lack.
 */
export function continueSampleSeries(
  series: readonly Series[],
  placeId: string,
  lastDay: string,
  seed: number = DEFAULT_SEED,
): Series[] {
  const days = daysBetween(SERIES_END, lastDay);
  if (days <= 0) return series.map((s) => ({ ...s }));
  if (drawn?.seed !== seed || drawn.lastDay !== lastDay) {
    drawn = { seed, lastDay, grids: buildTerritory(seed).grids, ends: monthEnds(days), rows: new Map() };
  }
  const { grids, ends, rows: cache } = drawn;
  const byGrid = (model: CategoryModel) => {
    let rows = cache.get(model.id);
    if (!rows) cache.set(model.id, (rows = continuedByGrid(model, grids, days, seed)));
    return rows;
  };
  const sumOf = (rows: number[][], keep: (g: Grid) => boolean) => {
    const out = new Array<number>(days).fill(0);
    grids.forEach((g, i) => {
      if (keep(g)) rows[i]!.forEach((n, d) => (out[d]! += n));
    });
    return out;
  };
  const sampleDays = daysBetween(SERIES_START, SERIES_END) + 1;
  const sampleMonths = monthRange(SERIES_START.slice(0, 7), SERIES_END.slice(0, 7)).length;
  return series.map((s) => {
    const model = CATEGORY_MODELS.find((m) => m.id === s.category);
    if (!model || s.start !== SERIES_START) return { ...s };
    const rows = byGrid(model);
    if (s.interval === 'day' && !s.grid) {
      const sd = s.subdistrict ?? (grids.some((g) => g.subdistrict === placeId) ? placeId : undefined);
      const daily = sumOf(rows, (g) => sd === undefined || g.subdistrict === sd);
      const have = s.counts.length - sampleDays;
      return have < 0 ? { ...s } : { ...s, counts: [...s.counts, ...daily.slice(have)] };
    }
    if (s.interval === 'month' && s.grid) {
      const i = grids.findIndex((g) => g.id === s.grid);
      if (i < 0) return { ...s };
      const months = wholeMonths(rows[i]!, ends);
      const have = s.counts.length - sampleMonths;
      return have < 0 ? { ...s } : { ...s, counts: [...s.counts, ...months.slice(have)] };
    }
    return { ...s };
  });
}
