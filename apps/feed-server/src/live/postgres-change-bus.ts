/**
 * Fan-out across instances with PostgreSQL LISTEN/NOTIFY. Each instance holds one listening
 * connection; every committed change is announced in its own transaction (postgres-store.ts) with
 * its change id. A notification only says "there is news": the listener reads every change after
 * the last one it delivered from the shared log, in id order, so a lost notification is caught up
 * by the next one (or by the periodic check), and nothing is delivered twice.
 *
 * When the listening connection drops (a database restart), the bus reconnects with backoff,
 * listens again and catches up from the last id it delivered, by itself.
 */
import pg from 'pg';
import { CHANGES_CHANNEL, connectionConfig } from '../db/postgres-store.js';
import type { FeedStore } from '../db/store.js';
import type { ChangeBus, ChangeListener, FeedChange } from './change-bus.js';

export interface PostgresBusOptions {
  /** Reads the log this often even without a notification (ms). */
  checkEveryMs?: number;
  /** First and longest wait between reconnection attempts (ms). */
  retryMs?: [number, number];
  /** Called when the connection is lost or regained, for the log. */
  onStatus?: (message: string) => void;
}

const BATCH = 1000;

export class PostgresChangeBus implements ChangeBus {
  private readonly listeners = new Set<ChangeListener>();
  private client: pg.Client | undefined;
  private lastId = 0;
  private reading: Promise<void> | undefined;
  private readAgain = false;
  private closed = false;
  private retryDelay: number;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly checkTimer: ReturnType<typeof setInterval>;
  listening = false;

  private constructor(
    private readonly url: string,
    private readonly store: FeedStore,
    private readonly options: Required<PostgresBusOptions>,
  ) {
    this.retryDelay = options.retryMs[0];
    this.checkTimer = setInterval(() => this.read(), options.checkEveryMs);
    this.checkTimer.unref();
  }

  /** Starts listening; resolves once LISTEN is in place and the starting id is known. */
  static async start(
    url: string,
    store: FeedStore,
    options: PostgresBusOptions = {},
  ): Promise<PostgresChangeBus> {
    const bus = new PostgresChangeBus(url, store, {
      checkEveryMs: options.checkEveryMs ?? 2000,
      retryMs: options.retryMs ?? [100, 2000],
      onStatus: options.onStatus ?? (() => undefined),
    });
    try {
      await bus.connect();
      // Read after LISTEN is in place: a change committed in between is both counted and notified.
      bus.lastId = await store.latestChangeId();
    } catch (error) {
      await bus.close();
      throw error;
    }
    return bus;
  }

  /** The last change delivered to the listeners. */
  get lastDelivered(): number {
    return this.lastId;
  }

  /** A change committed here: read the log now rather than wait for the notification's round trip. */
  publish(_change: FeedChange): void {
    this.read();
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    clearInterval(this.checkTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.listeners.clear();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
    await this.reading?.catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client(connectionConfig(this.url));
    client.on('notification', (message) => {
      if (message.channel === CHANGES_CHANNEL) this.read();
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    await client.connect();
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
    this.listening = true;
    this.retryDelay = this.options.retryMs[0];
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.listening = false;
    client.end().catch(() => undefined);
    if (this.closed) return;
    this.options.onStatus('change fan-out: lost the PostgreSQL connection, reconnecting');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.connect().then(
        () => {
          if (this.closed) return;
          this.options.onStatus('change fan-out: listening again, catching up');
          this.read();
        },
        () => {
          this.retryDelay = Math.min(this.retryDelay * 2, this.options.retryMs[1]);
          this.scheduleReconnect();
        },
      );
    }, this.retryDelay);
    this.retryTimer.unref();
  }

  /** Delivers every change after the last delivered one; one reader at a time. */
  private read(): void {
    if (this.closed) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = (async () => {
      do {
        this.readAgain = false;
        let changes: FeedChange[];
        try {
          changes = await this.store.allChangesAfter(this.lastId, BATCH);
        } catch {
          // The database is unreachable: the reconnection or the periodic check reads again.
          return;
        }
        for (const change of changes) {
          if (change.id <= this.lastId) continue;
          this.lastId = change.id;
          for (const listener of this.listeners) {
            try {
              listener(change);
            } catch (error) {
              console.error('change listener failed:', error);
            }
          }
        }
        if (changes.length === BATCH) this.readAgain = true;
      } while (this.readAgain && !this.closed);
    })().finally(() => {
      this.reading = undefined;
    });
  }
}
