/**
 * The live data layer: FeedSource (one feed URL kept current by polling or a Server-Sent Events
 * stream), the page-wide registry that shares one source per URL, static sources for data set in
 * JavaScript, the `<safety-feed>` element class, the context it provides and the FeedController
 * widgets use. Importing this module defines no element; import `@safety-widgets/core/safety-feed.js`.
 */
export type { FeedError, FeedMode, FeedState, FeedStatus } from './types.js';
export {
  FEED_SOURCE_DEFAULTS,
  FeedSource,
  type FeedListener,
  type FeedSourceOptions,
  type FeedStore,
} from './feed-source.js';
export { acquireFeedSource, activeFeedSources, type FeedSourceLease } from './registry.js';
export { StaticFeedSource, feedStateOf, type StaticFeedSourceOptions } from './static-source.js';
export { LazyFeedSource, loadLiveLayer } from './lazy-source.js';
export { feedContext } from './context.js';
export { FeedController, type FeedControllerOptions, type FeedHost } from './feed-controller.js';
export { SafetyFeedElement } from './safety-feed.element.js';
export { FEED_STORE, isFeedStoreElement } from './feed-store.js';
export {
  backoffCeiling,
  backoffDelay,
  pollDelay,
  type BackoffOptions,
  type PollIntervalOptions,
} from './timing.js';
export { RequestSequence, isOlderAsOf } from './sequence.js';
export { deriveStatus, isEmptyFeed, isStaleByAge, staleAt } from './status.js';
export { summarizeIssues, resolveFeedUrl } from './errors.js';
