/**
 * Pure timing rules of the live layer: retry backoff and the polling interval.
 * Randomness is injected so tests can pin every delay.
 */

/** Parameters of exponential backoff with full jitter. */
export interface BackoffOptions {
  /** Delay ceiling of the first retry (ms). */
  baseMs: number;
  /** Largest delay ceiling (ms). */
  maxMs: number;
  /** Uniform random number in [0, 1). */
  random: () => number;
}

/** `random()` forced into [0, 1), so a faulty injected generator cannot produce odd delays. */
function unit(random: () => number): number {
  const r = Number(random());
  if (!Number.isFinite(r) || r <= 0) return 0;
  return r >= 1 ? 0.999_999 : r;
}

/**
 * The ceiling of the `attempt`-th retry (attempt 1 = first retry after the first failure):
 * `min(maxMs, baseMs * 2^(attempt-1))`.
 */
export function backoffCeiling(attempt: number, options: Pick<BackoffOptions, 'baseMs' | 'maxMs'>): number {
  const n = Math.max(1, Math.floor(Number.isFinite(attempt) ? attempt : 1));
  const base = Math.max(0, options.baseMs);
  const max = Math.max(0, options.maxMs);
  // 2^40 ms is far beyond any sane cap, and keeps the arithmetic exact.
  return Math.min(max, base * 2 ** Math.min(n - 1, 40));
}

/**
 * Delay before the `attempt`-th retry with "full jitter": uniform in [0, ceiling).
 * Spreads the retries of many pages hitting one failing server.
 */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  return Math.floor(unit(options.random) * backoffCeiling(attempt, options));
}

/** Inputs of the polling interval. */
export interface PollIntervalOptions {
  /** Interval set explicitly (seconds; the `interval` attribute). `0` turns polling off. */
  intervalSeconds?: number | null;
  /** The feed's `expectedUpdateSeconds`, when a feed is known. */
  expectedUpdateSeconds?: number;
  /** Bounds of an interval derived from the feed (ms). */
  minMs: number;
  maxMs: number;
  /** Relative jitter, e.g. 0.1 for ±10 %. */
  jitter: number;
  random: () => number;
}

/** Bounds for an explicitly set interval: at least 1 s, at most a day. */
export const EXPLICIT_INTERVAL_MIN_MS = 1_000;
export const EXPLICIT_INTERVAL_MAX_MS = 86_400_000;

/**
 * The delay until the next poll, or `undefined` for no polling.
 *
 * - An explicit interval wins (clamped to 1 s .. 1 day; `0` means never poll).
 * - Otherwise half the feed's `expectedUpdateSeconds`, clamped to [minMs, maxMs]: polling at half
 *   the publishing period keeps a feed that is published on time from ever looking stale
 *   (stale = older than twice the period).
 * - Jittered by ±`jitter` so many pages do not poll in lockstep.
 */
export function pollDelay(options: PollIntervalOptions): number | undefined {
  let ms: number;
  const explicit = options.intervalSeconds;
  if (isNonNegative(explicit)) {
    if (explicit === 0) return undefined;
    ms = clamp(explicit * 1000, EXPLICIT_INTERVAL_MIN_MS, EXPLICIT_INTERVAL_MAX_MS);
  } else if (options.expectedUpdateSeconds !== undefined && Number.isFinite(options.expectedUpdateSeconds)) {
    ms = clamp(
      (options.expectedUpdateSeconds * 1000) / 2,
      options.minMs,
      Math.max(options.minMs, options.maxMs),
    );
  } else {
    return undefined;
  }
  const jitter = clamp(Number.isFinite(options.jitter) ? options.jitter : 0, 0, 0.5);
  const factor = 1 + jitter * (2 * unit(options.random) - 1);
  return Math.max(1, Math.round(ms * factor));
}

/** Largest delay `setTimeout` honours (about 24.8 days); longer ones fire at once. */
export const MAX_TIMEOUT_MS = 2_147_483_647;

/** True for a finite number ≥ 0 (a usable delay, interval or size). */
export function isNonNegative(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
