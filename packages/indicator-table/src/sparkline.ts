/**
 * The trend sparkline's geometry: lines through an indicator's history with a simple linear
 * scale (oldest on the left). A period without a value is a gap — no segment and no dot, never
 * drawn as 0 — and a known value with no known neighbour is a dot.
 */

/** A point of the sparkline, in the box's px. */
export interface SparkPoint {
  readonly x: number;
  readonly y: number;
}

/** A sparkline drawn in a `width × height` box. */
export interface Sparkline {
  /** SVG path data of the runs of two or more consecutive known values; `''` when there are none. */
  readonly d: string;
  /** Known values with no known neighbour (drawn as dots, since they have no segment). */
  readonly dots: readonly SparkPoint[];
  /** The last point with a value (marked with a dot), or null when no period has one. */
  readonly last: SparkPoint | null;
  /** How many points have a value. */
  readonly points: number;
}

const round = (n: number) => Math.round(n * 100) / 100;
const known = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The sparkline of `values` (oldest first; null = no data) in a `width × height` box with `pad`
 * px kept clear on every side. y grows downwards, so higher values are drawn higher; a run of
 * equal values is a flat line through the middle. Every period keeps its place on the x axis,
 * with or without a value, so a gap shows where the data is missing. A single period is drawn
 * at the right (newest) end.
 */
export function sparklinePath(
  values: readonly (number | null)[],
  width: number,
  height: number,
  pad = 2,
): Sparkline {
  let min = Infinity;
  let max = -Infinity;
  let count = 0;
  for (const v of values) {
    if (!known(v)) continue;
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (count === 0) return { d: '', dots: [], last: null, points: 0 };
  const innerW = Math.max(0, width - 2 * pad);
  const innerH = Math.max(0, height - 2 * pad);
  const n = values.length;
  const x = (i: number) => round(n === 1 ? pad + innerW : pad + (i * innerW) / (n - 1));
  const y = (v: number) => round(max === min ? pad + innerH / 2 : pad + ((max - v) * innerH) / (max - min));

  const parts: string[] = [];
  const dots: SparkPoint[] = [];
  let last: SparkPoint | null = null;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!known(v)) continue;
    const point = { x: x(i), y: y(v) };
    const before = known(values[i - 1]);
    const after = known(values[i + 1]);
    if (before) parts.push(`L${point.x} ${point.y}`);
    else if (after) parts.push(`M${point.x} ${point.y}`);
    else dots.push(point);
    last = point;
  }
  return { d: parts.join(''), dots, last, points: count };
}
