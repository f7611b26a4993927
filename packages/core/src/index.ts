/**
 * @safety-widgets/core: feed format v1, validation, scoring, the live feed layer,
 * locale and formatting, theme tokens and the element kit every widget is built on.
 *
 * Importing this module registers no element; import `@safety-widgets/core/safety-feed.js`
 * to register `<safety-feed>`.
 */
export * from './feed/index.js';
export * from './scoring/index.js';
export * from './element/index.js';
export * from './locale/index.js';
export * from './theme/index.js';
export * from './live/index.js';
export * from './table/index.js';
export { VERSION } from './version.js';
