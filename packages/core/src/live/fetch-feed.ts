/**
 * One conditional HTTP request for a feed, turned into a typed outcome: a fresh validated feed
 * with its validators, "not modified", a FeedError, or "aborted" by the caller. It never throws.
 */
import { beginTurn } from '../element/update-budget.js';
import { checkFeedText, isPending } from '../feed/check.js';
import type { DroppedCounts, Feed, ValidationIssue, ValidationResult } from '../feed/types.js';
import {
  configError,
  httpError,
  invalidFeedError,
  networkError,
  notFoundError,
  timeoutError,
  tooLargeError,
} from './errors.js';
import { MAX_TIMEOUT_MS } from './timing.js';
import type { FeedError } from './types.js';

/** A validated feed. Validators are there only when it came from an HTTP response that had them. */
export interface FreshFeed {
  kind: 'feed';
  feed: Feed;
  issues: ValidationIssue[];
  dropped: DroppedCounts;
  etag?: string | undefined;
  lastModified?: string | undefined;
}

export interface FeedFailed {
  kind: 'error';
  error: FeedError;
}

export type FetchOutcome =
  | FreshFeed
  | { kind: 'not-modified' }
  | FeedFailed
  /** The caller's signal aborted the request before it could succeed: nothing to report. */
  | { kind: 'aborted' };

/** The validators of the snapshot the caller holds. */
export interface CachedFeed {
  etag?: string | undefined;
  lastModified?: string | undefined;
}

export interface FetchFeedOptions {
  /**
   * The validators of the snapshot the caller holds, or undefined when it holds none. With a
   * validator the request is conditional; with a snapshot a 304 means "not modified".
   */
  cached?: CachedFeed | undefined;
  /** Largest accepted body (bytes). */
  maxBytes: number;
  /** Time allowed for the whole request, body included (ms). */
  timeoutMs: number;
  /** Aborts the request; the outcome is then `aborted` (unless it had already succeeded). */
  signal?: AbortSignal | undefined;
  /** The fetch implementation. Default globalThis.fetch. */
  fetch?: typeof fetch | undefined;
}

/** A failure already described as a FeedError. */
class FeedFailure extends Error {
  constructor(readonly feedError: FeedError) {
    super(feedError.message);
  }
}

/** The reason of the request's own timeout (compared by identity). */
const TIMED_OUT = Symbol('timed out');

/**
 * Validates feed text from `where` ("The feed at https://…"): the feed, or an `invalid` / `parse`
 * error; the parser's own "too large" verdict becomes a `too-large` error. At once for a valid
 * feed; a promise when the detailed validator must be loaded to say what is wrong.
 */
export function parseFeed(
  text: string,
  options: { where: string; url: string; maxBytes: number },
): FreshFeed | FeedFailed | Promise<FreshFeed | FeedFailed> {
  const result = checkFeedText(text, { maxBytes: options.maxBytes });
  return isPending(result) ? result.then((r) => outcomeOf(r, options)) : outcomeOf(result, options);
}

function outcomeOf(
  result: ValidationResult,
  options: { where: string; url: string; maxBytes: number },
): FreshFeed | FeedFailed {
  const { where, url, maxBytes } = options;
  if (result.ok) return { kind: 'feed', feed: result.feed, issues: result.issues, dropped: result.dropped };
  const first = result.issues.find((i) => i.severity === 'fatal');
  if (first && first.path === '$' && /\b(too large|larger than|exceeds|bytes)\b/i.test(first.message)) {
    return { kind: 'error', error: { ...tooLargeError(url, maxBytes), issues: result.issues } };
  }
  return { kind: 'error', error: invalidFeedError(where, result.issues, url) };
}

/**
 * GETs the feed at `url` (conditionally when `cached` has validators) within `timeoutMs`, refusing
 * bodies over `maxBytes`, and validates it. Every failure becomes a FeedError saying what to do.
 */
export async function fetchFeed(url: string, options: FetchFeedOptions): Promise<FetchOutcome> {
  const { signal } = options;
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort);
  const timeout = setTimeout(() => controller.abort(TIMED_OUT), Math.min(options.timeoutMs, MAX_TIMEOUT_MS));
  let outcome: FetchOutcome;
  try {
    outcome = await request(url, options, controller.signal);
  } catch (error) {
    if (controller.signal.aborted && controller.signal.reason === TIMED_OUT) {
      outcome = { kind: 'error', error: timeoutError(url, options.timeoutMs) };
    } else {
      outcome = { kind: 'error', error: error instanceof FeedFailure ? error.feedError : networkError(url) };
    }
  } finally {
    clearTimeout(timeout);
    signal?.removeEventListener('abort', onAbort);
  }
  // Aborted by the caller (before any timeout): whatever failed, the caller no longer wants it.
  const callerAborted = controller.signal.aborted && controller.signal.reason !== TIMED_OUT;
  return outcome.kind === 'error' && callerAborted ? { kind: 'aborted' } : outcome;
}

async function request(url: string, options: FetchFeedOptions, signal: AbortSignal): Promise<FetchOutcome> {
  const { cached, maxBytes } = options;
  const fetchImpl = options.fetch ?? (typeof fetch === 'function' ? fetch : undefined);
  if (!fetchImpl)
    return {
      kind: 'error',
      error: configError('This browser has no fetch(); the feed cannot be loaded.', url),
    };
  const headers: Record<string, string> = { Accept: 'application/json' };
  const conditional =
    cached !== undefined && (cached.etag !== undefined || cached.lastModified !== undefined);
  if (conditional && cached.etag) headers['If-None-Match'] = cached.etag;
  if (conditional && cached.lastModified) headers['If-Modified-Since'] = cached.lastModified;
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
    if (cached) return { kind: 'not-modified' };
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
  if (response.headers.has('Content-Length') && Number.isFinite(declared) && declared > maxBytes) {
    response.body?.cancel().catch(() => undefined);
    return { kind: 'error', error: tooLargeError(url, maxBytes, declared) };
  }
  let text: string;
  try {
    text = await readLimited(response, maxBytes, url);
  } catch (error) {
    if (error instanceof FeedFailure || signal.aborted) throw error;
    throw new FeedFailure(networkError(url, 'body'));
  }
  // Checking a large feed takes time; the widgets' updates that follow share the task's budget.
  beginTurn();
  const parsed = await parseFeed(text, { where: `The feed at ${url}`, url, maxBytes });
  if (parsed.kind === 'error') return parsed;
  return {
    ...parsed,
    etag: response.headers.get('ETag') ?? undefined,
    lastModified: response.headers.get('Last-Modified') ?? undefined,
  };
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
