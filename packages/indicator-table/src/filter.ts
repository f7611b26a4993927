/**
 * Filtering rows by area, status and a name search: pure functions over the table model
 * (./table-model.ts). The search matches the Chinese or the English name whatever the display
 * language.
 */
import {
  ROW_STATUSES,
  SEARCH_SEPARATOR,
  normalizeSearch,
  type IndicatorRow,
  type RowStatus,
} from './table-model.js';

/** What the toolbar filters by; an empty or missing field does not filter. */
export interface RowFilter {
  /** Area id. */
  readonly area?: string | null | undefined;
  /** Status. */
  readonly status?: RowStatus | null | undefined;
  /** Search text, matched against both names. */
  readonly query?: string | null | undefined;
}

/** A status from attribute text (`met`, `not-met`, `no-data`, `no-target`), or null for anything else. */
export function parseStatus(text: string | null | undefined): RowStatus | null {
  const s = typeof text === 'string' ? text.trim().toLowerCase() : '';
  return (ROW_STATUSES as readonly string[]).includes(s) ? (s as RowStatus) : null;
}

/** True when `filter` filters nothing out. */
export function isFilterEmpty(filter: RowFilter): boolean {
  return !filter.area && !filter.status && normalizeSearch(filter.query ?? '') === '';
}

/**
 * A predicate for a search query: every word of the (normalised) query must appear in the
 * Chinese name or every one in the English name ("fraud alerts", "alerts fraud" and "诈骗" all
 * find 诈骗警情 / Fraud alerts). A blank query matches everything.
 */
export function matchesQuery(query: string): (row: IndicatorRow) => boolean {
  const words = normalizeSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return () => true;
  if (words.length === 1) {
    const word = words[0]!;
    return (row) => row.search.includes(word);
  }
  return (row) => {
    const sep = row.search.indexOf(SEARCH_SEPARATOR);
    const zh = row.search.slice(0, sep);
    const en = row.search.slice(sep + 1);
    return words.every((w) => zh.includes(w)) || words.every((w) => en.includes(w));
  };
}

/** The rows that pass `filter`, in their given order (a new array). Linear in the number of rows. */
export function filterRows(rows: readonly IndicatorRow[], filter: RowFilter): IndicatorRow[] {
  const area = filter.area || null;
  const status = filter.status || null;
  const query = matchesQuery(filter.query ?? '');
  return rows.filter(
    (row) => (area === null || row.area === area) && (status === null || row.status === status) && query(row),
  );
}
