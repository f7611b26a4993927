/**
 * Abuse and protocol edge cases: a flood of unread pipelined requests, anonymous write floods,
 * deeply nested JSON, oversized and `Expect: 100-continue` uploads, same-second writes against
 * If-Modified-Since, CORS and nosniff on every answer, and compressed replies.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INDICATOR,
  TOKEN,
  call,
  dbDigest,
  fakeWorkspace,
  post,
  startTestServer,
  withServer,
  tempDir,
  type Reply,
  type TestServer,
} from './helpers.js';
import {
  connectTo,
  fetchBytes,
  fetchHeaders,
  pipelineUnread,
  readFromSocket,
  uploadLargeBody,
} from './raw-http.js';

const APP_DIR = fileURLToPath(new URL('..', import.meta.url));
const PROBLEM_JSON = 'application/problem+json; charset=utf-8';
const IND = '/api/feeds/yantian/indicators';
const MB = 1024 * 1024;
/** How many GETs the polite client sends while the flood is open. */
const POLITE_GETS = 6;

/** The resident memory of process `pid` in bytes, or undefined once it is gone. */
function residentBytes(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return kb ? Number(kb[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The fatal error in a dead process's output, else the end of it. */
function lastWords(output: string): string {
  return /^.*(?:FATAL ERROR|out of memory).*$/m.exec(output)?.[0] ?? output.trim().slice(-300);
}

describe('a flood of pipelined requests that are never read', { timeout: 120_000 }, () => {
  let dir = '';
  let child: ChildProcess | undefined;
  let url = '';
  /** Everything the server printed (its last words, if it dies). */
  let output = '';

  /** main.ts as its own process (1 GB heap at most, so a runaway dies rather than eat the machine). */
  beforeAll(async () => {
    dir = tempDir();
    const started = spawn(
      process.execPath,
      [
        '--max-old-space-size=1024',
        '--import',
        'tsx',
        'src/main.ts',
        '--port',
        '0',
        '--db',
        join(dir, 'feeds.db'),
        '--quiet',
        '--no-site',
      ],
      { cwd: APP_DIR, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = started;
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed within 30 s:\n${output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /feed server on (http:\/\/[\d.]+:\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      started.stdout!.on('data', onData);
      started.stderr!.on('data', onData);
      started.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code}) before listening:\n${output}`));
      });
    });
  }, 40_000);

  afterAll(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps its memory bounded and keeps answering a polite client', async () => {
    const pid = child!.pid!;
    const head = 'GET /api/feeds/yantian HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
    const flood: Socket[] = [];
    try {
      // One GET first, so what is measured is the flood's effect, not a cold start's.
      expect((await fetchBytes(`${url}/api/feeds/yantian`, { timeoutMs: 10_000 })).status).toBe(200);
      for (let i = 0; i < 4; i++) flood.push(await pipelineUnread(url, head, 3000));

      // A polite client asks about once a second while the flood stays open; each GET must be
      // answered, 200 with the feed. Replies are not timed: a loaded machine is slow, not wrong (the
      // long timeout only stops a server that never answers from hanging the run).
      const polite: string[] = [];
      let asking = true;
      let peak = 0;
      let died = false;
      const sampling = (async () => {
        while (asking) {
          const rss = residentBytes(pid);
          if (rss === undefined) died = true;
          else peak = Math.max(peak, rss);
          await delay(200);
        }
      })();
      for (let i = 0; i < POLITE_GETS; i++) {
        const askedAt = Date.now();
        try {
          const reply = await fetchBytes(`${url}/api/feeds/yantian`, { timeoutMs: 15_000 });
          polite.push(`${reply.status} ${reply.body.length > 0 ? 'with a body' : 'empty'}`);
        } catch (error) {
          polite.push(error instanceof Error ? error.message : String(error));
        }
        await delay(Math.max(0, askedAt + 1000 - Date.now()));
      }
      asking = false;
      await sampling;

      const exited = child!.exitCode !== null || child!.signalCode !== null;
      const summary = [
        `peak VmRSS ${Math.round(peak / MB)} MB`,
        `polite GETs: ${polite.join(' | ')}`,
        ...(exited ? [`exited (${child!.exitCode ?? child!.signalCode}): ${lastWords(output)}`] : []),
      ].join('; ');
      expect(died || exited, summary).toBe(false);
      expect(peak, summary).toBeLessThan(256 * MB);
      expect(polite, summary).toEqual(Array(POLITE_GETS).fill('200 with a body'));
    } finally {
      for (const socket of flood) socket.destroy();
    }
  });
});

describe('anonymous write floods', { timeout: 20_000 }, () => {
  const limits = { writesPerMinute: 5, refusedWritesPerMinute: 20, trustProxy: [] };
  const body = { indicators: [{ id: INDICATOR, value: 1 }] };

  const expectProblem = (reply: Reply, statuses: number[]): void => {
    expect(statuses, reply.text).toContain(reply.status);
    expect(reply.headers['content-type']).toBe(PROBLEM_JSON);
    if (reply.status === 429) expect(String(reply.headers['retry-after'])).toMatch(/^[1-9]\d*$/);
  };

  it('refuses a tokenless flood with 401 then 429, and still lets the token holder write', async () => {
    await withServer(limits, async (server) => {
      const replies: Reply[] = [];
      for (let i = 0; i < 40; i++) {
        // X-Forwarded-For is not believed: no proxy is trusted, so each request is the same client.
        replies.push(
          await call(`${server.url}${IND}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `203.0.113.${i + 1}` },
            body: JSON.stringify(body),
          }),
        );
      }
      for (const reply of replies) expectProblem(reply, [401, 429]);
      expect.soft(replies.slice(0, 20).map((r) => r.status)).toEqual(Array(20).fill(401));
      expect.soft(replies.some((r) => r.status === 429)).toBe(true);

      const authorised = await post(server, IND, body);
      expect(authorised.status, authorised.text).toBe(200);
    });
  });

  it('counts wrong tokens against the refused budget, not the authorised one', async () => {
    await withServer(limits, async (server) => {
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++) {
        const reply = await post(server, IND, body, { token: 'nope' });
        expectProblem(reply, [401, 429]);
        statuses.push(reply.status);
      }
      // More wrong tokens than writesPerMinute, all still 401: they did not spend the write budget.
      expect(statuses.slice(0, 6)).toEqual(Array(6).fill(401));
      expect(statuses).toContain(429);
      const authorised = await post(server, IND, body);
      expect(authorised.status, authorised.text).toBe(200);
    });
  });

  it('limits authorised writes to writesPerMinute, apart from the refused budget', async () => {
    await withServer(limits, async (server) => {
      for (let i = 0; i < 5; i++) {
        const reply = await post(server, IND, { indicators: [{ id: INDICATOR, value: i }] });
        expect(reply.status, reply.text).toBe(200);
      }
      const sixth = await post(server, IND, body);
      expectProblem(sixth, [429]);
      // The spent write budget is the token holder's; a tokenless write is still just unauthorised.
      const anonymous = await post(server, IND, body, { token: null });
      expectProblem(anonymous, [401]);
    });
  });
});

describe('writes that try to exhaust the server', { timeout: 20_000 }, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ maxBodyBytes: 64 * 1024 });
  });
  afterAll(() => server.dispose());

  const nested = (depth: number, open: string, close: string, leaf = ''): string =>
    `{"indicators":[{"id":"${INDICATOR}","note":{"zh":${open.repeat(depth)}${leaf}${close.repeat(depth)},"en":""}}]}`;

  it.each([
    { name: '10,000 nested arrays', text: nested(10_000, '[', ']') },
    { name: '100 nested objects', text: nested(100, '{"a":', '}', '""') },
  ])('refuses $name with a 4xx about nesting, and writes nothing', async ({ text }) => {
    const before = dbDigest(server.dbPath);
    const reply = await post(server, IND, text, { raw: true });
    expect([400, 422], reply.text).toContain(reply.status);
    expect(reply.headers['content-type']).toBe(PROBLEM_JSON);
    const problem = reply.json() as { detail: string; problems?: { message: string }[] };
    const messages = [problem.detail, ...(problem.problems ?? []).map((p) => p.message)];
    expect(
      messages.some((m) => /nest|deep|depth/i.test(m)),
      JSON.stringify(messages),
    ).toBe(true);
    expect(dbDigest(server.dbPath)).toBe(before);
  });

  const upload = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };

  const expectTooLarge = (outcome: Awaited<ReturnType<typeof uploadLargeBody>>): void => {
    const { reply, error, sent } = outcome;
    expect(reply, `no reply (${error?.message ?? 'no error'}) after ${sent} bytes`).toBeDefined();
    expect(reply!.status).toBe(413);
    expect(reply!.headers['content-type']).toBe(PROBLEM_JSON);
  };

  it('answers a 50 MB body with a declared length with 413 (not a reset)', async () => {
    const outcome = await uploadLargeBody(`${server.url}${IND}`, {
      headers: { ...upload, 'Content-Length': String(50 * MB) },
      totalBytes: 50 * MB,
      chunkBytes: MB,
      timeoutMs: 15_000,
    });
    expectTooLarge(outcome);
  });

  it('answers a 5 MB chunked body with 413 (not a reset)', async () => {
    const outcome = await uploadLargeBody(`${server.url}${IND}`, {
      headers: { ...upload, 'Transfer-Encoding': 'chunked' },
      totalBytes: 5 * MB,
      chunkBytes: 64 * 1024,
      timeoutMs: 15_000,
    });
    expectTooLarge(outcome);
  });

  it('answers Expect: 100-continue with a too-large length by 413, never 100 Continue', async () => {
    const socket = await connectTo(server.url);
    try {
      socket.write(
        [
          `POST ${IND} HTTP/1.1`,
          `Host: 127.0.0.1:${server.port}`,
          `Authorization: Bearer ${TOKEN}`,
          'Content-Type: application/json',
          `Content-Length: ${50 * MB}`,
          'Expect: 100-continue',
          '',
          '',
        ].join('\r\n'),
      );
      const text = await readFromSocket(socket, 2000, (t) => /HTTP\/1\.1 (?!100)\d{3}/.test(t));
      expect(text).not.toContain('HTTP/1.1 100 Continue');
      expect(text.split('\r\n')[0]).toMatch(/^HTTP\/1\.1 413/);
    } finally {
      socket.destroy();
    }
  });
});

describe('conditional requests after same-second writes', { timeout: 20_000 }, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.dispose());

  it('answers If-Modified-Since with the new feed when a second write fell in the same second', async () => {
    const feed = `${server.url}/api/feeds/meisha`;
    const write = async (value: number) => {
      const reply = await post(server, '/api/feeds/meisha/indicators', {
        indicators: [{ id: INDICATOR, value }],
      });
      expect(reply.status, reply.text).toBe(200);
    };
    // Two writes whose feeds carry the same Last-Modified: retried when they straddle a second. (A
    // server may also make the second one's differ; the answer asked for below is the same then.)
    let first: Reply | undefined;
    let second: Reply | undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      await write(100 + 2 * attempt);
      first = await call(feed);
      await write(101 + 2 * attempt);
      second = await call(feed);
      if (first.headers['last-modified'] === second.headers['last-modified']) break;
    }
    const since = String(first!.headers['last-modified']);
    expect(second!.text).not.toBe(first!.text);

    const reply = await call(feed, { headers: { 'If-Modified-Since': since } });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe(second!.text);
  });

  it('lets If-None-Match decide whatever If-Modified-Since says', async () => {
    const feed = `${server.url}/api/feeds/meisha`;
    const current = await call(feed);
    const etag = String(current.headers.etag);
    const matching = await call(feed, {
      headers: { 'If-None-Match': etag, 'If-Modified-Since': 'Sat, 01 Jan 2000 00:00:00 GMT' },
    });
    expect(matching.status).toBe(304);
    const stale = await call(feed, {
      headers: { 'If-None-Match': '"not-it"', 'If-Modified-Since': 'Fri, 01 Jan 2100 00:00:00 GMT' },
    });
    expect(stale.status).toBe(200);
    expect(stale.text).toBe(current.text);
  });
});

describe('headers on every answer', { timeout: 20_000 }, () => {
  let server: TestServer;
  let workspace: string;
  /** A JavaScript bundle big enough to be worth compressing. */
  const bundle = Array.from({ length: 200 }, (_, i) => `export const widget${i} = ${i};`).join('\n');

  /** A fake workspace: the all-in-one bundle and a Storybook. */
  beforeAll(async () => {
    workspace = fakeWorkspace({
      'packages/embed/dist/safety-widgets.js': bundle,
      'storybook-static/index.html': '<!doctype html><title>docs</title>',
    });
    server = await startTestServer({ workspaceRoot: workspace });
  });
  afterAll(async () => {
    await server?.dispose();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('allows any origin to read the 404s under /api/', async () => {
    const withoutCors: string[] = [];
    for (const path of ['/api/nothing', '/api/feeds/atlantis/nothing', '/api/feeds/atlantis']) {
      const reply = await call(`${server.url}${path}`, { headers: { Origin: 'https://news.example' } });
      expect(reply.status, path).toBe(404);
      if (reply.headers['access-control-allow-origin'] !== '*') withoutCors.push(path);
    }
    expect(withoutCors).toEqual([]);
  });

  it('sends X-Content-Type-Options: nosniff on every route', async () => {
    const feed = `${server.url}/api/feeds/yantian`;
    const etag = String((await call(feed)).headers.etag);
    const routes: [string, () => Promise<{ status: number; headers: Reply['headers'] }>][] = [
      ['GET /api/feeds', () => call(`${server.url}/api/feeds`)],
      ['GET /api/feeds/yantian', () => call(feed)],
      ['GET /api/feeds/yantian (304)', () => call(feed, { headers: { 'If-None-Match': etag } })],
      ['GET /api/schema/feed-v1.json', () => call(`${server.url}/api/schema/feed-v1.json`)],
      ['GET /api/nothing (404)', () => call(`${server.url}/api/nothing`)],
      ['PUT /api/feeds/yantian (405)', () => call(feed, { method: 'PUT' })],
      [
        'OPTIONS /api/feeds/yantian',
        () =>
          call(feed, {
            method: 'OPTIONS',
            headers: { Origin: 'https://news.example', 'Access-Control-Request-Method': 'GET' },
          }),
      ],
      ['POST without a token (401)', () => post(server, IND, { indicators: [] }, { token: null })],
      [
        'GET /api/feeds/yantian/stream',
        () => fetchHeaders(`${feed}/stream`, { headers: { Accept: 'text/event-stream' } }),
      ],
      ['GET /', () => call(`${server.url}/`)],
      ['GET /cdn/safety-widgets.js', () => call(`${server.url}/cdn/safety-widgets.js`)],
      ['GET /docs/', () => call(`${server.url}/docs/`)],
      ['GET /favicon.ico', () => call(`${server.url}/favicon.ico`)],
      ['GET /streets/meisha (301)', () => call(`${server.url}/streets/meisha`)],
      ['GET /no-such-page (404)', () => call(`${server.url}/no-such-page`)],
    ];
    const missing: string[] = [];
    for (const [name, ask] of routes) {
      const { status, headers } = await ask();
      if (headers['x-content-type-options'] !== 'nosniff') missing.push(`${name} → ${status}`);
    }
    expect(missing).toEqual([]);
  });

  it('compresses the feed with brotli or gzip when asked, and only then', async () => {
    const feed = `${server.url}/api/feeds/yantian`;
    const identity = await fetchBytes(feed);
    expect(identity.status).toBe(200);
    expect(identity.headers['content-encoding']).toBeUndefined();

    for (const [encoding, decompress] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const reply = await fetchBytes(feed, { headers: { 'Accept-Encoding': encoding } });
      expect(reply.status).toBe(200);
      expect(reply.headers['content-encoding'], encoding).toBe(encoding);
      expect(String(reply.headers.vary), encoding).toMatch(/accept-encoding/i);
      expect(reply.body.length, encoding).toBeLessThan(identity.body.length * 0.15);
      expect(decompress(reply.body).equals(identity.body), encoding).toBe(true);
    }
  });

  it('compresses the feed index and the /cdn/ bundles with brotli', async () => {
    expect(Buffer.byteLength(bundle)).toBeGreaterThan(1024);
    for (const path of ['/api/feeds', '/cdn/safety-widgets.js']) {
      const identity = await fetchBytes(`${server.url}${path}`);
      const reply = await fetchBytes(`${server.url}${path}`, { headers: { 'Accept-Encoding': 'br' } });
      expect(reply.status, path).toBe(200);
      expect(reply.headers['content-encoding'], path).toBe('br');
      expect(brotliDecompressSync(reply.body).equals(identity.body), path).toBe(true);
    }
  });
});
