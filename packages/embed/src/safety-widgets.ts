/**
 * The all-in-one embed: `<safety-feed>` and the four widgets in one self-contained script.
 * Built to `dist/safety-widgets.js` (ES module) and `dist/safety-widgets.iife.js` (classic script).
 * Tags that are already defined on the page are skipped with a warning naming both versions.
 */
import '@safety-widgets/core/safety-feed.js';
import '@safety-widgets/score-gauge/safety-score-gauge.js';
import '@safety-widgets/indicator-table/safety-indicator-table.js';
import '@safety-widgets/grid-map/safety-grid-map.js';
import '@safety-widgets/case-timeline/safety-case-timeline.js';
