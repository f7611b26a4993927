/**
 * FeedSource against the real test feed server (test/server/), in Chromium: HTTP behaviour,
 * failures and their messages, retries, ordering, staleness and online/offline.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { scenarioUrl, serverStats, uniqueKey } from '../../test/server/client.js';
import { FeedSource, type FeedSourceOptions } from './feed-source.js';
import type { FeedState } from './types.js';

const sources: FeedSource[] = [];
const POLL = { timeout: 15_000, interval: 20 };

/** A started source that records every state it publishes. */
function open(url: string, options: FeedSourceOptions = {}): { source: FeedSource; states: FeedState[] } {
  const source = new FeedSource(url, options);
  const states: FeedState[] = [];
  source.subscribe((state) => states.push(state));
  sources.push(source);
  source.start();
  return { source, states };
}

function setOnline(value: boolean): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => value });
}

afterEach(() => {
  for (const source of sources.splice(0)) source.dispose();
  delete (navigator as { onLine?: boolean }).onLine;
});

describe('FeedSource over HTTP', () => {
  it('loads a feed (200): ready, with the feed, its URL and one request', async () => {
    const key = uniqueKey('ok');
    const url = scenarioUrl('/feed/ok', { key });
    const { source, states } = open(url);
    expect(states[0]?.status).toBe('loading');
    await expect.poll(() => source.state.status, POLL).toBe('ready');
    expect(source.state.feed?.id).toBe('test-district');
    expect(source.state.url).toBe(url);
    expect(source.state.mode).toBe('poll');
    expect(source.state.error).toBeUndefined();
    expect(typeof source.state.receivedAt).toBe('number');
    expect(Object.isFrozen(source.state)).toBe(true);
    const stats = await serverStats(key);
    expect(stats.requests).toBe(1);
    expect(stats.conditional).toBe(0);
  });

  it('sends If-None-Match and keeps the snapshot object on 304', async () => {
    const key = uniqueKey('304');
    const { source } = open(scenarioUrl('/feed/ok', { key, lm: 1 }));
    await expect.poll(() => source.state.status, POLL).toBe('ready');
    const first = source.state;
    source.refresh();
    await expect.poll(async () => (await serverStats(key)).notModified, POLL).toBe(1);
    // Let the 304 be processed: nothing changes, so the state object itself stays.
    await expect.poll(async () => (await serverStats(key)).completed, POLL).toBe(2);
    expect(source.state.feed).toBe(first.feed);
    expect(source.state.status).toBe('ready');
    const stats = await serverStats(key);
    expect(stats.requests).toBe(2);
    expect(stats.conditional).toBe(1);
    expect(stats.ifNoneMatch[0]).toBeNull();
    expect(stats.ifNoneMatch[1]).toMatch(/^"[0-9a-f]+"$/);
  });

  it('retries a failing server (500) with backoff and recovers', async () => {
    const key = uniqueKey('flaky');
    const { source, states } = open(scenarioUrl('/feed/flaky', { key, fail: 2 }), {
      retryBaseMs: 30,
      retryMaxMs: 200,
    });
    await expect.poll(() => source.state.status, POLL).toBe('ready');
    const errors = states.filter((s) => s.status === 'error');
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors[0]?.error).toMatchObject({ code: 'http', httpStatus: 500 });
    expect(errors[0]?.error?.message).toContain('HTTP 500');
    expect(errors[0]?.failures).toBe(1);
    expect(errors[0]?.retryAt).toBeTypeOf('number');
    expect(errors.at(-1)?.failures).toBe(2);
    expect(source.state.failures).toBe(0);
    expect(source.state.error).toBeUndefined();
    expect((await serverStats(key)).requests).toBe(3);
  });

  it('keeps the last good snapshot as stale when a refresh fails, then recovers', async () => {
    const key = uniqueKey('script');
    const { source } = open(scenarioUrl('/feed/script', { key, steps: '200,503,200' }), {
      retryBaseMs: 60_000, // the test drives the retry itself
    });
    await expect.poll(() => source.state.status, POLL).toBe('ready');
    const good = source.state.feed;
    source.refresh();
    await expect.poll(() => source.state.status, POLL).toBe('stale');
    expect(source.state.staleReason).toBe('refresh-failed');
    expect(source.state.feed).toBe(good);
    expect(source.state.error).toMatchObject({ code: 'http', httpStatus: 503 });
    source.refresh();
    await expect.poll(() => source.state.status, POLL).toBe('ready');
    expect(source.state.error).toBeUndefined();
  });

  it('shows loading while a slow server answers, then ready', async () => {
    const key = uniqueKey('slow');
    const { source, states } = open(scenarioUrl('/feed/slow', { key, ms: 600 }));
    expect(source.state.status).toBe('loading');
    await expect.poll(() => source.state.status, POLL).toBe('ready');
    expect(states.map((s) => s.status)).toEqual(['loading', 'ready']);
  });

  it('gives up on a request after timeoutMs (timeout)', async () => {
    const key = uniqueKey('timeout');
    const url = scenarioUrl('/feed/slow', { key, ms: 10_000 });
    const { source } = open(url, { timeoutMs: 300, retryBaseMs: 60_000 });
    await expect.poll(() => source.state.status, POLL).toBe('error');
    expect(source.state.error?.code).toBe('timeout');
    expect(source.state.error?.message).toContain(url);
    expect(source.state.error?.message).toContain('within 300 ms');
    // The abandoned request was really cut off.
    await expect.poll(async () => (await serverStats(key)).aborted, POLL).toBe(1);
  });

  it('reports malformed JSON (parse) with the parser position', async () => {
    const url = scenarioUrl('/feed/malformed', { key: uniqueKey('malformed') });
    const { source } = open(url, { retryBaseMs: 60_000 });
    await expect.poll(() => source.state.status, POLL).toBe('error');
    expect(source.state.error?.code).toBe('parse');
    expect(source.state.error?.message).toContain(`The feed at ${url} is not valid JSON`);
    expect(source.state.error?.message).toMatch(/line 1,? column \d+/);
    expect(source.state.error?.issues?.length).toBeGreaterThan(0);
  });

  it('reports an invalid feed with the paths of its first problems', async () => {
    const url = scenarioUrl('/feed/invalid', { key: uniqueKey('invalid') });
    const { source } = open(url, { retryBaseMs: 60_000 });
    await expect.poll(() => source.state.status, POLL).toBe('error');
    const error = source.state.error!;
    expect(error.code).toBe('invalid');
    expect(error.message).toContain(`The feed at ${url} is not a valid Safety Widgets feed: `);
    expect(error.message).toContain('place.name: is required but missing');
    expect(error.message).toMatch(/\(and \d+ more problems?\)$/);
    expect(error.issues?.some((i) => i.path === 'place.name' && i.severity === 'fatal')).toBe(true);
  });

  it('reports a connection dropped mid-body (network)', async () => {
    const url = scenarioUrl('/feed/drop', { key: uniqueKey('drop') });
    const { source } = open(url, { retryBaseMs: 60_000 });
    await expect.poll(() => source.state.status, POLL).toBe('error');
    expect(source.state.error?.code).toBe('network');
    expect(source.state.error?.message).toContain(url);
  });

  it('refuses a body over maxBytes, by Content-Length and while streaming (too-large)', async () => {
    const declared = open(scenarioUrl('/feed/huge', { key: uniqueKey('huge'), kb: 200 }), {
      maxBytes: 50_000,
      retryBaseMs: 60_000,
    });
    const chunked = open(scenarioUrl('/feed/huge', { key: uniqueKey('huge-chunked'), kb: 200, chunked: 1 }), {
      maxBytes: 50_000,
      retryBaseMs: 60_000,
    });
    for (const { source } of [declared, chunked]) {
      await expect.poll(() => source.state.status, POLL).toBe('error');
      expect(source.state.error?.code).toBe('too-large');
      expect(source.state.error?.message).toContain('limit');
    }
    // The same feed under the default cap loads.
    const fine = open(scenarioUrl('/feed/huge', { key: uniqueKey('huge-ok'), kb: 200 }));
    await expect.poll(() => fine.source.state.status, POLL).toBe('ready');
  });

  it('reports 404 as not-found, naming the URL', async () => {
    const url = scenarioUrl('/feed/nothing-here', { key: uniqueKey('404') });
    const { source } = open(url, { retryBaseMs: 60_000 });
    await expect.poll(() => source.state.status, POLL).toBe('error');
    expect(source.state.error).toMatchObject({ code: 'not-found', httpStatus: 404 });
    expect(source.state.error?.message).toContain(url);
  });

  it('reports an unreachable cross-origin server as network, suggesting CORS', async () => {
    const url = 'http://127.0.0.1:9/feed.json';
    const { source } = open(url, { retryBaseMs: 60_000 });
    await expect.poll(() => source.state.status, POLL).toBe('error');
    expect(source.state.error?.code).toBe('network');
    expect(source.state.error?.message).toContain(url);
    expect(source.state.error?.message).toContain('CORS');
  });

  it('reports a src that is not an http(s) URL as config, without a request', () => {
    const { source } = open('javascript:alert(1)');
    expect(source.state.status).toBe('error');
    expect(source.state.error?.code).toBe('config');
    expect(source.state.error?.message).toContain('javascript:');
  });
});

describe('FeedSource ordering', () => {
  it('aborts a superseded request: the newer answer wins', async () => {
    const key = uniqueKey('seq-abort');
    const { source } = open(
      scenarioUrl('/feed/sequence', {
        key,
        slowMs: 1500,
        old: '2017-12-04T08:00:00+08:00',
        new: '2017-12-04T09:00:00+08:00',
      }),
    );
    await expect.poll(async () => (await serverStats(key)).requests, POLL).toBe(1);
    source.refresh();
    await expect.poll(() => source.state.feed?.asOf, POLL).toBe('2017-12-04T09:00:00+08:00');
    await expect
      .poll(async () => (await serverStats(key)).log, POLL)
      .toContain('request 1 abandoned by the client');
    expect(source.state.feed?.indicators[0]?.value).toBe(2);
  });

  it('ignores an older response that arrives after a newer one', async () => {
    const key = uniqueKey('seq-late');
    // A fetch that cannot be aborted: the slow first answer really arrives, late. (no-store: Chrome's
    // HTTP cache would otherwise hold the second request to the same URL until the first is done.)
    const unabortable: typeof fetch = (input, init) =>
      fetch(input, { ...init, signal: null, cache: 'no-store' });
    const { source } = open(
      scenarioUrl('/feed/sequence', {
        key,
        slowMs: 1500,
        old: '2017-12-04T08:00:00+08:00',
        new: '2017-12-04T09:00:00+08:00',
      }),
      { fetch: unabortable },
    );
    await expect.poll(async () => (await serverStats(key)).requests, POLL).toBe(1);
    source.refresh();
    await expect.poll(() => source.state.feed?.asOf, POLL).toBe('2017-12-04T09:00:00+08:00');
    await expect.poll(() => source.state.note ?? '', POLL).toContain('earlier request');
    expect(source.state.feed?.asOf).toBe('2017-12-04T09:00:00+08:00');
    expect(source.state.feed?.indicators[0]?.value).toBe(2);
    expect((await serverStats(key)).log).toEqual(['request 2 answered (new)', 'request 1 answered (old)']);
  });

  it('ignores a feed whose asOf is older than the one shown, with a note', async () => {
    const key = uniqueKey('seq-asof');
    // Request 1 gets the newer asOf, request 2 (a lagging replica) an older one.
    const { source } = open(
      scenarioUrl('/feed/sequence', {
        key,
        slowMs: 0,
        old: '2017-12-04T10:00:00+08:00',
        new: '2017-12-04T07:00:00+08:00',
      }),
    );
    await expect.poll(() => source.state.status, POLL).not.toBe('loading');
    const shown = source.state.feed;
    expect(shown?.asOf).toBe('2017-12-04T10:00:00+08:00');
    source.refresh();
    await expect.poll(() => source.state.note ?? '', POLL).toContain('older than the one shown');
    expect(source.state.feed).toBe(shown);
    expect(source.state.note).toContain('2017-12-04T07:00:00+08:00');
  });
});

describe('FeedSource staleness and connectivity', () => {
  it('turns stale by age when asOf passes twice expectedUpdateSeconds (injected clock)', async () => {
    const asOf = '2020-01-01T00:00:00Z';
    let clock = Date.parse(asOf) + 10_000;
    // Every reading of the injected clock: the periodic check reads it to re-derive the status.
    const reads: number[] = [];
    const { source } = open(scenarioUrl('/feed/ok', { key: uniqueKey('age'), asOf, exp: 60 }), {
      now: () => (reads.push(clock), clock),
      staleCheckMs: 20,
    });
    await expect.poll(() => source.state.status, POLL).toBe('ready');
    clock = Date.parse(asOf) + 119_000;
    // Two checks have re-derived the status at 119 s (each reads the clock twice): still ready.
    await expect.poll(() => reads.filter((t) => t === clock).length, POLL).toBeGreaterThanOrEqual(4);
    expect(source.state.status).toBe('ready');
    clock = Date.parse(asOf) + 121_000;
    await expect.poll(() => source.state.status, POLL).toBe('stale');
    expect(source.state.staleReason).toBe('age');
    expect(source.state.error).toBeUndefined();
  });

  it('is stale at once when the loaded feed is already too old', async () => {
    const asOf = '2020-01-01T00:00:00Z';
    const { source } = open(scenarioUrl('/feed/ok', { key: uniqueKey('old'), asOf, exp: 60 }), {
      now: () => Date.parse(asOf) + 3_600_000,
    });
    await expect.poll(() => source.state.status, POLL).toBe('stale');
    expect(source.state.staleReason).toBe('age');
    expect(source.state.feed?.asOf).toBe(asOf);
  });

  it('goes offline keeping the snapshot, and refetches at once when back online', async () => {
    const key = uniqueKey('offline');
    const { source } = open(scenarioUrl('/feed/ok', { key }));
    await expect.poll(() => source.state.status, POLL).toBe('ready');
    const feed = source.state.feed;
    setOnline(false);
    window.dispatchEvent(new Event('offline'));
    expect(source.state.status).toBe('offline');
    expect(source.state.feed).toBe(feed);
    setOnline(true);
    window.dispatchEvent(new Event('online'));
    await expect.poll(async () => (await serverStats(key)).requests, POLL).toBe(2);
    await expect.poll(() => source.state.status, POLL).toBe('ready');
    expect((await serverStats(key)).conditional).toBe(1);
    expect(source.state.feed).toBe(feed);
  });

  it('makes no request while the browser starts offline', async () => {
    const key = uniqueKey('start-offline');
    setOnline(false);
    const { source } = open(scenarioUrl('/feed/ok', { key }));
    expect(source.state.status).toBe('offline');
    setOnline(true);
    window.dispatchEvent(new Event('online'));
    await expect.poll(() => source.state.status, POLL).toBe('ready');
    expect((await serverStats(key)).requests).toBe(1);
  });

  it('stops everything on dispose', async () => {
    const key = uniqueKey('dispose');
    const { source, states } = open(scenarioUrl('/feed/slow', { key, ms: 5_000 }));
    await expect.poll(async () => (await serverStats(key)).requests, POLL).toBe(1);
    source.dispose();
    await expect.poll(async () => (await serverStats(key)).aborted, POLL).toBe(1);
    expect(states.map((s) => s.status)).toEqual(['loading']);
    source.refresh();
    expect((await serverStats(key)).requests).toBe(1);
  });
});
