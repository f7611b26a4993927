/**
 * `<safety-feed>` alone, for the autoloader (a page whose widgets take their data from a shared
 * `<safety-feed>` that appears before them). Built to `dist/safety-feed.js`.
 */
import '@safety-widgets/core/safety-feed.js';
