import { describe, expect, it } from 'vitest';
import { isoFromDay, parseIsoDay } from './dates.js';
import { buildTimelineData, windowSum } from './timeline-data.js';
import { buildView, periodIndexOf } from './timeline-view.js';
import { rawYantian, valid } from '../test/feeds.js';

const d = (iso: string) => parseIsoDay(iso)!;
const yantian = valid(rawYantian());
const data = buildTimelineData(yantian);
const fire = yantian.categories.findIndex((c) => c.id === 'fire');
const fraud = yantian.categories.findIndex((c) => c.id === 'fraud');

describe('buildView', () => {
  it('by month: 47 months, each with the same month a year earlier', () => {
    const v = buildView(data, 'month');
    expect(v.interval).toBe('month');
    expect(v.available).toEqual(['day', 'week', 'month', 'year']);
    expect(v.starts.length).toBe(47);
    expect(isoFromDay(v.starts[0]!)).toBe('2014-01-01');
    expect(isoFromDay(v.starts[46]!)).toBe('2017-11-01');
    expect(v.partial.every((p) => p === 0)).toBe(true);
    // 2014 has nothing a year earlier; January 2015 compares with January 2014.
    expect(v.previous[fire]![0]).toBeNaN();
    expect(v.previous[fire]![12]).toBe(v.values[fire]![0]);
    const h1 = (year: number) =>
      v.values[fraud]!.slice((year - 2014) * 12, (year - 2014) * 12 + 6).reduce((a, b) => a + b, 0);
    expect(h1(2016)).toBe(417);
    expect(h1(2017)).toBe(225);
  });

  it('by year: 2017 is partial (to 30 November) and compares with January–November 2016', () => {
    const v = buildView(data, 'year');
    expect(Array.from(v.starts, isoFromDay)).toEqual([
      '2014-01-01',
      '2015-01-01',
      '2016-01-01',
      '2017-01-01',
    ]);
    expect(Array.from(v.partial)).toEqual([0, 0, 0, 1]);
    expect(isoFromDay(v.to[3]! - 1)).toBe('2017-11-30');
    expect(v.values[fire]![3]).toBe(41);
    expect(v.previous[fire]![3]).toBe(53);
  });

  it('by week: Monday weeks; the first (2014-01-01 was a Wednesday) is partial', () => {
    const v = buildView(data, 'week');
    expect(isoFromDay(v.starts[0]!)).toBe('2013-12-30');
    expect(isoFromDay(v.from[0]!)).toBe('2014-01-01');
    expect(v.partial[0]).toBe(1);
    // A week compares with the same weekdays 52 weeks earlier.
    const k = periodIndexOf(v, d('2016-10-05'));
    expect(isoFromDay(v.starts[k]!)).toBe('2016-10-03');
    expect(v.previous[fraud]![k]).toBe(v.values[fraud]![k - 52]);
  });

  it('by day: 1,430 days', () => {
    const v = buildView(data, 'day');
    expect(v.starts.length).toBe(1430);
    expect(v.values.every((vals) => vals.every((x) => Number.isInteger(x)))).toBe(true);
  });

  it('falls back to an interval a monthly series supports', () => {
    const monthly = buildTimelineData(
      valid({
        ...rawYantian(),
        events: [],
        series: [
          {
            category: 'fire',
            interval: 'month',
            start: '2016-01-01',
            counts: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
            provenance: 'synthetic',
          },
        ],
      }),
    );
    expect(buildView(monthly, 'day').interval).toBe('month');
    const y = buildView(monthly, 'year');
    expect(y.available).toEqual(['month', 'year']);
    expect(Array.from(y.values[fire]!)).toEqual([78, 13]);
    expect(y.previous[fire]![1]).toBe(1);
  });

  it('adds up a category’s periods only when they are read: a hidden category costs nothing', () => {
    const v = buildView(data, 'day');
    const counted = (column: readonly Float64Array[], c: number) =>
      Object.getOwnPropertyDescriptor(column, c)!.get === undefined;
    expect(data.categories.map((_, c) => counted(v.values, c))).toEqual(data.categories.map(() => false));
    // Reading one category counts that one only, once, with the same counts as the prefix sums give.
    const fraudDays = v.values[fraud]!;
    expect(v.values[fraud]).toBe(fraudDays);
    expect(counted(v.values, fraud)).toBe(true);
    expect(counted(v.values, fire)).toBe(false);
    expect(counted(v.previous, fraud)).toBe(false);
    const k = 400;
    expect(fraudDays[k]).toBe(windowSum(data, fraud, v.starts[k]!, v.ends[k]!));
    expect(fraudDays.length).toBe(v.starts.length);
    // Every category can still be read, and none can be replaced.
    expect(v.values.every((vals) => vals.length === v.starts.length)).toBe(true);
    expect(() => {
      (v.values as Float64Array[])[fire] = new Float64Array(0);
    }).toThrow();
  });

  it('periodIndexOf finds the period holding a day, or the nearest', () => {
    const v = buildView(data, 'month');
    expect(periodIndexOf(v, d('2015-03-17'))).toBe(14);
    expect(periodIndexOf(v, d('2000-01-01'))).toBe(0);
    expect(periodIndexOf(v, d('2030-01-01'))).toBe(46);
    expect(periodIndexOf({ starts: new Int32Array(0), ends: new Int32Array(0) }, 5)).toBe(-1);
  });
});
