/**
 * Registers `<safety-grid-map>`. Import this module (or load the self-contained bundle) to use
 * the element; import the package index for the class and helpers without registering.
 */
import { defineElement, VERSION } from '@safety-widgets/core';
import { SafetyGridMap } from './safety-grid-map.element.js';

defineElement('safety-grid-map', SafetyGridMap, VERSION);

declare global {
  interface HTMLElementTagNameMap {
    'safety-grid-map': SafetyGridMap;
  }
}

export { SafetyGridMap };
export type { GridSelectDetail, MetricChangeDetail } from './events.js';
