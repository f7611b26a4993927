/**
 * Test helpers: a real server on 127.0.0.1 (random port, temp database), HTTP calls, a small
 * Server-Sent Events client, and a digest of the database to prove a rejected write changed nothing.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { DEFAULTS, type ServerConfig } from '../src/config.js';
import { startFeedServer, type FeedServer } from '../src/server.js';

export const TOKEN = 'test-token-5a0c9e';

export interface TestServer extends FeedServer {
  dbPath: string;
  dir: string;
  config: ServerConfig;
  /** Closes the server and deletes its folder. */
  dispose(): Promise<void>;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'feed-server-test-'));
}

/** A fake workspace in a new temp folder holding `files` (path → text); returns its path. */
export function fakeWorkspace(files: Record<string, string>): string {
  const root = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

export async function startTestServer(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  const dir = overrides.dbPath ? '' : tempDir();
  const config: ServerConfig = {
    ...DEFAULTS,
    port: 0,
    dbPath: join(dir, 'feeds.db'),
    token: TOKEN,
    log: false,
    heartbeatMs: 60_000,
    writesPerMinute: 100_000,
    streamsPerClient: 1000,
    ...overrides,
  };
  const server = await startFeedServer(config);
  return {
    ...server,
    dbPath: config.dbPath,
    dir,
    config,
    dispose: async () => {
      await server.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `run` against a server started with `overrides`, disposed of however `run` ends. */
export async function withServer(
  overrides: Partial<ServerConfig>,
  run: (server: TestServer) => Promise<void>,
): Promise<void> {
  const server = await startTestServer(overrides);
  try {
    await run(server);
  } finally {
    await server.dispose();
  }
}

export interface Reply {
  status: number;
  headers: IncomingMessage['headers'];
  /** The answer's bytes as they came (no decompression). */
  body: Buffer;
  text: string;
  json: () => unknown;
}

/** One HTTP request with node:http (no connection reuse, so servers close promptly); bytes as they came. */
export function call(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text,
            json: () => JSON.parse(text),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** POSTs JSON (or other text) with the test token unless `token` says otherwise. */
export function post(
  server: { url: string },
  path: string,
  body: unknown,
  options: { token?: string | null; type?: string; raw?: boolean; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {
    'Content-Type': options.type ?? 'application/json',
    ...options.headers,
  };
  const token = options.token === undefined ? TOKEN : options.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const text = Buffer.isBuffer(body)
    ? body
    : options.raw || typeof body === 'string'
      ? String(body)
      : JSON.stringify(body);
  return call(`${server.url}${path}`, { method: 'POST', headers, body: text });
}

const DIGEST_ROWS: Record<string, string> = {
  // The base document is changed only by replaceSeries; its length stands in for it.
  feeds: "id || '|' || version || '|' || as_of || '|' || updated_at || '|' || length(base)",
  indicators: "feed_id || '|' || id || '|' || position || '|' || doc",
  events: "feed_id || '|' || id || '|' || seq || '|' || doc",
  changes: "id || '|' || feed_id || '|' || data",
};

/** A digest of every table, read through a second connection (what another process would see). */
export function dbDigest(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const hash = createHash('sha256');
    for (const [table, row] of Object.entries(DIGEST_ROWS)) {
      const { joined } = db
        .prepare(
          `SELECT group_concat(r, char(30)) AS joined FROM (SELECT ${row} AS r FROM ${table} ORDER BY 1)`,
        )
        .get() as { joined: string | null };
      hash.update(`${table}:${joined ?? ''}`);
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

/** The same digest of a PostgreSQL database. */
export async function postgresDigest(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const hash = createHash('sha256');
    for (const [table, row] of Object.entries(DIGEST_ROWS)) {
      const { rows } = await client.query<{ joined: string | null }>(
        `SELECT string_agg(r, chr(30) ORDER BY r COLLATE "C") AS joined FROM (SELECT ${row} AS r FROM ${table}) t`,
      );
      hash.update(`${table}:${rows[0]?.joined ?? ''}`);
    }
    return hash.digest('hex');
  } finally {
    await client.end();
  }
}

/** The digest of a test server's database, whichever kind it is. */
export function storeDigest(server: TestServer): Promise<string> {
  const url = server.config.databaseUrl;
  return url ? postgresDigest(url) : Promise.resolve(dbDigest(server.dbPath));
}

export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

/** A minimal EventSource for tests: records events and comments, no automatic reconnection. */
export class SseClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  status = 0;
  /** True once the server ended the response (or the connection failed). */
  ended = false;
  contentType = '';
  body = '';
  private buffer = '';
  private req: ReturnType<typeof request> | undefined;
  private waiters: (() => void)[] = [];
  readonly opened: Promise<void>;

  constructor(url: string, lastEventId?: string) {
    this.opened = new Promise((resolve, reject) => {
      this.req = request(
        url,
        {
          headers: { Accept: 'text/event-stream', ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
          agent: false,
        },
        (res) => {
          this.status = res.statusCode ?? 0;
          this.contentType = String(res.headers['content-type'] ?? '');
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => this.feed(chunk));
          res.on('end', () => {
            this.ended = true;
            this.notify();
          });
          res.on('close', () => {
            this.ended = true;
            this.notify();
          });
          resolve();
        },
      );
      this.req.on('error', (error) => {
        this.ended = true;
        reject(error);
        this.notify();
      });
      this.req.end();
    });
  }

  private feed(chunk: string): void {
    if (this.status !== 200) this.body += chunk;
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) !== -1) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const event: SseEvent = { event: 'message', data: '' };
      const data: string[] = [];
      let any = false;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          this.comments.push(line.slice(1).trim());
          continue;
        }
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') event.id = value;
        else if (field === 'event') event.event = value;
        else if (field === 'data') data.push(value);
        else continue;
        any = true;
      }
      if (any) {
        event.data = data.join('\n');
        this.events.push(event);
      }
    }
    this.notify();
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Resolves when `check` is true (checked after each chunk); rejects after `timeoutMs`. */
  async until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; events: ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The changed events received so far. */
  changes(): { id: string; data: { id: number; feed: string; version: number; ids: string[] } }[] {
    return this.events
      .filter((e) => e.event === 'changed')
      .map((e) => ({
        id: e.id ?? '',
        data: JSON.parse(e.data) as { id: number; feed: string; version: number; ids: string[] },
      }));
  }

  close(): void {
    this.req?.destroy();
  }
}

/** Waits until `check` passes (polling, no fixed sleeps in the tests themselves). */
export async function waitUntil(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** An indicator id of the sample district with a numeric value. */
export const INDICATOR = 'fraud-alerts';
