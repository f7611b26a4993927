/**
 * How the table lays its rows out: up to `WINDOW_THRESHOLD` rows flow with the page (no scroll
 * box of their own, the element as tall as its rows); beyond that only the rows in view are
 * rendered, in a scroll box with a visible scrollbar and a visible "Showing rows 41–52 of 5,000".
 */
import { lineAt } from './windowing.js';

/**
 * More shown rows than this are windowed. 300 rows of the table layout are about 13,000 px, a
 * long but still readable page (the sample district has 56); a page this long is what "a few
 * hundred rows" in the page costs, while beyond it rendering every row makes sorting, filtering
 * and live updates slow and the page impossible to find one's way in.
 */
export const WINDOW_THRESHOLD = 300;

/** True when `shownRows` rows are windowed (more than `WINDOW_THRESHOLD`). */
export function isWindowed(shownRows: number): boolean {
  return shownRows > WINDOW_THRESHOLD;
}

/** The first and last rows in view, numbered from 1 in table order. */
export interface RowRange {
  readonly first: number;
  readonly last: number;
}

/**
 * The rows that are at least partly in view between `top` and `bottom` (px from the top of the
 * first line), given the lines' `offsets` (from `computeOffsets`) and each line's row number
 * (`rowNumbers[i]`: 1-based number of the row on line i, 0 for an area header line). Null when
 * no row is in view. A row showing less than 1 px does not count.
 */
export function visibleRowRange(
  offsets: Float64Array,
  rowNumbers: ArrayLike<number>,
  top: number,
  bottom: number,
): RowRange | null {
  const count = Math.min(offsets.length - 1, rowNumbers.length);
  if (count <= 0 || !(bottom > top)) return null;
  let first = 0;
  let last = 0;
  for (let i = lineAt(offsets, top); i < count && offsets[i]! < bottom - 1; i++) {
    const n = rowNumbers[i]!;
    if (n <= 0 || offsets[i + 1]! <= top + 1) continue;
    if (first === 0) first = n;
    last = n;
  }
  return first === 0 ? null : { first, last };
}
