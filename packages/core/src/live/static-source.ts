/** A FeedStore for a feed given in JavaScript (the `data` property): validated once, never refreshed; `stale` when its `asOf` is older than twice its cadence. */
import { parseFeedText, validateFeed } from '../feed/validate.js';
import type { ValidationResult } from '../feed/types.js';
import { configError, invalidFeedError } from './errors.js';
import { notifyListener, type FeedListener, type FeedStore } from './feed-store.js';
import { deriveStatus, errorState } from './status.js';
import type { FeedState } from './types.js';

export interface StaticFeedSourceOptions {
  /** Who was given the data, for messages: "the data property of <safety-feed>". */
  label?: string;
  /** Clock for `receivedAt`. Default Date.now. */
  now?: () => number;
}

/** Validates `data` (a feed object, or its JSON text) into a FeedState: `ready`, `empty` or `error`. */
export function staticFeedState(data: unknown, options: StaticFeedSourceOptions = {}): FeedState {
  const label = options.label ?? 'the data property';
  try {
    const result: ValidationResult = typeof data === 'string' ? parseFeedText(data) : validateFeed(data);
    if (!result.ok) {
      return errorState(invalidFeedError(`The feed set as ${label}`, result.issues), { mode: 'static' });
    }
    const now = (options.now ?? Date.now)();
    return Object.freeze({
      // Data set from script is judged like fetched data: stale when older than twice its cadence.
      ...deriveStatus({ feed: result.feed, offline: false, now }),
      feed: result.feed,
      issues: result.issues,
      dropped: result.dropped,
      receivedAt: now,
      mode: 'static',
    }) as FeedState;
  } catch (error) {
    // The validator never throws; a getter on a caller's object might.
    return errorState(configError(`The feed set as ${label} could not be read: ${String(error)}`), {
      mode: 'static',
    });
  }
}

/** A FeedStore over data set in JavaScript. */
export class StaticFeedSource implements FeedStore {
  readonly state: FeedState;
  /** The object (or text) that was validated. */
  readonly data: unknown;

  constructor(data: unknown, options: StaticFeedSourceOptions = {}) {
    this.data = data;
    this.state = staticFeedState(data, options);
  }

  subscribe(listener: FeedListener): () => void {
    if (typeof listener === 'function') notifyListener(listener, this.state);
    return () => undefined;
  }

  refresh(): void {
    // Static data has nothing to refresh.
  }
}
