/**
 * Locale-aware formatting with Intl, one cached formatter per locale and options.
 * Every function here returns a string and never throws: a value that cannot be
 * formatted becomes `NO_VALUE`, bad options fall back to the locale's defaults.
 */
import type { SupportedLocale } from './resolve.js';

/** Shown for a missing or unusable value (null, NaN, an unparseable date). */
export const NO_VALUE = '—';

/** U+2212 MINUS SIGN, used instead of the hyphen-minus that Intl emits. */
export const MINUS_SIGN = '\u2212';

const MAX_CACHED = 256;
const cache = new Map<string, unknown>();

/** A formatter from the cache, made on first use. Throws only if `make` throws. */
function cached<T>(kind: string, locale: string, opts: object | undefined, make: () => T): T {
  const key = `${kind}|${locale}|${opts ? JSON.stringify(opts) : ''}`;
  let f = cache.get(key) as T | undefined;
  if (f === undefined) {
    f = make();
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, f);
  }
  return f;
}

const warned = new Set<string>();
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`[safety-widgets] ${message}`);
}

/** A cached `Intl.NumberFormat`; invalid options fall back to the locale's defaults (with a warning). */
export function numberFormat(locale: SupportedLocale, opts?: Intl.NumberFormatOptions): Intl.NumberFormat {
  try {
    return cached('number', locale, opts, () => new Intl.NumberFormat(locale, opts));
  } catch (err) {
    warnOnce(
      `number format options ${JSON.stringify(opts)} are not valid (${String(err)}); using the defaults.`,
    );
    return cached('number', locale, undefined, () => new Intl.NumberFormat(locale));
  }
}

function isUsable(value: number | null | undefined): value is number {
  return typeof value === 'number' && !Number.isNaN(value);
}

/**
 * A number in the locale's style: `formatNumber(1962, 'zh-CN')` is `1,962`.
 * Null, undefined and NaN give `NO_VALUE`.
 */
export function formatNumber(
  value: number | null | undefined,
  locale: SupportedLocale,
  opts?: Intl.NumberFormatOptions,
): string {
  return isUsable(value) ? numberFormat(locale, opts).format(value) : NO_VALUE;
}

/**
 * A fraction as a percentage, at most one decimal by default:
 * `formatPercent(0.123, 'en')` is `12.3%`. Pass the fraction (0.5), not the percent (50).
 */
export function formatPercent(
  fraction: number | null | undefined,
  locale: SupportedLocale,
  opts?: Intl.NumberFormatOptions,
): string {
  return formatNumber(fraction, locale, { maximumFractionDigits: 1, ...opts, style: 'percent' });
}

/**
 * A change with an explicit sign, using U+2212 MINUS SIGN for negatives:
 * `+3.5`, `−3.5`, and `0` (no sign) for zero. Options pass through, so
 * `{ style: 'percent' }` gives `+12%`.
 */
export function formatSignedNumber(
  value: number | null | undefined,
  locale: SupportedLocale,
  opts?: Intl.NumberFormatOptions,
): string {
  if (!isUsable(value)) return NO_VALUE;
  const parts = numberFormat(locale, { ...opts, signDisplay: 'exceptZero' }).formatToParts(value);
  return parts.map((p) => (p.type === 'minusSign' ? MINUS_SIGN : p.value)).join('');
}

/** What the date functions accept: a Date, ms since the epoch, or an ISO 8601 string. */
export type DateInput = Date | number | string;

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function toDate(value: DateInput | null | undefined): Date | undefined {
  if (value === null || value === undefined) return undefined;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function dateTimeFormat(locale: SupportedLocale, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached('datetime', locale, opts, () => new Intl.DateTimeFormat(locale, opts));
}

/**
 * Formats in `timeZone`; an unknown zone falls back to UTC, labelled ` UTC` so that the
 * time shown is still true, with a console warning. Never throws.
 */
function formatInZone(
  d: Date,
  locale: SupportedLocale,
  timeZone: string | undefined,
  opts: Intl.DateTimeFormatOptions,
): string {
  try {
    return dateTimeFormat(locale, { ...opts, ...(timeZone ? { timeZone } : {}) }).format(d);
  } catch (err) {
    if (timeZone && timeZone !== 'UTC') {
      warnOnce(`time zone "${timeZone}" is not known to this browser (${String(err)}); showing UTC.`);
      return `${formatInZone(d, locale, 'UTC', opts)} UTC`;
    }
    warnOnce(
      `date format options ${JSON.stringify(opts)} are not valid (${String(err)}); using the defaults.`,
    );
    return d.toISOString();
  }
}

/**
 * A calendar date, `dateStyle: 'medium'` by default: `2017年12月4日` / `Dec 4, 2017`.
 * A `YYYY-MM-DD` string is a calendar date and is shown as that day whatever the zone;
 * anything else is an instant, shown as its day in `timeZone` (default: the browser's).
 */
export function formatDate(
  value: DateInput | null | undefined,
  locale: SupportedLocale,
  timeZone?: string,
  opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  const d = toDate(value);
  if (!d) return NO_VALUE;
  const zone = typeof value === 'string' && CALENDAR_DATE.test(value) ? 'UTC' : timeZone;
  return formatInZone(d, locale, zone, opts);
}

/**
 * An instant as date and time in an IANA `timeZone` (normally the feed's
 * `place.timeZone`), `dateStyle: 'medium', timeStyle: 'short'` by default:
 * `2017年12月4日 09:00` / `Dec 4, 2017, 9:00 AM`.
 */
export function formatDateTime(
  value: DateInput | null | undefined,
  locale: SupportedLocale,
  timeZone?: string,
  opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  const d = toDate(value);
  return d ? formatInZone(d, locale, timeZone, opts) : NO_VALUE;
}

type TimeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The unit a person would use for a span, with a whole count (at least 1 unless the
 * span is under a second): < 45 s seconds, < 45 min minutes, < 22 h hours, < 7 days
 * days, < 26 days weeks, < 320 days months, then years.
 */
export function pickTimeUnit(ms: number): { value: number; unit: TimeUnit } {
  const abs = Math.abs(ms);
  const whole = (n: number) => Math.max(1, Math.round(n));
  if (abs < 45 * SECOND) return { value: Math.round(abs / SECOND), unit: 'second' };
  if (abs < 45 * MINUTE) return { value: whole(abs / MINUTE), unit: 'minute' };
  if (abs < 22 * HOUR) return { value: whole(abs / HOUR), unit: 'hour' };
  if (abs < 7 * DAY) return { value: whole(abs / DAY), unit: 'day' };
  if (abs < 26 * DAY) return { value: whole(abs / (7 * DAY)), unit: 'week' };
  if (abs < 320 * DAY) return { value: whole(abs / (30.4375 * DAY)), unit: 'month' };
  return { value: whole(abs / (365.25 * DAY)), unit: 'year' };
}

/**
 * How long ago (or how far ahead) `fromMs` is, seen at `nowMs`: `5 minutes ago` /
 * `5分钟前`, `in 3 hours` / `3小时后`; under 45 seconds either way is `now` / `现在`.
 */
export function formatRelativeTime(fromMs: number, nowMs: number, locale: SupportedLocale): string {
  const diff = fromMs - nowMs;
  if (!Number.isFinite(diff)) return NO_VALUE;
  if (Math.abs(diff) < 45 * SECOND) {
    return cached(
      'relative-auto',
      locale,
      undefined,
      () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
    ).format(0, 'second');
  }
  const { value, unit } = pickTimeUnit(diff);
  const rtf = cached(
    'relative',
    locale,
    undefined,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'always' }),
  );
  return rtf.format(diff < 0 ? -value : value, unit);
}

/**
 * A length of time in the unit a person would use (see `pickTimeUnit`):
 * `3 hours` / `3小时`, `1 day` / `1天`. Negative spans are shown as their size.
 */
export function formatDuration(ms: number, locale: SupportedLocale): string {
  if (!Number.isFinite(ms)) return NO_VALUE;
  const { value, unit } = pickTimeUnit(ms);
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
