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
