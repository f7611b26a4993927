/**
 * The self-contained `<safety-grid-map>` embed, with `<safety-feed>` so that one script is enough
 * for a page. Built to `dist/safety-grid-map.js`.
 */
import '@safety-widgets/core/safety-feed.js';
import '@safety-widgets/grid-map/safety-grid-map.js';
