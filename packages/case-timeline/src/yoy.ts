/**
 * Year-on-year change of a count, with the small-base rule: a percentage on a base of a few
 * cases (2 → 4 is "+100%") says more about chance than about safety, so below `smallBase`
 * cases a year earlier the change is given as a difference in cases, marked "small base".
 */

/** Below this many cases a year earlier, no percentage is shown (the default of `small-base`). */
export const SMALL_BASE = 10;

/** How a change can be stated. */
export type ChangeKind =
  /** No count for the period itself. */
  | 'no-data'
  /** No count for the same period a year earlier (before the data starts, or a gap). */
  | 'no-comparison'
  /** A percentage of last year's count. */
  | 'percent'
  /** Last year's count is below the small-base threshold: only the difference in cases. */
  | 'small-base';

export interface YearChange {
  kind: ChangeKind;
  current: number;
  previous: number;
  /** `current − previous` (NaN unless both are known). */
  delta: number;
  /** `(current − previous) / previous` for `percent`, else NaN. */
  ratio: number;
  direction: 'up' | 'down' | 'same';
}

const usable = (n: number) => typeof n === 'number' && Number.isFinite(n);

/**
 * The change from `previous` (the same period a year earlier) to `current`.
 *
 * @example yearChange(225, 417) // { kind: 'percent', delta: -192, ratio: -0.4604…, direction: 'down' }
 * @example yearChange(4, 2) // { kind: 'small-base', delta: 2, ratio: NaN, direction: 'up' }
 */
export function yearChange(current: number, previous: number, smallBase: number = SMALL_BASE): YearChange {
  const threshold = usable(smallBase) && smallBase >= 0 ? smallBase : SMALL_BASE;
  if (!usable(current)) {
    return { kind: 'no-data', current, previous, delta: Number.NaN, ratio: Number.NaN, direction: 'same' };
  }
  if (!usable(previous)) {
    return {
      kind: 'no-comparison',
      current,
      previous,
      delta: Number.NaN,
      ratio: Number.NaN,
      direction: 'same',
    };
  }
  const delta = current - previous;
  const direction = delta > 0 ? 'up' : delta < 0 ? 'down' : 'same';
  if (previous < threshold || previous <= 0) {
    return { kind: 'small-base', current, previous, delta, ratio: Number.NaN, direction };
  }
  return { kind: 'percent', current, previous, delta, ratio: delta / previous, direction };
}
