import { describe, expect, it } from 'vitest';
import { periodTotal, spanOverview, trendOf } from './overview.js';

const view = (values: number[][], partial: number[] = []) => ({
  values: values.map((v) => Float64Array.from(v)),
  partial: Uint8Array.from(values[0]!.map((_, k) => partial[k] ?? 0)),
});

describe('periodTotal', () => {
  it('sums the counts of the categories shown; none with a count is no data, never 0', () => {
    const v = view([
      [1, Number.NaN, Number.NaN],
      [2, 5, Number.NaN],
    ]);
    expect(periodTotal(v, [0, 1], 0)).toBe(3);
    expect(periodTotal(v, [0, 1], 1)).toBe(5);
    expect(periodTotal(v, [0, 1], 2)).toBeNaN();
    expect(periodTotal(v, [], 0)).toBeNaN();
  });
});

describe('trendOf', () => {
  it('rises, falls or stays level by the least-squares line relative to the mean', () => {
    expect(
      trendOf([
        [0, 10],
        [1, 12],
        [2, 14],
      ]),
    ).toBe('up');
    expect(
      trendOf([
        [0, 14],
        [1, 12],
        [2, 10],
      ]),
    ).toBe('down');
    expect(
      trendOf([
        [0, 100],
        [1, 104],
        [2, 99],
        [3, 102],
      ]),
    ).toBe('level');
    // Too few points to speak of a trend.
    expect(
      trendOf([
        [0, 1],
        [1, 9],
      ]),
    ).toBeUndefined();
    // All zero: level, not a division by zero.
    expect(
      trendOf([
        [0, 0],
        [1, 0],
        [2, 0],
      ]),
    ).toBe('level');
  });
});

describe('spanOverview', () => {
  it('skips periods with no data for the peak and the trend; partial periods are not in the trend', () => {
    const v = view([[10, Number.NaN, 30, 40, 5]], [0, 0, 0, 0, 1]);
    const o = spanOverview(v, [0], 0, 4);
    expect(o.periods).toBe(4);
    expect(o.peak).toEqual({ k: 3, value: 40 });
    // 10, 30, 40 (the partial 5 left out): rising.
    expect(o.trend).toBe('up');
    expect(spanOverview(v, [0], 1, 1)).toEqual({ periods: 0, peak: undefined, trend: undefined });
    // A single period: no peak to speak of.
    expect(spanOverview(v, [0], 0, 0).peak).toBeUndefined();
  });
});
