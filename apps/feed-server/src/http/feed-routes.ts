/**
 * The /api routes: the public read side (feed, index, stream, schema) and the private write side.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerConfig } from '../config.js';
import { readIndicatorCsv } from '../feeds/csv-import.js';
import { EVENT_FIELDS, INDICATOR_FIELDS, parseJson, readItems, type PayloadItem } from '../feeds/payloads.js';
import type { FeedsRepository, WriteOutcome } from '../feeds/repository.js';
import { formatChange, type SseHub } from '../live/sse-hub.js';
import type { AuthOutcome } from './auth.js';
import { readBody } from './body.js';
import {
  badRequest,
  invalidPayload,
  notFound,
  sendProblem,
  type PayloadProblem,
  type ProblemDetails,
} from './problem.js';
import type { StreamCounter, WriteRateLimiter } from './rate-limit.js';

export interface ApiContext {
  config: ServerConfig;
  repository: FeedsRepository;
  hub: SseHub;
  auth: (req: IncomingMessage) => AuthOutcome;
  writes: WriteRateLimiter;
  streams: StreamCounter;
  /** The origin written into feeds' links for this request. */
  originOf: (req: IncomingMessage) => string;
}

/** CORS for the public read side: any origin may read feeds and streams. */
export const READ_CORS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since, Last-Event-ID, Cache-Control, Accept',
  'Access-Control-Expose-Headers': 'ETag, Last-Modified, Content-Length',
  'Access-Control-Max-Age': '600',
};

const FEED_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const require = createRequire(import.meta.url);

export function clientOf(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body);
}

function etagMatches(header: string, etag: string): boolean {
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === etag);
}

/** Handles /api/…; false when the path is not an API path. */
export async function handleApi(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const path = url.pathname;
  if (!path.startsWith('/api/') && path !== '/api') return false;
  const method = req.method ?? 'GET';
  const read = method === 'GET' || method === 'HEAD';

  if (path === '/api/feeds') {
    if (method === 'OPTIONS') return preflight(res);
    if (!read) return methodNotAllowed(res, 'GET, HEAD, OPTIONS');
    const origin = ctx.originOf(req);
    const feeds = ctx.repository.list().map((f) => ({
      id: f.id,
      kind: f.kind,
      parent: f.parent,
      name: f.name,
      asOf: f.asOf,
      version: f.version,
      url: `${origin}/api/feeds/${f.id}`,
      stream: `${origin}/api/feeds/${f.id}/stream`,
    }));
    sendJson(
      res,
      200,
      { format: 'safety-feed-index', version: 1, feeds },
      { ...READ_CORS, 'Cache-Control': 'no-cache' },
    );
    return true;
  }
  if (path === '/api/schema/feed-v1.json') {
    if (method === 'OPTIONS') return preflight(res);
    if (!read) return methodNotAllowed(res, 'GET, HEAD, OPTIONS');
    const schema = await readFile(require.resolve('@safety-widgets/core/schema/feed-v1.schema.json'));
    res.writeHead(200, {
      ...READ_CORS,
      'Content-Type': 'application/schema+json',
      'Content-Length': schema.length,
      'Cache-Control': 'public, max-age=3600',
    });
    res.end(method === 'HEAD' ? undefined : schema);
    return true;
  }

  const match = /^\/api\/feeds\/([^/]+)(\/stream|\/indicators|\/indicators\.csv|\/events)?$/.exec(path);
  const id = match ? decodeURIComponentSafe(match[1]!) : undefined;
  if (!match || id === undefined || !FEED_ID.test(id)) {
    sendProblem(res, notFound(`No API at ${path}. Feeds are at /api/feeds/<id>; the list is at /api/feeds.`));
    return true;
  }
  const action = match[2] ?? '';
  if (action === '' || action === '/stream') {
    if (method === 'OPTIONS') return preflight(res);
    if (!read) return methodNotAllowed(res, 'GET, HEAD, OPTIONS');
    if (!ctx.repository.has(id)) {
      sendProblem(res, {
        ...notFound(`There is no feed "${id}". The list of feeds is at /api/feeds.`),
        headers: READ_CORS,
      });
      return true;
    }
    if (action === '') serveFeed(ctx, req, res, id);
    else if (method === 'HEAD') {
      res.writeHead(200, {
        ...READ_CORS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end();
    } else openStream(ctx, req, res, url, id);
    return true;
  }
  if (method !== 'POST') return methodNotAllowed(res, 'POST');
  await write(ctx, req, res, id, action);
  return true;
}

function decodeURIComponentSafe(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function preflight(res: ServerResponse): true {
  res.writeHead(204, READ_CORS);
  res.end();
  return true;
}

function methodNotAllowed(res: ServerResponse, allow: string): true {
  sendProblem(res, {
    kind: 'method-not-allowed',
    status: 405,
    title: 'Method not allowed',
    detail: `This URL answers ${allow}.`,
    headers: { Allow: allow },
  });
  return true;
}

function serveFeed(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, id: string): void {
  const snapshot = ctx.repository.snapshot(id)!;
  const origin = ctx.originOf(req);
  const etag = snapshot.etagFor(origin);
  const headers: Record<string, string> = {
    ...READ_CORS,
    'Content-Type': 'application/json; charset=utf-8',
    ETag: etag,
    'Last-Modified': new Date(snapshot.updatedAt).toUTCString(),
    // Caches may keep it but must ask again each time; the ETag makes that a cheap 304.
    'Cache-Control': 'public, no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
  const inm = req.headers['if-none-match'];
  const ims = req.headers['if-modified-since'];
  const notModified =
    typeof inm === 'string'
      ? etagMatches(inm, etag)
      : typeof ims === 'string' && Date.parse(ims) >= Math.floor(snapshot.updatedAt / 1000) * 1000;
  if (notModified) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const body = snapshot.bodyFor(origin);
  res.writeHead(200, { ...headers, 'Content-Length': Buffer.byteLength(body) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function openStream(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, url: URL, id: string): void {
  const client = clientOf(req);
  const claim = ctx.streams.claim(client);
  if (claim !== 'ok') {
    sendProblem(res, {
      kind: 'too-many-streams',
      status: claim === 'client' ? 429 : 503,
      title: 'Too many open streams',
      detail:
        claim === 'client'
          ? `This client already has ${ctx.config.streamsPerClient} open streams, the most allowed. Close one, or poll the feed with If-None-Match.`
          : 'The server has as many open streams as it allows. Poll the feed with If-None-Match, or try again later.',
      headers: { ...READ_CORS, 'Retry-After': '30' },
    });
    return;
  }
  req.socket.setNoDelay(true);
  req.socket.setKeepAlive(true, 30_000);
  res.writeHead(200, {
    ...READ_CORS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  let head = `retry: ${ctx.config.streamRetryMs}\n\n`;
  const header = req.headers['last-event-id'];
  const lastEventId =
    typeof header === 'string' && header !== '' ? header : url.searchParams.get('lastEventId');
  if (lastEventId) {
    const replay = ctx.repository.replayAfter(id, lastEventId.trim());
    if (replay.kind === 'replay') head += replay.changes.map(formatChange).join('');
    else
      head += `id: ${replay.latest}\nevent: changed\ndata: ${JSON.stringify({ feed: id, catchUp: true })}\n\n`;
  } else {
    const latest = ctx.repository.latestChangeId();
    head += `id: ${latest}\nevent: ready\ndata: ${JSON.stringify({ feed: id, latest })}\n\n`;
  }
  res.write(head);
  // Synchronous from the replay to here: no change can be committed in between.
  ctx.hub.add(id, res, () => ctx.streams.release(client));
}

const JSON_TYPES = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const CSV_TYPES = /^(?:text\/csv|text\/plain|application\/csv)\s*(?:;|$)/i;

async function write(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  action: string,
): Promise<void> {
  const wait = ctx.writes.take(clientOf(req));
  if (wait > 0) {
    req.resume();
    sendProblem(res, {
      kind: 'rate-limited',
      status: 429,
      title: 'Too many writes',
      detail: `This client may write ${ctx.config.writesPerMinute} times a minute. Try again in ${wait} s, or put more items in one request.`,
      headers: { 'Retry-After': String(wait) },
    });
    return;
  }
  const auth = ctx.auth(req);
  if (!auth.ok) {
    req.resume();
    sendProblem(res, auth.problem);
    return;
  }
  if (!ctx.repository.has(id)) {
    req.resume();
    sendProblem(res, notFound(`There is no feed "${id}" to write to. The list of feeds is at /api/feeds.`));
    return;
  }
  const csv = action === '/indicators.csv';
  const type = req.headers['content-type'] ?? '';
  if (!(csv ? CSV_TYPES : JSON_TYPES).test(type)) {
    req.resume();
    sendProblem(res, {
      kind: 'unsupported-media-type',
      status: 415,
      title: 'Unsupported content type',
      detail: `Send ${csv ? 'text/csv' : 'application/json'}${type ? `, not ${type}` : ' (no Content-Type was given)'}.`,
    });
    return;
  }
  const body = await readBody(req, ctx.config.maxBodyBytes);
  if (!body.ok) {
    sendProblem(res, body.problem);
    return;
  }
  const rejected = (problems: PayloadProblem[], what: string, status = 422): void => {
    const problem: ProblemDetails =
      status === 400
        ? badRequest(`The ${what} could not be read; nothing was written.`, problems)
        : invalidPayload(problems, what);
    sendProblem(res, problem);
  };

  let items: PayloadItem[];
  let prior: PayloadProblem[] = [];
  if (csv) {
    const read = readIndicatorCsv(body.text, ctx.repository.indicatorIds(id), id);
    if (!read.ok) return rejected(read.problems, 'CSV');
    items = read.items;
  } else {
    const parsed = parseJson(body.text);
    if (!parsed.ok) return rejected(parsed.problems, 'JSON body', 400);
    const events = action === '/events';
    const read = readItems(
      parsed.value,
      events ? 'events' : 'indicators',
      events ? EVENT_FIELDS : INDICATOR_FIELDS,
      !events,
    );
    if (!read.ok) return rejected(read.problems, 'payload');
    items = read.items;
    prior = read.problems;
  }
  const outcome: WriteOutcome =
    action === '/events'
      ? ctx.repository.addEvents(id, items, prior)
      : ctx.repository.writeIndicators(id, items, prior);
  if (!outcome.ok) {
    if (outcome.status === 404) sendProblem(res, notFound(outcome.problems[0]!.message));
    else rejected(outcome.problems, csv ? 'CSV' : 'payload');
    return;
  }
  const { change } = outcome;
  sendJson(res, action === '/events' ? 201 : 200, {
    feed: change.feed,
    version: change.version,
    asOf: change.asOf,
    changeId: change.id,
    [change.kind]: change.ids,
  });
}
