/**
 * Probes for a process manager or load balancer:
 *   GET /healthz  the process is up and answering (200), nothing else checked;
 *   GET /readyz   this instance can serve: its database answers and its change fan-out is
 *                 listening (200), else 503 with what is wrong; also 503 once shutdown has begun,
 *                 so a balancer stops sending it new clients while its streams drain.
 */
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem.js';

export interface Readiness {
  /** Throws when the database cannot be reached. */
  ping(): Promise<void>;
  /** Whether changes from every instance are being received. */
  listening(): boolean;
  /** Whether shutdown has begun. */
  closing(): boolean;
  /** `sqlite` or `postgres`. */
  database: string;
}

const PING_TIMEOUT_MS = 2000;

export function healthRoutes(app: FastifyInstance, readiness: Readiness): void {
  app.get('/healthz', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
    return reply.send({ status: 'ok' });
  });

  app.get('/readyz', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
    const notReady = (detail: string) =>
      sendProblem(reply, {
        kind: 'not-ready',
        status: 503,
        title: 'Service Unavailable',
        detail,
        headers: { 'Retry-After': 5 },
      });
    if (readiness.closing()) return notReady('This instance is shutting down.');
    try {
      await withTimeout(readiness.ping(), PING_TIMEOUT_MS);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return notReady(`The ${readiness.database} database does not answer: ${reason}`);
    }
    if (!readiness.listening())
      return notReady('The change fan-out is reconnecting to the database; live streams may lag.');
    return reply.send({ status: 'ready', database: readiness.database, listening: true });
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
