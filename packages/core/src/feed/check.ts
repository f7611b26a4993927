/**
 * How widgets check a feed: fast acceptance first (./accept-feed.ts), the detailed diagnosis
 * (./validate.ts, with valibot and every message) only when that fails. The diagnosis is loaded
 * by a dynamic import, so a page whose feeds are valid never downloads it (the classic-script
 * build inlines it).
 *
 * A valid feed object is checked once per page: the result is kept for that object, and every
 * widget given the same object shares it (a feed is never changed in place: each version is a new
 * object).
 */
import { acceptFeed } from './accept-feed.js';
import { DEFAULT_MAX_BYTES } from './rules.js';
import type { ValidationResult } from './types.js';
import type * as Validator from './validate.js';
import type { ValidateOptions } from './validate.js';

type Diagnosis = typeof Validator;

let diagnosis: Promise<Diagnosis> | undefined;

/** Loads the detailed validator (once; again after a failed attempt). */
export function loadDiagnosis(): Promise<Diagnosis> {
  diagnosis ??= import('./validate.js').catch((error: unknown) => {
    diagnosis = undefined;
    throw error;
  });
  return diagnosis;
}

/** The result when the validator itself could not be loaded (a network failure, a blocked script). */
function unexplained(error: unknown): ValidationResult {
  let why: string;
  try {
    why = error instanceof Error ? error.message : String(error);
  } catch {
    why = 'unknown error';
  }
  return {
    ok: false,
    issues: [
      {
        severity: 'fatal',
        path: '$',
        message:
          `the feed has a problem, and the script that explains it could not be loaded (${why}); ` +
          `check that the widgets' chunks/ folder is served next to their script, then reload the page`,
      },
    ],
    dropped: {},
  };
}

function diagnose(run: (validator: Diagnosis) => ValidationResult): Promise<ValidationResult> {
  return loadDiagnosis().then(run, unexplained);
}

const checked = new WeakMap<object, ValidationResult>();

/** A result of acceptance: nothing to report. */
function accepted(feed: NonNullable<ReturnType<typeof acceptFeed>>): ValidationResult {
  return { ok: true, feed, issues: [], dropped: {} };
}

/**
 * Checks a feed object: the result at once when it is valid (the same result for the same object
 * on every call), or a promise of the detailed validator's result, with every problem named, when
 * it is not. Never throws; the promise never rejects.
 */
export function checkFeed(input: unknown): ValidationResult | Promise<ValidationResult> {
  const isObject = typeof input === 'object' && input !== null;
  if (isObject) {
    const known = checked.get(input);
    if (known) return known;
  }
  const feed = acceptFeed(input);
  if (!feed) return diagnose((validator) => validator.validateFeed(input));
  const result = accepted(feed);
  if (isObject) checked.set(input, result);
  return result;
}

/**
 * Checks feed text (JSON) as {@link checkFeed} checks an object: at once when it is within
 * `options.maxBytes`, parses and is valid; otherwise a promise of `parseFeedText`'s result.
 */
export function checkFeedText(
  text: unknown,
  options?: ValidateOptions,
): ValidationResult | Promise<ValidationResult> {
  const requested = options?.maxBytes;
  const limit = typeof requested === 'number' && requested > 0 ? requested : DEFAULT_MAX_BYTES;
  // Every UTF-16 unit is at most 3 UTF-8 bytes: short enough text is within the limit for sure.
  if (typeof text === 'string' && text.length * 3 <= limit) {
    let data: unknown;
    try {
      data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      data = undefined;
    }
    const feed = data === undefined ? undefined : acceptFeed(data);
    if (feed) return accepted(feed);
  }
  return diagnose((validator) => validator.parseFeedText(text as string, options));
}

/** True when `value` is a promise (of a detailed result). */
export function isPending<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
