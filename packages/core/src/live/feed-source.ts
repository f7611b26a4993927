/**
 * FeedSource: loads one feed URL and keeps it current (conditional polling, or a Server-Sent
 * Events stream when the feed names one), and publishes an immutable FeedState on every change.
 *
 * It never throws to its caller or into the page: every failure becomes a FeedError in the state,
 * with a message that says what to do about it, and nothing is logged to the console.
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
import { parseFeedText } from '../feed/validate.js';
import type { DroppedCounts, Feed, ValidationIssue } from '../feed/types.js';
import {
  configError,
  documentBase,
  httpError,
  invalidFeedError,
  networkError,
  notFoundError,
  resolveFeedUrl,
  timeoutError,
  tooLargeError,
} from './errors.js';
import { RequestSequence, isOlderAsOf } from './sequence.js';
import { deriveStatus, sameState, staleAt } from './status.js';
import { MAX_TIMEOUT_MS, backoffDelay, pollDelay } from './timing.js';
import type { FeedError, FeedState } from './types.js';

/** Receives every new FeedState. */
export type FeedListener = (state: FeedState) => void;

/** Anything that publishes FeedStates: a network FeedSource, a StaticFeedSource, a `<safety-feed>`. */
export interface FeedStore {
  /** The current state (a new frozen object per change). */
  readonly state: FeedState;
  /** Calls `listener` now with the current state and after every change; returns the unsubscribe function. */
  subscribe(listener: FeedListener): () => void;
  /** Asks for fresh data now (a conditional request); a no-op for static data. */
  refresh(): void;
}

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

/** How long a stream connection must have lasted for its drop to count as a fresh first error. */
const STREAM_STABLE_MS = 10_000;

type Timer = ReturnType<typeof setTimeout>;

/** Why the source aborted one of its own requests (compared by identity). */
class AbortCause {
  constructor(readonly kind: 'superseded' | 'timeout' | 'disposed' | 'offline') {}
}
const SUPERSEDED = new AbortCause('superseded');
const TIMEOUT = new AbortCause('timeout');
const DISPOSED = new AbortCause('disposed');
const OFFLINE = new AbortCause('offline');

/** A failure already described as a FeedError. */
class FeedFailure extends Error {
  constructor(readonly feedError: FeedError) {
    super(feedError.message);
  }
}

type Outcome =
  | {
      kind: 'feed';
      feed: Feed;
      issues: ValidationIssue[];
      dropped: DroppedCounts;
      etag?: string | undefined;
      lastModified?: string | undefined;
      fromStream?: boolean;
    }
  | { kind: 'not-modified' }
  | { kind: 'error'; error: FeedError };

/** Calls a listener, keeping its exceptions away from the source and the other listeners. */
export function notifyListener(listener: FeedListener, state: FeedState): void {
  try {
    listener(state);
  } catch (error) {
    // A listener is a widget's code: its bug must neither break the feed for the others nor throw
    // into the host page, but it must not vanish either.
    try {
      console.error('[safety-widgets] a feed listener threw:', error);
    } catch {
      // No console: nothing more can be done.
    }
  }
}

function positive(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

function isBrowserOffline(): boolean {
  try {
    return typeof navigator !== 'undefined' && navigator.onLine === false;
  } catch {
    return false;
  }
}

/** Reads a body as UTF-8 text, refusing more than `maxBytes` (bytes as received, after decompression). */
async function readLimited(response: Response, maxBytes: number, url: string): Promise<string> {
  if (!response.body) {
    const text = await response.text();
    if (text.length > maxBytes) throw new FeedFailure(tooLargeError(url, maxBytes, text.length));
    return text;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      reader.cancel().catch(() => undefined);
      throw new FeedFailure(tooLargeError(url, maxBytes));
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
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
  private es: EventSource | undefined;
  private esUrl: string | undefined;
  private esCleanup: (() => void) | undefined;
  private streamOpen = false;
  private streamOpenedAt = 0;
  private streamErrors = 0;
  private streamFailures = 0;
  private streamRetryTimer: Timer | undefined;
  private streamCount = 0;

  constructor(src: string, options: FeedSourceOptions = {}) {
    this.src = String(src ?? '');
    this.opts = { ...FEED_SOURCE_DEFAULTS, ...withoutUndefined(options) };
    this.opts.timeoutMs = positive(this.opts.timeoutMs, FEED_SOURCE_DEFAULTS.timeoutMs);
    this.opts.maxBytes = positive(this.opts.maxBytes, FEED_SOURCE_DEFAULTS.maxBytes);
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
    const next =
      typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
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
    if (this.staleTimer !== undefined) clearTimeout(this.staleTimer);
    this.staleTimer = undefined;
    this.inflight?.abort(DISPOSED);
    this.inflight = undefined;
    this.closeStream();
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
    const url = this.url;
    this.clearTimer();
    this.inflight?.abort(SUPERSEDED);
    const controller = new AbortController();
    this.inflight = controller;
    const seq = this.sequence.next();
    const timeout = setTimeout(
      () => controller.abort(TIMEOUT),
      Math.min(this.opts.timeoutMs, MAX_TIMEOUT_MS),
    );
    let outcome: Outcome;
    try {
      outcome = await this.request(url, controller.signal);
    } catch (error) {
      outcome = { kind: 'error', error: this.classify(error, controller.signal, url) };
    } finally {
      clearTimeout(timeout);
      if (this.inflight === controller) this.inflight = undefined;
    }
    if (this.disposedFlag) return;
    const cause: unknown = controller.signal.aborted ? controller.signal.reason : undefined;
    if (outcome.kind === 'error' && (cause === SUPERSEDED || cause === DISPOSED || cause === OFFLINE)) return;
    this.apply(seq, outcome);
  }

  private async request(url: string, signal: AbortSignal): Promise<Outcome> {
    const fetchImpl = this.opts.fetch ?? (typeof fetch === 'function' ? fetch : undefined);
    if (!fetchImpl)
      return {
        kind: 'error',
        error: configError('This browser has no fetch(); the feed cannot be loaded.', url),
      };
    const headers: Record<string, string> = { Accept: 'application/json' };
    const conditional =
      this.feed !== undefined && (this.etag !== undefined || this.lastModified !== undefined);
    if (conditional && this.etag) headers['If-None-Match'] = this.etag;
    if (conditional && this.lastModified) headers['If-Modified-Since'] = this.lastModified;
    const response = await fetchImpl(url, {
      headers,
      signal,
      // With validators we revalidate ourselves; without, the HTTP cache must still ask the server.
      cache: conditional ? 'no-store' : 'no-cache',
      credentials: 'same-origin',
      mode: 'cors',
      redirect: 'follow',
    });
    if (response.status === 304) {
      if (this.feed) return { kind: 'not-modified' };
      return {
        kind: 'error',
        error: httpError(url, 304, 'Not Modified (to a request that had no validators)'),
      };
    }
    if (!response.ok) {
      response.body?.cancel().catch(() => undefined);
      if (response.status === 404) return { kind: 'error', error: notFoundError(url, 404) };
      return { kind: 'error', error: httpError(url, response.status, response.statusText) };
    }
    const declared = Number(response.headers.get('Content-Length'));
    if (
      response.headers.has('Content-Length') &&
      Number.isFinite(declared) &&
      declared > this.opts.maxBytes
    ) {
      response.body?.cancel().catch(() => undefined);
      return { kind: 'error', error: tooLargeError(url, this.opts.maxBytes, declared) };
    }
    let text: string;
    try {
      text = await readLimited(response, this.opts.maxBytes, url);
    } catch (error) {
      if (error instanceof FeedFailure || signal.aborted) throw error;
      throw new FeedFailure(networkError(url, 'body'));
    }
    const result = parseFeedText(text, { maxBytes: this.opts.maxBytes });
    if (!result.ok)
      return { kind: 'error', error: this.describeInvalid(`The feed at ${url}`, result.issues, url) };
    return {
      kind: 'feed',
      feed: result.feed,
      issues: result.issues,
      dropped: result.dropped,
      etag: response.headers.get('ETag') ?? undefined,
      lastModified: response.headers.get('Last-Modified') ?? undefined,
    };
  }

  /** A validation failure; the parser's own "too large" verdict becomes a `too-large` error. */
  private describeInvalid(where: string, issues: ValidationIssue[], url: string): FeedError {
    const error = invalidFeedError(where, issues, url);
    const first = issues.find((i) => i.severity === 'fatal');
    if (first && first.path === '$' && /\b(too large|larger than|exceeds|bytes)\b/i.test(first.message)) {
      return { ...tooLargeError(url, this.opts.maxBytes), issues };
    }
    return error;
  }

  private classify(error: unknown, signal: AbortSignal, url: string): FeedError {
    if (signal.aborted && signal.reason === TIMEOUT) return timeoutError(url, this.opts.timeoutMs);
    if (error instanceof FeedFailure) return error.feedError;
    return networkError(url, 'connect');
  }

  private apply(seq: number, outcome: Outcome): void {
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
      if (!this.offline) this.timer = setTimeout(() => void this.load(), Math.min(delay, MAX_TIMEOUT_MS));
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
          `Ignored a feed ${outcome.fromStream ? 'from the live stream' : `from ${this.url}`} with asOf ` +
          `${outcome.feed.asOf}, older than the one shown (asOf ${this.feed.asOf}); a cache or replica may be lagging.`;
      } else {
        this.feed = outcome.feed;
        this.issues = outcome.issues;
        this.dropped = outcome.dropped;
        this.receivedAt = this.now();
        // A feed from the stream makes the validators of the last HTTP response untrue.
        this.etag = outcome.fromStream ? undefined : outcome.etag;
        this.lastModified = outcome.fromStream ? undefined : outcome.lastModified;
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
    if (delay === undefined) return;
    this.timer = setTimeout(() => void this.load(), Math.min(delay, MAX_TIMEOUT_MS));
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Re-evaluates the status when the snapshot turns stale by age (and at least every `staleCheckMs`). */
  private scheduleStaleCheck(): void {
    if (this.staleTimer !== undefined) clearTimeout(this.staleTimer);
    this.staleTimer = undefined;
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

  // ---------------------------------------------------------------------------------------------
  // The live stream

  private ensureStream(): void {
    if (this.disposedFlag) return;
    const link = this.opts.stream !== false && !this.offline ? this.feed?.links?.stream : undefined;
    const ES = this.opts.EventSource ?? (typeof EventSource === 'function' ? EventSource : undefined);
    const wanted = link && ES ? resolveFeedUrl(link).url : undefined;
    if (!wanted || !ES) {
      this.closeStream();
      this.clearStreamRetry();
      this.esUrl = undefined;
      this.streamNote = undefined;
      return;
    }
    if (this.esUrl === wanted && (this.es || this.streamRetryTimer !== undefined)) return;
    this.closeStream();
    this.clearStreamRetry();
    if (this.esUrl !== wanted) {
      this.esUrl = wanted;
      this.streamFailures = 0;
    }
    this.openStream(ES, wanted);
  }

  private openStream(ES: typeof EventSource, url: string): void {
    let es: EventSource;
    try {
      es = new ES(url);
    } catch {
      this.streamNote = `The live stream ${url} could not be opened; polling instead.`;
      return;
    }
    const catchUp = this.streamCount > 0;
    this.streamCount += 1;
    this.es = es;
    this.streamErrors = 0;
    const onOpen = () => {
      if (this.es !== es) return;
      this.streamOpen = true;
      this.streamOpenedAt = this.now();
      this.streamFailures = 0;
      this.streamNote = undefined;
      if (this.failures === 0) this.clearTimer();
      this.emit();
    };
    let caughtUp = !catchUp;
    const onFirstOpen = () => {
      // A new connection (not the browser's own reconnection) may have missed changes: catch up once.
      if (this.es !== es || caughtUp) return;
      caughtUp = true;
      void this.load();
    };
    const onFeed = (event: Event) => this.onStreamFeed(es, event);
    const onChanged = () => this.onStreamChanged(es);
    const onError = () => this.onStreamError(es);
    es.addEventListener('open', onOpen);
    es.addEventListener('open', onFirstOpen);
    es.addEventListener('feed', onFeed);
    es.addEventListener('changed', onChanged);
    es.addEventListener('message', onChanged);
    es.addEventListener('error', onError);
    this.esCleanup = () => {
      es.removeEventListener('open', onOpen);
      es.removeEventListener('open', onFirstOpen);
      es.removeEventListener('feed', onFeed);
      es.removeEventListener('changed', onChanged);
      es.removeEventListener('message', onChanged);
      es.removeEventListener('error', onError);
    };
  }

  private onStreamFeed(es: EventSource, event: Event): void {
    if (this.es !== es || this.disposedFlag) return;
    this.streamErrors = 0;
    const seq = this.sequence.next();
    const url = this.esUrl ?? '';
    const data = (event as MessageEvent).data;
    const result = parseFeedText(typeof data === 'string' ? data : '', { maxBytes: this.opts.maxBytes });
    // Whatever a request in flight brings is older than this message.
    this.inflight?.abort(SUPERSEDED);
    if (!result.ok) {
      this.apply(seq, {
        kind: 'error',
        error: this.describeInvalid(`A "feed" message of the live stream ${url}`, result.issues, url),
      });
      return;
    }
    this.apply(seq, {
      kind: 'feed',
      feed: result.feed,
      issues: result.issues,
      dropped: result.dropped,
      fromStream: true,
    });
  }

  private onStreamChanged(es: EventSource): void {
    if (this.es !== es || this.disposedFlag) return;
    this.streamErrors = 0;
    void this.load();
  }

  private onStreamError(es: EventSource): void {
    if (this.es !== es || this.disposedFlag) return;
    // readyState 2 = CLOSED: the browser gave up (HTTP error, wrong Content-Type, ...).
    if (es.readyState !== 2) {
      const lasted = this.streamOpen && this.now() - this.streamOpenedAt >= STREAM_STABLE_MS;
      this.streamErrors = lasted ? 1 : this.streamErrors + 1;
      // Connecting again by itself (sending Last-Event-ID): let it, unless it keeps failing.
      if (this.streamErrors < Math.max(1, this.opts.streamErrorLimit)) return;
    }
    this.fallBackFromStream(es.readyState === 2 ? 'closed' : 'unstable');
  }

  private fallBackFromStream(why: 'closed' | 'unstable'): void {
    const url = this.esUrl;
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
    const es = this.es;
    this.esCleanup?.();
    this.esCleanup = undefined;
    this.es = undefined;
    this.streamOpen = false;
    try {
      es?.close();
    } catch {
      // Closing a stream cannot fail in practice; nothing to do if it does.
    }
  }

  private clearStreamRetry(): void {
    if (this.streamRetryTimer !== undefined) clearTimeout(this.streamRetryTimer);
    this.streamRetryTimer = undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // Online / offline

  private readonly onOffline = (): void => {
    if (this.disposedFlag) return;
    this.offline = true;
    this.clearTimer();
    this.inflight?.abort(OFFLINE);
    this.inflight = undefined;
    this.closeStream();
    this.clearStreamRetry();
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
    if (this.setupError) {
      return Object.freeze({ status: 'error', issues: [], dropped: {}, error: this.setupError }) as FeedState;
    }
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
