import { describe, expect, it } from 'vitest';
import {
  dayFromYmd,
  isoFromDay,
  nextPeriodStart,
  parseIsoDay,
  periodStart,
  weekStart,
  yearEarlier,
  ymdFromDay,
} from './dates.js';

describe('day numbers', () => {
  it('count days from 1970-01-01', () => {
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
    expect(dayFromYmd(2017, 1, 1)).toBe(17167);
    expect(ymdFromDay(17167)).toEqual({ year: 2017, month: 1, day: 1 });
    expect(isoFromDay(dayFromYmd(2016, 2, 29))).toBe('2016-02-29');
  });

  it('parse only real YYYY-MM-DD dates', () => {
    expect(parseIsoDay('2017-06-30')).toBe(dayFromYmd(2017, 6, 30));
    expect(parseIsoDay('2017-02-31')).toBeUndefined();
    expect(parseIsoDay('2017-6-30')).toBeUndefined();
    expect(parseIsoDay('')).toBeUndefined();
    expect(parseIsoDay(42)).toBeUndefined();
  });
});

describe('periods', () => {
  const d = (iso: string) => parseIsoDay(iso)!;

  it('weeks start on Monday', () => {
    // 2017-10-04 was a Wednesday; its ISO week starts on Monday 2017-10-02.
    expect(isoFromDay(weekStart(d('2017-10-04')))).toBe('2017-10-02');
    expect(isoFromDay(weekStart(d('2017-10-02')))).toBe('2017-10-02');
    expect(isoFromDay(weekStart(d('2017-10-08')))).toBe('2017-10-02');
    expect(isoFromDay(weekStart(d('1970-01-01')))).toBe('1969-12-29');
  });

  it('find the start and the next start of days, weeks, months and years', () => {
    expect(isoFromDay(periodStart(d('2017-03-15'), 'month'))).toBe('2017-03-01');
    expect(isoFromDay(nextPeriodStart(d('2017-12-01'), 'month'))).toBe('2018-01-01');
    expect(isoFromDay(periodStart(d('2017-03-15'), 'year'))).toBe('2017-01-01');
    expect(isoFromDay(nextPeriodStart(d('2017-01-01'), 'year'))).toBe('2018-01-01');
    expect(nextPeriodStart(d('2017-03-15'), 'day')).toBe(d('2017-03-16'));
    expect(isoFromDay(nextPeriodStart(d('2017-10-02'), 'week'))).toBe('2017-10-09');
  });

  it('compare with a year earlier: same date, or 52 weeks back for weeks', () => {
    expect(isoFromDay(yearEarlier(d('2017-03-15')))).toBe('2016-03-15');
    expect(isoFromDay(yearEarlier(d('2016-02-29')))).toBe('2015-03-01');
    expect(isoFromDay(yearEarlier(d('2017-10-02'), 'week'))).toBe('2016-10-03');
    expect(isoFromDay(yearEarlier(d('2017-10-02'), 'week'))).toBe(isoFromDay(weekStart(d('2016-10-03'))));
  });
});
