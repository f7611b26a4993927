/**
 * The self-contained `<safety-indicator-table>` embed, with `<safety-feed>` so that one script is enough
 * for a page. Built to `dist/safety-indicator-table.js`.
 */
import '@safety-widgets/core/safety-feed.js';
import '@safety-widgets/indicator-table/safety-indicator-table.js';
