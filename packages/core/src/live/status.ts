/** Pure rules that turn what a source knows into a FeedStatus. */
import type { Feed } from '../feed/types.js';
import { parseTime } from './sequence.js';
import type { FeedError, FeedState, FeedStatus } from './types.js';

/** True when a valid feed holds nothing a widget could draw. */
export function isEmptyFeed(feed: Feed): boolean {
  const points = (feed.layers ?? []).reduce((n, layer) => n + (layer.points?.length ?? 0), 0);
  return (
    (feed.indicators?.length ?? 0) === 0 &&
    (feed.grids?.features?.length ?? 0) === 0 &&
    points === 0 &&
    (feed.series?.length ?? 0) === 0 &&
    (feed.events?.length ?? 0) === 0
  );
}

/** When (ms since epoch) `feed` becomes stale: its `asOf` plus twice `expectedUpdateSeconds`. */
export function staleAt(feed: Feed): number | undefined {
  const asOf = parseTime(feed.asOf);
  const period = feed.expectedUpdateSeconds;
  if (asOf === undefined || !Number.isFinite(period) || period <= 0) return undefined;
  return asOf + 2 * period * 1000;
}

/** True when `feed` is older than twice its `expectedUpdateSeconds` at time `now`. */
export function isStaleByAge(feed: Feed, now: number): boolean {
  const at = staleAt(feed);
  return at !== undefined && now > at;
}

export interface StatusInputs {
  feed?: Feed;
  /** The last attempt failed (its error). */
  error?: FeedError;
  offline: boolean;
  now: number;
}

/**
 * - offline wins (the snapshot is kept);
 * - no feed: `error` if the last attempt failed, else `loading`;
 * - a feed: `stale` when refreshing failed or it is too old, else `empty` or `ready`.
 */
export function deriveStatus(inputs: StatusInputs): Pick<FeedState, 'status' | 'staleReason'> {
  if (inputs.offline) return { status: 'offline' };
  if (!inputs.feed) return { status: inputs.error ? 'error' : 'loading' };
  if (inputs.error) return { status: 'stale', staleReason: 'refresh-failed' };
  if (isStaleByAge(inputs.feed, inputs.now)) return { status: 'stale', staleReason: 'age' };
  const status: FeedStatus = isEmptyFeed(inputs.feed) ? 'empty' : 'ready';
  return { status };
}

/** Shallow equality of two states, field by field (arrays and objects by identity). */
export function sameState(a: FeedState, b: FeedState): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof FeedState>;
  for (const key of keys) if (!Object.is(a[key], b[key])) return false;
  return true;
}

/** The state before anything is known. */
export function loadingState(url?: string): FeedState {
  return Object.freeze({ status: 'loading', issues: [], dropped: {}, ...(url ? { url } : {}) }) as FeedState;
}

/** A state for an error that leaves no data (a configuration mistake, for example). */
export function errorState(error: FeedError, extra: Partial<FeedState> = {}): FeedState {
  return Object.freeze({ status: 'error', issues: [], dropped: {}, ...extra, error }) as FeedState;
}
