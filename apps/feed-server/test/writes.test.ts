/** The write side: authorisation, accepted writes, concurrent writers, the per-client rate limit. */
import { parseFeedText } from '@safety-widgets/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INDICATOR,
  SseClient,
  TOKEN,
  call,
  dbDigest,
  post,
  startTestServer,
  type TestServer,
} from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

const body = { indicators: [{ id: INDICATOR, value: 5 }] };

describe('authorisation', () => {
  it.each([
    {
      name: 'no Authorization header',
      token: null,
      status: 401,
      detail: 'Send the write token as "Authorization: Bearer <token>"',
    },
    {
      name: 'a wrong token',
      token: 'guess',
      status: 401,
      detail: 'not the one this server was configured with',
    },
    { name: 'the token with one more character', token: `${TOKEN}x`, status: 401, detail: 'not the one' },
    { name: 'a token prefix', token: TOKEN.slice(0, -1), status: 401, detail: 'not the one' },
  ])('refuses $name with $status and writes nothing', async ({ token, status, detail }) => {
    const before = await server.repository.latestChangeId();
    const reply = await post(server, '/api/feeds/yantian/indicators', body, { token });
    expect(reply.status).toBe(status);
    expect(reply.headers['www-authenticate']).toMatch(/^Bearer /);
    expect(reply.headers['content-type']).toContain('application/problem+json');
    expect((reply.json() as { detail: string }).detail).toContain(detail);
    // Every committed write adds a change row in its transaction: none was added.
    expect(await server.repository.latestChangeId()).toBe(before);
  });

  it('refuses a header that is not a bearer token', async () => {
    const reply = await call(`${server.url}/api/feeds/yantian/indicators`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Basic ${Buffer.from(`a:${TOKEN}`).toString('base64')}`,
      },
      body: JSON.stringify(body),
    });
    expect(reply.status).toBe(401);
    expect((reply.json() as { detail: string }).detail).toContain('not "Bearer <token>"');
  });

  it('refuses every write with 403 when no token is configured', async () => {
    const open = await startTestServer({ token: undefined });
    try {
      const before = dbDigest(open.dbPath);
      for (const token of [null, TOKEN, '']) {
        const reply = await post(open, '/api/feeds/yantian/indicators', body, { token });
        expect(reply.status).toBe(403);
        expect((reply.json() as { detail: string }).detail).toContain('SAFETY_FEED_TOKEN');
      }
      expect(dbDigest(open.dbPath)).toBe(before);
    } finally {
      await open.dispose();
    }
  });
});

describe('accepted writes', () => {
  it('updates an indicator, stamps updatedAt, and serves it', async () => {
    const reply = await post(server, '/api/feeds/yantian/indicators', {
      indicators: [{ id: INDICATOR, value: 7 }],
    });
    expect(reply.status).toBe(200);
    const ack = reply.json() as { version: number; changeId: number; indicators: string[] };
    expect(ack.indicators).toEqual([INDICATOR]);
    const feed = parseFeedText((await call(`${server.url}/api/feeds/yantian`)).text).feed!;
    const indicator = feed.indicators.find((i) => i.id === INDICATOR)!;
    expect(indicator.value).toBe(7);
    expect(Date.parse(indicator.updatedAt!)).toBeGreaterThan(Date.now() - 60_000);
    // Only the given field changed.
    expect(indicator.target).toBe(300);
  });

  it('adds an event with a generated id, and imports CSV rows in one change', async () => {
    const added = await post(server, '/api/feeds/meisha/events', {
      events: [
        {
          category: 'fire',
          grid: 'meisha-g01',
          provenance: 'synthetic',
          title: { zh: '', en: 'Kitchen fire, no injuries' },
        },
      ],
    });
    expect(added.status).toBe(201);
    const [id] = (added.json() as { events: string[] }).events;
    const csv = await post(
      server,
      '/api/feeds/meisha/indicators.csv',
      `\uFEFFid,value,target\r\n${INDICATOR},12,10\r\nfires,null,\r\n`,
      {
        type: 'text/csv; charset=utf-8',
      },
    );
    expect(csv.status, csv.text).toBe(200);
    const feed = parseFeedText((await call(`${server.url}/api/feeds/meisha`)).text).feed!;
    expect(feed.events.at(-1)).toMatchObject({
      id,
      category: 'fire',
      title: { en: 'Kitchen fire, no injuries' },
    });
    expect(feed.indicators.find((i) => i.id === INDICATOR)).toMatchObject({ value: 12, target: 10 });
    expect(feed.indicators.find((i) => i.id === 'fires')!.value).toBeNull();
  });
});

describe('concurrent writers', () => {
  it('serialises 24 simultaneous writes: all acknowledged, none lost, one change id each, all streamed', async () => {
    const stream = new SseClient(`${server.url}/api/feeds/shatoujiao/stream`);
    await stream.until(() => stream.events.length > 0, 'ready');
    const feedBefore = parseFeedText((await call(`${server.url}/api/feeds/shatoujiao`)).text).feed!;
    const ids = feedBefore.indicators
      .filter((i) => i.value !== null)
      .slice(0, 12)
      .map((i) => i.id);
    const writes = [
      ...ids.map((id, n) =>
        post(server, '/api/feeds/shatoujiao/indicators', { indicators: [{ id, value: 1000 + n }] }),
      ),
      ...ids.map((_, n) =>
        post(server, '/api/feeds/shatoujiao/events', {
          events: [
            { id: `concurrent-${n}`, category: 'dispute', grid: 'shatoujiao-g01', provenance: 'synthetic' },
          ],
        }),
      ),
    ];
    const replies = await Promise.all(writes);
    expect(replies.map((r) => r.status).sort()).toEqual([...Array(12).fill(200), ...Array(12).fill(201)]);
    const acks = replies.map((r) => r.json() as { changeId: number; version: number });
    expect(new Set(acks.map((a) => a.changeId)).size).toBe(24);
    expect(new Set(acks.map((a) => a.version)).size).toBe(24);
    await stream.until(() => stream.changes().length === 24, 'all 24 changes on the stream');
    expect(stream.changes().map((c) => Number(c.id))).toEqual(
      acks.map((a) => a.changeId).sort((a, b) => a - b),
    );
    stream.close();

    const feed = parseFeedText((await call(`${server.url}/api/feeds/shatoujiao`)).text).feed!;
    ids.forEach((id, n) => expect(feed.indicators.find((i) => i.id === id)!.value).toBe(1000 + n));
    for (let n = 0; n < 12; n++) expect(feed.events.some((e) => e.id === `concurrent-${n}`)).toBe(true);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past the authorised write budget; a refused attempt does not spend it', async () => {
    const limited = await startTestServer({ writesPerMinute: 3 });
    try {
      for (let n = 0; n < 3; n++)
        expect((await post(limited, '/api/feeds/haishan/indicators', body)).status).toBe(200);
      const before = dbDigest(limited.dbPath);
      const reply = await post(limited, '/api/feeds/haishan/indicators', body);
      expect(reply.status).toBe(429);
      expect(Number(reply.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect((reply.json() as { detail: string }).detail).toContain('3 times a minute');
      // The token is checked first: a wrong one is refused as such, from its own budget.
      expect((await post(limited, '/api/feeds/haishan/indicators', body, { token: 'wrong' })).status).toBe(
        401,
      );
      expect(dbDigest(limited.dbPath)).toBe(before);
      // Reads are not limited.
      expect((await call(`${limited.url}/api/feeds/haishan`, { method: 'HEAD' })).status).toBe(200);
    } finally {
      await limited.dispose();
    }
  });
});
