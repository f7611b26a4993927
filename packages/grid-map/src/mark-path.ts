/**
 * Point marks as path data: a symbol's outline (SVG path data in a 16 × 16 box) written at any
 * position and scale, so that all marks of one kind and level are one `<path>` rather than an
 * element (and a transform) per mark: a map with 150 risk sources lays out 4 paths, not 300
 * elements.
 */

/** Writes a symbol at a position: `(x, y)` is where the top-left of its 16 × 16 box goes. */
export type MarkWriter = (x: number, y: number) => string;

const TOKENS = /[MmLlHhVvAaZz]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;

/** How many numbers one segment of each command takes. */
const ARITY: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, a: 7, z: 0 };

/** A number with at most two decimals, as path data. */
const num = (v: number): string => String(Math.round(v * 100) / 100);

/**
 * `shape` (path data with M, L, H, V, A and Z, absolute or relative, as the symbols are written)
 * scaled by `scale`: a writer that starts each copy with an absolute moveto and continues in
 * relative commands, so a copy costs one string concatenation.
 */
export function markWriter(shape: string, scale: number): MarkWriter {
  const tokens = shape.match(TOKENS) ?? [];
  let rest = '';
  let first: [number, number] | undefined;
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  let i = 0;
  while (i < tokens.length) {
    const command = tokens[i++]!;
    const lower = command.toLowerCase();
    const relative = command === lower;
    const arity = ARITY[lower];
    if (arity === undefined) break;
    if (lower === 'z') {
      rest += 'z';
      cx = sx;
      cy = sy;
      continue;
    }
    let segment = 0;
    while (i < tokens.length && !/^[A-Za-z]$/.test(tokens[i]!)) {
      const n = tokens.slice(i, i + arity).map(Number);
      i += arity;
      if (n.length < arity || n.some((v) => !Number.isFinite(v))) return () => '';
      if (lower === 'h') {
        const x = relative ? cx + n[0]! : n[0]!;
        rest += `h${num((x - cx) * scale)}`;
        cx = x;
      } else if (lower === 'v') {
        const y = relative ? cy + n[0]! : n[0]!;
        rest += `v${num((y - cy) * scale)}`;
        cy = y;
      } else {
        const x = relative ? cx + n[arity - 2]! : n[arity - 2]!;
        const y = relative ? cy + n[arity - 1]! : n[arity - 1]!;
        const dx = num((x - cx) * scale);
        const dy = num((y - cy) * scale);
        if (lower === 'a') {
          rest += `a${num(n[0]! * scale)} ${num(n[1]! * scale)} ${n[2]} ${n[3]} ${n[4]} ${dx} ${dy}`;
        } else if (lower === 'm' && segment === 0) {
          // A moveto: the copy's own start, or a new subpath within it.
          if (!first) first = [x * scale, y * scale];
          else rest += `m${dx} ${dy}`;
          sx = x;
          sy = y;
        } else {
          rest += `l${dx} ${dy}`;
        }
        cx = x;
        cy = y;
      }
      segment++;
    }
  }
  if (!first) return () => '';
  const [fx, fy] = first;
  return (x, y) => `M${num(x + fx)} ${num(y + fy)}${rest}`;
}
