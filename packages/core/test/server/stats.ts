/**
 * What the test feed server saw, per scenario key (the `key` query parameter), so browser tests
 * can assert how many requests were made, which were conditional, and what a stream was sent.
 */

export interface StreamConnection {
  /** The `Last-Event-ID` request header of this connection (null when absent). */
  lastEventId: string | null;
  /** Ids of the events sent on this connection, in order. */
  sent: string[];
}

export interface KeyStats {
  /** GET requests to feed endpoints (preflights not counted). */
  requests: number;
  /** Of those, requests with If-None-Match or If-Modified-Since. */
  conditional: number;
  /** `If-None-Match` values received, in order (null when absent). */
  ifNoneMatch: (string | null)[];
  /** 304 answers sent. */
  notModified: number;
  /** OPTIONS preflights answered. */
  preflights: number;
  /** Responses sent to the end, and requests the client abandoned first. */
  completed: number;
  aborted: number;
  /** Stream connections, in order. */
  streams: StreamConnection[];
  /** Free-form events in order, e.g. "sent request 1 (asOf …)". */
  log: string[];
}

export function emptyStats(): KeyStats {
  return {
    requests: 0,
    conditional: 0,
    ifNoneMatch: [],
    notModified: 0,
    preflights: 0,
    completed: 0,
    aborted: 0,
    streams: [],
    log: [],
  };
}

export class StatsStore {
  private readonly byKey = new Map<string, KeyStats>();

  get(key: string): KeyStats {
    let stats = this.byKey.get(key);
    if (!stats) {
      stats = emptyStats();
      this.byKey.set(key, stats);
    }
    return stats;
  }

  reset(key?: string): void {
    if (key === undefined) this.byKey.clear();
    else this.byKey.delete(key);
  }
}
