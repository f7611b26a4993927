import { describe, expect, it } from 'vitest';
import { isoFromDay, parseIsoDay } from './dates.js';
import { brushDays, presetOf, rangeFromInput, rangePresets, selectRange } from './range.js';
import { buildTimelineData } from './timeline-data.js';
import { buildView } from './timeline-view.js';
import { rawYantian, valid } from '../test/feeds.js';

const d = (iso: string) => parseIsoDay(iso)!;
const iso = (days: readonly number[]) => days.map(isoFromDay);
const data = buildTimelineData(valid(rawYantian()));
const view = buildView(data, 'month');

describe('selectRange', () => {
  it('defaults to the data, clips, swaps a reversed range and ignores garbage', () => {
    const all = selectRange(data, view, undefined, undefined);
    expect(iso([all.a, all.b])).toEqual(['2014-01-01', '2017-11-30']);
    expect([all.k0, all.k1]).toEqual([0, 46]);
    const swapped = selectRange(data, view, '2020-01-01', '2016-03-15');
    expect(iso([swapped.a, swapped.b])).toEqual(['2016-03-15', '2017-11-30']);
    expect(swapped.k0).toBe(26);
    expect(iso([selectRange(data, view, 'yesterday', 42).a])).toEqual(['2014-01-01']);
  });
});

describe('rangeFromInput', () => {
  const current = { a: d('2016-01-01'), b: d('2016-12-31') };
  it('moves one end; an emptied field is the first or last day; a start past the end moves the end', () => {
    expect(iso(rangeFromInput(data, current, 'start', '2016-06-01'))).toEqual(['2016-06-01', '2016-12-31']);
    expect(iso(rangeFromInput(data, current, 'end', ''))).toEqual(['2016-01-01', '2017-11-30']);
    expect(iso(rangeFromInput(data, current, 'start', ''))).toEqual(['2014-01-01', '2016-12-31']);
    expect(iso(rangeFromInput(data, current, 'start', '2017-03-01'))).toEqual(['2017-03-01', '2017-03-01']);
    expect(iso(rangeFromInput(data, current, 'end', '2015-03-01'))).toEqual(['2015-03-01', '2015-03-01']);
    expect(iso(rangeFromInput(data, current, 'end', '2031-02-30'))).toEqual(['2016-01-01', '2017-11-30']);
    expect(iso(rangeFromInput(data, current, 'start', '1999-01-01'))).toEqual(['2014-01-01', '2016-12-31']);
  });
});

describe('presets', () => {
  it('offers all dates, the latest year to date and the last 12 months, and names the days shown', () => {
    const presets = rangePresets(data);
    expect(presets.map((p) => [p.id, isoFromDay(p.a), isoFromDay(p.b), p.year])).toEqual([
      ['all', '2014-01-01', '2017-11-30', 2017],
      ['year', '2017-01-01', '2017-11-30', 2017],
      ['last12', '2016-12-01', '2017-11-30', 2017],
    ]);
    expect(presetOf(data, false, d('2015-01-01'), d('2015-02-01'))).toBe('all');
    expect(presetOf(data, true, d('2017-01-01'), d('2017-11-30'))).toBe('year');
    expect(presetOf(data, true, d('2016-12-01'), d('2017-11-30'))).toBe('last12');
    expect(presetOf(data, true, d('2014-01-01'), d('2017-11-30'))).toBe('all');
    expect(presetOf(data, true, d('2016-12-02'), d('2017-11-30'))).toBe('custom');
  });

  it('leaves out presets that are the same days as another', () => {
    const short = { firstDay: d('2017-03-01'), endDay: d('2017-12-01') };
    expect(rangePresets(short).map((p) => p.id)).toEqual(['all']);
    const wholeYear = { firstDay: d('2015-01-01'), endDay: d('2018-01-01') };
    expect(rangePresets(wholeYear).map((p) => p.id)).toEqual(['all', 'year']);
    expect(rangePresets({ firstDay: 100, endDay: 100 }).map((p) => p.id)).toEqual(['all']);
  });
});

describe('brushDays', () => {
  it('snaps a drag to whole periods of the interval shown', () => {
    expect(iso(brushDays(d('2016-01-02'), d('2016-12-30'), 'month', data))).toEqual([
      '2016-01-01',
      '2016-12-31',
    ]);
    // Each end to the nearest boundary: 10 March → 1 March, 20 August → 31 August.
    expect(iso(brushDays(d('2016-08-20'), d('2014-03-10'), 'month', data))).toEqual([
      '2014-03-01',
      '2016-08-31',
    ]);
    expect(iso(brushDays(d('2016-01-06'), d('2016-02-10'), 'week', data))).toEqual([
      '2016-01-04',
      '2016-02-07',
    ]);
    expect(iso(brushDays(d('2015-05-01'), d('2016-09-01'), 'year', data))).toEqual([
      '2015-01-01',
      '2016-12-31',
    ]);
  });

  it('selects the one period a short drag is inside, and clips to the data', () => {
    expect(iso(brushDays(d('2016-03-02'), d('2016-03-08'), 'month', data))).toEqual([
      '2016-03-01',
      '2016-03-31',
    ]);
    expect(iso(brushDays(d('2017-09-20'), d('2018-04-01'), 'month', data))).toEqual([
      '2017-10-01',
      '2017-11-30',
    ]);
    expect(iso(brushDays(d('2013-01-01'), d('2014-02-20'), 'month', data))).toEqual([
      '2014-01-01',
      '2014-02-28',
    ]);
    expect(iso(brushDays(d('2016-03-02'), d('2016-03-02'), 'day', data))).toEqual([
      '2016-03-02',
      '2016-03-02',
    ]);
  });
});
