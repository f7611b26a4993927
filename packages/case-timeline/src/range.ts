/**
 * The dates the timeline shows: the `start`/`end` asked for, clipped to the data; the ranges offered
 * in the controls row; and the range a date input or a drag across the chart (the brush) asks for.
 * Pure; no DOM.
 */
import { dayFromYmd, nextPeriodStart, parseIsoDay, periodStart, yearEarlier, ymdFromDay } from './dates.js';
import type { Interval } from './dates.js';
import type { TimelineData } from './timeline-data.js';
import { periodIndexOf, type TimelineView } from './timeline-view.js';

/** Selected days `[a, b]` (inclusive) and the periods `[k0, k1]` they touch. */
export interface Selection {
  a: number;
  b: number;
  k0: number;
  k1: number;
}

type Span = Pick<TimelineData, 'firstDay' | 'endDay'>;

const clamp = (day: number, data: Span) => Math.min(Math.max(day, data.firstDay), data.endDay - 1);

/** The days and periods shown: `start`/`end` (`YYYY-MM-DD`, else the data's first/last day), swapped when reversed and clipped to the data. */
export function selectRange(
  data: Span,
  view: Pick<TimelineView, 'starts' | 'ends'>,
  start: unknown,
  end: unknown,
): Selection {
  let a = parseIsoDay(start) ?? data.firstDay;
  let b = parseIsoDay(end) ?? data.endDay - 1;
  if (a > b) [a, b] = [b, a];
  a = clamp(a, data);
  b = clamp(b, data);
  const k0 = Math.max(0, periodIndexOf(view, a));
  const k1 = Math.max(k0, periodIndexOf(view, b));
  return { a, b, k0, k1 };
}

/** The range a date input asks for: an emptied field means the first (or last) day; a start after the end moves the end too (and back). */
export function rangeFromInput(
  data: Span,
  current: { a: number; b: number },
  field: 'start' | 'end',
  value: string,
): [number, number] {
  const day = parseIsoDay(value);
  let a = current.a;
  let b = current.b;
  if (field === 'start') a = day ?? data.firstDay;
  else b = day ?? data.endDay - 1;
  a = clamp(a, data);
  b = clamp(b, data);
  if (a > b) [a, b] = field === 'start' ? [a, a] : [b, b];
  return [a, b];
}

/** A range offered in the controls row. */
export type RangePreset = 'all' | 'year' | 'last12' | 'custom';

/**
 * The ranges offered: all dates, the latest year to date, the last 12 months (only those that
 * differ from each other and from all dates), with their days `[a, b]`.
 */
export function rangePresets(data: Span): { id: RangePreset; a: number; b: number; year: number }[] {
  const last = data.endDay - 1;
  const year = ymdFromDay(last).year;
  const list = [{ id: 'all' as RangePreset, a: data.firstDay, b: last, year }];
  if (!(data.endDay > data.firstDay)) return list;
  const candidates: { id: RangePreset; a: number }[] = [
    { id: 'year', a: Math.max(data.firstDay, dayFromYmd(year, 1, 1)) },
    { id: 'last12', a: Math.max(data.firstDay, yearEarlier(last + 1)) },
  ];
  for (const p of candidates) {
    if (list.some((q) => q.a === p.a)) continue;
    list.push({ id: p.id, a: p.a, b: last, year });
  }
  return list;
}

/** Which preset the shown days are: `all` without a range, else the preset with the same days, else `custom`. */
export function presetOf(data: Span, ranged: boolean, a: number, b: number): RangePreset {
  if (!ranged) return 'all';
  const hit = rangePresets(data).find((p) => p.a === a && p.b === b);
  return hit ? hit.id : 'custom';
}

/**
 * The days a drag across the chart selects, from the days under its two ends: snapped to whole
 * periods of the interval shown (each end to the nearest period boundary; a drag inside one period
 * selects that period), so that the figures speak of the same periods the chart draws. Clipped to the data.
 */
export function brushDays(day0: number, day1: number, interval: Interval, data: Span): [number, number] {
  const lo = Math.min(day0, day1);
  const hi = Math.max(day0, day1);
  const nearest = (day: number) => {
    const s = periodStart(Math.round(day), interval);
    const n = nextPeriodStart(s, interval);
    return day - s <= n - day ? s : n;
  };
  let a = nearest(lo);
  let b = nearest(hi) - 1;
  if (b < a) {
    a = periodStart(Math.round(lo), interval);
    b = nextPeriodStart(a, interval) - 1;
  }
  a = clamp(a, data);
  b = clamp(b, data);
  return a <= b ? [a, b] : [b, a];
}
