/**
 * Feed format v1: the valibot schemas, the types inferred from them, and the runtime
 * validator (`validateFeed` for objects, `parseFeedText` for JSON text).
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
export { describeValue } from './describe.js';
export { MAX_LISTED_ISSUES } from './issues.js';
