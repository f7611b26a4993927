/**
 * The self-contained `<safety-score-gauge>` embed, with `<safety-feed>` so that one script is enough
 * for a page. Built to `dist/safety-score-gauge.js`.
 */
import '@safety-widgets/core/safety-feed.js';
import '@safety-widgets/score-gauge/safety-score-gauge.js';
