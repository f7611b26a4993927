/**
 * Which calendar day an instant falls on in a place's IANA time zone, fast enough for a
 * million events: zones whose offset does not change over the data (Asia/Shanghai since
 * 1992) take one addition per event; others look the offset up once per UTC day.
 */
import { DAY_MS } from './dates.js';

/** Offsets of one time zone: `offsetAt(ms)` is local time minus UTC in ms at that instant. */
export interface ZoneOffsets {
  readonly timeZone: string;
  /** The offset when it is the same over the whole span asked for, else undefined. */
  readonly fixed: number | undefined;
  offsetAt(ms: number): number;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      f = null;
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Local time minus UTC (ms) in `timeZone` at `ms`; 0 for an unknown zone. */
export function zoneOffsetAt(timeZone: string, ms: number): number {
  const f = formatterFor(timeZone);
  if (!f || !Number.isFinite(ms)) return 0;
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const local = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return local - (ms - (((ms % 1000) + 1000) % 1000));
}

/** Whether the browser knows `timeZone`. */
export function isKnownTimeZone(timeZone: string): boolean {
  return formatterFor(timeZone) !== null;
}

/**
 * Offsets of `timeZone` for instants between `minMs` and `maxMs`. The offset is sampled four
 * times a year over that span; if every sample agrees it is taken as fixed. An unknown zone is
 * treated as UTC (fixed 0).
 */
export function zoneOffsets(timeZone: string, minMs: number, maxMs: number): ZoneOffsets {
  if (!isKnownTimeZone(timeZone)) return { timeZone, fixed: 0, offsetAt: () => 0 };
  const lo = Number.isFinite(minMs) ? minMs : 0;
  const hi = Number.isFinite(maxMs) && maxMs >= lo ? maxMs : lo;
  const first = zoneOffsetAt(timeZone, lo);
  let fixed: number | undefined = first;
  const step = 91 * DAY_MS;
  for (let t = lo + step; fixed !== undefined && t < hi + step; t += step) {
    if (zoneOffsetAt(timeZone, Math.min(t, hi)) !== first) fixed = undefined;
  }
  if (fixed !== undefined) return { timeZone, fixed, offsetAt: () => first };
  // Per UTC day: the offset at the day's start, unless the day holds a change (then per hour).
  const byDay = new Map<number, number>();
  const byHour = new Map<number, number>();
  return {
    timeZone,
    fixed: undefined,
    offsetAt(ms: number): number {
      const d = Math.floor(ms / DAY_MS);
      let o = byDay.get(d);
      if (o === undefined) {
        const a = zoneOffsetAt(timeZone, d * DAY_MS);
        const b = zoneOffsetAt(timeZone, (d + 1) * DAY_MS);
        o = a === b ? a : Number.NaN;
        byDay.set(d, o);
      }
      if (!Number.isNaN(o)) return o;
      const h = Math.floor(ms / 3_600_000);
      let oh = byHour.get(h);
      if (oh === undefined) {
        oh = zoneOffsetAt(timeZone, h * 3_600_000);
        byHour.set(h, oh);
      }
      return oh;
    },
  };
}

/** The local calendar day (day number) of instant `ms` in `zone`. */
export function localDay(ms: number, zone: ZoneOffsets): number {
  return Math.floor((ms + (zone.fixed ?? zone.offsetAt(ms))) / DAY_MS);
}
