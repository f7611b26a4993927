/**
 * Fairness and client identity: pipelined requests answered one at a time and in order, a
 * connection that stops reading closed once too many requests wait behind it, connection caps
 * per client, and X-Forwarded-For believed from the trusted proxies only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INDICATOR,
  SseClient,
  call,
  post,
  startTestServer,
  withServer,
  waitUntil,
  type TestServer,
} from './helpers.js';
import { connectTo, pipelineUnread, readFromSocket } from './raw-http.js';

const body = { indicators: [{ id: INDICATOR, value: 1 }] };

describe('pipelining', { timeout: 20_000 }, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ maxPipelined: 4 });
  });
  afterAll(() => server.dispose());

  it('answers pipelined requests in order, each whole', async () => {
    const socket = await connectTo(server.url);
    try {
      const paths = ['/api/feeds', '/api/feeds/meisha', '/api/nothing', '/api/feeds/haishan'];
      socket.write(paths.map((p) => `GET ${p} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`).join(''));
      const text = await readFromSocket(
        socket,
        10_000,
        (t) => t.includes('"id":"haishan"') && t.endsWith('}'),
      );
      const statuses = [...text.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));
      expect(statuses).toEqual([200, 200, 404, 200]);
      expect(text.indexOf('"id":"meisha"')).toBeLessThan(text.indexOf('No API at /api/nothing'));
    } finally {
      socket.destroy();
    }
  });

  it('closes a connection that stops reading once more requests wait than allowed', async () => {
    const socket = await pipelineUnread(
      server.url,
      'GET /api/feeds/yantian HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
      50,
    );
    try {
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.resume();
      socket.on('data', () => socket.pause());
      await Promise.race([
        closed,
        new Promise((_, reject) => setTimeout(() => reject(new Error('still open after 10 s')), 10_000)),
      ]);
      // …and everyone else is still served.
      expect((await call(`${server.url}/api/feeds`)).status).toBe(200);
    } finally {
      socket.destroy();
    }
  });
});

describe('connection caps', { timeout: 20_000 }, () => {
  it('answers a connection past the per-client cap with a 429 problem and closes it', async () => {
    await withServer({ connectionsPerClient: 3 }, async (server) => {
      const held = await Promise.all([1, 2, 3].map(() => connectTo(server.url)));
      try {
        await waitUntil(() => held.every((s) => s.readyState === 'open'), 'three connections');
        const extra = await connectTo(server.url);
        const text = await readFromSocket(extra, 5000);
        extra.destroy();
        expect(text).toMatch(/^HTTP\/1\.1 429 /);
        expect(text).toContain('application/problem+json');
        expect(text).toContain('already has 3 open connections');
        // Once one closes, a new connection is welcome again.
        held[0]!.destroy();
        const deadline = Date.now() + 5000;
        let status = 0;
        while (status !== 200 && Date.now() < deadline)
          status = (await call(`${server.url}/api/feeds`)).status;
        expect(status).toBe(200);
      } finally {
        for (const s of held) s.destroy();
      }
    });
  });
});

describe('trusted proxies', { timeout: 20_000 }, () => {
  const from = (address: string) => ({ 'X-Forwarded-For': address });
  const writeFrom = (server: TestServer, address: string) =>
    post(server, '/api/feeds/haishan/indicators', body, { headers: from(address) });

  it('tells clients apart by X-Forwarded-For only behind a trusted proxy', async () => {
    await withServer(
      { trustProxy: ['127.0.0.1'], writesPerMinute: 2, connectionsPerClient: 2 },
      async (server) => {
        const write = (address: string) => writeFrom(server, address);
        expect([(await write('203.0.113.1')).status, (await write('203.0.113.1')).status]).toEqual([
          200, 200,
        ]);
        expect((await write('203.0.113.1')).status).toBe(429);
        // Another visitor behind the same proxy has a budget of its own.
        expect((await write('203.0.113.2')).status).toBe(200);
        // The proxy itself is not held to the per-client connection cap.
        const held = await Promise.all([1, 2, 3, 4].map(() => connectTo(server.url)));
        try {
          expect((await call(`${server.url}/api/feeds`)).status).toBe(200);
        } finally {
          for (const s of held) s.destroy();
        }
      },
    );
  });

  it('ignores X-Forwarded-For from anyone else', async () => {
    await withServer({ writesPerMinute: 2, streamsPerClient: 1 }, async (server) => {
      for (const address of ['203.0.113.1', '203.0.113.2'])
        expect((await writeFrom(server, address)).status).toBe(200);
      expect((await post(server, '/api/feeds/haishan/indicators', body)).status).toBe(429);
      // One stream per client: a forged address does not buy a second.
      const first = new SseClient(`${server.url}/api/feeds/meisha/stream`);
      try {
        await first.until(() => first.events.length > 0, 'ready');
        const second = await call(`${server.url}/api/feeds/meisha/stream`, { headers: from('198.51.100.7') });
        expect(second.status).toBe(429);
      } finally {
        first.close();
      }
    });
  });
});
