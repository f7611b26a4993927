/**
 * Fairness per connection and per client, below the routes:
 *
 * - At most one response in progress per connection. A pipelined request waits until the one
 *   before it has been answered and the socket has taken all of it, which it does only as the
 *   client reads: a client that does not read gets no more work done for it.
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
import { clientKey } from './client-key.js';
import { rawProblemResponse, type ProblemDetails } from './problem.js';

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

/** Answers a connection that is not let in, and closes it. */
function refuseConnection(socket: Socket, problem: ProblemDetails): void {
  socket.end(rawProblemResponse({ ...problem, headers: { 'Retry-After': '10' } }));
}

export function installConnectionGate(app: FastifyInstance, limits: GateLimits): void {
  const perClient = new Map<string, number>();
  let total = 0;

  app.server.on('connection', (socket: Socket) => {
    const address = clientKey(socket.remoteAddress);
    const counted = !limits.isTrustedProxy(socket.remoteAddress ?? '');
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
  /** Connections with an answer in progress, checked for unread output once a second. */
  const busy = new Set<Socket>();
  const sweep = setInterval(() => {
    for (const socket of busy) if (socket.writableLength > limits.maxUnreadBytes) socket.destroy();
  }, 1000);
  sweep.unref();
  app.addHook('onClose', (_instance, done) => {
    clearInterval(sweep);
    done();
  });

  app.addHook('onRequest', (request, reply, done) => {
    const socket = request.raw.socket;
    let state = states.get(socket);
    if (!state) {
      const fresh: ConnectionState = { busy: false, waiting: [] };
      states.set(socket, fresh);
      socket.once('close', () => {
        fresh.waiting = [];
        busy.delete(socket);
      });
      state = fresh;
    }
    const current = state;
    // The answer's `close` comes after its `finish`, which Node emits only once the socket has
    // taken every byte of it: a client that does not read holds up only its own connection.
    const release = (): void => {
      current.busy = false;
      busy.delete(socket);
      if (!socket.destroyed) current.waiting.shift()?.();
    };
    const start = (): void => {
      current.busy = true;
      busy.add(socket);
      reply.raw.once('close', release);
      done();
    };
    if (!current.busy) start();
    else if (current.waiting.length >= limits.maxPipelined) socket.destroy();
    else current.waiting.push(start);
  });
}
