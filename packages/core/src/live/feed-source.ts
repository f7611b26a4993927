/**
 * FeedSource: loads one feed URL and keeps it current (conditional polling, or a Server-Sent
 * Events stream when the feed names one), and publishes an immutable FeedState on every change.
 *
 * It never throws to its caller or into the page: every failure becomes a FeedError in the state,
 * with a message that says what to do about it, and nothing is logged to the console.
 *
 * This class orchestrates (state, polling, backoff, online/offline, staleness, subscribers); one
 * conditional request is `fetchFeed()` (fetch-feed.ts), one stream connection a `FeedStream`
 * (feed-stream.ts).
 *
 * ## Live stream protocol (`links.stream`)
 *
 * When a feed has `links.stream` (an absolute http(s) URL), the source opens an `EventSource` on it
 * and stops polling while the stream is open. The server sends:
 *
 * - `event: feed` with `data:` the whole feed as JSON (one line, or split over several `data:`
 *   lines) and an `id:`: the feed is validated and replaces the snapshot (unless its `asOf` is
 *   older than the one shown).
 * - `event: changed` (or an unnamed message), any `data:` (ignored, e.g. `{"asOf":"…"}`): the feed
 *   changed; the source refetches the feed URL with a conditional request.
 * - comment lines (`: heartbeat`) every 15–30 s, so proxies keep the connection open.
 * - `retry:` optionally, to set the browser's reconnection delay.
 *
 * Each event should carry an `id:`; the browser sends it back as `Last-Event-ID` when it reconnects
 * by itself, and the server should then replay every event after that id (or send one `feed`
 * event with the current feed), so no change is missed. When the stream fails for good (an HTTP
 * error, a wrong Content-Type, or repeated drops), the source falls back to polling at once and
 * retries the stream later with backoff; a fresh stream connection triggers one conditional refetch
 * to catch up.
 *
 * Cross-origin streams and feeds need CORS: `Access-Control-Allow-Origin`, and for the conditional
 * requests an OPTIONS preflight answer allowing `If-None-Match`, `If-Modified-Since` (and
 * `Last-Event-ID` for the stream), with `Access-Control-Expose-Headers: ETag`.
 */
import type { DroppedCounts, Feed, ValidationIssue } from '../feed/types.js';
import { documentBase, resolveFeedUrl } from './errors.js';
import { beginTurn } from '../element/update-budget.js';
import { isPending } from '../feed/check.js';
import { fetchFeed, parseFeed, type FetchOutcome } from './fetch-feed.js';
import { notifyListener, type FeedListener, type FeedStore } from './feed-store.js';
import { FeedStream } from './feed-stream.js';
import { RequestSequence, isOlderAsOf } from './sequence.js';
import { deriveStatus, errorState, sameState, staleAt } from './status.js';
import { MAX_TIMEOUT_MS, backoffDelay, isNonNegative, pollDelay } from './timing.js';
import type { FeedError, FeedState } from './types.js';

export { notifyListener, type FeedListener, type FeedStore } from './feed-store.js';

/** Options of a FeedSource. Every one has a default; the timing ones exist mostly for tests. */
export interface FeedSourceOptions {
  /** Polling interval in seconds; `0` = never poll. Default: half the feed's `expectedUpdateSeconds`, clamped. */
  intervalSeconds?: number | null;
  /** Use the feed's `links.stream` (Server-Sent Events) when it has one. Default true. */
  stream?: boolean;
  /** Per-request timeout (ms). Default 15 000. */
  timeoutMs?: number;
  /** Largest accepted body (bytes). Default 20 MiB. */
  maxBytes?: number;
  /** First retry's delay ceiling after a failure (ms). Default 1 000. */
  retryBaseMs?: number;
  /** Largest retry delay (ms). Default 300 000 (5 min). */
  retryMaxMs?: number;
  /** Base delay before retrying a failed stream (ms). Default 10 000. */
  streamRetryBaseMs?: number;
  /** Transient stream errors in a row (without a message between them) before falling back to polling. Default 3. */
  streamErrorLimit?: number;
  /** Bounds of an interval derived from the feed (ms). Default 15 s .. 1 h. */
  minIntervalMs?: number;
  maxIntervalMs?: number;
  /** Relative polling jitter. Default 0.1 (±10 %). */
  jitter?: number;
  /** Longest time between two re-evaluations of staleness by age (ms). Default 60 000. */
  staleCheckMs?: number;
  /** Uniform random numbers in [0, 1) (jitter). Default Math.random. */
  random?: () => number;
  /** The clock (ms since epoch) used for staleness and `receivedAt`. Default Date.now. */
  now?: () => number;
  /** The fetch implementation. Default globalThis.fetch. */
  fetch?: typeof fetch;
  /** The EventSource implementation. Default globalThis.EventSource (no stream when there is none). */
  EventSource?: typeof EventSource;
}

type DefaultedOption =
  | 'stream'
  | 'timeoutMs'
  | 'maxBytes'
  | 'retryBaseMs'
  | 'retryMaxMs'
  | 'streamRetryBaseMs'
  | 'streamErrorLimit'
  | 'minIntervalMs'
  | 'maxIntervalMs'
  | 'jitter'
  | 'staleCheckMs';

/** The defaults of FeedSourceOptions. */
export const FEED_SOURCE_DEFAULTS: Readonly<Required<Pick<FeedSourceOptions, DefaultedOption>>> = {
  stream: true,
  timeoutMs: 15_000,
  maxBytes: 20 * 1024 * 1024,
  retryBaseMs: 1_000,
  retryMaxMs: 300_000,
  streamRetryBaseMs: 10_000,
  streamErrorLimit: 3,
  minIntervalMs: 15_000,
  maxIntervalMs: 3_600_000,
  jitter: 0.1,
  staleCheckMs: 60_000,
};

type Timer = ReturnType<typeof setTimeout>;

/** What a request or a stream message brought, to be applied in order. */
type Outcome = Exclude<FetchOutcome, { kind: 'aborted' }>;

function isBrowserOffline(): boolean {
  try {
    return typeof navigator !== 'undefined' && navigator.onLine === false;
  } catch {
    return false;
  }
}

/**
 * Loads one feed URL and keeps it current. Create it, `subscribe()`, `start()`; `dispose()` when done.
 * Pages should share sources through `acquireFeedSource()` rather than create them directly.
 */
export class FeedSource implements FeedStore {
  /** The resolved feed URL, or undefined when `src` is not a usable URL (the state then says why). */
  readonly url: string | undefined;
  /** The URL as given. */
  readonly src: string;

  private readonly opts: FeedSourceOptions & Required<Pick<FeedSourceOptions, DefaultedOption>>;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly listeners = new Set<FeedListener>();
  private readonly sequence = new RequestSequence();
  private readonly setupError: FeedError | undefined;
  private current: FeedState;

  // The snapshot and what the last attempt said.
  private feed: Feed | undefined;
  private issues: ValidationIssue[] = [];
  private dropped: DroppedCounts = {};
  private receivedAt: number | undefined;
  private etag: string | undefined;
  private lastModified: string | undefined;
  private error: FeedError | undefined;
  private failures = 0;
  private retryAt: number | undefined;
  private responseNote: string | undefined;
  private streamNote: string | undefined;

  // Life cycle.
  private started = false;
  private disposedFlag = false;
  private offline = false;
  private inflight: AbortController | undefined;
  private timer: Timer | undefined;
  private staleTimer: Timer | undefined;
  private listening = false;

  // The live stream.
  private stream: FeedStream | undefined;
  private streamUrl: string | undefined;
  /** Streams that failed in a row (for the backoff of the next try). */
  private streamFailures = 0;
  private streamRetryTimer: Timer | undefined;
  /** A stream has been opened before: a new one catches up with a request when it opens. */
  private streamed = false;

  constructor(src: string, options: FeedSourceOptions = {}) {
    this.src = String(src ?? '');
    this.opts = { ...FEED_SOURCE_DEFAULTS, ...withoutUndefined(options) };
    if (!isNonNegative(this.opts.timeoutMs)) this.opts.timeoutMs = FEED_SOURCE_DEFAULTS.timeoutMs;
    if (!isNonNegative(this.opts.maxBytes)) this.opts.maxBytes = FEED_SOURCE_DEFAULTS.maxBytes;
    this.now = typeof options.now === 'function' ? options.now : Date.now;
    this.random = typeof options.random === 'function' ? options.random : Math.random;
    const resolved = resolveFeedUrl(this.src, documentBase());
    this.url = resolved.url;
    this.setupError = resolved.error;
    this.current = this.compose();
  }

  get state(): FeedState {
    return this.current;
  }

  /** True once disposed. */
  get disposed(): boolean {
    return this.disposedFlag;
  }

  subscribe(listener: FeedListener): () => void {
    if (typeof listener !== 'function') return () => undefined;
    if (!this.disposedFlag) this.listeners.add(listener);
    notifyListener(listener, this.current);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Starts loading (idempotent). */
  start(): void {
    if (this.started || this.disposedFlag) return;
    this.started = true;
    if (this.setupError || !this.url) {
      this.emit();
      return;
    }
    this.listen();
    this.offline = isBrowserOffline();
    if (this.offline) this.emit();
    else void this.load();
  }

  refresh(): void {
    if (this.disposedFlag) return;
    if (!this.started) {
      this.start();
      return;
    }
    void this.load();
  }

  /**
   * Changes the polling interval (seconds; `0` = never poll; undefined = derived from the feed).
   * A poll already scheduled is rescheduled with the new interval.
   */
  setIntervalSeconds(seconds: number | null | undefined): void {
    const next = isNonNegative(seconds) ? seconds : undefined;
    if (next === (this.opts.intervalSeconds ?? undefined)) return;
    this.opts.intervalSeconds = next;
    // Only a pending poll is affected: retries keep their backoff, a stream needs no polling.
    if (this.timer !== undefined && this.failures === 0 && !this.streamOpen) this.scheduleNext();
  }

  /** The polling interval set explicitly (seconds), if any. */
  get intervalSeconds(): number | undefined {
    return this.opts.intervalSeconds ?? undefined;
  }

  /** Stops everything: requests, timers, the stream, event listeners. The last state stays readable. */
  dispose(): void {
    if (this.disposedFlag) return;
    this.disposedFlag = true;
    this.clearTimer();
    this.clearStaleCheck();
    this.inflight?.abort();
    this.inflight = undefined;
    this.stopStream();
    this.unlisten();
    this.listeners.clear();
  }

  // ---------------------------------------------------------------------------------------------
  // Requests

  private async load(): Promise<void> {
    if (this.disposedFlag || !this.url || this.setupError) return;
    if (this.offline) {
      this.emit();
      return;
    }
    this.clearTimer();
    this.inflight?.abort();
    const controller = new AbortController();
    this.inflight = controller;
    const seq = this.sequence.next();
    const outcome = await fetchFeed(this.url, {
      cached: this.feed ? { etag: this.etag, lastModified: this.lastModified } : undefined,
      maxBytes: this.opts.maxBytes,
      timeoutMs: this.opts.timeoutMs,
      signal: controller.signal,
      fetch: this.opts.fetch,
    });
    if (this.inflight === controller) this.inflight = undefined;
    // Aborted: superseded by a newer request or a stream message, gone offline, or disposed.
    if (this.disposedFlag || outcome.kind === 'aborted') return;
    this.apply(seq, outcome);
  }

  private apply(seq: number, outcome: Outcome, fromStream = false): void {
    if (outcome.kind === 'error') {
      if (!this.sequence.acceptFailure(seq)) return;
      this.error = outcome.error;
      this.failures += 1;
      const delay = backoffDelay(this.failures, {
        baseMs: this.opts.retryBaseMs,
        maxMs: this.opts.retryMaxMs,
        random: this.random,
      });
      this.retryAt = this.now() + delay;
      this.clearTimer();
      if (!this.offline) this.loadIn(delay);
      this.emit();
      return;
    }
    if (!this.sequence.acceptResult(seq)) {
      // An answer to an earlier request that arrived after a newer one had been applied.
      this.responseNote = `Ignored the answer to an earlier request to ${this.url}: it arrived after a newer one.`;
      this.emit();
      return;
    }
    this.error = undefined;
    this.failures = 0;
    this.retryAt = undefined;
    if (outcome.kind === 'feed') {
      if (this.feed && isOlderAsOf(outcome.feed.asOf, this.feed.asOf)) {
        this.responseNote =
          `Ignored a feed ${fromStream ? 'from the live stream' : `from ${this.url}`} with asOf ` +
          `${outcome.feed.asOf}, older than the one shown (asOf ${this.feed.asOf}); a cache or replica may be lagging.`;
      } else {
        this.feed = outcome.feed;
        this.issues = outcome.issues;
        this.dropped = outcome.dropped;
        this.receivedAt = this.now();
        // A feed from the stream has no validators: those of the last HTTP response no longer hold.
        this.etag = outcome.etag;
        this.lastModified = outcome.lastModified;
        this.responseNote = undefined;
      }
    }
    this.ensureStream();
    this.scheduleNext();
    this.scheduleStaleCheck();
    this.emit();
  }

  /** Schedules the next poll (after a success; failures schedule their own retry). */
  private scheduleNext(): void {
    this.clearTimer();
    if (this.disposedFlag || this.offline || this.failures > 0 || this.streamOpen) return;
    const delay = pollDelay({
      intervalSeconds: this.opts.intervalSeconds,
      expectedUpdateSeconds: this.feed?.expectedUpdateSeconds,
      minMs: this.opts.minIntervalMs,
      maxMs: this.opts.maxIntervalMs,
      jitter: this.opts.jitter,
      random: this.random,
    });
    if (delay !== undefined) this.loadIn(delay);
  }

  /** Loads again after `delay` ms (a poll or a retry). */
  private loadIn(delay: number): void {
    this.timer = setTimeout(() => void this.load(), Math.min(delay, MAX_TIMEOUT_MS));
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Re-evaluates the status when the snapshot turns stale by age (and at least every `staleCheckMs`). */
  private scheduleStaleCheck(): void {
    this.clearStaleCheck();
    if (!this.feed || this.disposedFlag) return;
    const at = staleAt(this.feed);
    if (at === undefined) return;
    const delay = at - this.now();
    if (delay < 0) return;
    this.staleTimer = setTimeout(
      () => {
        this.staleTimer = undefined;
        this.emit();
        this.scheduleStaleCheck();
      },
      Math.max(1, Math.min(delay + 1, this.opts.staleCheckMs, MAX_TIMEOUT_MS)),
    );
  }

  private clearStaleCheck(): void {
    if (this.staleTimer !== undefined) clearTimeout(this.staleTimer);
    this.staleTimer = undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // The live stream (see feed-stream.ts for one connection)

  private get streamOpen(): boolean {
    return this.stream?.isOpen ?? false;
  }

  /** Opens, keeps or closes the stream to match the feed's `links.stream`, the options and being online. */
  private ensureStream(): void {
    if (this.disposedFlag) return;
    const link = this.opts.stream !== false && !this.offline ? this.feed?.links?.stream : undefined;
    const ES = this.opts.EventSource ?? (typeof EventSource === 'function' ? EventSource : undefined);
    const wanted = link && ES ? resolveFeedUrl(link).url : undefined;
    if (!wanted || !ES) {
      this.stopStream();
      this.streamUrl = undefined;
      this.streamNote = undefined;
      return;
    }
    if (this.streamUrl === wanted && (this.stream || this.streamRetryTimer !== undefined)) return;
    this.stopStream();
    if (this.streamUrl !== wanted) {
      this.streamUrl = wanted;
      this.streamFailures = 0;
    }
    this.openStream(ES, wanted);
  }

  private openStream(ES: typeof EventSource, url: string): void {
    const catchUp = this.streamed;
    let stream: FeedStream;
    try {
      stream = new FeedStream(ES, url, {
        errorLimit: this.opts.streamErrorLimit,
        now: () => this.now(),
        onOpen: (first) => this.onStreamOpen(stream, first && catchUp),
        onFeed: (data) => this.onStreamFeed(url, data),
        onChanged: () => void this.load(),
        onFail: (why) => this.fallBackFromStream(why),
      });
    } catch {
      this.streamNote = `The live stream ${url} could not be opened; polling instead.`;
      return;
    }
    this.streamed = true;
    this.stream = stream;
  }

  private onStreamOpen(stream: FeedStream, catchUp: boolean): void {
    this.streamFailures = 0;
    this.streamNote = undefined;
    if (this.failures === 0) this.clearTimer();
    this.emit();
    // A new connection (not the browser's own reconnection) may have missed changes: catch up once.
    if (catchUp && this.stream === stream) void this.load();
  }

  private onStreamFeed(url: string, data: string): void {
    // Checking a large feed takes time; the widgets' updates that follow share the task's budget.
    beginTurn();
    const seq = this.sequence.next();
    const outcome = parseFeed(data, {
      where: `A "feed" message of the live stream ${url}`,
      url,
      maxBytes: this.opts.maxBytes,
    });
    // Whatever a request in flight brings is older than this message.
    this.inflight?.abort();
    if (isPending(outcome))
      void outcome.then((result) => {
        if (!this.disposedFlag) this.apply(seq, result, true);
      });
    else this.apply(seq, outcome, true);
  }

  private fallBackFromStream(why: 'closed' | 'unstable'): void {
    const url = this.streamUrl;
    this.closeStream();
    if (!url) return;
    this.streamFailures += 1;
    const base = Math.max(0, this.opts.streamRetryBaseMs);
    const delay =
      base +
      backoffDelay(this.streamFailures, {
        baseMs: base,
        maxMs: Math.max(base, this.opts.retryMaxMs),
        random: this.random,
      });
    this.streamNote =
      `The live stream ${url} ${why === 'closed' ? 'failed or was refused by the server' : 'keeps disconnecting'}; ` +
      `polling instead, and retrying the stream in ${Math.max(1, Math.round(delay / 1000))} s.`;
    this.clearStreamRetry();
    this.streamRetryTimer = setTimeout(
      () => {
        this.streamRetryTimer = undefined;
        this.ensureStream();
      },
      Math.min(delay, MAX_TIMEOUT_MS),
    );
    // Catch up now; the success schedules polling until the stream is back.
    void this.load();
    this.emit();
  }

  private closeStream(): void {
    this.stream?.close();
    this.stream = undefined;
  }

  private clearStreamRetry(): void {
    if (this.streamRetryTimer !== undefined) clearTimeout(this.streamRetryTimer);
    this.streamRetryTimer = undefined;
  }

  /** Closes the stream and cancels its retry. */
  private stopStream(): void {
    this.closeStream();
    this.clearStreamRetry();
  }

  // ---------------------------------------------------------------------------------------------
  // Online / offline

  private readonly onOffline = (): void => {
    if (this.disposedFlag) return;
    this.offline = true;
    this.clearTimer();
    this.inflight?.abort();
    this.inflight = undefined;
    this.stopStream();
    this.emit();
  };

  private readonly onOnline = (): void => {
    if (this.disposedFlag) return;
    this.offline = false;
    // Being back online is news: retry at once, and from the start of the backoff.
    this.failures = 0;
    this.retryAt = undefined;
    this.emit();
    void this.load();
  };

  private listen(): void {
    if (this.listening || typeof window === 'undefined' || typeof window.addEventListener !== 'function')
      return;
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.listening = true;
  }

  private unlisten(): void {
    if (!this.listening) return;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.listening = false;
  }

  // ---------------------------------------------------------------------------------------------
  // State

  private compose(): FeedState {
    if (this.setupError) return errorState(this.setupError);
    const { status, staleReason } = deriveStatus({
      feed: this.feed,
      error: this.error,
      offline: this.offline,
      now: this.now(),
    });
    const note = this.streamNote ?? this.responseNote;
    const state: FeedState = {
      status,
      issues: this.issues,
      dropped: this.dropped,
      url: this.url,
      mode: this.streamOpen ? 'stream' : 'poll',
      failures: this.failures,
    };
    if (staleReason) state.staleReason = staleReason;
    if (this.feed) state.feed = this.feed;
    if (this.receivedAt !== undefined) state.receivedAt = this.receivedAt;
    if (this.error) state.error = this.error;
    if (this.retryAt !== undefined) state.retryAt = this.retryAt;
    if (note) state.note = note;
    return Object.freeze(state);
  }

  private emit(): void {
    const next = this.compose();
    if (sameState(next, this.current)) return;
    this.current = next;
    for (const listener of [...this.listeners]) notifyListener(listener, next);
  }
}

function withoutUndefined<T extends object>(object: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(object ?? {})) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
