import { describe, expect, it } from 'vitest';
import { isoFromDay, parseIsoDay } from './dates.js';
import { tickLabel, timeTicks } from './ticks.js';

const d = (iso: string) => parseIsoDay(iso)!;

describe('timeTicks', () => {
  it('picks the finest calendar step that fits', () => {
    const years = timeTicks(d('2014-01-01'), d('2017-11-30'), 6);
    expect(years.map((t) => isoFromDay(t.day))).toEqual([
      '2014-01-01',
      '2015-01-01',
      '2016-01-01',
      '2017-01-01',
    ]);
    expect(years[0]!.unit).toBe('year');
    const halves = timeTicks(d('2014-01-01'), d('2017-11-30'), 10);
    expect(halves.map((t) => isoFromDay(t.day)).slice(0, 3)).toEqual([
      '2014-01-01',
      '2014-07-01',
      '2015-01-01',
    ]);
    const months = timeTicks(d('2017-01-01'), d('2017-06-30'), 8);
    expect(months.map((t) => isoFromDay(t.day))).toEqual([
      '2017-01-01',
      '2017-02-01',
      '2017-03-01',
      '2017-04-01',
      '2017-05-01',
      '2017-06-01',
    ]);
    const weeks = timeTicks(d('2017-10-01'), d('2017-11-30'), 10);
    expect(weeks[0]!.unit).toBe('week');
    expect(isoFromDay(weeks[0]!.day)).toBe('2017-10-02');
  });

  it('is no finer than the interval counted by', () => {
    const t = timeTicks(d('2014-01-01'), d('2017-01-01'), 40, 'year');
    expect(t.every((x) => x.unit === 'year')).toBe(true);
    expect(t).toHaveLength(4);
  });

  it('never returns more than asked for, and nothing for an empty range', () => {
    for (const max of [2, 3, 5, 12, 40]) {
      expect(timeTicks(d('2008-01-01'), d('2017-12-31'), max).length).toBeLessThanOrEqual(max);
    }
    expect(timeTicks(5, 4, 10)).toEqual([]);
  });

  it('labels ticks in both locales', () => {
    expect(tickLabel({ day: d('2017-01-01'), unit: 'year' }, false, 'en')).toBe('2017');
    expect(tickLabel({ day: d('2017-01-01'), unit: 'year' }, false, 'zh-CN')).toBe('2017年');
    expect(tickLabel({ day: d('2017-03-01'), unit: 'month' }, false, 'en')).toBe('Mar');
    expect(tickLabel({ day: d('2017-03-01'), unit: 'month' }, true, 'en')).toBe('Mar 2017');
    expect(tickLabel({ day: d('2017-03-01'), unit: 'month' }, false, 'zh-CN')).toBe('3月');
    expect(tickLabel({ day: d('2017-10-02'), unit: 'week' }, false, 'en')).toBe('Oct 2');
    expect(tickLabel({ day: d('2017-10-02'), unit: 'week' }, false, 'zh-CN')).toBe('10月2日');
  });
});
