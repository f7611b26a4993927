/**
 * Feed format v1: the valibot schemas, the types inferred from them, and the runtime
 * validator (`validateFeed` for objects, `parseFeedText` for JSON text). Widgets check feeds with
 * `checkFeed` / `checkFeedText`: valid feeds at once without valibot, the validator loaded only to
 * explain a rejected one.
 */
export * from './schema.js';
export type * from './types.js';
export {
  DEFAULT_MAX_BYTES,
  SUPPORTED_VERSIONS,
  parseFeedText,
  validateFeed,
  type ValidateOptions,
} from './validate.js';
export { acceptFeed } from './accept-feed.js';
export { checkFeed, checkFeedText, loadDiagnosis } from './check.js';
export { describeValue } from './describe.js';
export { MAX_LISTED_ISSUES } from './issues.js';
