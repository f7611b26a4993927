/**
 * The grid map's events, added to core's typed event map so that `emit()` and
 * `addEventListener('safety-grid-select', (e) => e.detail.id)` are typed.
 */
import type {} from '@safety-widgets/core';
import type { RateMode } from './metrics.js';

/**
 * `detail` of `safety-grid-select`: the grid's id, its sub-district's id (null when unknown) and its
 * name as the map shows it; all three null when the selection was cleared.
 */
export interface GridSelectDetail {
  id: string | null;
  subdistrict: string | null;
  name: string | null;
}

/** `detail` of `safety-metric-change`: the `metric` and `rate` attribute values that show the same view. */
export interface MetricChangeDetail {
  metric: string;
  rate: RateMode;
}

declare module '@safety-widgets/core' {
  interface SafetyEventMap {
    /**
     * The reader picked another figure, or switched per 10,000 residents, in the map's toolbar: the
     * `metric` and `rate` attribute values that show the same view (a page keeps them in its URL).
     */
    'safety-metric-change': MetricChangeDetail;
    /** The user selected a grid of `<safety-grid-map>`, or cleared the selection. */
    'safety-grid-select': GridSelectDetail;
  }
}
