/**
 * A real HTTP server for the browser tests: 127.0.0.1 on a random port, with CORS (the test page
 * is served from another origin), scripted scenarios (./scenarios.ts) and per-key stats.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { route, type KeyState } from './scenarios.js';
import { StatsStore } from './stats.js';

export interface FeedServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  stats: StatsStore;
  close(): Promise<void>;
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, OPTIONS',
  'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since, Last-Event-ID, Cache-Control, Accept',
  'Access-Control-Expose-Headers': 'ETag, Last-Modified, Content-Length',
  'Access-Control-Max-Age': '600',
  'Timing-Allow-Origin': '*',
};

export async function startFeedServer(): Promise<FeedServer> {
  const stats = new StatsStore();
  const states = new Map<string, KeyState>();
  const sockets = new Set<Socket>();
  let base = '';

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', base);
    const key = url.searchParams.get('key') ?? url.pathname;
    const keyStats = stats.get(key);
    for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
    if (req.method === 'OPTIONS') {
      keyStats.preflights += 1;
      res.writeHead(204);
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, OPTIONS' });
      res.end();
      return;
    }
    let state = states.get(key);
    if (!state) {
      // A fresh key's feed is as of now (so it is not stale), fixed for the key's lifetime (stable ETag).
      state = { asOf: new Date(Math.floor(Date.now() / 1000) * 1000).toISOString(), count: 0, version: 0 };
      states.set(key, state);
    }
    if (url.pathname === '/reset') {
      const which = url.searchParams.get('key');
      if (which) states.delete(which);
      else states.clear();
    }
    res.once('close', () => {
      if (url.pathname === '/stats' || url.pathname === '/reset') return;
      if (res.writableFinished) keyStats.completed += 1;
      else keyStats.aborted += 1;
    });
    await route({ req, res, url, key, stats: keyStats, store: stats, base, state });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`test server error: ${String(error)}\n`);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;

  return {
    url: base,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
