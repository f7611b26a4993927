/**
 * The seam between "a change was committed" and "tell every open stream". The repository
 * publishes each committed change once; every instance's SSE hub subscribes.
 *
 * One process on SQLite: `InProcessChangeBus`. Several instances on PostgreSQL:
 * `PostgresChangeBus` (postgres-change-bus.ts), LISTEN/NOTIFY over one connection per instance;
 * nothing else changes, because change ids come from the shared database and replay reads the
 * shared change log.
 */

/** One committed change to a feed; `id` is its Server-Sent Events id. */
export interface FeedChange {
  id: number;
  feed: string;
  /** The feed's version after the change. */
  version: number;
  asOf: string;
  /** When it was committed (ms since the epoch). */
  at: number;
  kind: 'indicators' | 'events' | 'series';
  /** Ids of the indicators or events written (for series: their categories). */
  ids: string[];
}

export type ChangeListener = (change: FeedChange) => void;

export interface ChangeBus {
  /** Announces a committed change to every subscriber (on every instance). */
  publish(change: FeedChange): void;
  /** Listens for changes; returns the unsubscribe function. */
  subscribe(listener: ChangeListener): () => void;
  /** Whether changes from every instance are being received (false while reconnecting). */
  readonly listening: boolean;
  close(): Promise<void>;
}

/** Delivers synchronously to the listeners of this process. */
export class InProcessChangeBus implements ChangeBus {
  private readonly listeners = new Set<ChangeListener>();
  readonly listening = true;

  publish(change: FeedChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error('change listener failed:', error);
      }
    }
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
