/**
 * Canvas drawing for large grid systems: every grid of one colour in one path and one fill,
 * all borders in one stroke, only the grids in view, at the device's pixel ratio.
 */
import type { GridIndex } from './hit-test.js';
import type { ProjectedShape } from './projection.js';
import type { View } from './view.js';

/** Resolved colours for the canvas. */
export interface PaintStyle {
  /** Palette colours, by class colour index. */
  readonly fills: readonly string[];
  readonly noData: string;
  readonly suppressed: string | CanvasPattern;
  readonly stroke: string;
}

/** Sizes the canvas for `width` × `height` CSS pixels at `dpr`; true when it changed. */
export function sizeCanvas(canvas: HTMLCanvasElement, width: number, height: number, dpr: number): boolean {
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (canvas.width === w && canvas.height === h) return false;
  canvas.width = w;
  canvas.height = h;
  return true;
}

function tracePath(ctx: CanvasRenderingContext2D, shape: ProjectedShape): void {
  for (const ring of shape.rings) {
    ctx.moveTo(ring[0]!, ring[1]!);
    for (let i = 2; i < ring.length; i += 2) ctx.lineTo(ring[i]!, ring[i + 1]!);
    ctx.closePath();
  }
}

/**
 * Paints the grids: `colors[i]` is grid i's palette index, -1 for no data, -2 for suppressed.
 * Returns how many grids were drawn (those in view).
 */
export function paintGrids(
  ctx: CanvasRenderingContext2D,
  index: GridIndex,
  colors: ArrayLike<number>,
  view: View,
  width: number,
  height: number,
  dpr: number,
  style: PaintStyle,
): number {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  if (!(view.k > 0)) return 0;
  // Only the grids in view.
  const inView = index.search(
    -view.x / view.k,
    -view.y / view.k,
    (width - view.x) / view.k,
    (height - view.y) / view.k,
  );
  ctx.setTransform(dpr * view.k, 0, 0, dpr * view.k, dpr * view.x, dpr * view.y);
  const groups = new Map<number, number[]>();
  let cellArea = 0;
  for (const i of inView) {
    const c = colors[i] ?? -1;
    let group = groups.get(c);
    if (!group) groups.set(c, (group = []));
    group.push(i);
    cellArea += index.shapes[i]!.area;
  }
  for (const [c, group] of groups) {
    const fill = c >= 0 ? (style.fills[c] ?? style.noData) : c === -2 ? style.suppressed : style.noData;
    // A pattern stays in device pixels whatever the zoom.
    if (typeof fill !== 'string') fill.setTransform(ctx.getTransform().inverse());
    ctx.fillStyle = fill;
    ctx.beginPath();
    for (const i of group) tracePath(ctx, index.shapes[i]!);
    ctx.fill('evenodd');
  }
  // Borders, unless the grids are so small on screen that borders would hide them.
  const meanSide = inView.length > 0 ? Math.sqrt(cellArea / inView.length) * view.k : 0;
  if (meanSide >= 4) {
    ctx.strokeStyle = style.stroke;
    ctx.lineWidth = (meanSide >= 12 ? 1 : 0.5) / view.k;
    ctx.lineJoin = 'round';
    ctx.beginPath();
    for (const i of inView) tracePath(ctx, index.shapes[i]!);
    ctx.stroke();
  }
  return inView.length;
}

/** A small repeating diagonal hatch, for suppressed counts. */
export function hatchPattern(
  ctx: CanvasRenderingContext2D,
  background: string,
  line: string,
  dpr: number,
): CanvasPattern | string {
  const size = Math.max(4, Math.round(6 * dpr));
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const t = tile.getContext('2d');
  if (!t) return background;
  t.fillStyle = background;
  t.fillRect(0, 0, size, size);
  t.strokeStyle = line;
  t.lineWidth = Math.max(1, dpr);
  t.beginPath();
  t.moveTo(0, size);
  t.lineTo(size, 0);
  t.moveTo(-size / 2, size / 2);
  t.lineTo(size / 2, -size / 2);
  t.moveTo(size / 2, size * 1.5);
  t.lineTo(size * 1.5, size / 2);
  t.stroke();
  return ctx.createPattern(tile, 'repeat') ?? background;
}
