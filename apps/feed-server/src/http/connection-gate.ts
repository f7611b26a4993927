/**
 * Fairness per connection and per client, below the routes:
 *
 * - At most one response in progress per connection. A pipelined request waits until the one
 *   before it has been answered and the client has read enough of it that the socket drains;
 *   a client that does not read gets no more work done for it.
 * - At most `maxPipelined` requests waiting behind it; past that the connection is closed.
 * - A connection whose unread output passes `maxUnreadBytes` is closed.
 * - Open connections per client address and in total are capped; a new connection past a cap
 *   is answered 429 or 503 and closed. A trusted proxy's address is exempt from the per-client
 *   cap (its clients are told apart by X-Forwarded-For, at the stream cap and write budgets).
 *
 * Node's own server stops reading a socket only after a response fills its buffer, and parses
 * every request in a chunk first: thousands of pipelined GETs of a large feed would otherwise be
 * answered into memory at once.
 */
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { problemJson, type ProblemDetails } from './problem.js';

export interface GateLimits {
  maxPipelined: number;
  maxUnreadBytes: number;
  connectionsPerClient: number;
  maxConnections: number;
  /** Whether a socket's peer address is a trusted proxy. */
  isTrustedProxy: (address: string) => boolean;
}

interface ConnectionState {
  busy: boolean;
  waiting: (() => void)[];
}

/** Writes a whole HTTP response straight to a socket that has not been handed a request yet. */
function refuseConnection(socket: Socket, problem: ProblemDetails): void {
  const body = problemJson(problem);
  const head = [
    `HTTP/1.1 ${problem.status} ${problem.title}`,
    'Content-Type: application/problem+json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Retry-After: 10',
    'Connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
  socket.destroySoon?.();
}

export function installConnectionGate(app: FastifyInstance, limits: GateLimits): void {
  const perClient = new Map<string, number>();
  let total = 0;

  app.server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const counted = !limits.isTrustedProxy(address);
    const mine = counted ? (perClient.get(address) ?? 0) : 0;
    if (total >= limits.maxConnections) {
      refuseConnection(socket, {
        kind: 'too-many-connections',
        status: 503,
        title: 'Service Unavailable',
        detail: 'The server has as many open connections as it allows. Try again in a few seconds.',
      });
      return;
    }
    if (counted && mine >= limits.connectionsPerClient) {
      refuseConnection(socket, {
        kind: 'too-many-connections',
        status: 429,
        title: 'Too Many Requests',
        detail: `This client already has ${limits.connectionsPerClient} open connections, the most allowed. Reuse one (keep-alive), or close some.`,
      });
      return;
    }
    total += 1;
    if (counted) perClient.set(address, mine + 1);
    socket.once('close', () => {
      total -= 1;
      if (!counted) return;
      const left = (perClient.get(address) ?? 1) - 1;
      if (left <= 0) perClient.delete(address);
      else perClient.set(address, left);
    });
  });

  const states = new WeakMap<Socket, ConnectionState>();

  app.addHook('onRequest', (request, reply, done) => {
    const socket = request.raw.socket;
    let state = states.get(socket);
    if (!state) {
      const fresh: ConnectionState = { busy: false, waiting: [] };
      states.set(socket, fresh);
      socket.once('close', () => {
        fresh.waiting = [];
      });
      state = fresh;
    }
    const current = state;
    // `busy` stays set until the answer has been handed over and the socket has drained.
    const proceed = (): void => {
      current.busy = false;
      current.waiting.shift()?.();
    };
    const release = (): void => {
      if (socket.destroyed) return;
      if (socket.writableLength > limits.maxUnreadBytes) {
        socket.destroy();
        return;
      }
      if (socket.writableNeedDrain) socket.once('drain', proceed);
      else proceed();
    };
    const start = (): void => {
      current.busy = true;
      reply.raw.once('close', release);
      done();
    };
    if (!current.busy) start();
    else if (current.waiting.length >= limits.maxPipelined) socket.destroy();
    else current.waiting.push(start);
  });
}
