/**
 * Opening a feed where an element holds one: a widget's FeedController and `<safety-feed>` are both
 * given a feed object (or its JSON text) as `data`, or a URL as `src`, and turn it into a FeedStore
 * here, in one place. A URL is read through the lazily loaded live layer (LazyFeedSource), shared by
 * every element with the same URL until the last one lets go.
 */
import type { FeedSourceOptions } from './feed-source.js';
import type { FeedStore } from './feed-store.js';
import { LazyFeedSource } from './lazy-source.js';
import { StaticFeedSource } from './static-source.js';

/** Where an element's feed comes from. */
export type FeedOrigin =
  /** A feed object or its JSON text; `label` names it in messages ("the data property of <x>"). */
  | { readonly kind: 'data'; readonly data: unknown; readonly label: string }
  /** A feed URL, fetched and kept current by the live layer. */
  | { readonly kind: 'src'; readonly src: string; readonly options?: FeedSourceOptions };

/** An open feed: its store, and how to let go of it when the element no longer needs it. */
export interface OpenFeed {
  readonly store: FeedStore;
  /** Lets go of the store (a shared live source stops when its last holder lets go). */
  release(): void;
}

/** Opens `origin` as a FeedStore. */
export function openFeed(origin: FeedOrigin): OpenFeed {
  if (origin.kind === 'data') {
    return { store: new StaticFeedSource(origin.data, { label: origin.label }), release: () => undefined };
  }
  const source = new LazyFeedSource(origin.src, origin.options ?? {});
  return { store: source, release: () => source.release() };
}
