/**
 * Registers `<safety-grid-map>`. Import this module (or load the self-contained bundle) to use
 * the element; import the package index for the class and helpers without registering.
 */
import { defineElement } from '@safety-widgets/core';
import { SafetyGridMap } from './safety-grid-map.element.js';
import { VERSION } from './version.js';

defineElement('safety-grid-map', SafetyGridMap, VERSION);

declare global {
  interface HTMLElementTagNameMap {
    'safety-grid-map': SafetyGridMap;
  }
}

export { SafetyGridMap };
export type { GridSelectDetail } from './events.js';
