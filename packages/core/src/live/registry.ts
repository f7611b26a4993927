/**
 * One FeedSource per feed URL per page: every widget with the same `src` and every `<safety-feed>`
 * for that URL share it, so the page makes one request per URL however many widgets show it.
 */
import { documentBase, resolveFeedUrl } from './errors.js';
import { FeedSource, type FeedSourceOptions } from './feed-source.js';
import { isNonNegative } from './timing.js';

/** A claim on a shared FeedSource; `release()` it when done (calling it twice is harmless). */
export interface FeedSourceLease {
  readonly source: FeedSource;
  release(): void;
}

interface Entry {
  source: FeedSource;
  refs: number;
  /** The interval each live lease asked for (undefined: none). */
  intervals: Map<symbol, number | undefined>;
}

/**
 * The interval a shared source polls at: the shortest positive one any user asked for; `0` (never
 * poll) only when every user that set one said so; undefined (derived from the feed) when none did.
 */
export function effectiveInterval(requested: Iterable<number | null | undefined>): number | undefined {
  const explicit = [...requested].filter(isNonNegative);
  if (explicit.length === 0) return undefined;
  const positive = explicit.filter((s) => s > 0);
  return positive.length > 0 ? Math.min(...positive) : 0;
}

const entries = new Map<string, Entry>();

/**
 * The shared, started FeedSource for `src` (resolved against the document's base URL). The options
 * of the first claim on a URL apply, except `intervalSeconds`: the source polls at the shortest
 * interval any current claim asks for (see `effectiveInterval`).
 *
 * The source is disposed when the last lease is released, after a microtask, so an element moved
 * in the DOM (disconnected and connected again at once) keeps its source and its data.
 */
export function acquireFeedSource(src: string, options: FeedSourceOptions = {}): FeedSourceLease {
  const resolved = resolveFeedUrl(String(src ?? ''), documentBase());
  const key = resolved.url ?? `invalid:${String(src)}`;
  let entry = entries.get(key);
  let created = false;
  if (!entry || entry.source.disposed) {
    entry = { source: new FeedSource(String(src ?? ''), options), refs: 0, intervals: new Map() };
    entries.set(key, entry);
    created = true;
  }
  const claimed = entry;
  const id = Symbol('lease');
  claimed.refs += 1;
  claimed.intervals.set(id, options.intervalSeconds ?? undefined);
  claimed.source.setIntervalSeconds(effectiveInterval(claimed.intervals.values()));
  if (created) claimed.source.start();
  let released = false;
  return {
    source: claimed.source,
    release: () => {
      if (released) return;
      released = true;
      claimed.refs -= 1;
      claimed.intervals.delete(id);
      if (claimed.refs > 0) {
        claimed.source.setIntervalSeconds(effectiveInterval(claimed.intervals.values()));
        return;
      }
      queueMicrotask(() => {
        if (claimed.refs > 0 || entries.get(key) !== claimed) return;
        entries.delete(key);
        claimed.source.dispose();
      });
    },
  };
}

/** The URLs with a live shared source and how many leases each has (for debugging and tests). */
export function activeFeedSources(): Map<string, number> {
  return new Map([...entries].map(([url, entry]) => [url, entry.refs]));
}
