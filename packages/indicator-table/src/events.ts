/**
 * The table's view-change event, added to core's typed event map so that `emit()` and
 * `addEventListener('safety-table-view-change', (e) => e.detail.sort)` are typed.
 */
import type {} from '@safety-widgets/core';

/**
 * `detail` of `safety-table-view-change`: the values of the `sort`, `area`, `status-filter` and
 * `query` attributes that show the same view (empty for none), for a page to keep in its URL.
 */
export interface TableViewDetail {
  sort: string;
  area: string;
  statusFilter: string;
  query: string;
}

declare module '@safety-widgets/core' {
  interface SafetyEventMap {
    /** The reader changed the sort, a filter or the search of `<safety-indicator-table>`. */
    'safety-table-view-change': TableViewDetail;
  }
}
