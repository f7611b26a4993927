/**
 * Calendar days as integers. A *day number* is the count of days from 1970-01-01 to a calendar
 * date (the date itself, not an instant: no time zone). Periods (day, ISO week from Monday,
 * month, year) are half-open ranges of day numbers `[start, end)`.
 *
 * On the chart's x axis a day is drawn at `day * DAY_MS`, so Intl formats it in `UTC` as that date.
 */

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** The period lengths the timeline counts by. */
export type Interval = 'day' | 'week' | 'month' | 'year';

/** Every interval, shortest first. */
export const INTERVALS: readonly Interval[] = Object.freeze(['day', 'week', 'month', 'year'] as const);

/** True for one of the four interval names. */
export function isInterval(value: unknown): value is Interval {
  return value === 'day' || value === 'week' || value === 'month' || value === 'year';
}

/** Day number of a calendar date (`month` 1–12); out-of-range days roll over like `Date.UTC`. */
export function dayFromYmd(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** Year, month (1–12) and day of month of a day number. */
export function ymdFromDay(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a `YYYY-MM-DD` string naming a real date, else undefined (never throws). */
export function parseIsoDay(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_DAY.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = dayFromYmd(y, mo, d);
  const back = ymdFromDay(day);
  return back.year === y && back.month === mo && back.day === d ? day : undefined;
}

/** `YYYY-MM-DD` of a day number. */
export function isoFromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Monday of the ISO week holding `day` (1970-01-01 was a Thursday). */
export function weekStart(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** First day of the period of `interval` holding `day`. */
export function periodStart(day: number, interval: Interval): number {
  switch (interval) {
    case 'day':
      return day;
    case 'week':
      return weekStart(day);
    case 'month': {
      const { year, month } = ymdFromDay(day);
      return dayFromYmd(year, month, 1);
    }
    case 'year':
      return dayFromYmd(ymdFromDay(day).year, 1, 1);
  }
}

/** First day of the period after the one starting at (or holding) `start`. */
export function nextPeriodStart(start: number, interval: Interval): number {
  switch (interval) {
    case 'day':
      return start + 1;
    case 'week':
      return weekStart(start) + 7;
    case 'month': {
      const { year, month } = ymdFromDay(start);
      return dayFromYmd(year, month + 1, 1);
    }
    case 'year':
      return dayFromYmd(ymdFromDay(start).year + 1, 1, 1);
  }
}

/**
 * The same day a year earlier, for year-on-year comparisons: the same calendar date one year
 * back (29 February maps to 1 March), except for weeks, which compare with the same ISO
 * weekday 52 weeks (364 days) back so that a week is compared with a whole week.
 */
export function yearEarlier(day: number, interval: Interval = 'day'): number {
  if (interval === 'week') return day - 364;
  const { year, month, day: d } = ymdFromDay(day);
  return dayFromYmd(year - 1, month, d);
}

/** Whether `day` is the first day of a period of `interval`. */
export function isPeriodStart(day: number, interval: Interval): boolean {
  return periodStart(day, interval) === day;
}
