/**
 * Periods of one interval over the data, with each category's count and the count for the
 * same days a year earlier: what the chart plots and the table lists. Pure; no DOM.
 */
import { nextPeriodStart, periodStart, yearEarlier, type Interval, INTERVALS } from './dates.js';
import { supportsInterval, windowCovered, windowSum, type TimelineData } from './timeline-data.js';

export interface TimelineView {
  /** The interval counted by: the one asked for, or the next longer one every category supports. */
  interval: Interval;
  /** Intervals every category with data can be counted by. */
  available: Interval[];
  /** Period starts (the x of each point) and ends (exclusive), clipped to the data. */
  starts: Int32Array;
  ends: Int32Array;
  /** Where the data covers only part of the period: its first day and the day after its last. */
  from: Int32Array;
  to: Int32Array;
  /** 1 when the data covers only part of the period (the first or the current one). */
  partial: Uint8Array;
  /**
   * Per category (in `data.categories` order): the count per period, NaN = no data. A category's
   * counts are added up the first time they are read, so a hidden category costs nothing.
   */
  values: readonly Float64Array[];
  /** Per category: the count for the same days a year earlier, NaN when not covered (also counted on first read). */
  previous: readonly Float64Array[];
}

/** Intervals all categories with data support, shortest first. */
export function availableIntervals(data: TimelineData): Interval[] {
  const withData = data.categories.filter((c) => c.basis !== 'none');
  return INTERVALS.filter((i) => withData.every((c) => supportsInterval(c.grain, i)));
}

/**
 * Periods of `requested` (or the next longer interval all categories support) from the
 * first to the last day with data.
 */
export function buildView(data: TimelineData, requested: Interval): TimelineView {
  const available = availableIntervals(data);
  const interval =
    available.find((i) => INTERVALS.indexOf(i) >= INTERVALS.indexOf(requested)) ??
    available[available.length - 1] ??
    requested;
  const starts: number[] = [];
  const ends: number[] = [];
  if (data.endDay > data.firstDay) {
    for (let s = periodStart(data.firstDay, interval); s < data.endDay; s = nextPeriodStart(s, interval)) {
      starts.push(s);
      ends.push(nextPeriodStart(s, interval));
    }
  }
  const n = starts.length;
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  const partial = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    from[k] = Math.max(starts[k]!, data.firstDay);
    to[k] = Math.min(ends[k]!, data.endDay);
    partial[k] = from[k] !== starts[k] || to[k] !== ends[k] ? 1 : 0;
  }
  // The same days a year earlier, once for all categories.
  const prevFrom = new Int32Array(n);
  const prevTo = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    prevFrom[k] = yearEarlier(from[k]!, interval);
    prevTo[k] = yearEarlier(to[k]!, interval);
  }
  const values = lazyColumns(data.categories.length, (c) => {
    const v = new Float64Array(n);
    for (let k = 0; k < n; k++) v[k] = windowSum(data, c, from[k]!, to[k]!);
    return v;
  });
  const previous = lazyColumns(data.categories.length, (c) => {
    const p = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const pa = prevFrom[k]!;
      const pb = prevTo[k]!;
      p[k] = windowCovered(data, c, pa, pb) ? windowSum(data, c, pa, pb) : Number.NaN;
    }
    return p;
  });
  return {
    interval,
    available,
    starts: Int32Array.from(starts),
    ends: Int32Array.from(ends),
    from,
    to,
    partial,
    values,
    previous,
  };
}

/**
 * `count` columns, column `c` computed by `compute(c)` when it is first read and kept: the periods
 * of a category nobody draws, lists or describes (a hidden one) are never added up.
 */
function lazyColumns(count: number, compute: (c: number) => Float64Array): readonly Float64Array[] {
  const columns: Float64Array[] = [];
  for (let c = 0; c < count; c++) {
    Object.defineProperty(columns, c, {
      configurable: true,
      enumerable: true,
      get(): Float64Array {
        const column = compute(c);
        Object.defineProperty(columns, c, { value: column, enumerable: true, writable: false });
        return column;
      },
    });
  }
  return columns;
}

/** Index of the period holding `day` (the nearest one when outside), or -1 when there are none. */
export function periodIndexOf(view: Pick<TimelineView, 'starts' | 'ends'>, day: number): number {
  const n = view.starts.length;
  if (n === 0) return -1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (view.starts[mid]! <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
