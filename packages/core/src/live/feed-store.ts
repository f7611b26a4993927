/** What every publisher of FeedStates offers its subscribers, whatever the data comes from. */
import type { FeedState } from './types.js';

/** Receives every new FeedState. */
export type FeedListener = (state: FeedState) => void;

/** Anything that publishes FeedStates: a network FeedSource, a StaticFeedSource, a `<safety-feed>`. */
export interface FeedStore {
  /** The current state (a new frozen object per change). */
  readonly state: FeedState;
  /** Calls `listener` now with the current state and after every change; returns the unsubscribe function. */
  subscribe(listener: FeedListener): () => void;
  /** Asks for fresh data now (a conditional request); a no-op for static data. */
  refresh(): void;
}

/** Calls a listener, keeping its exceptions away from the source and the other listeners. */
export function notifyListener(listener: FeedListener, state: FeedState): void {
  try {
    listener(state);
  } catch (error) {
    // A listener is a widget's code: its bug must neither break the feed for the others nor throw
    // into the host page, but it must not vanish either.
    try {
      console.error('[safety-widgets] a feed listener threw:', error);
    } catch {
      // No console: nothing more can be done.
    }
  }
}

/**
 * Marks objects that publish FeedStates the way `<safety-feed>` does (subscribe / state), so that
 * widgets find one even when the page loaded two copies of the library. `Symbol.for` on purpose.
 */
export const FEED_STORE: unique symbol = Symbol.for('safety-widgets:feed-store');

/** True when `value` is a `<safety-feed>` (of any loaded copy of the library) that is upgraded. */
export function isFeedStoreElement(value: unknown): value is Element & FeedStore {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [FEED_STORE]?: unknown })[FEED_STORE] === true &&
    typeof (value as Partial<FeedStore>).subscribe === 'function'
  );
}

/** A FeedStore whose state changes over time: keeps its listeners and tells them of each change. */
export class FeedPublisher {
  private current: FeedState;
  private readonly listeners = new Set<FeedListener>();

  constructor(initial: FeedState) {
    this.current = initial;
  }

  get state(): FeedState {
    return this.current;
  }

  subscribe(listener: FeedListener): () => void {
    if (typeof listener !== 'function') return () => undefined;
    this.listeners.add(listener);
    notifyListener(listener, this.current);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Sets the state and tells every listener (nothing when it is the same object). */
  protected publish(state: FeedState): void {
    if (state === this.current) return;
    this.current = state;
    for (const listener of [...this.listeners]) notifyListener(listener, state);
  }
}
