/**
 * What a write must pass before its body is read, in this order: the token (checked first, in
 * constant time, so no budget is spent before it is known who is asking); the caller's write
 * budget — authorised writes have their own, and refused attempts are counted in a separate
 * per-client budget that never touches the token holder's; the feed; the content type and
 * coding (bodies are taken uncompressed: nothing is inflated).
 * Budgets are @fastify/rate-limit windows (each limiter its own store) per client (client-key.ts,
 * from `request.ip`, which believes X-Forwarded-For only from the trusted proxies).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { ServerConfig } from '../config.js';
import type { FeedsRepository } from '../feeds/repository.js';
import type { AuthOutcome } from './auth.js';
import { CSV_TYPES, JSON_TYPES } from './body-parsers.js';
import { clientKey } from './client-key.js';
import { notFound, sendProblem } from './problem.js';

export interface WriteGateContext {
  config: ServerConfig;
  repository: FeedsRepository;
  auth: (headers: { authorization?: string | undefined }) => AuthOutcome;
}

const MINUTE = 60_000;

/** Builds the gate; call after @fastify/rate-limit is registered on `app`. */
export function writeGate(app: FastifyInstance, ctx: WriteGateContext): onRequestHookHandler {
  const { config } = ctx;
  const authorised = app.createRateLimit({
    max: config.writesPerMinute,
    timeWindow: MINUTE,
    keyGenerator: (request) => clientKey(request.ip),
  });
  const refused = app.createRateLimit({
    max: config.refusedWritesPerMinute,
    timeWindow: MINUTE,
    keyGenerator: (request) => clientKey(request.ip),
  });

  const limited = (reply: FastifyReply, seconds: number, detail: string) =>
    sendProblem(reply, {
      kind: 'rate-limited',
      status: 429,
      title: 'Too many writes',
      detail,
      headers: { 'Retry-After': String(Math.max(1, seconds)) },
    });

  return async function gate(request: FastifyRequest, reply: FastifyReply) {
    const auth = ctx.auth(request.headers);
    if (!auth.ok) {
      const budget = await refused(request);
      if (!budget.isAllowed && budget.isExceeded) {
        return limited(
          reply,
          budget.ttlInSeconds,
          `This client made ${config.refusedWritesPerMinute} refused write attempts this minute; try again in ${budget.ttlInSeconds} s with a valid token. (${auth.problem.detail})`,
        );
      }
      return sendProblem(reply, auth.problem);
    }
    const budget = await authorised(request);
    if (!budget.isAllowed && budget.isExceeded) {
      return limited(
        reply,
        budget.ttlInSeconds,
        `This client may write ${config.writesPerMinute} times a minute. Try again in ${budget.ttlInSeconds} s, or put more items in one request.`,
      );
    }
    const { id } = request.params as { id: string };
    if (!(await ctx.repository.has(id))) {
      return sendProblem(
        reply,
        notFound(`There is no feed "${id}" to write to. The list of feeds is at /api/feeds.`),
      );
    }
    const coding = request.headers['content-encoding'];
    if (coding !== undefined && coding.toLowerCase() !== 'identity') {
      return sendProblem(reply, {
        kind: 'unsupported-media-type',
        status: 415,
        title: 'Unsupported content encoding',
        detail: `Send the body uncompressed (no Content-Encoding), not ${coding}: it is at most ${config.maxBodyBytes} bytes.`,
        headers: { 'Accept-Encoding': 'identity' },
      });
    }
    const csv = request.routeOptions.config.body === 'csv';
    const type = request.headers['content-type'] ?? '';
    if (!(csv ? CSV_TYPES : JSON_TYPES).test(type)) {
      return sendProblem(reply, {
        kind: 'unsupported-media-type',
        status: 415,
        title: 'Unsupported content type',
        detail: `Send ${csv ? 'text/csv' : 'application/json'}${type ? `, not ${type}` : ' (no Content-Type was given)'}.`,
      });
    }
    return undefined;
  };
}
