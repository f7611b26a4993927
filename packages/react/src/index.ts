/**
 * React components for the Safety Widgets, generated with `@lit/react`: every attribute and
 * property of the custom element is a prop, and each event is a typed `on…` prop. Importing this
 * module registers the custom elements (skipped with a warning when a page already has them).
 *
 * @example
 * ```tsx
 * import { SafetyFeed, SafetyScoreGauge } from '@safety-widgets/react';
 *
 * <SafetyFeed id="district" src="/api/feeds/yantian" onFeedError={(e) => log(e.detail.message)}>
 *   <SafetyScoreGauge onAreaSelect={(e) => setArea(e.detail.area)} />
 * </SafetyFeed>
 * ```
 */
import { createComponent, type EventName } from '@lit/react';
import type { SafetyEventMap } from '@safety-widgets/core';
import { SafetyFeedElement } from '@safety-widgets/core/safety-feed.js';
import { SafetyCaseTimeline as SafetyCaseTimelineElement } from '@safety-widgets/case-timeline/safety-case-timeline.js';
import { SafetyGridMap as SafetyGridMapElement } from '@safety-widgets/grid-map/safety-grid-map.js';
import { SafetyIndicatorTable as SafetyIndicatorTableElement } from '@safety-widgets/indicator-table/safety-indicator-table.js';
import { SafetyScoreGauge as SafetyScoreGaugeElement } from '@safety-widgets/score-gauge/safety-score-gauge.js';
import type { AreaSelectDetail } from '@safety-widgets/score-gauge/safety-score-gauge.js';
import * as React from 'react';

/** The typed event name of a safety event, for `createComponent`'s `events` map. */
const safetyEvent = <K extends keyof SafetyEventMap>(name: K) =>
  name as EventName<CustomEvent<SafetyEventMap[K]>>;

/** `<safety-feed>`: the shared live data source. `onFeedChange` on every state change, `onFeedError` on failures. */
export const SafetyFeed = createComponent({
  react: React,
  tagName: 'safety-feed',
  elementClass: SafetyFeedElement,
  events: {
    onFeedChange: safetyEvent('safety-feed-change'),
    onFeedError: safetyEvent('safety-feed-error'),
  },
  displayName: 'SafetyFeed',
});

/** `<safety-score-gauge>`. `onAreaSelect` when an area of the ring is activated. */
export const SafetyScoreGauge = createComponent({
  react: React,
  tagName: 'safety-score-gauge',
  elementClass: SafetyScoreGaugeElement,
  events: { onAreaSelect: 'safety-area-select' as EventName<CustomEvent<AreaSelectDetail>> },
  displayName: 'SafetyScoreGauge',
});

/** `<safety-indicator-table>`. `onIndicatorSelect` when a row is activated. */
export const SafetyIndicatorTable = createComponent({
  react: React,
  tagName: 'safety-indicator-table',
  elementClass: SafetyIndicatorTableElement,
  events: { onIndicatorSelect: safetyEvent('safety-indicator-select') },
  displayName: 'SafetyIndicatorTable',
});

/** `<safety-grid-map>`. `onGridSelect` when a grid is clicked or chosen with Enter. */
export const SafetyGridMap = createComponent({
  react: React,
  tagName: 'safety-grid-map',
  elementClass: SafetyGridMapElement,
  events: { onGridSelect: safetyEvent('safety-grid-select') },
  displayName: 'SafetyGridMap',
});

/** `<safety-case-timeline>`. `onRangeChange` when the user zooms to a date range. */
export const SafetyCaseTimeline = createComponent({
  react: React,
  tagName: 'safety-case-timeline',
  elementClass: SafetyCaseTimelineElement,
  events: { onRangeChange: safetyEvent('safety-range-change') },
  displayName: 'SafetyCaseTimeline',
});
