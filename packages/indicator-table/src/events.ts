/**
 * The table's events, added to core's typed event map so that `emit()` and
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

/** `detail` of `safety-indicator-select`. */
export interface IndicatorSelectDetail {
  /** Id of the indicator the user selected (an `indicators[].id` of the feed). */
  id: string;
}

declare module '@safety-widgets/core' {
  interface SafetyEventMap {
    /** The user selected an indicator of `<safety-indicator-table>`. */
    'safety-indicator-select': IndicatorSelectDetail;
    /** The reader changed the sort, a filter or the search of `<safety-indicator-table>`. */
    'safety-table-view-change': TableViewDetail;
  }
}
