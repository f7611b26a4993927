/**
 * The timeline's events, added to core's typed event map so that `emit()` and
 * `addEventListener('safety-view-change', (e) => e.detail.interval)` are typed.
 */
import type {} from '@safety-widgets/core';
import type { TimelineViewState } from './view-state.js';

/** `detail` of `safety-range-change`: the dates shown (ISO `YYYY-MM-DD`, `start` ≤ `end`). */
export interface RangeChangeDetail {
  start: string;
  end: string;
}

declare module '@safety-widgets/core' {
  interface SafetyEventMap {
    /** The reader changed the timeline's view; the attribute values that show it again. */
    'safety-view-change': TimelineViewState;
    /** The reader changed the timeline's date range. */
    'safety-range-change': RangeChangeDetail;
  }
}
