/**
 * Grouping the shown rows by area (areas in feed order, rows in the order given, so a sort
 * applies within each area) and flattening the groups into the list of table lines that the
 * windowing works on: an area header line, then its rows.
 */
import type { AreaSummary, IndicatorRow, TableModel } from './table-model.js';

/** One area and the rows shown in it (never empty). */
export interface RowGroup {
  readonly area: AreaSummary;
  readonly rows: readonly IndicatorRow[];
}

/** One line of the table body: an area header or an indicator. */
export type TableLine =
  | { readonly kind: 'group'; readonly key: string; readonly group: RowGroup }
  | { readonly kind: 'row'; readonly key: string; readonly row: IndicatorRow; readonly group: RowGroup };

/** Groups `rows` by area, in the areas' feed order; areas with no rows are left out. */
export function groupRows(rows: readonly IndicatorRow[], model: Pick<TableModel, 'areas'>): RowGroup[] {
  const byArea = new Map<string, IndicatorRow[]>();
  for (const row of rows) {
    let list = byArea.get(row.area);
    if (!list) byArea.set(row.area, (list = []));
    list.push(row);
  }
  const groups: RowGroup[] = [];
  for (const area of model.areas) {
    const list = byArea.get(area.id);
    if (list && list.length > 0) groups.push({ area, rows: list });
  }
  return groups;
}

/** Key of an area header line. */
export const groupKey = (areaId: string): string => `g:${areaId}`;
/** Key of an indicator line. */
export const rowKey = (rowId: string): string => `r:${rowId}`;

/** The groups as table lines: each area header followed by its rows. */
export function flattenGroups(groups: readonly RowGroup[]): TableLine[] {
  const lines: TableLine[] = [];
  for (const group of groups) {
    lines.push({ kind: 'group', key: groupKey(group.area.id), group });
    for (const row of group.rows) lines.push({ kind: 'row', key: rowKey(row.id), row, group });
  }
  return lines;
}

/** The rows in the order they appear in the table (grouped by area): what the CSV exports. */
export function rowsInTableOrder(groups: readonly RowGroup[]): IndicatorRow[] {
  return groups.flatMap((g) => g.rows);
}
