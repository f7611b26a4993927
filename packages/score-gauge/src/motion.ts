/** The arc's sweep: its duration from CSS, and its easing. */

/**
 * A CSS time (`600ms`, `0.6s`, ` 0s `) in milliseconds; 0 for anything else (empty, negative,
 * not a time), so that an unreadable value means no motion rather than a guess.
 */
export function parseDuration(text: string | null | undefined): number {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)(ms|s)\s*$/i.exec(text ?? '');
  if (!match) return 0;
  const n = Number(match[1]);
  const ms = match[2]!.toLowerCase() === 's' ? n * 1000 : n;
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 10_000) : 0;
}

/** Cubic ease in and out, t in [0, 1] (clamped). */
export function easeInOutCubic(t: number): number {
  const x = Math.min(1, Math.max(0, t));
  return x < 0.5 ? 4 * x * x * x : 1 - (-2 * x + 2) ** 3 / 2;
}
