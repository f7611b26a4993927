/**
 * Sorting the rows of a data table by one column. Numbers sort as numbers and text by the locale's
 * collation (pinyin order in Chinese); a missing value is never 0: rows without a value go last in
 * both directions. Ties keep their original order (the sort is stable).
 */
import type { SupportedLocale } from '../locale/resolve.js';

/** A sortable cell value; `null`/`undefined`/`NaN` is missing. */
export type SortValue = string | number | null | undefined;

export type SortDirection = 'asc' | 'desc';

const collators = new Map<SupportedLocale, Intl.Collator>();

/** The collator for `locale`, made on first use and kept (creating one costs milliseconds). */
export function collatorFor(locale: SupportedLocale): Intl.Collator {
  let c = collators.get(locale);
  if (!c) {
    c = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    collators.set(locale, c);
  }
  return c;
}

function missing(v: SortValue): v is null | undefined {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) || v === '';
}

/** `rows` sorted by `value(row)` in `dir`; a new array, missing values last. */
export function sortRows<R>(
  rows: readonly R[],
  value: (row: R) => SortValue,
  dir: SortDirection,
  locale: SupportedLocale,
): R[] {
  const sign = dir === 'asc' ? 1 : -1;
  const keyed = rows.map((row, i) => ({ row, i, v: value(row) }));
  keyed.sort((a, b) => {
    const am = missing(a.v);
    const bm = missing(b.v);
    if (am || bm) return am === bm ? a.i - b.i : am ? 1 : -1;
    const d =
      typeof a.v === 'number' && typeof b.v === 'number'
        ? a.v - b.v
        : collatorFor(locale).compare(String(a.v), String(b.v));
    return d === 0 ? a.i - b.i : sign * d;
  });
  return keyed.map((k) => k.row);
}
