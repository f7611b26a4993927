/**
 * The self-contained `<safety-case-timeline>` embed, with `<safety-feed>` so that one script is enough
 * for a page. Built to `dist/safety-case-timeline.js`.
 */
import '@safety-widgets/core/safety-feed.js';
import '@safety-widgets/case-timeline/safety-case-timeline.js';
