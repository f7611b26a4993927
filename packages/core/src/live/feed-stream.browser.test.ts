/**
 * The live stream (links.stream, Server-Sent Events) against the real test feed server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { scenarioUrl, serverStats, uniqueKey } from '../../test/server/client.js';
import { FeedSource, type FeedSourceOptions } from './feed-source.js';
import type { FeedState } from './types.js';

const sources: FeedSource[] = [];
const POLL = { timeout: 20_000, interval: 25 };

function open(url: string, options: FeedSourceOptions = {}): { source: FeedSource; states: FeedState[] } {
  const source = new FeedSource(url, options);
  const states: FeedState[] = [];
  source.subscribe((state) => states.push(state));
  sources.push(source);
  source.start();
  return { source, states };
}

/** A path (with query) on the test server, for the `stream` parameter of /feed/ok. */
function path(pathname: string, params: Record<string, string | number>): string {
  const url = new URL(scenarioUrl(pathname, params));
  return url.pathname + url.search;
}

/** The test feed naming a live stream, both counted under `key` on the server. */
function feedWithStream(key: string): string {
  return scenarioUrl('/feed/ok', { key, stream: path('/stream/events', { key, total: 3 }) });
}

/** The browser's EventSource, noting the URL of every connection made with it. */
function countingEventSource(): { EventSource: typeof EventSource; urls: string[] } {
  const urls: string[] = [];
  class CountingEventSource extends EventSource {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      urls.push(String(url));
    }
  }
  return { EventSource: CountingEventSource, urls };
}

afterEach(() => {
  for (const source of sources.splice(0)) source.dispose();
});

describe('FeedSource live stream', () => {
  it('applies `feed` events and resumes after Last-Event-ID when the server drops the connection', async () => {
    const key = uniqueKey('sse');
    const stream = path('/stream/events', { key, total: 6, closeAfter: 2, intervalMs: 30 });
    const { source, states } = open(scenarioUrl('/feed/ok', { key, stream }));
    await expect.poll(() => source.state.feed?.indicators[0]?.value, POLL).toBe(6);
    expect(source.state.mode).toBe('stream');
    expect(source.state.status).toBe('ready');

    // Every event exactly once, in order, after the initial HTTP load (fixture value 225).
    const seen: number[] = [];
    let last: unknown;
    for (const state of states) {
      if (state.feed && state.feed !== last) seen.push(state.feed.indicators[0]!.value!);
      last = state.feed;
    }
    expect(seen).toEqual([225, 1, 2, 3, 4, 5, 6]);

    const stats = await serverStats(key);
    expect(stats.streams.map((c) => c.lastEventId)).toEqual([null, '2', '4']);
    expect(stats.streams.map((c) => c.sent)).toEqual([
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
    // The browser's own reconnections need no refetch: one HTTP request in all.
    expect(stats.requests).toBe(1);
  });

  it('refetches conditionally on `changed` pings', async () => {
    const key = uniqueKey('changed');
    const stream = path('/stream/changed', { key, count: 3, intervalMs: 250 });
    const { source } = open(scenarioUrl('/feed/versioned', { key, stream }));
    await expect.poll(() => source.state.feed?.indicators[0]?.value, POLL).toBe(3);
    expect(source.state.mode).toBe('stream');
    const stats = await serverStats(key);
    expect(stats.requests).toBeGreaterThanOrEqual(4);
    expect(stats.conditional).toBeGreaterThanOrEqual(3);
    expect(stats.streams).toHaveLength(1);
  });

  it('falls back to polling when the stream fails (HTTP 500) and retries the stream later', async () => {
    const key = uniqueKey('sse-500');
    const streamKey = `${key}-stream`;
    const stream = path('/stream/status/500', { key: streamKey });
    const { source } = open(scenarioUrl('/feed/ok', { key, stream }), {
      streamRetryBaseMs: 150,
      retryMaxMs: 400,
    });
    await expect.poll(() => source.state.note ?? '', POLL).toContain('live stream');
    expect(source.state.note).toContain('polling instead');
    expect(source.state.mode).toBe('poll');
    expect(source.state.status).toBe('ready');
    // The stream is tried again (with backoff), and each fallback catches up with a conditional request.
    await expect
      .poll(async () => (await serverStats(streamKey)).streams.length, POLL)
      .toBeGreaterThanOrEqual(3);
    const stats = await serverStats(key);
    expect(stats.requests).toBeGreaterThanOrEqual(2);
    expect(stats.conditional).toBe(stats.requests - 1);
  });

  it('does not open a stream when told not to', async () => {
    // A source decides on the stream as it applies a loaded feed, before it reports it: once
    // ready, one allowed to stream has created its EventSource…
    const allowed = countingEventSource();
    const control = open(feedWithStream(uniqueKey('stream-allowed')), { EventSource: allowed.EventSource });
    await expect.poll(() => control.source.state.status, POLL).toBe('ready');
    expect(allowed.urls).toHaveLength(1);
    control.source.dispose();
    // …so one told not to has created none by then, and polls.
    const refused = countingEventSource();
    const { source } = open(feedWithStream(uniqueKey('no-stream')), {
      stream: false,
      EventSource: refused.EventSource,
    });
    await expect.poll(() => source.state.status, POLL).toBe('ready');
    expect(refused.urls).toEqual([]);
    expect(source.state.mode).toBe('poll');
  });

  it('closes the stream on dispose', async () => {
    const key = uniqueKey('sse-dispose');
    const stream = path('/stream/events', { key, total: 1 });
    const { source } = open(scenarioUrl('/feed/ok', { key, stream }));
    await expect.poll(() => source.state.mode, POLL).toBe('stream');
    source.dispose();
    // The server sees the stream connection end (its response is closed before finishing).
    await expect.poll(async () => (await serverStats(key)).aborted, POLL).toBeGreaterThanOrEqual(1);
  });
});
