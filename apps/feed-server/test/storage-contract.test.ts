/**
 * The storage contract: one suite, run against a server on SQLite and on PostgreSQL, through the
 * public API. Reads, writes, validation failures writing nothing, version numbers, the change log
 * and its trimming, replay after Last-Event-ID, the CSV import, the events cap, the first-start
 * seed and a restart on the same database.
 */
import { parseFeedText } from '@safety-widgets/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerConfig } from '../src/config.js';
import { DATABASES } from './postgres/databases.js';
import {
  INDICATOR,
  SseClient,
  call,
  post,
  startTestServer,
  storeDigest,
  type TestServer,
} from './helpers.js';

const SAMPLE_FEEDS = ['yantian', 'shatoujiao', 'haishan', 'yantian-subdistrict', 'meisha'];

describe.each(DATABASES)('storage contract on $name', { timeout: 60_000 }, (database) => {
  let server: TestServer;
  let first: TestServer | undefined;
  let settings: Partial<ServerConfig>;
  const feed = async (id: string) => parseFeedText((await call(`${server.url}/api/feeds/${id}`)).text).feed!;
  const write = (id: string, indicators: unknown[]) =>
    post(server, `/api/feeds/${id}/indicators`, { indicators });

  beforeAll(async () => {
    // A small log and events cap, so trimming is reached in a few hundred writes.
    settings = { ...(await database.fresh()), changeLogSize: 150, maxEventsPerFeed: 40 };
    server = await startTestServer(settings);
  });
  afterAll(async () => {
    await server?.dispose();
    // The first server's folder (SQLite file), kept for the restart.
    if (first && first !== server) await first.dispose();
  });

  it('seeds the sample feeds on first start, every one at version 1 and valid', async () => {
    expect(server.repository.store.kind).toBe(database.name === 'SQLite' ? 'sqlite' : 'postgres');
    expect(server.seeded).toBe(SAMPLE_FEEDS.length);
    const index = (await call(`${server.url}/api/feeds`)).json() as {
      feeds: { id: string; kind: string; version: number; name: { en: string } }[];
    };
    expect(index.feeds).toHaveLength(server.seeded);
    expect(index.feeds[0]).toMatchObject({ id: 'yantian', kind: 'district', version: 1 });
    expect(index.feeds.map((f) => f.id)).toEqual(SAMPLE_FEEDS);
    expect(index.feeds.every((f) => f.version === 1)).toBe(true);
    const district = await feed('yantian');
    expect(district.place.name.en).toBe('Yantian District');
    expect(district.indicators.length).toBeGreaterThanOrEqual(56);
  });

  it('reads a feed with its validators, and answers 304 to them', async () => {
    const first = await call(`${server.url}/api/feeds/haishan`);
    expect(first.status).toBe(200);
    const again = await call(`${server.url}/api/feeds/haishan`, {
      headers: { 'If-None-Match': String(first.headers.etag) },
    });
    expect(again.status).toBe(304);
    expect((await call(`${server.url}/api/feeds/nowhere`)).status).toBe(404);
  });

  it('writes: each accepted write is one version and one change, served at once', async () => {
    const before = await feed('meisha');
    const versionBefore = (
      (await call(`${server.url}/api/feeds`)).json() as {
        feeds: { id: string; version: number }[];
      }
    ).feeds.find((f) => f.id === 'meisha')!.version;
    const latest = await server.repository.latestChangeId();
    const reply = await write('meisha', [{ id: INDICATOR, value: 41 }]);
    expect(reply.status).toBe(200);
    const ack = reply.json() as { version: number; changeId: number; asOf: string };
    expect(ack.version).toBe(versionBefore + 1);
    expect(ack.changeId).toBeGreaterThan(latest);
    expect(Date.parse(ack.asOf)).toBeGreaterThan(Date.parse(before.asOf));
    const after = await feed('meisha');
    expect(after.indicators.find((i) => i.id === INDICATOR)!.value).toBe(41);
    expect(after.asOf).toBe(ack.asOf);
  });

  it('refuses an invalid write with its problems and writes nothing at all', async () => {
    const digest = await storeDigest(server);
    const bad = await write('meisha', [
      { id: INDICATOR, value: 3 },
      { id: 'fires', value: 'many' },
    ]);
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.json())).toContain('indicators[1].value');
    const dupe = await post(server, '/api/feeds/meisha/events', {
      events: [
        { id: 'contract-1', category: 'fire', grid: 'meisha-g01', provenance: 'synthetic' },
        { id: 'contract-1', category: 'fire', grid: 'meisha-g01', provenance: 'synthetic' },
      ],
    });
    expect(dupe.status).toBe(422);
    const unknownGrid = await post(server, '/api/feeds/meisha/events', {
      events: [{ category: 'fire', grid: 'nowhere-g99', provenance: 'synthetic' }],
    });
    expect(unknownGrid.status).toBe(422);
    expect(await storeDigest(server)).toBe(digest);
  });

  it('adds events, refuses an id already there, and keeps only the newest maxEventsPerFeed', async () => {
    const event = (n: number) => ({
      id: `cap-${n}`,
      category: 'fire',
      grid: 'haishan-g01',
      provenance: 'synthetic',
    });
    const added = await post(server, '/api/feeds/haishan/events', {
      events: Array.from({ length: 50 }, (_, n) => event(n)),
    });
    expect(added.status).toBe(201);
    const again = await post(server, '/api/feeds/haishan/events', { events: [event(49)] });
    expect(again.status).toBe(422);
    expect(JSON.stringify(again.json())).toContain('already in feed');
    const { events } = await feed('haishan');
    expect(events).toHaveLength(40);
    expect(events.at(-1)!.id).toBe('cap-49');
    expect(events.some((e) => e.id === 'cap-9')).toBe(false);
    expect(events.some((e) => e.id === 'cap-10')).toBe(true);
  });

  it('imports CSV rows in one change, or none of them', async () => {
    const digest = await storeDigest(server);
    const broken = await post(
      server,
      '/api/feeds/shatoujiao/indicators.csv',
      `id,value\n${INDICATOR},9\nfires,1 000\n`,
      {
        type: 'text/csv',
      },
    );
    expect(broken.status).toBe(422);
    expect(await storeDigest(server)).toBe(digest);
    const ok = await post(
      server,
      '/api/feeds/shatoujiao/indicators.csv',
      `id,value\n${INDICATOR},9\nfires,null\n`,
      {
        type: 'text/csv',
      },
    );
    expect(ok.status, ok.text).toBe(200);
    const after = await feed('shatoujiao');
    expect(after.indicators.find((i) => i.id === INDICATOR)!.value).toBe(9);
    expect(after.indicators.find((i) => i.id === 'fires')!.value).toBeNull();
  });

  it('numbers versions without gaps under concurrent writes to one feed', async () => {
    const start = (await feed('yantian')).asOf;
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, n) => write('yantian', [{ id: INDICATOR, value: n }])),
    );
    expect(replies.every((r) => r.status === 200)).toBe(true);
    const acks = replies.map((r) => r.json() as { version: number; changeId: number; asOf: string });
    const versions = acks.map((a) => a.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 40 }, (_, n) => versions[0]! + n));
    expect(new Set(acks.map((a) => a.changeId)).size).toBe(40);
    // Change ids follow versions: the later version has the later change.
    const byVersion = [...acks].sort((a, b) => a.version - b.version);
    expect(byVersion.map((a) => a.changeId)).toEqual(
      [...byVersion.map((a) => a.changeId)].sort((a, b) => a - b),
    );
    expect(Date.parse(byVersion[0]!.asOf)).toBeGreaterThan(Date.parse(start));
  });

  it('replays the changes after a Last-Event-ID, and asks for a catch-up once they are trimmed', async () => {
    const from = await server.repository.latestChangeId();
    const acks: number[] = [];
    for (let n = 0; n < 5; n++) {
      const reply = await write('haishan', [{ id: INDICATOR, value: 100 + n }]);
      acks.push((reply.json() as { changeId: number }).changeId);
    }
    const replay = new SseClient(`${server.url}/api/feeds/haishan/stream`, String(from));
    await replay.until(() => replay.changes().length === 5, 'the five changes replayed');
    expect(replay.changes().map((c) => Number(c.id))).toEqual(acks);
    replay.close();

    // Past changeLogSize (150) more changes, trimmed every 100: `from` is no longer in the log.
    for (let n = 0; n < 260; n += 20) {
      await Promise.all(
        Array.from({ length: 20 }, (_, k) => write('meisha', [{ id: INDICATOR, value: n + k }])),
      );
    }
    const latest = await server.repository.latestChangeId();
    const late = new SseClient(`${server.url}/api/feeds/haishan/stream`, String(from));
    await late.until(() => late.events.length > 0, 'the catch-up event');
    expect(late.events[0]).toMatchObject({ event: 'changed', id: String(latest) });
    expect(JSON.parse(late.events[0]!.data)).toEqual({ feed: 'haishan', catchUp: true });
    late.close();

    // A recent id still replays exactly (nothing of haishan since: an empty replay).
    const recent = new SseClient(`${server.url}/api/feeds/meisha/stream`, String(latest - 3));
    await recent.until(() => recent.changes().length === 3, 'the last three changes');
    expect(recent.changes().map((c) => Number(c.id))).toEqual([latest - 2, latest - 1, latest]);
    recent.close();
  });

  it('replaces a base document (series) as one change, and refuses an invalid one writing nothing', async () => {
    const before = await feed('meisha');
    const series = structuredClone(before.series) as { category: string; counts: (number | null)[] }[];
    series[0]!.counts[0] = 4242;
    const outcome = await server.repository.replaceSeries('meisha', series);
    expect(outcome.ok).toBe(true);
    const after = await feed('meisha');
    expect((after.series as typeof series)[0]!.counts[0]).toBe(4242);
    expect(Date.parse(after.asOf)).toBeGreaterThan(Date.parse(before.asOf));
    const digest = await storeDigest(server);
    series[0]!.counts[0] = -1;
    const refused = await server.repository.replaceSeries('meisha', series);
    expect(refused.ok).toBe(false);
    expect(await storeDigest(server)).toBe(digest);
  });

  it('keeps everything across a restart on the same database, and seeds nothing the second time', async () => {
    const digest = await storeDigest(server);
    const latest = await server.repository.latestChangeId();
    const { dbPath } = server;
    await server.close();
    first = server;
    server = await startTestServer({ ...settings, dbPath });
    expect(server.seeded).toBe(0);
    expect(await storeDigest(server)).toBe(digest);
    expect(await server.repository.latestChangeId()).toBe(latest);
    const reply = await write('meisha', [{ id: INDICATOR, value: 1 }]);
    expect((reply.json() as { changeId: number }).changeId).toBeGreaterThan(latest);
  });
});
