/** The public read side: feed with validators and CORS, conditional requests, index, schema, errors. */
import { parseFeedText } from '@safety-widgets/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR, call, post, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

describe('GET /api/feeds/:id', () => {
  it('serves the feed, valid for core, with validators, caching and CORS headers', async () => {
    const reply = await call(`${server.url}/api/feeds/yantian`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.headers.etag).toMatch(/^"[\w-]{10,}"$/);
    expect(Date.parse(String(reply.headers['last-modified']))).not.toBeNaN();
    expect(reply.headers['cache-control']).toContain('no-cache');
    expect(reply.headers['access-control-allow-origin']).toBe('*');
    expect(reply.headers['access-control-expose-headers']).toContain('ETag');
    const result = parseFeedText(reply.text);
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([]);
    expect(result.feed!.id).toBe('yantian');
    expect(result.feed!.links).toEqual({
      self: `${server.url}/api/feeds/yantian`,
      stream: `${server.url}/api/feeds/yantian/stream`,
      schema: `${server.url}/api/schema/feed-v1.json`,
    });
  });

  it('answers 304 to a matching If-None-Match, 200 to a stale one, and a new ETag after a write', async () => {
    const first = await call(`${server.url}/api/feeds/haishan`);
    const etag = String(first.headers.etag);
    const again = await call(`${server.url}/api/feeds/haishan`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.etag).toBe(etag);
    const listed = await call(`${server.url}/api/feeds/haishan`, {
      headers: { 'If-None-Match': `"other", W/${etag}` },
    });
    expect(listed.status).toBe(304);
    const stale = await call(`${server.url}/api/feeds/haishan`, { headers: { 'If-None-Match': '"not-it"' } });
    expect(stale.status).toBe(200);
    expect(stale.text).toBe(first.text);

    expect(
      (await post(server, '/api/feeds/haishan/indicators', { indicators: [{ id: INDICATOR, value: 3 }] }))
        .status,
    ).toBe(200);
    const after = await call(`${server.url}/api/feeds/haishan`, { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    const feed = parseFeedText(after.text).feed!;
    expect(feed.indicators.find((i) => i.id === INDICATOR)!.value).toBe(3);
    expect(Date.parse(feed.asOf)).toBeGreaterThan(Date.parse('2020-01-01T00:00:00Z'));
  });

  it('answers 304 to If-Modified-Since at or after Last-Modified when there is no If-None-Match', async () => {
    const first = await call(`${server.url}/api/feeds/meisha`);
    const since = String(first.headers['last-modified']);
    const reply = await call(`${server.url}/api/feeds/meisha`, { headers: { 'If-Modified-Since': since } });
    expect(reply.status).toBe(304);
    const older = await call(`${server.url}/api/feeds/meisha`, {
      headers: { 'If-Modified-Since': 'Sat, 01 Jan 2000 00:00:00 GMT' },
    });
    expect(older.status).toBe(200);
  });

  it('answers HEAD with the headers and no body', async () => {
    const reply = await call(`${server.url}/api/feeds/meisha`, { method: 'HEAD' });
    expect(reply.status).toBe(200);
    expect(Number(reply.headers['content-length'])).toBeGreaterThan(1000);
    expect(reply.text).toBe('');
  });

  it('answers an unknown feed with a 404 problem', async () => {
    const reply = await call(`${server.url}/api/feeds/atlantis`);
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toContain('application/problem+json');
    expect((reply.json() as { detail: string }).detail).toContain('no feed "atlantis"');
  });

  it('answers the CORS preflight of a conditional cross-origin request', async () => {
    const reply = await call(`${server.url}/api/feeds/yantian`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://news.example', 'Access-Control-Request-Headers': 'if-none-match' },
    });
    expect(reply.status).toBe(204);
    expect(reply.headers['access-control-allow-headers']).toContain('If-None-Match');
    expect(reply.headers['access-control-allow-headers']).toContain('Last-Event-ID');
    expect(reply.headers['access-control-allow-methods']).not.toContain('POST');
  });
});

describe('index and schema', () => {
  it('lists one feed per district and sub-district with their URLs', async () => {
    const reply = await call(`${server.url}/api/feeds`);
    expect(reply.status).toBe(200);
    const index = reply.json() as { feeds: { id: string; kind: string; url: string; stream: string }[] };
    expect(index.feeds.map((f) => f.id)).toEqual([
      'yantian',
      'shatoujiao',
      'haishan',
      'yantian-subdistrict',
      'meisha',
    ]);
    expect(index.feeds.filter((f) => f.kind === 'subdistrict')).toHaveLength(4);
    expect(index.feeds[0]!.stream).toBe(`${server.url}/api/feeds/yantian/stream`);
  });

  it('serves the JSON Schema the feeds link to', async () => {
    const reply = await call(`${server.url}/api/schema/feed-v1.json`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/schema+json');
    expect(reply.json()).toHaveProperty('$schema');
  });
});

describe('probes', () => {
  it('answers /healthz and /readyz, uncached; /readyz names the database and the fan-out', async () => {
    const health = await call(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await call(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.headers['cache-control']).toBe('no-store');
    expect(ready.json()).toEqual({ status: 'ready', database: 'sqlite', listening: true });
  });
});
