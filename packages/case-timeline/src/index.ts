/**
 * @safety-widgets/case-timeline: the `<safety-case-timeline>` class and the pure functions
 * behind it (counting, periods, year-on-year change, summaries). Importing this module
 * registers no element; import `@safety-widgets/case-timeline/safety-case-timeline.js` for that.
 */
export { SafetyCaseTimeline, caseTimelineStats } from './safety-case-timeline.element.js';
export { TABLE_MAX_ROWS } from './table.js';
export type { RangeChangeDetail } from './events.js';
export type { TimelineViewState } from './view-state.js';
export {
  binEventsByDay,
  timeExtent,
  type DayBins,
  type DayBinOptions,
  type EventColumns,
  type IndexArray,
} from './bin-events.js';
export {
  buildTimelineData,
  supportsInterval,
  windowSum,
  MAX_SPAN_DAYS,
  MIN_DAY,
  type Scope,
  type TimelineAnnotation,
  type TimelineCategory,
  type TimelineData,
  type TimelineNotes,
} from './timeline-data.js';
export { availableIntervals, buildView, periodIndexOf, type TimelineView } from './timeline-view.js';
export { SMALL_BASE, yearChange, type ChangeKind, type YearChange } from './yoy.js';
export { changeShort, describeRange, headlineSentence, periodLabel, summarize, rangeChange } from './text.js';
export { buildFigures, type Figures, type FiguresInput } from './figures.js';
export { brushDays, rangePresets, type RangePreset } from './range.js';
export {
  DAY_MS,
  INTERVALS,
  dayFromYmd,
  isoFromDay,
  parseIsoDay,
  periodStart,
  nextPeriodStart,
  yearEarlier,
  type Interval,
} from './dates.js';
export { zoneOffsets, localDay, type ZoneOffsets } from './zone.js';
export { timeTicks, tickLabel, type Tick } from './ticks.js';
// Every public package shares one version (changesets' fixed group): core's.
export { VERSION } from '@safety-widgets/core';
