import type { Feed, ValidationIssue, DroppedCounts } from '../feed/types.js';

/**
 * Status of a feed or widget, reflected in the `status` attribute:
 * - `loading`: no usable data yet;
 * - `ready`: current data;
 * - `stale`: data older than twice the feed's `expectedUpdateSeconds`, or refreshes failing while the last good snapshot is kept
 *   (`staleReason` says which);
 * - `error`: no usable data and the last attempt failed (see `error`);
 * - `empty`: a valid feed with nothing to show (for a widget: nothing of what it draws);
 * - `offline`: the browser is offline; the last good snapshot, if any, is kept.
 */
export type FeedStatus = 'loading' | 'ready' | 'stale' | 'error' | 'empty' | 'offline';

/** Why a feed could not be loaded or used; `message` is written for a web developer. */
export interface FeedError {
  code: 'network' | 'http' | 'parse' | 'invalid' | 'too-large' | 'timeout' | 'not-found' | 'config';
  message: string;
  /** HTTP status when `code` is `http` or `not-found`. */
  httpStatus?: number;
  issues?: ValidationIssue[];
  /** The URL the error is about (the feed or its stream), when there is one. */
  url?: string;
}

/**
 * How a state is kept current:
 * - `static`: data set in JavaScript (`.data`), never refreshed;
 * - `poll`: conditional HTTP requests on a timer;
 * - `stream`: a Server-Sent Events stream (the feed's `links.stream`) is open.
 */
export type FeedMode = 'static' | 'poll' | 'stream';

/** Everything a widget needs to know about its data at one moment. Immutable: a new object per change. */
export interface FeedState {
  status: FeedStatus;
  /** Last good validated feed, kept through failed refreshes. */
  feed?: Feed;
  /** Warnings from validating `feed` (dropped items). */
  issues: ValidationIssue[];
  dropped: DroppedCounts;
  /** Last error, if the last attempt failed (the last good `feed` may still be there). */
  error?: FeedError;
  /** When the current `feed` was received (ms since epoch). */
  receivedAt?: number;
  /** Source URL, when loaded from the network. */
  url?: string;
  /** How the data is kept current (absent while nothing is known yet). */
  mode?: FeedMode;
  /** Why `status` is `stale`: the feed's `asOf` is too old, or refreshing it keeps failing. */
  staleReason?: 'age' | 'refresh-failed';
  /** Consecutive failed attempts (0 or absent after a success). */
  failures?: number;
  /** When the next retry after a failure is due (ms since epoch). */
  retryAt?: number;
  /**
   * Something worth knowing that is not an error, for example that a response older than the
   * current snapshot was ignored, or that the live stream failed and polling took over.
   * Never logged to the console.
   */
  note?: string;
}
