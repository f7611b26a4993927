/** Registers `<safety-case-timeline>` (import this module, or load the bundle, to use the element). */
import { defineElement, VERSION } from '@safety-widgets/core';
import { SafetyCaseTimeline } from './safety-case-timeline.element.js';

defineElement('safety-case-timeline', SafetyCaseTimeline, VERSION);

declare global {
  interface HTMLElementTagNameMap {
    'safety-case-timeline': SafetyCaseTimeline;
  }
}

export { SafetyCaseTimeline };
export type { RangeChangeDetail } from './events.js';
export type { TimelineViewState } from './view-state.js';
