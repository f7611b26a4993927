/**
 * Registers `<safety-score-gauge>`. Import this module (or load its script) once per page; a
 * second copy is skipped with a warning naming both versions.
 *
 * @example
 * ```js
 * import '@safety-widgets/score-gauge/safety-score-gauge.js';
 * ```
 */
import { defineElement, VERSION } from '@safety-widgets/core';
import { SafetyScoreGauge } from './safety-score-gauge.element.js';

defineElement('safety-score-gauge', SafetyScoreGauge, VERSION);

declare global {
  interface HTMLElementTagNameMap {
    'safety-score-gauge': SafetyScoreGauge;
  }
}

export { SafetyScoreGauge };
export type { AreaSelectDetail } from './events.js';
