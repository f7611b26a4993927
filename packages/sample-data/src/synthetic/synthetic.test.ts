import { validateFeed } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import { buildDistrictFeed } from '../index.js';
import { syntheticEventColumns, syntheticGridFeed, syntheticIndicatorFeed, tenYearFeed } from './index.js';

const sample = buildDistrictFeed();

/** Validates `feed` as the widgets do: what it rejects, warns about or drops (nothing, for a good feed). */
function problems(feed: unknown): string[] {
  const result = validateFeed(feed);
  return [
    ...(result.ok ? [] : ['rejected']),
    ...result.issues.map((i) => `${i.severity} at ${i.path}: ${i.message}`),
    ...Object.entries(result.dropped).map(([what, n]) => `dropped ${n} ${what}`),
  ];
}

describe('syntheticGridFeed', () => {
  it('tiles the outline with the cells asked for: a valid feed, the same for the same seed', () => {
    const feed = syntheticGridFeed(sample, { cells: 500, points: 20 });
    const cells = (feed.grids as { features: { id: string }[] }).features;
    expect(cells).toHaveLength(500);
    expect(new Set(cells.map((c) => c.id)).size).toBe(500);
    expect(problems(feed)).toEqual([]);
    expect(JSON.stringify(syntheticGridFeed(sample, { cells: 500, points: 20 }))).toBe(JSON.stringify(feed));
    expect(JSON.stringify(syntheticGridFeed(sample, { cells: 500, points: 20, seed: 2 }))).not.toBe(
      JSON.stringify(feed),
    );
  });
});

describe('syntheticIndicatorFeed', () => {
  it('spreads the indicators asked for over the areas: a valid feed, the same for the same seed', () => {
    const feed = syntheticIndicatorFeed(sample, 300);
    expect(feed.indicators).toHaveLength(300);
    expect(new Set(feed.indicators.map((i) => i.area))).toEqual(new Set(feed.areas.map((a) => a.id)));
    expect(problems(feed)).toEqual([]);
    expect(syntheticIndicatorFeed(sample, 300)).toEqual(feed);
    expect(syntheticIndicatorFeed(sample, 300, 8)).not.toEqual(feed);
    // The base is not changed.
    expect(sample.indicators).not.toEqual(feed.indicators);
  });
});

describe('syntheticEventColumns and tenYearFeed', () => {
  it('make events over 2008–2017 in the sample categories and grids, the same for the same seed', () => {
    const columns = syntheticEventColumns(sample, 10_000);
    expect(columns.time).toHaveLength(10_000);
    const grids = (sample.grids as { features: unknown[] }).features.length;
    expect(columns.grids).toHaveLength(grids);
    expect(Math.min(...columns.time)).toBeGreaterThanOrEqual(Date.parse('2008-01-01T00:00:00+08:00'));
    expect(Math.max(...columns.time)).toBeLessThan(Date.parse('2018-01-01T00:00:00+08:00'));
    expect(Math.max(...columns.category)).toBe(columns.categories.length - 1);
    expect(Math.max(...columns.grid)).toBe(grids - 1);
    expect(syntheticEventColumns(sample, 10_000)).toEqual(columns);
  });

  it('tenYearFeed is a valid feed with ten years of daily series per category, or none', () => {
    const feed = tenYearFeed(sample);
    const series = feed.series as { counts: number[] }[];
    expect(series.map((s) => s.counts.length)).toEqual(Array(6).fill(3653));
    expect(problems(feed)).toEqual([]);
    expect(tenYearFeed(sample, { series: false }).series).toEqual([]);
  });
});
