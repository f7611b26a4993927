import { describe, expect, it } from 'vitest';
import { continueSampleSeries } from './continue-series.js';
import { buildDistrictFeed, buildSubdistrictFeeds } from './index.js';

const district = buildDistrictFeed();
const series = district.series!;
const dailyTotal = (category: string) =>
  series.find((s) => s.category === category && !s.grid && !s.subdistrict)!;

describe('continueSampleSeries', () => {
  it('leaves the series as they are up to the sample’s last day', () => {
    expect(continueSampleSeries(series, 'yantian', '2017-11-30')).toEqual(series);
  });

  it('continues the daily series day by day, as whole, plausible counts', () => {
    const next = continueSampleSeries(series, 'yantian', '2018-03-31');
    const before = dailyTotal('alerts-110');
    const after = next.find((s) => s.category === 'alerts-110' && !s.grid && !s.subdistrict)!;
    expect(after.counts.length).toBe(before.counts.length + 121);
    expect(after.counts.slice(0, before.counts.length)).toEqual(before.counts);
    const added = after.counts.slice(before.counts.length) as number[];
    expect(added.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
    // About as many a day as in the sample's last three months.
    const mean = (xs: readonly (number | null)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0) / xs.length;
    expect(mean(added) / mean(before.counts.slice(-91))).toBeGreaterThan(0.7);
    expect(mean(added) / mean(before.counts.slice(-91))).toBeLessThan(1.3);
    expect(after.provenance).toBe('synthetic');
  });

  it('keeps the four sub-district feeds adding up to the district', () => {
    const total = continueSampleSeries(series, 'yantian', '2018-01-31').find(
      (s) => s.category === 'fraud' && !s.grid && !s.subdistrict,
    )!.counts;
    const own = buildSubdistrictFeeds().map(
      (f) =>
        continueSampleSeries(f.series!, f.place.id, '2018-01-31').find(
          (s) => s.category === 'fraud' && !s.grid && !s.subdistrict,
        )!.counts,
    );
    expect(own.length).toBe(4);
    for (let d = total.length - 62; d < total.length; d++)
      expect(own.reduce((n, counts) => n + (counts[d] ?? 0), 0)).toBe(total[d]);
  });

  it('is the same however far and in how many steps it is continued', () => {
    const once = continueSampleSeries(series, 'yantian', '2018-06-30');
    const twice = continueSampleSeries(
      continueSampleSeries(series, 'yantian', '2018-02-14'),
      'yantian',
      '2018-06-30',
    );
    expect(twice).toEqual(once);
  });

  it('grows a grid’s monthly series by whole months only', () => {
    const grid = series.find((s) => s.grid && s.interval === 'month')!;
    const midMonth = continueSampleSeries([grid], 'yantian', '2018-02-14')[0]!;
    expect(midMonth.counts.length).toBe(grid.counts.length + 2);
    const monthEnd = continueSampleSeries([grid], 'yantian', '2018-02-28')[0]!;
    expect(monthEnd.counts.length).toBe(grid.counts.length + 3);
  });
});
