/**
 * The rules of feed format v1 that are more than a type: limits, patterns, the allowed words of
 * each enumeration, and the plain checks the schema runs (a real calendar day, a closed ring).
 * The valibot schemas (./schema.ts) are built from these, the fast acceptance path
 * (./fast-accept.ts, ./accept-feed.ts) checks with these, and the published JSON Schema restates
 * them (scripts/write-json-schema.ts); so each rule is written once.
 *
 * This module imports nothing: accepting a valid feed needs nothing of valibot.
 */

/** The `format` every feed declares. */
export const FEED_FORMAT = 'safety-feed' as const;
/** The format version this library reads. */
export const FEED_VERSION = 1 as const;

/** An id: letters, digits, `.`, `_`, `:` and `-`, starting with a letter or digit. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
/** Longest id. */
export const ID_MAX_LENGTH = 128;
/** Longest name or title in one locale (UTF-16 code units, as JavaScript counts a string's length). */
export const NAME_MAX_LENGTH = 500;
/** Largest magnitude of a finite number in a feed. */
export const NUMBER_LIMIT = 1e15;
/** Largest weight of an area or an indicator (points of the 100-point composite). */
export const MAX_WEIGHT = 100;
/** Most history points of an indicator. */
export const MAX_HISTORY_POINTS = 400;
/** Most periods in a series. */
export const MAX_SERIES_PERIODS = 100_000;
/** Largest magnitude of a longitude, in degrees (WGS84). */
export const LONGITUDE_LIMIT = 180;
/** Largest magnitude of a latitude, in degrees (WGS84). */
export const LATITUDE_LIMIT = 90;
/** Fewest positions of a linear ring (RFC 7946 §3.1.6). */
export const MIN_RING_POSITIONS = 4;
/** Fewest seconds between updates a feed may promise. */
export const MIN_UPDATE_SECONDS = 1;

/** One megabyte as used in messages and limits: 1,048,576 bytes. */
export const MEGABYTE = 1024 * 1024;
/** Default largest feed text read: 20 MB. */
export const DEFAULT_MAX_BYTES = 20 * MEGABYTE;

/**
 * An ISO 8601 date-time with a zone, e.g. `2017-12-04T09:00:00+08:00` (valibot's
 * ISO_TIMESTAMP_REGEX: a test checks they are the same).
 */
export const ISO_TIMESTAMP_REGEX =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:[12]\d|0[1-9]|3[01])[T ](?:0\d|1\d|2[0-3])(?::[0-5]\d){2}(?:\.\d{1,9})?(?:Z| ?[+-](?:0\d|1\d|2[0-3])(?::?[0-5]\d)?)$/u;
/** A calendar date `YYYY-MM-DD` (valibot's ISO_DATE_REGEX). */
export const ISO_DATE_REGEX = /^\d{4}-(?:0[1-9]|1[0-2])-(?:[12]\d|0[1-9]|3[01])$/u;
/** An IANA time zone such as `Asia/Shanghai`. */
export const TIME_ZONE_PATTERN = /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/;
/** A period label: `YYYY`, `YYYY-Hn`, `YYYY-Qn`, `YYYY-MM` or `YYYY-MM-DD`. */
export const PERIOD_PATTERN = /^\d{4}(?:-(?:Q[1-4]|H[12]|\d{2}(?:-\d{2})?))?$/;
/** A web address a feed may carry starts with http:// or https:// in any case (never `javascript:`). */
export const HTTP_URL_PREFIX = /^[Hh][Tt][Tt][Pp][Ss]?:\/\//;

/** The words each enumeration of the format allows. */
export const PROVENANCES = ['published', 'synthetic'] as const;
export const PLACE_KINDS = ['city', 'district', 'subdistrict'] as const;
export const DIRECTIONS = ['higher', 'lower'] as const;
export const RISK_LEVELS = ['red', 'orange', 'yellow', 'blue'] as const;
export const LAYER_KINDS = ['fire-station', 'emergency-point', 'camera', 'risk-source', 'other'] as const;
export const INTERVALS = ['day', 'week', 'month', 'year'] as const;
export const EVENT_KINDS = ['incident', 'annotation'] as const;
/** The kind of an event that does not say. */
export const DEFAULT_EVENT_KIND = 'incident' satisfies (typeof EVENT_KINDS)[number];

/** The number written by the ASCII digits `text[from]` … `text[to - 1]`, or -1 if one is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * True for `YYYY-MM-DD` that names a real day (rejects 2017-02-31). The same answers as reading
 * the date back from `Date.UTC`, which is what this did before and still does for anything that
 * is not ten characters of that pattern; including that years 0000–0099 are never real to it
 * (`Date.UTC` reads them as 1900–1999).
 */
export function isRealDate(ymd: string): boolean {
  if (ymd.length === 10 && ymd.charCodeAt(4) === 45 && ymd.charCodeAt(7) === 45) {
    const y = digitsAt(ymd, 0, 4);
    const m = digitsAt(ymd, 5, 7);
    const d = digitsAt(ymd, 8, 10);
    if (y >= 0 && m >= 0 && d >= 0) {
      if (y < 100 || m < 1 || m > 12 || d < 1) return false;
      const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
      return d <= (m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
    }
  }
  const [y, m, d] = ymd.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** True when an ISO date-time's day (its first ten characters) is a real calendar day. */
export function isOnRealDay(dateTime: string): boolean {
  return isRealDate(dateTime.slice(0, 10));
}

// Plain strings (no String.raw tag), so that bundles which never use them leave them out.
/** Years 0100–9999 as four digits (years below 100 are never real to {@link isRealDate}). */
const YEAR = '(?:[1-9]\\d|\\d[1-9])\\d\\d';
/** Months and their days, February to the 28th. */
const MONTH_DAY =
  '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))';
/** Leap years 0100–9999: divisible by 4 and not by 100, or by 400. */
const LEAP_YEAR =
  '(?:(?:[1-9]\\d|\\d[1-9])(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)';

/**
 * {@link isRealDate} as a regular expression source (no anchors, no lookaround), for JSON Schema:
 * a `YYYY-MM-DD` of a real day in the years 0100–9999, leap days included. A test checks that the
 * two agree.
 */
export const REAL_DATE_SOURCE = '(?:' + YEAR + '-' + MONTH_DAY + '|' + LEAP_YEAR + '-02-29)';

/**
 * Text that is more than white space, as a regular expression source for JSON Schema: `\S`
 * matches exactly what `String.prototype.trim` keeps (a test checks every character).
 */
export const HAS_TEXT_SOURCE = '\\S';

/** True when a name in two locales has text in at least one (white space alone is no text). */
export function hasTextInALocale(text: { zh: string; en: string }): boolean {
  return text.zh.trim() !== '' || text.en.trim() !== '';
}

/**
 * True when a ring's last position equals its first. Rings shorter than
 * {@link MIN_RING_POSITIONS} count as closed here: their length is the problem to report.
 */
export function isClosedRing<T extends readonly (readonly number[])[]>(ring: T): boolean {
  if (ring.length < MIN_RING_POSITIONS) return true;
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
}

/** True for a longitude in [-180, 180] (NaN is not). */
export function isLongitude(value: number): boolean {
  return value >= -LONGITUDE_LIMIT && value <= LONGITUDE_LIMIT;
}

/** True for a latitude in [-90, 90] (NaN is not). */
export function isLatitude(value: number): boolean {
  return value >= -LATITUDE_LIMIT && value <= LATITUDE_LIMIT;
}

/** True when `ring` is a closed ring of at least 4 in-range [lon, lat] pairs (checked without copying). */
export function isValidRing(ring: unknown): boolean {
  if (!Array.isArray(ring) || ring.length < MIN_RING_POSITIONS) return false;
  for (let i = 0; i < ring.length; i++) {
    const p: unknown = ring[i];
    if (!Array.isArray(p) || p.length !== 2) return false;
    const lon: unknown = p[0];
    const lat: unknown = p[1];
    if (typeof lon !== 'number' || typeof lat !== 'number') return false;
    if (!(isLongitude(lon) && isLatitude(lat))) return false;
  }
  return isClosedRing(ring as number[][]);
}

/** True when `rings` is a non-empty array of valid rings. */
export function isValidPolygon(rings: unknown): boolean {
  return Array.isArray(rings) && rings.length > 0 && rings.every(isValidRing);
}

/** True when `polygons` is a non-empty array of valid polygons. */
export function isValidMultiPolygon(polygons: unknown): boolean {
  return Array.isArray(polygons) && polygons.length > 0 && polygons.every(isValidPolygon);
}

/** What makes a series unique: its category, interval and scope (whole place, subdistrict or grid). */
export function seriesKey(series: {
  category: string;
  interval: string;
  subdistrict?: string | null;
  grid?: string | null;
}): string {
  return JSON.stringify([series.category, series.interval, series.subdistrict ?? null, series.grid ?? null]);
}
