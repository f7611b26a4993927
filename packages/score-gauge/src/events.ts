/**
 * The gauge's event, added to core's typed event map so that `emit()` and
 * `addEventListener('safety-area-select', (e) => e.detail.area)` are typed.
 */
import type {} from '@safety-widgets/core';

/** `detail` of `safety-area-select`. */
export interface AreaSelectDetail {
  /** Id of the area the user activated (an `areas[].id` of the feed). */
  area: string;
}

declare module '@safety-widgets/core' {
  interface SafetyEventMap {
    /** The user activated an area of `<safety-score-gauge>` (click, Enter or Space). */
    'safety-area-select': AreaSelectDetail;
  }
}
