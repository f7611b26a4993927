/**
 * @safety-widgets/indicator-table: the `<safety-indicator-table>` class and the pure functions
 * behind it (view model, sorting, filtering, grouping, layout and windowing, CSV, the trend's
 * periods, words and sparkline geometry).
 * Importing this module registers nothing; import `./safety-indicator-table.js` for that.
 */
export { CARD_BREAKPOINT, SafetyIndicatorTable, WINDOW_THRESHOLD } from './safety-indicator-table.element.js';
export {
  ROW_STATUSES,
  buildTableModel,
  normalizeSearch,
  type AreaSummary,
  type IndicatorRow,
  type RowStatus,
  type TableModel,
  type TrendPoint,
} from './table-model.js';
export {
  SORT_KEYS,
  STATUS_SORT_ORDER,
  formatSort,
  nameRanks,
  nextSort,
  parseSort,
  sortRows,
  type SortDirection,
  type SortKey,
  type SortSpec,
} from './sort.js';
export { filterRows, isFilterEmpty, matchesQuery, parseStatus, type RowFilter } from './filter.js';
export { flattenGroups, groupRows, rowsInTableOrder, type RowGroup, type TableLine } from './group.js';
export { computeOffsets, lineAt, windowSlots, type WindowRequest, type WindowSlot } from './windowing.js';
export { indicatorsCsv, indicatorsCsvFileName, statusLabel } from './csv.js';
export { sparklinePath, type SparkPoint, type Sparkline } from './sparkline.js';
export { SPARK_H, SPARK_W, rowDisplay, type RowDisplay } from './row-display.js';
export { TREND_LIST_MAX, fillPeriods, trendDisplay, trendLabel, type TrendDisplay } from './trend.js';
export { isWindowed, visibleRowRange, type RowRange } from './layout.js';
export { formatCompact, formatPlain, formatPoints, formatValue, unitLabel } from './format.js';
export { msg, type TableMessageKey } from './messages.js';
export type { IndicatorSelectDetail, TableViewDetail } from './events.js';
export { buildTableView, rowKeyTarget, windowBodies, type TableView } from './table-view-model.js';
// Every public package shares one version (changesets' fixed group): core's.
export { VERSION } from '@safety-widgets/core';
