import { describe, expect, it } from 'vitest';
import { fillPeriods, trendDisplay, trendLabel } from './trend.js';
import type { IndicatorRow, TrendPoint } from './table-model.js';

const p = (period: string, value: number | null): TrendPoint => ({ period, value });
const incidents = { zh: '起', en: 'incidents' };
const row = (trend: TrendPoint[], unit: IndicatorRow['unit'] = incidents) =>
  ({ trend, unit }) as unknown as IndicatorRow;

describe('fillPeriods', () => {
  it('puts a skipped year back as no data', () => {
    expect(fillPeriods([p('2013', 1), p('2015', 3), p('2016', 4)])).toEqual([
      p('2013', 1),
      p('2014', null),
      p('2015', 3),
      p('2016', 4),
    ]);
  });

  it('fills months, quarters and halves across a year end', () => {
    expect(fillPeriods([p('2016-11', 1), p('2017-01', 2), p('2017-02', 3)]).map((x) => x.period)).toEqual([
      '2016-11',
      '2016-12',
      '2017-01',
      '2017-02',
    ]);
    expect(fillPeriods([p('2016-Q4', 1), p('2017-Q1', 1), p('2017-Q3', 2)]).map((x) => x.period)).toEqual([
      '2016-Q4',
      '2017-Q1',
      '2017-Q2',
      '2017-Q3',
    ]);
    expect(fillPeriods([p('2016-H1', 1), p('2016-H2', 1), p('2017-H2', 2)]).map((x) => x.period)).toEqual([
      '2016-H1',
      '2016-H2',
      '2017-H1',
      '2017-H2',
    ]);
  });

  it('keeps a like-for-like series (first half-years) as it is', () => {
    const h1 = [p('2016-H1', 417), p('2017-H1', 225)];
    expect(fillPeriods(h1)).toBe(h1);
  });

  it('leaves days, mixed kinds, disorder and duplicates alone', () => {
    for (const points of [
      [p('2017-01-01', 1), p('2017-01-03', 2)],
      [p('2016', 1), p('2017-H1', 2)],
      [p('2017', 1), p('2015', 2)],
      [p('2017', 1), p('2017', 2)],
      [p('2017-13', 1), p('2017-15', 2)],
    ]) {
      expect(fillPeriods(points)).toBe(points);
    }
  });
});

describe('trendLabel / trendDisplay', () => {
  it('reads every period, the unit as a label (no "1 incidents"), a gap as "No data"', () => {
    const label = trendLabel(row([]), [p('2013', 1), p('2014', null), p('2015', 0)], 'en');
    expect(label).toBe('Trend (incidents): 2013: 1; 2014: No data; 2015: 0');
    expect(label).not.toMatch(/\d incidents/);
    expect(trendLabel(row([]), [p('2013', 1), p('2014', null)], 'zh-CN')).toBe(
      '趋势（起）：2013：1；2014：无数据',
    );
  });

  it('writes % with each number and no unit label', () => {
    expect(trendLabel(row([], { zh: '%', en: '%' }), [p('2016', 93.9), p('2017', 96.4)], 'en')).toBe(
      'Trend: 2016: 93.9%; 2017: 96.4%',
    );
  });

  it('summarises a long history: first and last known, how many periods have no data, and a missing newest', () => {
    // 2016-01 … 2017-03 (15 months): 2016-03 skipped by the feed, 2017-01 and 2017-03 without a value.
    const periods = fillPeriods([
      p('2016-01', 5),
      p('2016-02', 1),
      ...Array.from({ length: 9 }, (_, i) => p(`2016-${String(i + 4).padStart(2, '0')}`, 3)),
      p('2017-01', null),
      p('2017-02', 2),
      p('2017-03', null),
    ]);
    expect(periods).toHaveLength(15);
    expect(trendLabel(row([]), periods, 'en')).toBe(
      'Trend (incidents): from 5 (2016-01) to 2 (2017-02); 3 periods with no data; 2017-03: No data',
    );
    expect(trendLabel(row([]), periods, 'zh-CN')).toBe(
      '趋势（起）：从 5（2016-01）到 2（2017-02）；3 个时期无数据；2017-03：无数据',
    );
    const oneMissing = periods.map((x) => (x.period === '2016-03' ? x : { ...x, value: x.value ?? 1 }));
    expect(trendLabel(row([]), oneMissing, 'en')).toBe(
      'Trend (incidents): from 5 (2016-01) to 1 (2017-03); 1 period with no data',
    );
  });

  it('draws gaps in the middle, stops at a missing end, dots a single value, and is null when all are missing', () => {
    const middle = trendDisplay(
      row([p('2013', 2), p('2014', 4), p('2015', null), p('2016', 3), p('2017', 5)]),
      'en',
    )!;
    expect(middle.d.match(/M/g)).toHaveLength(2);
    expect(middle.label).toContain('2015: No data');

    const end = trendDisplay(row([p('2015', 2), p('2016', 4), p('2017', null)]), 'en')!;
    expect(end.last!.x).toBeLessThan(61);
    expect(end.label).toMatch(/2017: No data$/);

    const single = trendDisplay(row([p('2016', null), p('2017', 100)], { zh: '%', en: '%' }), 'en')!;
    expect(single.d).toBe('');
    expect(single.dots).toHaveLength(1);
    expect(single.label).toBe('Trend: 2016: No data; 2017: 100%');

    expect(trendDisplay(row([p('2016', null), p('2017', null)]), 'en')).toBeNull();
    expect(trendDisplay(row([]), 'en')).toBeNull();
  });
});
