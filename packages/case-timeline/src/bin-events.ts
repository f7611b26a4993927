/**
 * Counting raw events per category and day with typed arrays: the hot path behind a timeline
 * of a million events. Pure functions, no DOM; they run on the main thread (a million events
 * take a few milliseconds, see the README's figures), so no worker is needed.
 */
import { DAY_MS } from './dates.js';
import type { ZoneOffsets } from './zone.js';

/** Integer typed arrays accepted as per-event indexes. */
export type IndexArray = Uint8Array | Uint16Array | Uint32Array | Int8Array | Int16Array | Int32Array;

/**
 * Raw incidents as columns (one entry per event in each array), for data too large to send
 * as feed events: `time` holds instants in ms since the epoch, `category` an index into
 * `categories`; `grid`, when given, an index into `grids` (used by the `grid` and
 * `subdistrict` narrowing). Events are counted as incidents; order does not matter.
 */
export interface EventColumns {
  time: Float64Array;
  category: IndexArray;
  categories: readonly string[];
  grid?: IndexArray;
  grids?: readonly string[];
}

/** What `binEventsByDay` counted. */
export interface DayBins {
  /** Day number of `counts[c * dayCount + 0]`. */
  firstDay: number;
  dayCount: number;
  categoryCount: number;
  /** Events per category and day, category-major: `counts[c * dayCount + (day - firstDay)]`. */
  counts: Int32Array;
  /** Events before `firstDay`, after the last day, or with an unusable time (NaN). */
  outOfRange: number;
  /** Events whose category index is out of range (negative or ≥ `categoryCount`). */
  unknownCategory: number;
  /** Events left out by `keep`. */
  skipped: number;
}

/** Options of `binEventsByDay`. */
export interface DayBinOptions {
  /** First and last (inclusive) day numbers to count; events outside are `outOfRange`. */
  firstDay: number;
  lastDay: number;
  categoryCount: number;
  /** The place's time zone offsets, for the local day of each instant. */
  zone: ZoneOffsets;
  /**
   * Per-event scope filter: event `i` is counted when `keep.mask[keep.index[i]]` is 1 (for
   * example `index` = grid of each event, `mask` = grids inside the sub-district asked for).
   * An index beyond the mask is not kept.
   */
  keep?: { index: IndexArray; mask: Uint8Array };
}

/**
 * Counts events per category and local day in `[firstDay, lastDay]`. Unsorted times,
 * NaN times and bad category indexes are fine: they are counted, left out, or reported.
 * O(n) with one division per event; never throws for mismatched lengths (the shortest wins).
 */
export function binEventsByDay(time: Float64Array, category: IndexArray, options: DayBinOptions): DayBins {
  const { firstDay, categoryCount, zone, keep } = options;
  const dayCount = Math.max(0, Math.floor(options.lastDay) - Math.floor(firstDay) + 1);
  const cats = Math.max(0, Math.floor(categoryCount));
  const counts = new Int32Array(dayCount * cats);
  const n = Math.min(time.length, category.length, keep ? keep.index.length : Infinity);
  let outOfRange = 0;
  let unknownCategory = 0;
  let skipped = 0;
  const fixed = zone.fixed;
  const keepIndex = keep?.index;
  const keepMask = keep?.mask;
  for (let i = 0; i < n; i++) {
    if (keepIndex !== undefined && keepMask![keepIndex[i]!] !== 1) {
      skipped++;
      continue;
    }
    const c = category[i]!;
    if (c < 0 || c >= cats) {
      unknownCategory++;
      continue;
    }
    const t = time[i]!;
    const offset = fixed ?? zone.offsetAt(t);
    const d = Math.floor((t + offset) / DAY_MS) - firstDay;
    // NaN fails both comparisons, so `!(d >= 0 && d < dayCount)` also catches it.
    if (!(d >= 0 && d < dayCount)) {
      outOfRange++;
      continue;
    }
    counts[c * dayCount + d]! += 1;
  }
  return { firstDay, dayCount, categoryCount: cats, counts, outOfRange, unknownCategory, skipped };
}

/** The smallest and largest finite value of `time` (NaN and ±Infinity skipped); undefined if none. */
export function timeExtent(time: Float64Array): { min: number; max: number } | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < time.length; i++) {
    const t = time[i]!;
    if (!(t > -8.64e15 && t < 8.64e15)) continue;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  return min <= max ? { min, max } : undefined;
}

const isIndexArray = (a: unknown): boolean => ArrayBuffer.isView(a) && !(a instanceof DataView);

/** `eventColumns` if they have the documented shape; anything else is ignored with one warning. */
export function usableColumns(columns: unknown, tag: string): EventColumns | undefined {
  if (columns === undefined || columns === null) return undefined;
  const c = columns as Partial<EventColumns>;
  if (c.time instanceof Float64Array && isIndexArray(c.category) && Array.isArray(c.categories)) {
    return (c.grid === undefined || isIndexArray(c.grid)) && (c.grids === undefined || Array.isArray(c.grids))
      ? (c as EventColumns)
      : { time: c.time, category: c.category!, categories: c.categories };
  }
  console.warn(
    `[safety-widgets] <${tag}> ignored eventColumns: expected { time: Float64Array, category: an integer typed array, categories: string[] }.`,
  );
  return undefined;
}
