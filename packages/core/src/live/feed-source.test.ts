/**
 * FeedSource logic with a scripted fetch and EventSource and fake timers (Node): retry timing,
 * the stream's fallback and reconnection rules, ordering between the stream and requests, the
 * registry and static sources. The same behaviours run against a real server in the browser tests.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeFeed } from '../../test/fixtures/feed.js';
import { loadDiagnosis } from '../feed/check.js';
import { FeedSource, type FeedSourceOptions } from './feed-source.js';
import { acquireFeedSource, activeFeedSources, effectiveInterval } from './registry.js';
import { StaticFeedSource } from './static-source.js';

const URL_A = 'https://feeds.example.org/a.json';
const STREAM = 'https://feeds.example.org/a/stream';

interface Call {
  url: string;
  init: RequestInit;
  resolve: (response: Response) => void;
  reject: (error: unknown) => void;
}

/** A fetch whose answers the test gives, one call at a time; aborts reject like the real one. */
function scriptedFetch() {
  const calls: Call[] = [];
  const fn = ((input: RequestInfo | URL, init: RequestInit = {}) =>
    new Promise<Response>((resolve, reject) => {
      calls.push({ url: String(input), init, resolve, reject });
      init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    })) as typeof fetch;
  return { fn, calls };
}

function feedResponse(
  mutate: (f: ReturnType<typeof makeFeed>) => void = () => undefined,
  etag = '"v1"',
): Response {
  const feed = makeFeed();
  mutate(feed);
  return new Response(JSON.stringify(feed), {
    status: 200,
    headers: { 'Content-Type': 'application/json', ETag: etag },
  });
}

class FakeEventSource extends EventTarget {
  static instances: FakeEventSource[] = [];
  readyState = 0;
  constructor(readonly url: string) {
    super();
    FakeEventSource.instances.push(this);
  }
  close(): void {
    this.readyState = 2;
  }
  open(): void {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
  }
  send(type: string, data: string): void {
    this.dispatchEvent(new MessageEvent(type, { data }));
  }
  fail(closed: boolean): void {
    this.readyState = closed ? 2 : 0;
    this.dispatchEvent(new Event('error'));
  }
}

const sources: FeedSource[] = [];
function make(options: FeedSourceOptions): FeedSource {
  const source = new FeedSource(URL_A, { random: () => 0.5, ...options });
  sources.push(source);
  source.start();
  return source;
}

/** Lets promise chains (fetch, body reading) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await vi.advanceTimersByTimeAsync(0);
}

// The detailed validator is a lazily imported module: load it before the clock is faked.
beforeAll(async () => {
  await loadDiagnosis();
});

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2017-12-04T09:00:10+08:00') });
  FakeEventSource.instances = [];
});

afterEach(() => {
  for (const source of sources.splice(0)) source.dispose();
  vi.useRealTimers();
});

describe('FeedSource retries', () => {
  it('backs off exponentially with the injected random, and resets after a success', async () => {
    const { fn, calls } = scriptedFetch();
    const source = make({ fetch: fn, retryBaseMs: 1000, retryMaxMs: 3000 });
    const delays: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      expect(calls).toHaveLength(attempt + 1);
      calls[attempt]!.reject(new TypeError('Failed to fetch'));
      await settle();
      expect(source.state.status).toBe('error');
      expect(source.state.error?.code).toBe('network');
      expect(source.state.failures).toBe(attempt + 1);
      const delay = source.state.retryAt! - Date.now();
      delays.push(delay);
      await vi.advanceTimersByTimeAsync(delay);
    }
    expect(delays).toEqual([500, 1000, 1500, 1500]);
    calls[4]!.resolve(feedResponse());
    await settle();
    expect(source.state.status).toBe('ready');
    expect(source.state.failures).toBe(0);
    expect(source.state.retryAt).toBeUndefined();
  });

  it('polls at half expectedUpdateSeconds after a success, conditionally', async () => {
    const { fn, calls } = scriptedFetch();
    make({ fetch: fn, jitter: 0 });
    calls[0]!.resolve(feedResponse((f) => (f.expectedUpdateSeconds = 120)));
    await settle();
    await vi.advanceTimersByTimeAsync(59_000);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(2);
    expect(new Headers(calls[1]!.init.headers).get('If-None-Match')).toBe('"v1"');
  });
});

describe('FeedSource validation warnings', () => {
  it('carries dropped items in issues and dropped, and stays ready', async () => {
    const { fn, calls } = scriptedFetch();
    const source = make({ fetch: fn });
    calls[0]!.resolve(
      feedResponse((f) => {
        (f.indicators as Record<string, unknown>[])[1]!.value = '98%';
      }),
    );
    await settle();
    expect(source.state.status).toBe('ready');
    expect(source.state.dropped).toEqual({ indicators: 1 });
    expect(
      source.state.issues.some((i) => i.severity === 'warning' && i.path.startsWith('indicators[1]')),
    ).toBe(true);
    expect(source.state.feed?.indicators).toHaveLength(3);
  });
});

describe('FeedSource stream', () => {
  async function streaming(options: FeedSourceOptions = {}) {
    const { fn, calls } = scriptedFetch();
    const source = make({
      fetch: fn,
      EventSource: FakeEventSource as unknown as typeof EventSource,
      streamRetryBaseMs: 1000,
      ...options,
    });
    calls[0]!.resolve(feedResponse((f) => (f.links = { stream: STREAM })));
    await settle();
    const es = FakeEventSource.instances[0]!;
    expect(es.url).toBe(STREAM);
    es.open();
    expect(source.state.mode).toBe('stream');
    return { source, calls, es };
  }

  it('stops polling while the stream is open', async () => {
    const { calls } = await streaming({ intervalSeconds: 5 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
  });

  it('a `feed` message wins over a request in flight', async () => {
    const { source, calls, es } = await streaming();
    es.send('changed', '{}');
    expect(calls).toHaveLength(2);
    es.send(
      'feed',
      JSON.stringify({ ...makeFeed(), asOf: '2017-12-04T09:05:00+08:00', links: { stream: STREAM } }),
    );
    expect(source.state.feed?.asOf).toBe('2017-12-04T09:05:00+08:00');
    // The request was aborted as superseded: no error, nothing applied.
    calls[1]!.resolve(feedResponse());
    await settle();
    expect(source.state.feed?.asOf).toBe('2017-12-04T09:05:00+08:00');
    expect(source.state.error).toBeUndefined();
    expect(source.state.status).toBe('ready');
  });

  it('an invalid `feed` message is an error that keeps the snapshot and is retried over HTTP', async () => {
    const { source, calls, es } = await streaming({ retryBaseMs: 1000 });
    const good = source.state.feed;
    es.send('feed', '{"format": "safety-feed"}');
    // The detailed validator (a lazily loaded module) says what is wrong: a few microtasks later.
    await settle();
    expect(source.state.status).toBe('stale');
    expect(source.state.error?.code).toBe('invalid');
    expect(source.state.error?.message).toContain(`A "feed" message of the live stream ${STREAM}`);
    expect(source.state.feed).toBe(good);
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toHaveLength(2);
  });

  it('lets the browser reconnect, but falls back after repeated errors without a message', async () => {
    const { source, calls, es } = await streaming();
    es.fail(false);
    es.open();
    es.send('changed', '');
    calls[1]!.resolve(new Response(null, { status: 304 }));
    await settle();
    es.fail(false);
    es.fail(false);
    expect(source.state.mode).toBe('stream');
    expect(FakeEventSource.instances).toHaveLength(1);
    es.fail(false);
    expect(es.readyState).toBe(2);
    expect(source.state.mode).toBe('poll');
    expect(source.state.note).toContain('keeps disconnecting');
  });

  it('on CLOSED falls back to polling at once, retries the stream later and catches up when it opens', async () => {
    const { source, calls, es } = await streaming({ jitter: 0, intervalSeconds: 60 });
    es.fail(true);
    expect(source.state.mode).toBe('poll');
    expect(source.state.note).toContain('failed or was refused');
    // Catch-up request at once, conditional.
    expect(calls).toHaveLength(2);
    expect(new Headers(calls[1]!.init.headers).get('If-None-Match')).toBe('"v1"');
    calls[1]!.resolve(new Response(null, { status: 304 }));
    await settle();
    expect(source.state.status).toBe('ready');
    // streamRetryBaseMs 1000 + full jitter of 1000 × 0.5.
    await vi.advanceTimersByTimeAsync(1_499);
    expect(FakeEventSource.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeEventSource.instances).toHaveLength(2);
    FakeEventSource.instances[1]!.open();
    expect(source.state.mode).toBe('stream');
    expect(source.state.note).toBeUndefined();
    expect(calls).toHaveLength(3);
  });
});

describe('acquireFeedSource', () => {
  it('shares one started source per URL and disposes it after the last release', async () => {
    const { fn, calls } = scriptedFetch();
    const a = acquireFeedSource(URL_A, { fetch: fn });
    const b = acquireFeedSource(URL_A, { fetch: fn });
    expect(b.source).toBe(a.source);
    expect(calls).toHaveLength(1);
    expect(activeFeedSources().get(URL_A)).toBe(2);
    a.release();
    a.release();
    expect(activeFeedSources().get(URL_A)).toBe(1);
    b.release();
    // A quick re-acquire (an element moved in the DOM) keeps the source.
    const c = acquireFeedSource(URL_A, { fetch: fn });
    await Promise.resolve();
    expect(c.source).toBe(a.source);
    expect(c.source.disposed).toBe(false);
    c.release();
    await Promise.resolve();
    expect(c.source.disposed).toBe(true);
    expect(activeFeedSources().has(URL_A)).toBe(false);
  });

  it('polls at the shortest interval its users ask for', async () => {
    expect(effectiveInterval([undefined, 60, 10])).toBe(10);
    expect(effectiveInterval([0, 30])).toBe(30);
    expect(effectiveInterval([0, undefined])).toBe(0);
    expect(effectiveInterval([undefined, Number.NaN])).toBeUndefined();

    const { fn, calls } = scriptedFetch();
    const slow = acquireFeedSource(URL_A, { fetch: fn, intervalSeconds: 60, random: () => 0.5 });
    calls[0]!.resolve(feedResponse());
    await settle();
    const fast = acquireFeedSource(URL_A, { intervalSeconds: 10 });
    expect(slow.source.intervalSeconds).toBe(10);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(2);
    fast.release();
    expect(slow.source.intervalSeconds).toBe(60);
    calls[1]!.resolve(new Response(null, { status: 304 }));
    await settle();
    await vi.advanceTimersByTimeAsync(59_000);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(3);
    slow.release();
  });

  it('gives an invalid URL a source in a config error state', () => {
    const lease = acquireFeedSource('not a url');
    expect(lease.source.state.status).toBe('error');
    expect(lease.source.state.error?.code).toBe('config');
    lease.release();
  });
});

describe('StaticFeedSource', () => {
  it('validates objects and JSON text into ready, empty or error', async () => {
    expect(new StaticFeedSource(makeFeed()).state).toMatchObject({ status: 'ready', mode: 'static' });
    expect(new StaticFeedSource(JSON.stringify(makeFeed())).state.status).toBe('ready');
    const empty = makeFeed();
    Object.assign(empty, { indicators: [], grids: undefined, layers: [], series: [], events: [] });
    expect(new StaticFeedSource(empty).state.status).toBe('empty');
    const bad = new StaticFeedSource({ format: 'safety-feed' }, { label: 'the data property of <x-w>' });
    // Valid feeds are accepted at once; a rejected one waits for the detailed validator's verdict.
    expect(bad.state.status).toBe('loading');
    await settle();
    expect(bad.state.status).toBe('error');
    expect(bad.state.error?.code).toBe('invalid');
    expect(bad.state.error?.message).toMatch(
      /^The feed set as the data property of <x-w> is not a valid Safety Widgets feed: /,
    );
    const seen: string[] = [];
    bad.subscribe((s) => seen.push(s.status));
    expect(seen).toEqual(['error']);
  });
});
