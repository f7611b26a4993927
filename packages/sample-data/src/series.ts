/**
 * Synthetic daily counts per category, 2014-01-01 to 2017-11-30, for the district and for
 * every grid. The district's count for a day is drawn first (trend × week × season ×
 * Chinese New Year × Golden Week, Poisson noise, published totals hit exactly), then shared
 * out among the grids. Sub-district series are sums of their grids, so they always add up
 * to the district series, and grid metrics and events come from the same numbers.
 */
import { CATEGORY_MODELS, type CategoryId, type CategoryModel, type TotalConstraint } from './categories.js';
import { SERIES_DAYS, dayOfWeek, daysBetween, monthOf, seriesIndex, yearOf } from './dates.js';
import { type Random, multinomial, rng } from './random.js';
import type { Grid } from './territory.js';

/** Chinese New Year's Day in the years the series covers. */
export const SPRING_FESTIVAL_DATES = ['2014-01-31', '2015-02-19', '2016-02-08', '2017-01-28'] as const;

/** Shape of the Spring Festival effect (1 at its deepest, fading over about two weeks either side). */
function springFestivalShape(date: string): number {
  let shape = 0;
  for (const day of SPRING_FESTIVAL_DATES) {
    const offset = daysBetween(day, date);
    if (Math.abs(offset) <= 21) shape = Math.max(shape, Math.exp(-(((offset - 3) / 7) ** 2)));
  }
  return shape;
}

function anchorLevel(anchors: CategoryModel['anchors'], date: string): number {
  const first = anchors[0]!;
  if (date <= first[0]) return first[1];
  for (let i = 1; i < anchors.length; i++) {
    const [d1, v1] = anchors[i]!;
    if (date <= d1) {
      const [d0, v0] = anchors[i - 1]!;
      const t = daysBetween(d0, date) / daysBetween(d0, d1);
      return v0 + (v1 - v0) * t;
    }
  }
  return anchors[anchors.length - 1]![1];
}

/** The model's mean count for one day. */
export function expectedPerDay(model: CategoryModel, date: string): number {
  const month = monthOf(date);
  const goldenWeek = month === 10 && Number(date.slice(8, 10)) <= 7 ? model.goldenWeek : 1;
  return (
    anchorLevel(model.anchors, date) *
    model.weekly[dayOfWeek(date)]! *
    model.monthly[month - 1]! *
    (1 - model.springFestival * springFestivalShape(date)) *
    goldenWeek
  );
}

/** Adds or removes single events at random days (weighted) until the window hits its total. */
function fitTotal(
  counts: number[],
  expected: readonly number[],
  constraint: TotalConstraint,
  random: Random,
): void {
  const from = seriesIndex(constraint.first);
  const to = seriesIndex(constraint.last);
  let sum = 0;
  for (let i = from; i <= to; i++) sum += counts[i]!;
  while (sum !== constraint.total) {
    if (sum < constraint.total) {
      const i = from + random.weighted(expected.slice(from, to + 1));
      counts[i]!++;
      sum++;
    } else {
      const i = from + random.weighted(counts.slice(from, to + 1));
      counts[i]!--;
      sum--;
    }
  }
}

/** District daily counts for one category. */
export function drawDistrictCounts(model: CategoryModel, random: Random): number[] {
  const expected = SERIES_DAYS.map((day) => expectedPerDay(model, day));
  const counts = expected.map((mean) => random.poisson(mean));
  for (const constraint of model.totals) fitTotal(counts, expected, constraint, random);
  return counts;
}

export interface CategoryCounts {
  model: CategoryModel;
  /** Daily counts for the whole district, one per SERIES_DAYS. */
  district: number[];
  /** Daily counts per grid, in the territory's grid order; they add up to `district`. */
  byGrid: number[][];
}

/** Draws every category's daily counts and shares them out among the grids. */
export function generateCounts(grids: readonly Grid[], seed?: number): Map<CategoryId, CategoryCounts> {
  const out = new Map<CategoryId, CategoryCounts>();
  for (const model of CATEGORY_MODELS) {
    const district = drawDistrictCounts(model, rng(`series:${model.id}`, seed));
    const hotspots = rng(`hotspots:${model.id}`, seed);
    const hot = grids.map(() => hotspots.uniform(0.75, 1.3));
    const split = rng(`allocation:${model.id}`, seed);
    const byGrid = grids.map(() => new Array<number>(district.length).fill(0));
    const weightCache = new Map<string, number[]>();
    SERIES_DAYS.forEach((day, d) => {
      const key = day.slice(0, 7);
      let weights = weightCache.get(key);
      if (!weights) {
        weights = grids.map((g, i) => model.gridWeight(g, yearOf(day), monthOf(day)) * hot[i]!);
        weightCache.set(key, weights);
      }
      multinomial(split, district[d]!, weights).forEach((n, i) => {
        byGrid[i]![d] = n;
      });
    });
    out.set(model.id, { model, district, byGrid });
  }
  return out;
}

/** Element-wise sum of some grids' daily counts. */
export function sumRows(rows: readonly (readonly number[])[]): number[] {
  const out = new Array<number>(SERIES_DAYS.length).fill(0);
  for (const row of rows) row.forEach((n, i) => (out[i]! += n));
  return out;
}

/** A daily series from SERIES_START summed by calendar month (the first month starts on SERIES_START). */
export function monthlySums(daily: readonly number[]): number[] {
  const out: number[] = [];
  let month = '';
  SERIES_DAYS.forEach((day, d) => {
    const key = day.slice(0, 7);
    if (key !== month) {
      month = key;
      out.push(0);
    }
    out[out.length - 1]! += daily[d] ?? 0;
  });
  return out;
}
