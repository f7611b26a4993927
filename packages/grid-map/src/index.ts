/**
 * @safety-widgets/grid-map: `<safety-grid-map>` and the pure functions behind it. Importing
 * this module registers nothing; import `@safety-widgets/grid-map/safety-grid-map.js` for that.
 */
export { SafetyGridMap, type GridMapRenderer } from './safety-grid-map.element.js';
// Every public package shares one version (changesets' fixed group): core's.
export { VERSION } from '@safety-widgets/core';
export {
  normaliseGeometry,
  geometryFingerprint,
  isSelfIntersecting,
  type GeometryProblem,
  type NormalisedGeometry,
} from './geometry.js';
export {
  autoBounds,
  classify,
  metricClasses,
  parseBreaks,
  rangeLabel,
  type Classes,
  type ClassRange,
} from './classes.js';
export { placeLabels, type LabelRequest, type PlacedLabel } from './label-placement.js';
export {
  metricDefs,
  resolveMetric,
  metricLabel,
  gridFigures,
  per10k,
  rateMode,
  type MetricDef,
  type GridFigure,
  type RateMode,
} from './metrics.js';
export {
  DEFAULT_PRIVACY_THRESHOLD,
  countPerGrid,
  formatCount,
  isSuppressed,
  privacyThreshold,
  type GridCounter,
} from './privacy.js';
export { rankGrids, type RankedGrid } from './ranking.js';
export { buildMapModel, type MapModel, type GridItem } from './map-model.js';
export { stepInDirection, neighboursOf, type Direction } from './navigation.js';
export type { GridSelectDetail, MetricChangeDetail } from './events.js';
