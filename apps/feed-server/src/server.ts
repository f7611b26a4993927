/**
 * Assembles the service: database, change bus, repository, stream hub, limits, router, the
 * optional simulator, and a graceful shutdown (stop accepting, end the streams, finish the
 * requests in flight, checkpoint and close the database).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ServerConfig } from './config.js';
import { closeDatabase, openDatabase } from './db/open.js';
import { FeedsRepository } from './feeds/repository.js';
import { bearerAuth } from './http/auth.js';
import type { ApiContext } from './http/feed-routes.js';
import { sendProblem } from './http/problem.js';
import { StreamCounter, WriteRateLimiter } from './http/rate-limit.js';
import { createRouter } from './http/router.js';
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

const HOST_HEADER = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

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
  const hub = new SseHub(bus, config.heartbeatMs);
  let listening = '';
  const ctx: ApiContext = {
    config,
    repository,
    hub,
    auth: bearerAuth(config.token),
    writes: new WriteRateLimiter(config.writesPerMinute),
    streams: new StreamCounter(config.streamsPerClient, config.maxStreams),
    originOf: (req) => {
      if (config.publicOrigin) return config.publicOrigin;
      const host = req.headers.host;
      return typeof host === 'string' && HOST_HEADER.test(host) ? `http://${host}` : listening;
    },
  };
  const route = createRouter(ctx);
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error(`${req.method} ${req.url}:`, error);
      sendProblem(res, {
        kind: 'internal',
        status: 500,
        title: 'Internal error',
        detail: 'The server failed to answer this request; nothing was written. The error is in its log.',
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  listening = `http://${host}:${port}`;
  const simulator: Simulator | undefined = config.simulate
    ? startSimulator(repository, config.simulateEveryMs)
    : undefined;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      simulator?.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      hub.closeAll();
      server.closeIdleConnections();
      // Requests in flight get a moment to finish; writes are synchronous, so none is half done.
      const force = setTimeout(() => {
        for (const socket of sockets) socket.destroy();
      }, 3000);
      await closed;
      clearTimeout(force);
      await bus.close();
      closeDatabase(db);
    })();
    return closing;
  };

  return { url: listening, port, repository, hub, seeded, close };
}
