/** FeedError values with messages a web developer can act on. */
import type { ValidationIssue } from '../feed/types.js';
import type { FeedError } from './types.js';

/** How many issues an error message quotes before summing up the rest. */
export const QUOTED_ISSUES = 3;

/** An issue's message, prefixed with its path when the message does not start with it ("$: " dropped). */
function issueText(issue: ValidationIssue): string {
  const message = String(issue.message ?? '').trim() || 'is invalid';
  const path = String(issue.path ?? '');
  if (path === '$' || path === '') return message.replace(/^\$:\s*/, '');
  return message.startsWith(path) ? message : `${path}: ${message}`;
}

/** The validator sums up issues beyond its list in one last issue: "$: … and 1,234 more problems". */
function omittedCount(issue: ValidationIssue): number | undefined {
  const match = /^\$:\s*…\s*and\s+([\d,]+)\s+more problems?$/.exec(String(issue.message ?? ''));
  return match ? Number(match[1]!.replace(/,/g, '')) : undefined;
}

/**
 * "place.name: is required but missing (and 3 more problems)": the first few fatal issues
 * (or all issues when none is fatal), then how many are left.
 */
export function summarizeIssues(issues: readonly ValidationIssue[], quoted = QUOTED_ISSUES): string {
  const fatal = issues.filter((i) => i.severity === 'fatal');
  const all = fatal.length > 0 ? fatal : [...issues];
  const omitted = all.reduce((n, issue) => n + (omittedCount(issue) ?? 0), 0);
  const list = all.filter((issue) => omittedCount(issue) === undefined);
  if (list.length === 0) return omitted > 0 ? `${omitted} problems` : 'no details were given';
  const shown = list.slice(0, Math.max(1, quoted));
  const rest = list.length - shown.length + omitted;
  const text = shown.map(issueText).join('; ');
  return rest > 0 ? `${text} (and ${rest} more problem${rest === 1 ? '' : 's'})` : text;
}

/** True when a failed parse is about the JSON syntax rather than the feed's content. */
export function isJsonSyntaxFailure(issues: readonly ValidationIssue[]): boolean {
  const fatal = issues.filter((i) => i.severity === 'fatal');
  return (
    fatal.length === 1 &&
    (fatal[0]?.path ?? '$') === '$' &&
    /\bJSON\b|not valid json|unexpected (token|end)|parse/i.test(fatal[0]?.message ?? '')
  );
}

/** A failed validation of text from `where` ("The feed at https://…", "The data set on <safety-feed>"). */
export function invalidFeedError(where: string, issues: ValidationIssue[], url?: string): FeedError {
  if (isJsonSyntaxFailure(issues)) {
    return {
      code: 'parse',
      message: `${where} is not valid JSON: ${summarizeIssues(issues).replace(/^not valid JSON:\s*/i, '')}`,
      issues,
      ...(url ? { url } : {}),
    };
  }
  return {
    code: 'invalid',
    message: `${where} is not a valid Safety Widgets feed: ${summarizeIssues(issues)}`,
    issues,
    ...(url ? { url } : {}),
  };
}

/** A body larger than the cap: detected from Content-Length, while reading, or by the parser. */
export function tooLargeError(url: string, maxBytes: number, size?: number): FeedError {
  const mb = (n: number) => `${(n / 1_048_576).toFixed(n < 1_048_576 ? 2 : 1)} MB`;
  return {
    code: 'too-large',
    message:
      `The feed at ${url} is ${size !== undefined ? `${mb(size)}, ` : ''}larger than the ${mb(maxBytes)} limit; ` +
      `publish a smaller feed (for example one per sub-district) or raise maxBytes.`,
    url,
  };
}

export function timeoutError(url: string, timeoutMs: number): FeedError {
  const s = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 100) / 10} s` : `${timeoutMs} ms`;
  return {
    code: 'timeout',
    message: `The feed at ${url} did not answer within ${s}; the server may be overloaded or unreachable.`,
    url,
  };
}

export function notFoundError(url: string, status: number): FeedError {
  return {
    code: 'not-found',
    message: `No feed was found at ${url} (HTTP ${status}); check the src attribute.`,
    httpStatus: status,
    url,
  };
}

export function httpError(url: string, status: number, statusText = ''): FeedError {
  const text = statusText ? ` ${statusText}` : '';
  const hint =
    status >= 500
      ? ' The server failed; it will be retried.'
      : status === 401 || status === 403
        ? ' The feed must be public: widgets send no credentials.'
        : '';
  return {
    code: 'http',
    message: `The feed at ${url} answered HTTP ${status}${text}.${hint}`,
    httpStatus: status,
    url,
  };
}

/** The page's origin, or undefined outside a browser. */
function pageOrigin(): string | undefined {
  try {
    return typeof location !== 'undefined' && location.origin !== 'null' ? location.origin : undefined;
  } catch {
    return undefined;
  }
}

/** True when `url` is on another origin than the page (so CORS applies). */
export function isCrossOrigin(url: string): boolean {
  const origin = pageOrigin();
  if (!origin) return false;
  try {
    return new URL(url).origin !== origin;
  } catch {
    return false;
  }
}

/**
 * A request that failed without an HTTP answer. Browsers hide the reason (by design), so the
 * message lists the likely causes, CORS first for a feed on another origin.
 */
export function networkError(url: string, phase: 'connect' | 'body' = 'connect'): FeedError {
  if (phase === 'body') {
    return {
      code: 'network',
      message: `The connection to ${url} broke while the feed was being downloaded; it will be retried.`,
      url,
    };
  }
  const cors = isCrossOrigin(url)
    ? ` It is on another origin than this page (${pageOrigin()}), so the likely cause is CORS: the server must send ` +
      `"Access-Control-Allow-Origin" (and answer OPTIONS preflights allowing If-None-Match and If-Modified-Since). ` +
      `Otherwise the server is down or unreachable.`
    : ' The server may be down or unreachable, or the network is failing.';
  return {
    code: 'network',
    message: `Could not load the feed at ${url}: the request failed without an HTTP answer.${cors}`,
    url,
  };
}

export function configError(message: string, url?: string): FeedError {
  return { code: 'config', message, ...(url ? { url } : {}) };
}

/** Parses `src` against `base` into an http(s) URL, or a config error that says what is wrong. */
export function resolveFeedUrl(
  src: string,
  base?: string,
): { url: string; error?: undefined } | { url?: undefined; error: FeedError } {
  const raw = String(src ?? '').trim();
  if (raw === '')
    return { error: configError('The feed URL is empty; set src to the URL of a Safety Widgets feed.') };
  let parsed: URL;
  try {
    parsed = base ? new URL(raw, base) : new URL(raw);
  } catch {
    return {
      error: configError(
        `The feed URL "${raw}" is not a valid URL; set src to the URL of a Safety Widgets feed.`,
      ),
    };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return {
      error: configError(
        `The feed URL "${raw}" uses ${parsed.protocol}; only http: and https: feeds can be loaded.`,
      ),
    };
  }
  return { url: parsed.href };
}

/** The document's base URL, when there is a document. */
export function documentBase(): string | undefined {
  try {
    return typeof document !== 'undefined' ? document.baseURI : undefined;
  } catch {
    return undefined;
  }
}
