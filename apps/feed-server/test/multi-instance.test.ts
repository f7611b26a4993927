/**
 * Three instances of the real server process on one PostgreSQL (loopback, its own throwaway
 * cluster): fan-out across instances, concurrent writers through all three, an instance killed
 * while clients stream, and PostgreSQL restarted under the instances.
 *
 * The instances are started exactly as the README's deployment section shows:
 *   DATABASE_URL=postgres://… SAFETY_FEED_TOKEN=… safety-feed-server --port 0 --no-site
 */
import { parseFeedText } from '@safety-widgets/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR, SseClient, TOKEN, call, type Reply } from './helpers.js';
import { startPostgres, type PostgresCluster } from './postgres/cluster.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

interface Instance extends ServerProcess {
  name: string;
}

let cluster: PostgresCluster;
let databaseUrl: string;
const instances: Instance[] = [];

/** Starts one instance; resolves once it prints its URL. */
async function startInstance(name: string): Promise<Instance> {
  const started = await startServerProcess(
    [
      '--no-site',
      // The test is one client on loopback writing hundreds of times a minute.
      '--writes-per-minute',
      '100000',
      '--connections-per-client',
      '1000',
      '--heartbeat-ms',
      '1000',
      // As behind a reverse proxy: one public origin, so every instance serves the same bytes.
      '--public-origin',
      'http://feeds.test',
    ],
    { ...process.env, DATABASE_URL: databaseUrl, SAFETY_FEED_TOKEN: TOKEN },
  );
  return { name, ...started };
}

/** POSTs an indicator value through `instance`. */
function write(instance: Instance, feed: string, value: number): Promise<Reply> {
  return call(`${instance.url}/api/feeds/${feed}/indicators`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ indicators: [{ id: INDICATOR, value }] }),
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually<T>(
  what: string,
  attempt: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * An EventSource-like reader: on any end of its stream it reconnects to the next instance still
 * in `pool` with the last id it saw as Last-Event-ID, and keeps every change it is sent.
 */
class FailoverReader {
  readonly changes: number[] = [];
  reconnections = 0;
  private lastId: string | undefined;
  private client: SseClient;
  private stopped = false;
  private readonly loop: Promise<void>;

  constructor(
    private readonly feed: string,
    private readonly pool: () => Instance[],
    first: Instance,
  ) {
    this.client = this.open(first);
    this.loop = this.watch();
  }

  get ready(): boolean {
    return this.lastId !== undefined;
  }

  stop(): Promise<void> {
    this.stopped = true;
    this.client.close();
    return this.loop;
  }

  private open(instance: Instance): SseClient {
    const client = new SseClient(`${instance.url}/api/feeds/${this.feed}/stream`, this.lastId);
    client.opened.catch(() => undefined);
    return client;
  }

  private async watch(): Promise<void> {
    let seen = 0;
    while (!this.stopped) {
      const events = this.client.events;
      for (; seen < events.length; seen++) {
        const event = events[seen]!;
        if (event.id !== undefined) this.lastId = event.id;
        if (event.event === 'changed') {
          const data = JSON.parse(event.data) as { catchUp?: boolean };
          if (data.catchUp) throw new Error('a reconnecting reader was told to catch up: changes were lost');
          this.changes.push(Number(event.id));
        }
      }
      if (this.client.ended && !this.stopped) {
        const others = this.pool();
        const next = others[this.reconnections % others.length]!;
        this.reconnections += 1;
        await sleep(50);
        this.client = this.open(next);
        seen = 0;
      }
      await sleep(20);
    }
  }
}

beforeAll(async () => {
  cluster = await startPostgres();
  databaseUrl = await cluster.createDatabase();
  // One after the other: the first migrates and seeds; the others find the database ready.
  for (const name of ['A', 'B', 'C']) instances.push(await startInstance(name));
}, 120_000);

afterAll(async () => {
  for (const { child } of instances) if (child.exitCode === null) child.kill('SIGKILL');
  await cluster?.dispose();
});

describe('three instances on one PostgreSQL', { timeout: 90_000 }, () => {
  it('serves the same seeded feeds from every instance, ready, with its database named', async () => {
    const [a, b, c] = instances;
    expect(a!.output()).toMatch(/database\s+PostgreSQL postgres:\/\/postgres:\*\*\*@127\.0\.0\.1/);
    expect(a!.output()).toContain('seeded 5 sample feeds');
    expect(b!.output()).not.toContain('seeded');
    for (const instance of [a!, b!, c!]) {
      expect((await call(`${instance.url}/healthz`)).status).toBe(200);
      const ready = await call(`${instance.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready', database: 'postgres', listening: true });
    }
    // The same bytes and validators everywhere: a client revalidating against another instance gets a 304.
    const etags = await Promise.all(
      [a!, b!, c!].map(async (i) => (await call(`${i.url}/api/feeds/yantian`)).headers.etag),
    );
    expect(new Set(etags).size).toBe(1);
    const revalidated = await call(`${c!.url}/api/feeds/yantian`, {
      headers: { 'If-None-Match': String(etags[0]) },
    });
    expect(revalidated.status).toBe(304);
  });

  it('delivers a change written through A to a stream on B within 1 s', async () => {
    const [a, b] = instances;
    const stream = new SseClient(`${b!.url}/api/feeds/yantian/stream`);
    await stream.until(() => stream.events.length > 0, 'ready on B');
    const sent = performance.now();
    const reply = await write(a!, 'yantian', 77);
    expect(reply.status).toBe(200);
    const { changeId } = reply.json() as { changeId: number };
    await stream.until(() => stream.changes().length > 0, 'the change on B');
    const took = performance.now() - sent;
    expect(stream.changes()[0]!.id).toBe(String(changeId));
    expect(took).toBeLessThan(1000);
    stream.close();
    // B serves the new version at once too.
    const feed = parseFeedText((await call(`${b!.url}/api/feeds/yantian`)).text).feed!;
    expect(feed.indicators.find((i) => i.id === INDICATOR)!.value).toBe(77);
  });

  it('takes 200 concurrent writes to one feed spread over the three: all succeed, versions without gaps, every stream sees each once in order', async () => {
    const streams = instances.map((i) => new SseClient(`${i.url}/api/feeds/haishan/stream`));
    for (const s of streams) await s.until(() => s.events.length > 0, 'ready');
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, n) => write(instances[n % 3]!, 'haishan', n)),
    );
    const failed = replies.filter((r) => r.status !== 200);
    expect(failed.map((r) => r.text)).toEqual([]);
    const acks = replies.map((r) => r.json() as { version: number; changeId: number });
    const versions = acks.map((a) => a.version).sort((x, y) => x - y);
    expect(versions).toEqual(Array.from({ length: 200 }, (_, n) => versions[0]! + n));
    const ids = acks.map((a) => a.changeId).sort((x, y) => x - y);
    expect(new Set(ids).size).toBe(200);
    for (const s of streams) {
      await s.until(() => s.changes().length >= 200, 'all 200 changes on every instance');
      expect(s.changes().map((c) => Number(c.id))).toEqual(ids);
      s.close();
    }
    const versionOf = async (i: Instance) =>
      ((await call(`${i.url}/api/feeds`)).json() as { feeds: { id: string; version: number }[] }).feeds.find(
        (f) => f.id === 'haishan',
      )!.version;
    expect(await Promise.all(instances.map(versionOf))).toEqual(Array(3).fill(versions.at(-1)));
  });

  it('loses and repeats nothing when an instance is killed with SIGKILL under streaming clients', async () => {
    const [a, b, c] = instances;
    const alive = () => [a!, b!, c!].filter((i) => i.child.exitCode === null && i.child.signalCode === null);
    const readers = Array.from(
      { length: 12 },
      () => new FailoverReader('meisha', () => alive().filter((i) => i !== c), c!),
    );
    await eventually('every reader connected to C', async () =>
      readers.every((r) => r.ready) ? true : undefined,
    );

    const acked: number[] = [];
    const writer = (async () => {
      for (let n = 0; n < 40; n++) {
        const reply = await write(n % 2 ? a! : b!, 'meisha', 500 + n);
        expect(reply.status).toBe(200);
        acked.push((reply.json() as { changeId: number }).changeId);
        await sleep(25);
      }
    })();
    await eventually('some changes delivered before the kill', async () =>
      readers.every((r) => r.changes.length >= 5) ? true : undefined,
    );
    c!.child.kill('SIGKILL');
    await writer;
    for (const reader of readers) {
      await eventually('every acknowledged change at every reader', async () =>
        reader.changes.length >= acked.length ? true : undefined,
      );
    }
    for (const reader of readers) {
      await reader.stop();
      expect(reader.reconnections).toBeGreaterThanOrEqual(1);
      expect(reader.changes).toEqual(acked);
    }
  });

  it('answers 503 while PostgreSQL is down, keeps what was acknowledged, and resumes fan-out by itself', async () => {
    const [a, b] = instances;
    const before = await write(a!, 'yantian-subdistrict', 1);
    expect(before.status).toBe(200);
    const acked = (before.json() as { version: number }).version;
    const stream = new SseClient(`${b!.url}/api/feeds/yantian-subdistrict/stream`);
    await stream.until(() => stream.events.length > 0, 'ready on B');

    await cluster.stop();
    const down = await write(a!, 'yantian-subdistrict', 2);
    expect(down.status).toBe(503);
    expect(down.headers['content-type']).toContain('application/problem+json');
    expect(down.headers['retry-after']).toBe('5');
    const problem = down.json() as { type: string; detail: string };
    expect(problem.type).toBe('urn:safety-widgets:problem:database-unavailable');
    expect(problem.detail).toContain('nothing was read or written');
    expect((await call(`${a!.url}/readyz`)).status).toBe(503);
    expect((await call(`${a!.url}/healthz`)).status).toBe(200);
    // The open stream stays open: heartbeats keep coming while the database is away.
    const beats = stream.comments.length;
    await eventually('a heartbeat on the open stream', async () =>
      stream.comments.length > beats ? true : undefined,
    );
    expect(stream.ended).toBe(false);

    await cluster.start();
    const after = await eventually('a write accepted again', async () => {
      const reply = await write(a!, 'yantian-subdistrict', 3);
      return reply.status === 200 ? reply : undefined;
    });
    const { version, changeId } = after.json() as { version: number; changeId: number };
    // The failed write made no version; the acknowledged one is still there.
    expect(version).toBe(acked + 1);
    await stream.until(() => stream.changes().some((c) => c.id === String(changeId)), 'fan-out resumed on B');
    await eventually('B ready again', async () =>
      (await call(`${b!.url}/readyz`)).status === 200 ? true : undefined,
    );
    const feed = parseFeedText((await call(`${b!.url}/api/feeds/yantian-subdistrict`)).text).feed!;
    expect(feed.indicators.find((i) => i.id === INDICATOR)!.value).toBe(3);
    stream.close();
  });
});
