/**
 * Assembles the service: database, change bus, repository, stream hub, the HTTP app, the
 * optional simulator, and a graceful shutdown (stop accepting, end the streams, finish the
 * requests in flight, checkpoint and close the database).
 */
import type { AddressInfo } from 'node:net';
import type { ServerConfig } from './config.js';
import { closeDatabase, openDatabase } from './db/open.js';
import { FeedsRepository } from './feeds/repository.js';
import { createApp } from './http/app.js';
import { bearerAuth } from './http/auth.js';
import { FeedBodies } from './http/feed-bodies.js';
import { StreamCounter } from './http/stream-counter.js';
import { InProcessChangeBus, type ChangeBus } from './live/change-bus.js';
import { SseHub } from './live/sse-hub.js';
import { startSimulator, type Simulator } from './simulate.js';

export interface FeedServer {
  /** e.g. http://127.0.0.1:4000 */
  url: string;
  port: number;
  repository: FeedsRepository;
  hub: SseHub;
  /** Feeds written by the first-start seed (0 when the database already had them). */
  seeded: number;
  /** Graceful shutdown; resolves when the database is closed. */
  close(): Promise<void>;
}

export async function startFeedServer(
  config: ServerConfig,
  bus: ChangeBus = new InProcessChangeBus(),
): Promise<FeedServer> {
  const { db, seeded } = openDatabase(config.dbPath);
  const repository = new FeedsRepository(db, bus, {
    maxEventsPerFeed: config.maxEventsPerFeed,
    changeLogSize: config.changeLogSize,
  });
  // Compose and validate every feed before listening: a bad database fails here, not on a request.
  for (const feed of repository.list()) repository.snapshot(feed.id);
  const hub = new SseHub(bus, config.heartbeatMs, config.maxUnreadBytes);
  const bodies = new FeedBodies((snapshot) => repository.snapshot(snapshot.id) === snapshot);
  let port = 0;
  const app = await createApp(
    {
      config,
      repository,
      hub,
      bodies,
      auth: bearerAuth(config.token),
      streams: new StreamCounter(config.streamsPerClient, config.maxStreams),
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

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      simulator?.stop();
      bodies.close();
      hub.closeAll();
      // Requests in flight get a moment to finish; writes are synchronous, so none is half done.
      const force = setTimeout(() => app.server.closeAllConnections(), 3000);
      await app.close();
      clearTimeout(force);
      await bus.close();
      closeDatabase(db);
    })();
    return closing;
  };

  return { url: listening, port, repository, hub, seeded, close };
}
