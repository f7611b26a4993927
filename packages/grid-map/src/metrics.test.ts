import { describe, expect, it } from 'vitest';
import {
  feedGridInputs,
  gridFigures,
  metricDefs,
  metricLabel,
  per10k,
  rateMode,
  resolveMetric,
  type GridFigureInput,
} from './metrics.js';
import { rankGrids, rankedCount } from './ranking.js';
import { countPerGrid } from './privacy.js';
import { yantian } from '../test/fixtures.js';

describe('metrics', () => {
  const feed = yantian();
  const defs = metricDefs(feed);

  it('lists the grid figures, then the event categories', () => {
    expect(defs.filter((d) => d.source === 'grid').map((d) => d.key)).toEqual([
      'alerts110',
      'cases',
      'fraud',
      'fires',
      'disputes',
      'cameras',
      'microFireStations',
      'emergencyFirePoints',
      'riskSources',
      'enterprises',
      'threeSmallVenues',
    ]);
    expect(defs.filter((d) => d.source === 'category').map((d) => [d.key, d.sensitive])).toContainEqual([
      'category:domestic',
      true,
    ]);
  });

  it('treats a grid figure that counts a sensitive layer or category as sensitive', () => {
    // The sample's camera layer (id `cameras`, kind `camera`) is sensitive: so is `metrics.cameras`.
    expect(defs.filter((d) => d.sensitive).map((d) => d.key)).toEqual(['cameras', 'category:domestic']);
    const grids = [{ id: 'a', population: 1000, metrics: { cameras: 2 } }];
    const [f] = gridFigures(grids, resolveMetric(defs, 'cameras'), [], 'per-10k', 3);
    expect(f).toEqual({ value: 2, rate: null, suppressed: true, shown: null });
  });

  it('resolves the requested figure, by key or category id, else cases', () => {
    expect(resolveMetric(defs, 'fraud')?.key).toBe('fraud');
    expect(resolveMetric(defs, 'domestic')?.key).toBe('category:domestic');
    expect(resolveMetric(defs, 'category:fire')?.key).toBe('category:fire');
    expect(resolveMetric(defs, 'nonsense')?.key).toBe('cases');
    expect(resolveMetric(defs, undefined)?.key).toBe('cases');
    expect(resolveMetric([], 'cases')).toBeUndefined();
  });

  it('names figures in both languages', () => {
    expect(metricLabel(resolveMetric(defs, 'alerts110')!, 'zh-CN').text).toBe('110警情');
    expect(metricLabel(resolveMetric(defs, 'alerts110')!, 'en').text).toBe('110 police alerts');
    expect(metricLabel(resolveMetric(defs, 'domestic')!, 'en').text).toBe('Domestic dispute alerts');
    expect(metricLabel({ key: 'x1', id: 'x1', source: 'grid', sensitive: false }, 'en').text).toBe('x1');
  });

  it('computes rates per 10,000 residents', () => {
    expect(per10k(82, 12_940)).toBeCloseTo(63.37, 2);
    expect(per10k(5, 0)).toBeNull();
    expect(per10k(5, null)).toBeNull();
    expect(per10k(null, 100)).toBeNull();
    expect(rateMode('per-10k')).toBe('per-10k');
    expect(rateMode('per10k')).toBe('per-10k');
    expect(rateMode('count')).toBe('count');
    expect(rateMode('bogus')).toBe('count');
  });

  it('gives each grid its figure, count or rate', () => {
    const grids = feed.grids.features.map((f) => ({
      id: f.id,
      population: f.properties.population,
      metrics: f.properties.metrics,
    }));
    const counts = gridFigures(grids, resolveMetric(defs, 'cases'), [], 'count', 3);
    expect(counts[0]).toEqual({ value: 82, rate: per10k(82, 12_940), suppressed: false, shown: 82 });
    const rates = gridFigures(grids, resolveMetric(defs, 'cases'), [], 'per-10k', 3);
    expect(rates[0]!.shown).toBeCloseTo(63.37, 2);
  });

  it('suppresses sensitive counts below the threshold, rate included', () => {
    const grids = feed.grids.features.map((f) => ({
      id: f.id,
      population: f.properties.population,
      metrics: f.properties.metrics,
    }));
    const counters = countPerGrid(feed, (p) => p.grid ?? undefined);
    const figures = gridFigures(grids, resolveMetric(defs, 'domestic'), counters, 'per-10k', 3);
    const suppressed = figures.filter((f) => f.suppressed);
    expect(suppressed.length).toBeGreaterThan(0);
    for (const f of suppressed) {
      expect(f.value).toBeLessThan(3);
      expect(f.rate).toBeNull();
      expect(f.shown).toBeNull();
    }
    for (const f of figures.filter((x) => !x.suppressed)) expect(f.value).toBeGreaterThanOrEqual(3);
    // Non-sensitive categories are never suppressed.
    expect(
      gridFigures(grids, resolveMetric(defs, 'fire'), counters, 'count', 3).some((f) => f.suppressed),
    ).toBe(false);
  });
});

describe('missing is never zero', () => {
  const feed = yantian();
  const defs = metricDefs(feed);
  const grids: GridFigureInput[] = [
    { id: 'a', population: 1000, metrics: { cases: 4 } },
    { id: 'b', population: 1000, metrics: { cases: null } },
    { id: 'c', population: null, metrics: {} },
  ];

  it('a grid without the figure, or without residents for a rate, has no data', () => {
    const counts = gridFigures(grids, resolveMetric(defs, 'cases'), [], 'count', 3);
    expect(counts.map((f) => f.shown)).toEqual([4, null, null]);
    const rates = gridFigures(grids, resolveMetric(defs, 'cases'), [], 'per-10k', 3);
    expect(rates.map((f) => f.shown)).toEqual([40, null, null]);
  });

  it('a category with no case in the feed has no data in any grid; one with cases counts 0 where none was', () => {
    const quiet = { ...feed, events: feed.events.filter((e) => e.category !== 'fire') };
    const counters = countPerGrid(quiet, (p) => p.grid ?? undefined);
    const fire = gridFigures(grids, resolveMetric(defs, 'fire'), counters, 'count', 3);
    expect(fire.map((f) => f.shown)).toEqual([null, null, null]);
    const withCases = countPerGrid(feed, (p) => p.grid ?? undefined);
    const all = feedGridInputs(feed);
    const criminal = gridFigures(all, resolveMetric(defs, 'criminal'), withCases, 'count', 3);
    expect(criminal.every((f) => f.shown !== null)).toBe(true);
  });

  it('no-data grids are not ranked, and the rank counts only ranked grids', () => {
    const figures = gridFigures(grids, resolveMetric(defs, 'cases'), [], 'count', 3);
    const ranking = rankGrids(figures, ['a', 'b', 'c'], 'en');
    expect(ranking.map((r) => r.rank)).toEqual([1, undefined, undefined]);
    expect(rankedCount(ranking)).toBe(1);
  });

  it('reads every grid of the feed for the class breaks', () => {
    expect(feedGridInputs(feed)).toHaveLength(feed.grids.features.length);
  });
});
