/**
 * Answers to what a review tried as a hostile client: invented Host headers, malformed stream
 * resumes, bodies sent where none is wanted, requests Node cannot route or parse, unusual
 * Accept-Encoding spellings and `Expect` headers. Each gets a bounded, specific answer.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR, SseClient, call, startTestServer, withServer, type TestServer } from './helpers.js';
import { connectTo, fetchBytes, readFromSocket } from './raw-http.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

/** Sends `text` on a fresh connection and reads the answer for up to `ms`. */
async function raw(text: string, ms = 3000): Promise<string> {
  const socket = await connectTo(server.url);
  try {
    socket.write(text);
    return await readFromSocket(socket, ms, (t) => /\r\n\r\n[\s\S]*\}$/.test(t) || /^HTTP\/1\.1 100/.test(t));
  } finally {
    socket.destroy();
  }
}

describe('origins', () => {
  it('writes an invented Host into no feed: links name this server', async () => {
    for (const host of ['evil.example', 'h1.example:4000', '127.0.0.1.nip.io']) {
      const reply = await call(`${server.url}/api/feeds/meisha`, { headers: { Host: host } });
      expect(reply.status).toBe(200);
      expect((reply.json() as { links: { self: string } }).links.self).toBe(`${server.url}/api/feeds/meisha`);
    }
    const local = await call(`${server.url}/api/feeds/meisha`, {
      headers: { Host: `localhost:${server.port}` },
    });
    expect((local.json() as { links: { self: string } }).links.self).toBe(
      `http://localhost:${server.port}/api/feeds/meisha`,
    );
  });
});

describe('streams', () => {
  it('opens a stream whose lastEventId is given twice (ignoring it) without losing a stream slot', async () => {
    await withServer({ streamsPerClient: 1 }, async (one) => {
      const odd = new SseClient(`${one.url}/api/feeds/meisha/stream?lastEventId=1&lastEventId=2`);
      await odd.until(() => odd.events.length > 0, 'the first event');
      expect(odd.status).toBe(200);
      odd.close();
      const next = new SseClient(`${one.url}/api/feeds/meisha/stream`);
      try {
        await next.until(() => next.events.length > 0, 'ready on the next stream');
        expect(next.status).toBe(200);
      } finally {
        next.close();
      }
    });
  });
});

describe('bodies nobody asked for', () => {
  it('answers 405 to a write method on a read URL without reading its body, however it is encoded', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024));
    for (const body of ['{{{', bomb]) {
      const reply = await call(`${server.url}/api/feeds`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
        body,
      });
      expect(reply.status).toBe(405);
      expect(reply.headers.allow).toBe('GET, HEAD, OPTIONS');
    }
  });

  it('refuses a compressed write body with 415 and says to send it uncompressed; nothing is inflated', async () => {
    const reply = await call(`${server.url}/api/feeds/yantian/indicators`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
        Authorization: 'Bearer test-token-5a0c9e',
      },
      body: gzipSync(JSON.stringify({ indicators: [{ id: INDICATOR, value: 1 }] })),
    });
    expect(reply.status).toBe(415);
    expect(reply.headers['accept-encoding']).toBe('identity');
    expect((reply.json() as { detail: string }).detail).toContain('Send the body uncompressed');
  });
});

describe('requests the router or Node cannot take', () => {
  it('answers a path that is not a URL with a 404 problem, never a 500', async () => {
    const text = await raw('GET //x:99999/api/feeds/%20 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 404 /);
    expect(text).toContain('application/problem+json');
  });

  it('answers an expectation it cannot meet with a 417 problem', async () => {
    const text = await raw(
      'POST /api/feeds/yantian/events HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: teapot\r\nContent-Length: 2\r\n\r\n',
    );
    expect(text).toMatch(/^HTTP\/1\.1 417 /);
    expect(text).toMatch(/x-content-type-options: nosniff/i);
    expect(text).toContain('"status":417');
  });

  it('answers a request that is not HTTP with a 400 problem', async () => {
    const text = await raw('HELLO\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(text).toContain('application/problem+json');
  });

  it('sends 100 Continue only to a write that passed the token check', async () => {
    const head = (auth: string) =>
      `POST /api/feeds/yantian/indicators HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 10\r\nExpect: 100-continue\r\n${auth}\r\n`;
    const refused = await raw(head(''));
    expect(refused).toMatch(/^HTTP\/1\.1 401 /);
    const welcome = await raw(head('Authorization: Bearer test-token-5a0c9e\r\n'));
    expect(welcome).toMatch(/^HTTP\/1\.1 100 Continue/);
  });
});

describe('content codings', () => {
  it('reads codings case-insensitively and x-gzip as gzip, sending the cached body with its length', async () => {
    for (const accept of ['GZIP', 'x-gzip']) {
      const reply = await fetchBytes(`${server.url}/api/feeds/yantian`, {
        headers: { 'Accept-Encoding': accept },
      });
      expect(reply.headers['content-encoding'], accept).toBe('gzip');
      expect(Number(reply.headers['content-length'])).toBe(reply.body.length);
      expect(reply.headers.vary).toBe('Accept-Encoding');
    }
  });

  it('marks the tag of a compressed feed weak, and still answers 304 to it', async () => {
    const br = await fetchBytes(`${server.url}/api/feeds/yantian`, { headers: { 'Accept-Encoding': 'br' } });
    const etag = String(br.headers.etag);
    expect(etag).toMatch(/^W\/"[\w-]{10,}"$/);
    const again = await call(`${server.url}/api/feeds/yantian`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });
});
