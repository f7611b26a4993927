/**
 * @safety-widgets/score-gauge: the `<safety-score-gauge>` class and the pure functions behind it.
 * Importing this module registers nothing; import `@safety-widgets/score-gauge/safety-score-gauge.js`
 * (or load the bundle) to define the element.
 */
export { SafetyScoreGauge, unknownAreaMessage } from './safety-score-gauge.element.js';
export type { AreaSelectDetail } from './events.js';
export {
  gaugeModel,
  roundScore,
  type GaugeArea,
  type GaugeChange,
  type GaugeFeed,
  type GaugeModel,
  type GaugeModelOptions,
  type GaugeModelResult,
} from './gauge-model.js';
export * from './gauge-text.js';
export * from './geometry.js';
export { gradeLabel, gradeTone, resolveGrades, type ResolvedGrades, type Tone } from './grades.js';
export { msg, type GaugeMessageKey } from './messages.js';
export { comparisonPeriod, periodKind, type ComparisonPeriod, type PeriodIndicator } from './period.js';
export { SIZE_BREAKPOINTS, sizeFor, type GaugeSize } from './size.js';
// Every public package shares one version (changesets' fixed group): core's.
export { VERSION } from '@safety-widgets/core';
