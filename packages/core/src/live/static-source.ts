/**
 * A FeedStore for a feed given in JavaScript (the `data` property): checked once, never
 * refreshed; `stale` when its `asOf` is older than twice its cadence. A valid feed is `ready` at
 * once; a feed with problems is `loading` while the detailed validator loads, then `ready` (with
 * warnings), `empty` or `error`.
 */
import { beginTurn } from '../element/update-budget.js';
import { checkFeed, checkFeedText, isPending } from '../feed/check.js';
import type { ValidationResult } from '../feed/types.js';
import { configError, invalidFeedError } from './errors.js';
import { FeedPublisher, type FeedStore } from './feed-store.js';
import { deriveStatus, errorState, loadingState } from './status.js';
import type { FeedState } from './types.js';

export interface StaticFeedSourceOptions {
  /** Who was given the data, for messages: "the data property of <safety-feed>". */
  label?: string;
  /** Clock for `receivedAt`. Default Date.now. */
  now?: () => number;
}

/** The FeedState of data set from script, from its validation result: `ready`, `empty` or `error`. */
export function feedStateOf(result: ValidationResult, options: StaticFeedSourceOptions = {}): FeedState {
  const label = options.label ?? 'the data property';
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
}

/** A FeedStore over data set in JavaScript. */
export class StaticFeedSource extends FeedPublisher implements FeedStore {
  /** The object (or text) that was validated. */
  readonly data: unknown;

  constructor(data: unknown, options: StaticFeedSourceOptions = {}) {
    super(loadingState());
    this.data = data;
    const label = options.label ?? 'the data property';
    // Checking a large feed takes time; the widgets' updates that follow share the task's budget.
    beginTurn();
    const unreadable = (error: unknown) =>
      errorState(configError(`The feed set as ${label} could not be read: ${String(error)}`), {
        mode: 'static',
      });
    try {
      const result = typeof data === 'string' ? checkFeedText(data) : checkFeed(data);
      if (!isPending(result)) {
        this.publish(feedStateOf(result, options));
        return;
      }
      result.then(
        (detailed) => this.publish(feedStateOf(detailed, options)),
        (error: unknown) => this.publish(unreadable(error)),
      );
    } catch (error) {
      // The validator never throws; a getter on a caller's object might.
      this.publish(unreadable(error));
    }
  }

  refresh(): void {
    // Static data has nothing to refresh.
  }
}
