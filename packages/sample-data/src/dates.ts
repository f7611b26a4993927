/**
 * Calendar dates as `YYYY-MM-DD` strings, computed in UTC so that no machine time zone can
 * shift a day. The feeds' local time zone is Asia/Shanghai (UTC+8, no daylight saving).
 */

const MS_PER_DAY = 86_400_000;

/** First day of every daily series (almost four years, so any 3-year window is complete). */
export const SERIES_START = '2014-01-01';
/** Last day of every daily series (the article is dated 2017-12-04). */
export const SERIES_END = '2017-11-30';
/** When the feeds say they were current: the article's date, 09:00 Shanghai time. */
export const AS_OF = '2017-12-04T09:00:00+08:00';
/** Shanghai's fixed offset, used for every timestamp in the feeds. */
export const UTC_OFFSET = '+08:00';

function toTime(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!);
}

function fromTime(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromTime(toTime(date) + days * MS_PER_DAY);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toTime(b) - toTime(a)) / MS_PER_DAY);
}

/** Every date from `first` to `last`, both included. */
export function dateRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = toTime(first), end = toTime(last); t <= end; t += MS_PER_DAY) out.push(fromTime(t));
  return out;
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(toTime(date)).getUTCDay();
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** 1–12. */
export function monthOf(date: string): number {
  return Number(date.slice(5, 7));
}

/** The days of the daily series. */
export const SERIES_DAYS: readonly string[] = dateRange(SERIES_START, SERIES_END);

/** Index of `date` in SERIES_DAYS. */
export function seriesIndex(date: string): number {
  return daysBetween(SERIES_START, date);
}

/** Sum of `counts` (a daily series from SERIES_START) over `first`..`last`, both included. */
export function sumBetween(counts: readonly (number | null)[], first: string, last: string): number {
  let sum = 0;
  for (
    let i = Math.max(0, seriesIndex(first)), end = Math.min(counts.length - 1, seriesIndex(last));
    i <= end;
    i++
  ) {
    sum += counts[i] ?? 0;
  }
  return sum;
}

/** Last day of a month given as `YYYY-MM`. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return fromTime(Date.UTC(y!, m!, 0));
}

/** `YYYY-MM` months from `first` to `last`, both included. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}
