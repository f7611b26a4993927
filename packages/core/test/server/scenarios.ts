/**
 * Scripted scenarios of the test feed server. Every route takes `key` (the stats bucket, and the
 * identity of per-key state such as a feed's asOf or a flaky endpoint's counter); tests use a new
 * key per test so they never see each other's requests.
 *
 * Feeds:
 *   /feed/ok?key&asOf&exp&stream&lm=1      a valid feed with an ETag (304 on If-None-Match); `stream`
 *                                            (a path on this server) becomes links.stream; `lm=1` adds Last-Modified
 *   /feed/status/<code>?key (or /feed/<code>) that HTTP status, text body
 *   /feed/flaky?key&fail=N&code=500          fails N times, then serves /feed/ok
 *   /feed/script?key&steps=200,500,304       request n answers steps[n] (the last step repeats): 200 = /feed/ok
 *                                            (with ETag and 304 handling), anything else = that status
 *   /feed/slow?key&ms=                       /feed/ok after `ms`
 *   /feed/malformed?key                      truncated JSON
 *   /feed/invalid?key                        JSON that is not a valid feed (place.name missing, and more)
 *   /feed/drop?key                           headers and half the body, then the socket is destroyed
 *   /feed/huge?key&kb=&chunked=1             a valid feed padded past `kb` kilobytes (with Content-Length unless chunked)
 *   /feed/sequence?key&slowMs=&old=&new=     request 1 answers after slowMs with asOf `old`; later ones at once with asOf `new`
 *   /feed/versioned?key                      a feed whose content follows the key's version (bumped by /stream/changed)
 * Streams (Server-Sent Events):
 *   /stream/events?key&total=&closeAfter=&intervalMs=  `event: feed` messages with ids 1..total; the connection
 *                                            is closed after `closeAfter` events and resumed after Last-Event-ID
 *   /stream/changed?key&count=&intervalMs=   `count` `event: changed` pings, each after bumping the key's version
 *   /stream/status/<code>?key                that HTTP status (the browser's EventSource gives up)
 * Inspection:
 *   /stats?key  JSON KeyStats       /reset?key  forgets the key (all keys without one)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { makeFeed } from '../fixtures/feed.js';
import type { KeyStats, StatsStore } from './stats.js';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  key: string;
  stats: KeyStats;
  store: StatsStore;
  /** The server's own origin, e.g. http://127.0.0.1:41234. */
  base: string;
  /** Per-key scenario state (counters, versions, fixed asOf). */
  state: KeyState;
}

export interface KeyState {
  /** The asOf of this key's feed, fixed at its first use so its ETag stays the same. */
  asOf: string;
  /** Requests answered so far by counting scenarios. */
  count: number;
  /** Content version (for /feed/versioned). */
  version: number;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** A feed body built from the test fixture. */
export function feedJson(options: {
  asOf: string;
  exp?: number;
  stream?: string;
  value?: number;
  padKb?: number;
}): string {
  const feed = makeFeed();
  feed.asOf = options.asOf;
  if (options.exp !== undefined) feed.expectedUpdateSeconds = options.exp;
  feed.links = {
    self: 'https://example.org/feeds/test-district',
    ...(options.stream ? { stream: options.stream } : {}),
  };
  if (options.value !== undefined) {
    const first = (feed.indicators as { value: number | null }[])[0];
    if (first) first.value = options.value;
  }
  if (options.padKb) {
    const events = feed.events as unknown[];
    const target = options.padKb * 1024;
    for (let i = 0; JSON.stringify(events).length < target; i++) {
      events.push({
        id: `pad-${i}`,
        time: '2017-05-01T10:00:00+08:00',
        category: 'fraud',
        grid: 'g01',
        provenance: 'synthetic',
        title: { zh: '填充事件'.repeat(8), en: 'padding event '.repeat(8) },
      });
    }
  }
  return JSON.stringify(feed);
}

function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
}

function numberParam(url: URL, name: string, fallback: number): number {
  const raw = url.searchParams.get(name);
  const n = raw === null ? NaN : Number(raw);
  return Number.isFinite(n) ? n : fallback;
}

/** Waits `ms`, or resolves false early when the client goes away. */
function delay(ctx: RouteContext, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      ctx.res.off('close', onClose);
      resolve(true);
    }, ms);
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    ctx.res.once('close', onClose);
  });
}

/** Counts a feed request (and whether it was conditional). */
function countRequest(ctx: RouteContext): void {
  const inm = ctx.req.headers['if-none-match'] ?? null;
  const ims = ctx.req.headers['if-modified-since'] ?? null;
  ctx.stats.requests += 1;
  ctx.stats.ifNoneMatch.push(typeof inm === 'string' ? inm : null);
  if (inm || ims) ctx.stats.conditional += 1;
}

function sendText(ctx: RouteContext, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  ctx.res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  ctx.res.end(body);
}

/** Serves `body` as a feed with an ETag, answering 304 to a matching If-None-Match. */
function sendFeed(ctx: RouteContext, body: string, options: { lastModified?: boolean } = {}): void {
  const etag = etagOf(body);
  const headers: Record<string, string | number> = {
    'Content-Type': JSON_TYPE,
    ETag: etag,
    'Cache-Control': 'no-cache',
  };
  if (options.lastModified) headers['Last-Modified'] = new Date(Date.parse(ctx.state.asOf)).toUTCString();
  const inm = ctx.req.headers['if-none-match'];
  if (typeof inm === 'string' && inm.split(',').some((t) => t.trim() === etag)) {
    ctx.stats.notModified += 1;
    ctx.res.writeHead(304, headers);
    ctx.res.end();
    return;
  }
  headers['Content-Length'] = Buffer.byteLength(body);
  ctx.res.writeHead(200, headers);
  ctx.res.end(body);
}

function okBody(ctx: RouteContext): string {
  const stream = ctx.url.searchParams.get('stream');
  return feedJson({
    asOf: ctx.url.searchParams.get('asOf') ?? ctx.state.asOf,
    exp: numberParam(ctx.url, 'exp', 3600),
    ...(stream ? { stream: new URL(stream, ctx.base).href } : {}),
  });
}

function serveOk(ctx: RouteContext): void {
  countRequest(ctx);
  sendFeed(ctx, okBody(ctx), { lastModified: ctx.url.searchParams.get('lm') === '1' });
}

// --- Server-Sent Events ----------------------------------------------------------------------

function openStream(ctx: RouteContext): { send: (chunk: string) => void; closed: () => boolean } {
  let closed = false;
  ctx.res.once('close', () => {
    closed = true;
  });
  ctx.res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  // Fast reconnection for tests, and an early first chunk so the browser fires `open`.
  ctx.res.write('retry: 150\n: stream opened\n\n');
  const heartbeat = setInterval(
    () => {
      if (!closed) ctx.res.write(': heartbeat\n\n');
    },
    numberParam(ctx.url, 'heartbeatMs', 1000),
  );
  ctx.res.once('close', () => clearInterval(heartbeat));
  return {
    send: (chunk) => {
      if (!closed) ctx.res.write(chunk);
    },
    closed: () => closed,
  };
}

async function streamEvents(ctx: RouteContext): Promise<void> {
  const total = numberParam(ctx.url, 'total', 5);
  const closeAfter = numberParam(ctx.url, 'closeAfter', Infinity);
  const intervalMs = numberParam(ctx.url, 'intervalMs', 50);
  const header = ctx.req.headers['last-event-id'];
  const lastEventId = typeof header === 'string' ? header : null;
  const connection = { lastEventId, sent: [] as string[] };
  ctx.stats.streams.push(connection);
  const stream = openStream(ctx);
  const base = Date.parse(ctx.state.asOf);
  let next = (lastEventId !== null && Number.isFinite(Number(lastEventId)) ? Number(lastEventId) : 0) + 1;
  let sentHere = 0;
  while (next <= total && !stream.closed()) {
    if (!(await delay(ctx, intervalMs))) return;
    const body = feedJson({
      asOf: new Date(base + next * 1000).toISOString(),
      value: next,
      stream: new URL(ctx.url.pathname + ctx.url.search, ctx.base).href,
    });
    stream.send(`id: ${next}\nevent: feed\ndata: ${body}\n\n`);
    connection.sent.push(String(next));
    next += 1;
    sentHere += 1;
    if (sentHere >= closeAfter && next <= total) {
      ctx.stats.log.push(`closed connection ${ctx.stats.streams.length} after event ${next - 1}`);
      ctx.res.end();
      return;
    }
  }
  // Everything sent: stay open (heartbeats only) until the client leaves.
}

async function streamChanged(ctx: RouteContext): Promise<void> {
  const count = numberParam(ctx.url, 'count', 3);
  const intervalMs = numberParam(ctx.url, 'intervalMs', 100);
  ctx.stats.streams.push({
    lastEventId: (ctx.req.headers['last-event-id'] as string | undefined) ?? null,
    sent: [],
  });
  const connection = ctx.stats.streams[ctx.stats.streams.length - 1]!;
  const stream = openStream(ctx);
  for (let i = 0; i < count && !stream.closed(); i++) {
    if (!(await delay(ctx, intervalMs))) return;
    ctx.state.version += 1;
    stream.send(`id: c${ctx.state.version}\nevent: changed\ndata: {"version":${ctx.state.version}}\n\n`);
    connection.sent.push(`c${ctx.state.version}`);
  }
}

// --- Routes ----------------------------------------------------------------------------------

export async function route(ctx: RouteContext): Promise<void> {
  const path = ctx.url.pathname;
  const status = /^\/(feed|stream)\/(?:status\/)?(\d{3})$/.exec(path);
  if (status) {
    if (status[1] === 'feed') countRequest(ctx);
    else ctx.stats.streams.push({ lastEventId: null, sent: [] });
    sendText(ctx, Number(status[2]), `scripted status ${status[2]}\n`);
    return;
  }
  switch (path) {
    case '/feed/ok':
      serveOk(ctx);
      return;
    case '/feed/flaky': {
      countRequest(ctx);
      ctx.state.count += 1;
      if (ctx.state.count <= numberParam(ctx.url, 'fail', 2)) {
        sendText(ctx, numberParam(ctx.url, 'code', 500), 'scripted failure\n');
        return;
      }
      sendFeed(ctx, okBody(ctx));
      return;
    }
    case '/feed/script': {
      countRequest(ctx);
      const steps = (ctx.url.searchParams.get('steps') ?? '200')
        .split(',')
        .map((step) => Number(step.trim()));
      ctx.state.count += 1;
      const step = steps[Math.min(ctx.state.count, steps.length) - 1] ?? 200;
      ctx.stats.log.push(`request ${ctx.state.count}: ${step}`);
      if (step === 200) sendFeed(ctx, okBody(ctx));
      else sendText(ctx, step, `scripted status ${step}\n`);
      return;
    }
    case '/feed/slow': {
      countRequest(ctx);
      if (!(await delay(ctx, numberParam(ctx.url, 'ms', 1000)))) return;
      sendFeed(ctx, okBody(ctx));
      return;
    }
    case '/feed/malformed':
      countRequest(ctx);
      sendText(
        ctx,
        200,
        '{"format": "safety-feed", "version": 1, "id": "test-district", "place": {',
        JSON_TYPE,
      );
      return;
    case '/feed/invalid': {
      countRequest(ctx);
      const feed = makeFeed();
      delete (feed.place as Partial<typeof feed.place>).name;
      (feed as Record<string, unknown>).asOf = 'yesterday';
      (feed as Record<string, unknown>).expectedUpdateSeconds = -5;
      (feed.source as Record<string, unknown>).name = 42;
      sendText(ctx, 200, JSON.stringify(feed), JSON_TYPE);
      return;
    }
    case '/feed/drop': {
      countRequest(ctx);
      const body = okBody(ctx);
      ctx.res.writeHead(200, { 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(body) });
      ctx.res.write(body.slice(0, Math.floor(body.length / 2)));
      setTimeout(() => ctx.req.socket.destroy(), 50);
      return;
    }
    case '/feed/huge': {
      countRequest(ctx);
      const body = feedJson({ asOf: ctx.state.asOf, padKb: numberParam(ctx.url, 'kb', 100) });
      if (ctx.url.searchParams.get('chunked') === '1') {
        ctx.res.writeHead(200, { 'Content-Type': JSON_TYPE });
        for (let i = 0; i < body.length; i += 16_384) ctx.res.write(body.slice(i, i + 16_384));
        ctx.res.end();
      } else {
        sendText(ctx, 200, body, JSON_TYPE);
      }
      return;
    }
    case '/feed/sequence': {
      countRequest(ctx);
      ctx.state.count += 1;
      const n = ctx.state.count;
      const old = ctx.url.searchParams.get('old') ?? '2017-12-04T08:00:00+08:00';
      const newer = ctx.url.searchParams.get('new') ?? '2017-12-04T09:00:00+08:00';
      if (n === 1) {
        const stayed = await delay(ctx, numberParam(ctx.url, 'slowMs', 1500));
        ctx.stats.log.push(stayed ? 'request 1 answered (old)' : 'request 1 abandoned by the client');
        if (!stayed) return;
      }
      const body = feedJson({
        asOf: n === 1 ? old : newer,
        value: n,
        exp: numberParam(ctx.url, 'exp', 3600),
      });
      sendText(ctx, 200, body, JSON_TYPE);
      if (n !== 1) ctx.stats.log.push(`request ${n} answered (new)`);
      return;
    }
    case '/feed/versioned': {
      countRequest(ctx);
      const stream = ctx.url.searchParams.get('stream');
      const body = feedJson({
        asOf: new Date(Date.parse(ctx.state.asOf) + ctx.state.version * 1000).toISOString(),
        value: ctx.state.version,
        ...(stream ? { stream: new URL(stream, ctx.base).href } : {}),
      });
      sendFeed(ctx, body);
      return;
    }
    case '/stream/events':
      await streamEvents(ctx);
      return;
    case '/stream/changed':
      await streamChanged(ctx);
      return;
    case '/stats':
      sendText(ctx, 200, JSON.stringify(ctx.stats), JSON_TYPE);
      return;
    case '/reset':
      ctx.store.reset(ctx.url.searchParams.get('key') ?? undefined);
      sendText(ctx, 200, '{"ok":true}', JSON_TYPE);
      return;
    default:
      countRequest(ctx);
      sendText(ctx, 404, `no scenario at ${path}\n`);
  }
}
