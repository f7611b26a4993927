/**
 * The trend sparkline's geometry: an SVG path through an indicator's history with a simple
 * linear scale (oldest on the left), broken where a period has no value.
 */

/** A sparkline drawn in a `width × height` box. */
export interface Sparkline {
  /** SVG path data; `''` when there is nothing to draw. */
  readonly d: string;
  /** The last point with a value (marked with a dot), or null. */
  readonly last: { readonly x: number; readonly y: number } | null;
  /** How many points have a value. */
  readonly points: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The path of `values` (oldest first; null = no data) in a `width × height` box with `pad` px
 * kept clear on every side. y grows downwards, so higher values are drawn higher. A run of equal
 * values is a flat line through the middle; an isolated point is a zero-length segment, which a
 * round line cap draws as a dot. Needs two or more values to draw anything.
 */
export function sparklinePath(
  values: readonly (number | null)[],
  width: number,
  height: number,
  pad = 2,
): Sparkline {
  const usable = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (usable.length < 2 || values.length < 2) return { d: '', last: null, points: usable.length };
  let min = Infinity;
  let max = -Infinity;
  for (const v of usable) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const innerW = Math.max(0, width - 2 * pad);
  const innerH = Math.max(0, height - 2 * pad);
  const x = (i: number) => round(pad + (i * innerW) / (values.length - 1));
  const y = (v: number) => round(max === min ? pad + innerH / 2 : pad + ((max - v) * innerH) / (max - min));

  const parts: string[] = [];
  let open = false;
  let last: { x: number; y: number } | null = null;
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      open = false;
      return;
    }
    const next = values[i + 1];
    const px = x(i);
    const py = y(v);
    if (open) parts.push(`L${px} ${py}`);
    else {
      parts.push(`M${px} ${py}`);
      // An isolated point: draw a dot.
      if (typeof next !== 'number' || !Number.isFinite(next)) parts.push('h0');
    }
    open = true;
    last = { x: px, y: py };
  });
  return { d: parts.join(''), last, points: usable.length };
}
