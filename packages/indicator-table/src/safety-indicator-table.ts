/**
 * Registers `<safety-indicator-table>`. Import this module (or load its script) once per page; a
 * second copy is skipped with a warning naming both versions.
 *
 * @example
 * ```js
 * import '@safety-widgets/indicator-table/safety-indicator-table.js';
 * ```
 */
import { defineElement, VERSION } from '@safety-widgets/core';
import { SafetyIndicatorTable } from './safety-indicator-table.element.js';

defineElement('safety-indicator-table', SafetyIndicatorTable, VERSION);

declare global {
  interface HTMLElementTagNameMap {
    'safety-indicator-table': SafetyIndicatorTable;
  }
}

export { SafetyIndicatorTable };
export type { IndicatorSelectDetail, TableViewDetail } from './events.js';
