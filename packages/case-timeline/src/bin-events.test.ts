import { describe, expect, it } from 'vitest';
import { binEventsByDay, timeExtent } from './bin-events.js';
import { dayFromYmd } from './dates.js';
import { zoneOffsets } from './zone.js';

const shanghai = zoneOffsets('Asia/Shanghai', Date.parse('2017-01-01'), Date.parse('2017-12-31'));
const first = dayFromYmd(2017, 10, 1);

describe('binEventsByDay', () => {
  it('counts events per category and local day, whatever their order', () => {
    const time = Float64Array.from(
      [
        '2017-10-02T10:00:00+08:00',
        '2017-10-01T00:35:00+08:00',
        '2017-09-30T16:30:00Z', // 00:30 on 1 Oct in Shenzhen
        '2017-10-02T23:59:00+08:00',
        '2017-10-01T12:00:00+08:00',
      ].map((s) => Date.parse(s)),
    );
    const category = Uint8Array.from([0, 0, 1, 0, 1]);
    const bins = binEventsByDay(time, category, {
      firstDay: first,
      lastDay: first + 2,
      categoryCount: 2,
      zone: shanghai,
    });
    expect(bins.dayCount).toBe(3);
    // category 0: 1 Oct → 1, 2 Oct → 2; category 1: 1 Oct → 2.
    expect(Array.from(bins.counts)).toEqual([1, 2, 0, 2, 0, 0]);
    expect(bins.outOfRange).toBe(0);
  });

  it('reports events out of range, with NaN times or unknown categories, and never throws', () => {
    const time = Float64Array.from([
      Date.parse('2017-10-01T08:00:00+08:00'),
      Number.NaN,
      Date.parse('2099-01-01'),
      0,
    ]);
    const category = Int16Array.from([0, 0, 0, 7]);
    const bins = binEventsByDay(time, category, {
      firstDay: first,
      lastDay: first,
      categoryCount: 1,
      zone: shanghai,
    });
    expect(Array.from(bins.counts)).toEqual([1]);
    expect(bins.outOfRange).toBe(2);
    expect(bins.unknownCategory).toBe(1);
    const neg = binEventsByDay(time, Int8Array.from([-1, 0]), {
      firstDay: first,
      lastDay: first,
      categoryCount: 1,
      zone: shanghai,
    });
    expect(neg.unknownCategory).toBe(1);
  });

  it('keeps only the events a mask selects (e.g. the grids of one sub-district)', () => {
    const t = Date.parse('2017-10-01T08:00:00+08:00');
    const time = Float64Array.from([t, t, t, t]);
    const bins = binEventsByDay(time, new Uint8Array(4), {
      firstDay: first,
      lastDay: first,
      categoryCount: 1,
      zone: shanghai,
      keep: { index: Uint16Array.from([0, 1, 2, 9]), mask: Uint8Array.from([1, 0, 1]) },
    });
    expect(Array.from(bins.counts)).toEqual([2]);
    expect(bins.skipped).toBe(2);
  });

  it('handles an empty span and mismatched lengths', () => {
    const bins = binEventsByDay(new Float64Array(3), new Uint8Array(1), {
      firstDay: 10,
      lastDay: 9,
      categoryCount: 1,
      zone: shanghai,
    });
    expect(bins.counts.length).toBe(0);
    expect(bins.outOfRange).toBe(1);
  });
});

describe('timeExtent', () => {
  it('skips NaN and infinite times', () => {
    expect(timeExtent(Float64Array.from([5, Number.NaN, -Infinity, 2, 9]))).toEqual({ min: 2, max: 9 });
    expect(timeExtent(Float64Array.from([Number.NaN]))).toBeUndefined();
  });
});
