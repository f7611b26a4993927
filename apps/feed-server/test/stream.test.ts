/** The Server-Sent Events stream: ids, push on write, resume after a drop, heartbeats, the stream cap. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR, SseClient, call, post, startTestServer, waitUntil, type TestServer } from './helpers.js';

let server: TestServer;
const clients: SseClient[] = [];
const open = (path: string, lastEventId?: string): SseClient => {
  const client = new SseClient(`${server.url}${path}`, lastEventId);
  clients.push(client);
  return client;
};

beforeAll(async () => {
  server = await startTestServer({ heartbeatMs: 100, streamsPerClient: 3 });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.dispose();
});

const setValue = (feed: string, value: number) =>
  post(server, `/api/feeds/${feed}/indicators`, { indicators: [{ id: INDICATOR, value }] });

describe('GET /api/feeds/:id/stream', () => {
  it('opens with a retry hint and a ready event carrying the latest change id', async () => {
    const stream = open('/api/feeds/yantian/stream');
    await stream.opened;
    expect(stream.status).toBe(200);
    expect(stream.contentType).toBe('text/event-stream; charset=utf-8');
    await stream.until(() => stream.events.length > 0, 'the ready event');
    expect(stream.events[0]).toMatchObject({
      event: 'ready',
      id: String(await server.repository.latestChangeId()),
    });
    stream.close();
  });

  it('pushes each accepted change to every open stream of its feed, in order, with increasing ids', async () => {
    const a = open('/api/feeds/shatoujiao/stream');
    const b = open('/api/feeds/shatoujiao/stream');
    const other = open('/api/feeds/meisha/stream');
    await Promise.all([a, b, other].map((s) => s.until(() => s.events.length > 0, 'ready')));
    const changeIdOf = async (feed: string, value: number) => {
      const reply = await setValue(feed, value);
      expect(reply.status).toBe(200);
      return String((reply.json() as { changeId: number }).changeId);
    };
    const first = await changeIdOf('shatoujiao', 11);
    const second = await changeIdOf('shatoujiao', 12);
    const meisha = await changeIdOf('meisha', 13);
    const third = await changeIdOf('shatoujiao', 14);
    expect(Number(second)).toBeGreaterThan(Number(first));
    expect(Number(third)).toBeGreaterThan(Number(meisha));
    expect(Number(meisha)).toBeGreaterThan(Number(second));

    // Each stream gets its own feed's changes, in order. A stream's events arrive in the order
    // they were sent, so once its last one is there, any change sent to it by mistake is there too.
    for (const [stream, name] of [
      [a, 'a'],
      [b, 'b'],
    ] as const) {
      await stream.until(() => stream.changes().some((c) => c.id === third), `the third change on ${name}`);
      expect(stream.changes().map((c) => c.id)).toEqual([first, second, third]);
      expect(stream.changes().map((c) => c.data)).toEqual(
        Array(3).fill(expect.objectContaining({ feed: 'shatoujiao', ids: [INDICATOR] })),
      );
    }
    await other.until(() => other.changes().some((c) => c.id === meisha), 'the change on meisha');
    expect(other.changes()).toEqual([
      { id: meisha, data: expect.objectContaining({ feed: 'meisha', ids: [INDICATOR] }) },
    ]);
    a.close();
    b.close();
    other.close();
  });

  it('replays the changes missed while disconnected after Last-Event-ID, in order, then goes on live', async () => {
    const first = open('/api/feeds/haishan/stream');
    await first.until(() => first.events.length > 0, 'ready');
    await setValue('haishan', 21);
    await first.until(() => first.changes().length === 1, 'the first change');
    const lastSeen = first.changes()[0]!.id;
    first.close(); // the connection drops

    const missed: number[] = [];
    for (const value of [22, 23, 24])
      missed.push(((await setValue('haishan', value)).json() as { changeId: number }).changeId);
    await setValue('meisha', 99); // another feed's change is not replayed here

    const resumed = open('/api/feeds/haishan/stream', lastSeen);
    await resumed.until(() => resumed.changes().length === 3, 'the three missed changes');
    expect(resumed.changes().map((c) => Number(c.id))).toEqual(missed);
    expect(resumed.events.some((e) => e.event === 'ready')).toBe(false);

    const live = ((await setValue('haishan', 25)).json() as { changeId: number }).changeId;
    await resumed.until(() => resumed.changes().length === 4, 'the live change after the replay');
    expect(Number(resumed.changes()[3]!.id)).toBe(live);
    resumed.close();
  });

  it('asks a client with an unknown Last-Event-ID to catch up with one changed event', async () => {
    for (const id of ['999999999', 'not-a-number']) {
      const stream = open('/api/feeds/haishan/stream', id);
      await stream.until(() => stream.events.length > 0, 'the catch-up event');
      expect(stream.events[0]).toMatchObject({
        event: 'changed',
        id: String(await server.repository.latestChangeId()),
      });
      expect(JSON.parse(stream.events[0]!.data)).toEqual({ feed: 'haishan', catchUp: true });
      stream.close();
    }
  });

  it('sends heartbeat comments while nothing changes', async () => {
    const stream = open('/api/feeds/meisha/stream');
    await stream.until(
      () => stream.comments.filter((c) => c.startsWith('heartbeat')).length >= 2,
      'two heartbeats',
    );
    stream.close();
  });

  it('refuses a stream past the per-client cap with a 429 problem, and accepts one again after a close', async () => {
    await waitUntil(() => server.hub.size === 0, 'earlier streams to close');
    const held = [
      open('/api/feeds/yantian/stream'),
      open('/api/feeds/yantian/stream'),
      open('/api/feeds/meisha/stream'),
    ];
    await Promise.all(held.map((s) => s.until(() => s.events.length > 0, 'ready')));
    const refused = open('/api/feeds/yantian/stream');
    await refused.opened;
    await refused.until(() => refused.body.length > 0, 'the problem body');
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body).detail).toContain('already has 3 open streams');
    held[0]!.close();
    await waitUntil(() => server.hub.size === 2, 'the closed stream to be released');
    const again = open('/api/feeds/yantian/stream');
    await again.until(() => again.events.length > 0, 'ready on the new stream');
    expect(again.status).toBe(200);
    for (const s of [...held, again]) s.close();
  });

  it('answers a stream of an unknown feed with a 404 problem', async () => {
    const reply = await call(`${server.url}/api/feeds/atlantis/stream`);
    expect(reply.status).toBe(404);
  });
});
