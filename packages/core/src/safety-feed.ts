/**
 * Registers `<safety-feed>`. Import this module (or load its script) once per page; a second copy
 * of it is skipped with a warning naming both versions.
 *
 * @example
 * ```js
 * import '@safety-widgets/core/safety-feed.js';
 * ```
 */
import { defineElement } from './element/define.js';
import { SafetyFeedElement } from './live/safety-feed.element.js';
import { VERSION } from './version.js';

defineElement('safety-feed', SafetyFeedElement, VERSION);

declare global {
  interface HTMLElementTagNameMap {
    'safety-feed': SafetyFeedElement;
  }
}

export { SafetyFeedElement };
