/**
 * Assembles the service: store (SQLite, or PostgreSQL for several instances), change bus,
 * repository, stream hub, the HTTP app, the optional simulator, and a graceful shutdown (stop
 * accepting, end the streams, finish the requests in flight, stop listening, close the database).
 */
import type { AddressInfo } from 'node:net';
import { databaseTarget, type ServerConfig } from './config.js';
import { PostgresStore } from './db/postgres-store.js';
import { SqliteStore } from './db/sqlite-store.js';
import type { FeedStore } from './db/store.js';
import { FeedsRepository } from './feeds/repository.js';
import { createApp } from './http/app.js';
import { bearerAuth } from './http/auth.js';
import { FeedBodies } from './http/feed-bodies.js';
import { StreamCounter } from './http/stream-counter.js';
import { InProcessChangeBus, type ChangeBus } from './live/change-bus.js';
import { PostgresChangeBus } from './live/postgres-change-bus.js';
import { SseHub } from './live/sse-hub.js';
import { SnapshotService } from './snapshots/service.js';
import { startSimulator, type Simulator } from './simulate.js';

export interface FeedServer {
  /** e.g. http://127.0.0.1:4000 */
  url: string;
  port: number;
  repository: FeedsRepository;
  hub: SseHub;
  bus: ChangeBus;
  /** The images of the widgets (undefined with --no-snapshots); Chromium starts on the first one. */
  snapshots: SnapshotService | undefined;
  /** Feeds written by the first-start seed (0 when the database already had them). */
  seeded: number;
  /** Graceful shutdown; resolves when the database is closed. */
  close(): Promise<void>;
}

/** Opens the store `config` names, and the change bus that goes with it. */
async function openStorage(config: ServerConfig): Promise<{ store: FeedStore; bus: ChangeBus }> {
  const options = { changeLogSize: config.changeLogSize };
  if (config.databaseUrl !== undefined) {
    const target = databaseTarget(config.databaseUrl);
    if (target.kind === 'postgres') {
      const store = await PostgresStore.open(target.url, options);
      try {
        const bus = await PostgresChangeBus.start(target.url, store, {
          onStatus: (message) => {
            if (config.log) console.log(message);
          },
        });
        return { store, bus };
      } catch (error) {
        await store.close();
        throw error;
      }
    }
  }
  return { store: new SqliteStore(config.dbPath, options), bus: new InProcessChangeBus() };
}

export async function startFeedServer(config: ServerConfig): Promise<FeedServer> {
  const { store, bus } = await openStorage(config);
  let closing: Promise<void> | undefined;
  try {
    const repository = new FeedsRepository(store, bus, { maxEventsPerFeed: config.maxEventsPerFeed });
    const seeded = await repository.seedIfEmpty();
    // Compose and validate every feed before listening: a bad database fails here, not on a request.
    for (const feed of await repository.list()) await repository.snapshot(feed.id);
    const hub = new SseHub(bus, config.heartbeatMs, config.maxUnreadBytes);
    const bodies = new FeedBodies((snapshot) => repository.isLatestKnown(snapshot));
    const snapshots = config.snapshots
      ? new SnapshotService(config, (line) => config.log && console.log(line))
      : undefined;
    let port = 0;
    const app = await createApp(
      {
        config,
        repository,
        hub,
        bodies,
        auth: bearerAuth(config.token),
        streams: new StreamCounter(config.streamsPerClient, config.maxStreams),
        snapshots,
        readiness: {
          ping: () => store.ping(),
          listening: () => bus.listening,
          closing: () => closing !== undefined,
          database: store.kind,
        },
      },
      () => port,
    );
    await app.listen({ port: config.port, host: config.host });
    port = (app.server.address() as AddressInfo).port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const listening = `http://${host}:${port}`;
    const simulator: Simulator | undefined = config.simulate
      ? startSimulator(repository, config.simulateEveryMs)
      : undefined;

    const close = (): Promise<void> => {
      closing ??= (async () => {
        simulator?.stop();
        bodies.close();
        hub.closeAll();
        // Requests in flight get a moment to finish: a write that has begun commits or rolls back.
        const force = setTimeout(() => app.server.closeAllConnections(), 3000);
        await app.close();
        clearTimeout(force);
        await snapshots?.close();
        await simulator?.idle();
        await bus.close();
        await store.close();
      })();
      return closing;
    };

    return { url: listening, port, repository, hub, bus, snapshots, seeded, close };
  } catch (error) {
    await bus.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }
}
