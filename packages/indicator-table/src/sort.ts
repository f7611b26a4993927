/**
 * Sorting rows by a column: pure functions over the table model (./table-model.ts). Missing values
 * (no data, no target…) always sort last, whichever the direction; ties keep feed order, so sorting
 * is stable and repeatable.
 */
import { collatorFor, sortRows as sortBy, type SupportedLocale } from '@safety-widgets/core';
import type { IndicatorRow, RowStatus } from './table-model.js';

/** The columns, as named in the `sort` attribute (`"score:desc"`). */
export const SORT_KEYS = ['name', 'value', 'target', 'city-average', 'score', 'trend', 'status'] as const;

/** A sortable column. */
export type SortKey = (typeof SORT_KEYS)[number];

/** Which way to sort. */
export type SortDirection = 'asc' | 'desc';

/** A column and a direction; `null` means feed order. */
export interface SortSpec {
  readonly key: SortKey;
  readonly dir: SortDirection;
}

/** Status order for sorting ascending: met, not met, no target, no data. */
export const STATUS_SORT_ORDER: Readonly<Record<RowStatus, number>> = Object.freeze({
  met: 0,
  'not-met': 1,
  'no-target': 2,
  'no-data': 3,
});

/**
 * Reads a sort from attribute text: `"score:desc"`, `"name"` (ascending), `"city-average:asc"`.
 * Case and spaces do not matter. Anything else (an unknown column or direction) gives null:
 * feed order.
 */
export function parseSort(text: string | null | undefined): SortSpec | null {
  if (typeof text !== 'string') return null;
  const m = /^\s*([a-z-]+)\s*(?::\s*(asc|desc)\s*)?$/i.exec(text);
  if (!m) return null;
  const key = m[1]!.toLowerCase() as SortKey;
  if (!SORT_KEYS.includes(key)) return null;
  return { key, dir: (m[2]?.toLowerCase() as SortDirection | undefined) ?? 'asc' };
}

/** The attribute text of a sort (`"score:desc"`), or `''` for feed order. */
export function formatSort(sort: SortSpec | null): string {
  return sort ? `${sort.key}:${sort.dir}` : '';
}

/** The sort after activating a column's sort button: ascending first, then it flips. */
export function nextSort(current: SortSpec | null, key: SortKey): SortSpec {
  if (current?.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: 'asc' };
}

/**
 * Each row's place among all rows sorted by name in `locale` (Intl.Collator: pinyin order for
 * Chinese, numbers in names compared as numbers), keyed by row id. Compute it once per model
 * and locale and pass it to `sortRows`.
 */
export function nameRanks(rows: readonly IndicatorRow[], locale: SupportedLocale): Map<string, number> {
  const collator = collatorFor(locale);
  const own = locale === 'zh-CN' ? 'zh' : 'en';
  const other = own === 'zh' ? 'en' : 'zh';
  const named = rows.map((row) => ({
    row,
    name: row.name[own].trim() !== '' ? row.name[own] : row.name[other],
  }));
  named.sort((a, b) => collator.compare(a.name, b.name) || a.row.order - b.row.order);
  return new Map(named.map((n, i) => [n.row.id, i]));
}

/** The number a row sorts by for a column, or null when it has none. */
function sortValue(row: IndicatorRow, key: SortKey, ranks: ReadonlyMap<string, number>): number | null {
  switch (key) {
    case 'name':
      return ranks.get(row.id) ?? null;
    case 'value':
      return row.value;
    case 'target':
      return row.target;
    case 'city-average':
      return row.cityAverage;
    case 'score':
      return row.score;
    case 'trend':
      return row.change;
    case 'status':
      return STATUS_SORT_ORDER[row.status];
  }
}

/**
 * The rows sorted by `sort` (a new array; the input is not changed), or in feed order for `null`.
 * For `name`, pass `ranks` from `nameRanks` (computed here when left out). Core's `sortRows` does
 * the sorting: missing values last in both directions, ties in the order given (rows come in
 * feed order).
 */
export function sortRows(
  rows: readonly IndicatorRow[],
  sort: SortSpec | null,
  locale: SupportedLocale = 'en',
  ranks?: ReadonlyMap<string, number>,
): IndicatorRow[] {
  const inFeedOrder = [...rows].sort((a, b) => a.order - b.order);
  if (!sort) return inFeedOrder;
  const rankMap = sort.key === 'name' ? (ranks ?? nameRanks(rows, locale)) : new Map<string, number>();
  return sortBy(inFeedOrder, (row) => sortValue(row, sort.key, rankMap), sort.dir, locale);
}
