/**
 * The /api routes: the public read side (feed, index, stream, schema; CORS for any origin) and
 * the private write side (behind write-gate.ts). Every refusal is a problem+json answer.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import cors from '@fastify/cors';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerConfig } from '../config.js';
import { readIndicatorCsv } from '../feeds/csv-import.js';
import { EVENT_FIELDS, INDICATOR_FIELDS, readItems, type PayloadItem } from '../feeds/payloads.js';
import type { FeedsRepository, WriteMode, WriteOutcome } from '../feeds/repository.js';
import { formatChange, type SseHub } from '../live/sse-hub.js';
import { registerBodyParsers } from './body-parsers.js';
import { httpDate, isNotModified } from './conditional.js';
import { clientKey } from './client-key.js';
import { feedEncoding, type FeedBodies } from './feed-bodies.js';
import { requestPath } from './origin.js';
import { snapshotRoutes, type SnapshotRoutesContext } from './snapshot-routes.js';
import {
  badRequest,
  invalidPayload,
  methodNotAllowed,
  notFound,
  sendProblem,
  type PayloadProblem,
  type ProblemDetails,
} from './problem.js';
import type { StreamCounter } from './stream-counter.js';
import { writeGate, type WriteGateContext } from './write-gate.js';
import { WRITE_BODY_SCHEMAS } from './write-schema.js';

export interface ApiContext extends WriteGateContext, SnapshotRoutesContext {
  config: ServerConfig;
  repository: FeedsRepository;
  hub: SseHub;
  streams: StreamCounter;
  bodies: FeedBodies;
  /** The origin written into feeds' links for this request. */
  originOf: (request: FastifyRequest) => string;
}

/** CORS for the public read side: any origin may read feeds and streams. */
const CORS_OPTIONS = {
  origin: '*',
  methods: ['GET', 'HEAD', 'OPTIONS'],
  allowedHeaders: ['If-None-Match', 'If-Modified-Since', 'Last-Event-ID', 'Cache-Control', 'Accept'],
  exposedHeaders: ['ETag', 'Last-Modified', 'Content-Length'],
  maxAge: 600,
  strictPreflight: false,
};

const FEED_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const require = createRequire(import.meta.url);
const READ_ONLY = 'GET, HEAD, OPTIONS';
const OTHER_THAN_READ = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
const OTHER_THAN_WRITE = ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * The 404 of a path under /api/. Unmatched paths skip the CORS hook, but a page on any origin must
 * still be able to read the answer.
 */
export function sendApiNotFound(reply: FastifyReply, pathname: string): FastifyReply {
  return sendProblem(
    reply.header('Access-Control-Allow-Origin', '*'),
    notFound(`No API at ${pathname}. Feeds are at /api/feeds/<id>; the list is at /api/feeds.`),
  );
}

/** Registers the API under `/api`. */
export async function apiRoutes(app: FastifyInstance, ctx: ApiContext): Promise<void> {
  await app.register(cors, CORS_OPTIONS);
  registerBodyParsers(app);

  const apiNotFound = (request: FastifyRequest, reply: FastifyReply) =>
    sendApiNotFound(reply, requestPath(request.raw.url));
  app.setNotFoundHandler(apiNotFound);

  /** The feed id of the path, or a 404 answer. */
  const feedId = (request: FastifyRequest, reply: FastifyReply): string | undefined => {
    const { id } = request.params as { id: string };
    if (FEED_ID.test(id)) return id;
    apiNotFound(request, reply);
    return undefined;
  };
  /** Answers other methods on `url` with 405 before any body is read. */
  const only = (allow: string, methods: readonly string[], url: string) =>
    app.route({
      method: [...methods],
      url,
      exposeHeadRoute: false,
      onRequest: async (_request, reply) => sendProblem(reply, methodNotAllowed(allow)),
      handler: async (_request, reply) => reply,
    });
  const readOnly = (url: string) => only(READ_ONLY, OTHER_THAN_READ, url);

  app.get('/feeds', async (request, reply) => {
    const origin = ctx.originOf(request);
    const feeds = (await ctx.repository.list()).map((f) => ({
      id: f.id,
      kind: f.kind,
      parent: f.parent,
      name: f.name,
      asOf: f.asOf,
      version: f.version,
      url: `${origin}/api/feeds/${f.id}`,
      stream: `${origin}/api/feeds/${f.id}/stream`,
    }));
    reply.header('Cache-Control', 'no-cache');
    return reply.send({ format: 'safety-feed-index', version: 1, feeds });
  });
  readOnly('/feeds');

  const schemaFile = require.resolve('@safety-widgets/core/schema/feed-v1.schema.json');
  app.get('/schema/feed-v1.json', async (_request, reply) => {
    reply.headers({ 'Content-Type': 'application/schema+json', 'Cache-Control': 'public, max-age=3600' });
    return reply.send(await readFile(schemaFile));
  });
  readOnly('/schema/feed-v1.json');

  // Sent compressed from feed-bodies.ts, never by @fastify/compress.
  app.get('/feeds/:id', { compress: false }, async (request, reply) => {
    const id = feedId(request, reply);
    if (id === undefined) return reply;
    const snapshot = await ctx.repository.snapshot(id);
    if (!snapshot)
      return sendProblem(reply, notFound(`There is no feed "${id}". The list of feeds is at /api/feeds.`));
    const origin = ctx.originOf(request);
    const etag = snapshot.etagFor(origin);
    reply.headers({
      'Content-Type': 'application/json; charset=utf-8',
      ETag: etag,
      'Last-Modified': httpDate(snapshot.updatedAt),
      // Caches may keep it but must ask again each time; the ETag makes that a cheap 304.
      'Cache-Control': 'public, no-cache',
      Vary: 'Accept-Encoding',
    });
    if (
      isNotModified(request.headers, { etag, updatedAt: snapshot.updatedAt, previousAt: snapshot.previousAt })
    )
      return reply.code(304).send();
    const encoding = feedEncoding(request.headers['accept-encoding']);
    const body = await ctx.bodies.get(snapshot, origin, encoding);
    // Compressed bytes are not the identity bytes: the tag is weak for them (it matches either way).
    if (encoding !== 'identity') reply.headers({ 'Content-Encoding': encoding, ETag: `W/${etag}` });
    return reply.send(body);
  });
  readOnly('/feeds/:id');

  app.get('/feeds/:id/stream', async (request, reply) => {
    const id = feedId(request, reply);
    if (id === undefined) return reply;
    if (!(await ctx.repository.has(id)))
      return sendProblem(reply, notFound(`There is no feed "${id}". The list of feeds is at /api/feeds.`));
    if (request.method === 'HEAD') {
      reply.headers({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store' });
      return reply.send();
    }
    return openStream(ctx, request, reply, id);
  });
  readOnly('/feeds/:id/stream');

  snapshotRoutes(app, ctx);

  const gate = writeGate(app, ctx);
  for (const [action, body] of [
    ['indicators', 'json'],
    ['events', 'json'],
    ['indicators.csv', 'csv'],
  ] as const) {
    const url = `/feeds/:id/${action}`;
    app.route({
      method: 'POST',
      url,
      config: { body },
      bodyLimit: ctx.config.maxBodyBytes,
      ...(action === 'indicators.csv'
        ? {}
        : { schema: { body: WRITE_BODY_SCHEMAS[action] }, attachValidation: true }),
      onRequest: gate,
      handler: (request, reply) => write(ctx, request, reply, action),
    });
    only('POST', OTHER_THAN_WRITE, url);
  }
}

/** The Last-Event-ID the client resumes from (header, else `?lastEventId=`), if one. */
function lastEventIdOf(request: FastifyRequest): string | undefined {
  const header = request.headers['last-event-id'];
  if (typeof header === 'string' && header.trim() !== '') return header.trim();
  const query = (request.query as { lastEventId?: unknown }).lastEventId;
  return typeof query === 'string' && query.trim() !== '' ? query.trim() : undefined;
}

/**
 * What a new stream starts with — the retry hint, then a replay, a catch-up or `ready` — and the
 * last change id it covers.
 */
async function streamHead(
  ctx: ApiContext,
  id: string,
  lastEventId: string | undefined,
): Promise<{ head: string; covers: number }> {
  let head = `retry: ${ctx.config.streamRetryMs}\n\n`;
  if (lastEventId) {
    const replay = await ctx.repository.replayAfter(id, lastEventId);
    if (replay.kind === 'replay') {
      head += replay.changes.map(formatChange).join('');
      const covers = replay.changes.at(-1)?.id ?? Number(lastEventId);
      return { head, covers };
    }
    head += `id: ${replay.latest}\nevent: changed\ndata: ${JSON.stringify({ feed: id, catchUp: true })}\n\n`;
    return { head, covers: replay.latest };
  }
  const latest = await ctx.repository.latestChangeId();
  head += `id: ${latest}\nevent: ready\ndata: ${JSON.stringify({ feed: id, latest })}\n\n`;
  return { head, covers: latest };
}

async function openStream(
  ctx: ApiContext,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
): Promise<FastifyReply> {
  // Watched before the head is read, so a change committed meanwhile waits for the stream rather
  // than falling between the replay and the live changes.
  const watch = ctx.hub.watch(id);
  // Everything that could fail is done before a stream slot is claimed.
  let head: { head: string; covers: number };
  try {
    head = await streamHead(ctx, id, lastEventIdOf(request));
  } catch (error) {
    watch.cancel();
    throw error;
  }
  const client = clientKey(request.ip);
  const claim = ctx.streams.claim(client);
  if (claim !== 'ok') {
    watch.cancel();
    return sendProblem(reply, {
      kind: 'too-many-streams',
      status: claim === 'client' ? 429 : 503,
      title: 'Too many open streams',
      detail:
        claim === 'client'
          ? `This client already has ${ctx.config.streamsPerClient} open streams, the most allowed. Close one, or poll the feed with If-None-Match.`
          : 'The server has as many open streams as it allows. Poll the feed with If-None-Match, or try again later.',
      headers: { 'Retry-After': '30' },
    });
  }
  // The stream is written by the hub, outside Fastify's reply cycle: never compressed (each event
  // must reach the client as it is written), with the CORS and security headers set so far.
  reply.hijack();
  const res = reply.raw;
  request.raw.socket.setNoDelay(true);
  request.raw.socket.setKeepAlive(true, 30_000);
  res.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write(head.head);
  watch.attach(res, head.covers, () => ctx.streams.release(client));
  return reply;
}

function apply(
  ctx: ApiContext,
  id: string,
  action: 'indicators' | 'events' | 'indicators.csv',
  items: PayloadItem[],
  prior: PayloadProblem[],
  mode: WriteMode,
): Promise<WriteOutcome> {
  return action === 'events'
    ? ctx.repository.addEvents(id, items, prior, mode)
    : ctx.repository.writeIndicators(id, items, prior, mode);
}

/** Fastify's schema errors as payload problems (`/indicators/0/value` → `indicators[0].value`). */
function schemaProblems(error: NonNullable<FastifyRequest['validationError']>): PayloadProblem[] {
  const issues = (error.validation ?? []) as { instancePath: string; message?: string }[];
  return issues.map(({ instancePath, message }) => {
    const path =
      instancePath
        .split('/')
        .slice(1)
        .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
        .join('')
        .replace(/^\./, '') || '$';
    return { path, message: `${path}: ${message ?? 'does not match the write schema'}` };
  });
}

async function write(
  ctx: ApiContext,
  request: FastifyRequest,
  reply: FastifyReply,
  action: 'indicators' | 'events' | 'indicators.csv',
): Promise<FastifyReply> {
  const { id } = request.params as { id: string };
  const rejected = (problems: PayloadProblem[], what: string, status = 422): FastifyReply => {
    const problem: ProblemDetails =
      status === 400
        ? badRequest(`The ${what} could not be read; nothing was written.`, problems)
        : invalidPayload(problems, what);
    return sendProblem(reply, problem);
  };

  let items: PayloadItem[];
  let prior: PayloadProblem[] = [];
  if (action === 'indicators.csv') {
    const text = typeof request.body === 'string' ? request.body : '';
    const read = readIndicatorCsv(text, await ctx.repository.indicatorIds(id), id);
    if (!read.ok) return rejected(read.problems, 'CSV');
    items = read.items;
  } else {
    if (request.body === undefined)
      return rejected([{ path: '$', message: '$: the body is empty (expected JSON)' }], 'JSON body', 400);
    const events = action === 'events';
    const read = readItems(
      request.body,
      events ? 'events' : 'indicators',
      events ? EVENT_FIELDS : INDICATOR_FIELDS,
      !events,
    );
    if (!read.ok) return rejected(read.problems, 'payload');
    items = read.items;
    prior = read.problems;
    // The body's JSON Schema refused it: say why, in the diagnosis's words where it has them.
    if (request.validationError) {
      const check = await apply(ctx, id, action, items, prior, 'check');
      const problems = check.ok ? [] : check.problems;
      return rejected(problems.length > 0 ? problems : schemaProblems(request.validationError), 'payload');
    }
  }
  const outcome = await apply(ctx, id, action, items, prior, 'write');
  if (!outcome.ok) {
    if (outcome.status === 404) return sendProblem(reply, notFound(outcome.problems[0]!.message));
    return rejected(outcome.problems, action === 'indicators.csv' ? 'CSV' : 'payload');
  }
  const { change } = outcome;
  reply.code(action === 'events' ? 201 : 200).header('Cache-Control', 'no-store');
  return reply.send({
    feed: change.feed,
    version: change.version,
    asOf: change.asOf,
    changeId: change.id,
    [change.kind]: change.ids,
  });
}
