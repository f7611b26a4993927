/**
 * The grid map's selection event, added to core's typed event map so that `emit()` and
 * `addEventListener('safety-grid-select', (e) => e.detail.id)` are typed.
 */
import type {} from '@safety-widgets/core';

/**
 * `detail` of `safety-grid-select`: the grid's id, its sub-district's id (null when unknown) and its
 * name as the map shows it; all three null when the selection was cleared.
 */
export interface GridSelectDetail {
  id: string | null;
  subdistrict: string | null;
  name: string | null;
}

declare module '@safety-widgets/core' {
  interface SafetyEventMap {
    /** The user selected a grid of `<safety-grid-map>`, or cleared the selection. */
    'safety-grid-select': GridSelectDetail;
  }
}
