/**
 * Canvas drawing for large grid systems: the grids of one colour in a few paths of nearby grids,
 * each filled once and stroked once for the borders, at the device's pixel ratio.
 */
import { PATH_SCALE, PathWriter, type ProjectedShape } from './projection.js';
import type { View } from './view.js';

/** Resolved colours for the canvas. */
export interface PaintStyle {
  /** Palette colours, by class colour index. */
  readonly fills: readonly string[];
  readonly noData: string | CanvasPattern;
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

/**
 * The grids as canvas paths, by colour and CHUNK grids at a time, built once per set of grids
 * and colours: the outlines are written straight from their projected positions into SVG path
 * strings (whole numbers, see PATH_SCALE, and no string per grid), which the browser parses
 * natively: many times faster than 100,000 `moveTo`/`lineTo` calls from script. The borders are
 * the same paths stroked, so there is no separate outline path to build. Zooming and panning
 * repaint these same paths.
 */
export class GridPaths {
  /** Colour index → every grid of that colour, in paths of at most CHUNK grids. */
  readonly fills = new Map<number, Path2D[]>();
  /** Square root of the mean grid area, in frame units (how big a grid is, to decide on borders). */
  readonly meanSide: number;

  constructor(
    count: number,
    colorOf: (i: number) => number,
    shapeOf: (i: number) => ProjectedShape | undefined,
  ) {
    // Grids by colour (a counting sort), then each colour's outlines written in one go.
    const colors = new Int16Array(count);
    const order = new Int32Array(count);
    const starts = new Map<number, number>();
    let drawn = 0;
    let area = 0;
    for (let i = 0; i < count; i++) {
      const shape = shapeOf(i);
      const c = shape ? colorOf(i) : NOT_DRAWN;
      colors[i] = c;
      if (c === NOT_DRAWN) continue;
      starts.set(c, (starts.get(c) ?? 0) + 1);
      drawn++;
      area += shape!.area;
    }
    let at = 0;
    for (const [c, n] of starts) {
      starts.set(c, at);
      at += n;
    }
    const next = new Map(starts);
    for (let i = 0; i < count; i++) {
      const c = colors[i]!;
      if (c === NOT_DRAWN) continue;
      const k = next.get(c)!;
      order[k] = i;
      next.set(c, k + 1);
    }
    // Within each colour, grids near each other next to each other (the Z order of their
    // centres), so that each path of CHUNK grids covers a small patch of the map.
    const keys = new Uint32Array(count);
    for (let i = 0; i < count; i++) {
      if (colors[i] === NOT_DRAWN) continue;
      const shape = shapeOf(i)!;
      keys[i] = zOrder((shape.x0 + shape.x1) / 2, (shape.y0 + shape.y1) / 2);
    }
    for (const [c, from] of starts) order.subarray(from, next.get(c)!).sort((a, b) => keys[a]! - keys[b]!);
    const writer = (sharedWriter ??= new PathWriter());
    for (const [c, from] of starts) {
      const to = next.get(c)!;
      const paths: Path2D[] = [];
      for (let k = from; k < to; k += CHUNK) {
        for (let m = k; m < Math.min(to, k + CHUNK); m++) writer.shape(shapeOf(order[m]!)!);
        paths.push(new Path2D(writer.take()));
      }
      this.fills.set(c, paths);
    }
    this.meanSide = drawn > 0 ? Math.sqrt(area / drawn) : 0;
  }
}

/**
 * Grids per canvas path. Software rasterisers (headless Chromium, machines without a GPU) fill
 * many small paths of nearby grids about three times faster than one path per colour spanning
 * the map: 20,000 cells in 37 ms rather than 107. Fewer grids per path gain little more and
 * cost a `Path2D` each.
 */
const CHUNK = 16;

/** The Z-order (Morton) code of a frame position, 10 bits per axis. */
function zOrder(x: number, y: number): number {
  return (spread(x) | (spread(y) << 1)) >>> 0;
}

/** A frame coordinate (0 … 1000, clamped) as 10 bits spread to the even bit positions. */
function spread(v: number): number {
  let n = Math.max(0, Math.min(1023, Math.round(v * 1.023)));
  n = (n | (n << 8)) & 0x00ff00ff;
  n = (n | (n << 4)) & 0x0f0f0f0f;
  n = (n | (n << 2)) & 0x33333333;
  n = (n | (n << 1)) & 0x55555555;
  return n;
}

/** Colour index of a grid that is not drawn (no outline). */
const NOT_DRAWN = -1000;

let sharedWriter: PathWriter | undefined;

/**
 * Paints the grids: the fill of colour index c ≥ 0 from the palette, -1 no data, -2 suppressed,
 * then the borders unless the grids are too small on screen for borders to help.
 */
export function paintGrids(
  ctx: CanvasRenderingContext2D,
  paths: GridPaths,
  view: View,
  dpr: number,
  style: PaintStyle,
): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  if (!(view.k > 0)) return;
  const k = (dpr * view.k) / PATH_SCALE;
  ctx.setTransform(k, 0, 0, k, dpr * view.x, dpr * view.y);
  for (const [c, list] of paths.fills) {
    const fill = c >= 0 ? (style.fills[c] ?? style.noData) : c === -2 ? style.suppressed : style.noData;
    // A pattern stays in device pixels whatever the zoom.
    if (typeof fill !== 'string') fill.setTransform(ctx.getTransform().inverse());
    ctx.fillStyle = fill;
    for (const path of list) ctx.fill(path, 'evenodd');
  }
  const side = paths.meanSide * view.k;
  if (side >= 4) {
    ctx.strokeStyle = style.stroke;
    // In path units: CSS pixels × PATH_SCALE / k.
    ctx.lineWidth = ((side >= 12 ? 1 : 0.5) * PATH_SCALE) / view.k;
    ctx.lineJoin = 'round';
    for (const list of paths.fills.values()) for (const path of list) ctx.stroke(path);
  }
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

/** A small repeating grid of dots on a neutral ground, for grids with no data (not a class colour). */
export function dotPattern(
  ctx: CanvasRenderingContext2D,
  background: string,
  dot: string,
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
  t.fillStyle = dot;
  t.beginPath();
  t.arc(size / 2, size / 2, Math.max(1, 1.1 * dpr), 0, 2 * Math.PI);
  t.fill();
  return ctx.createPattern(tile, 'repeat') ?? background;
}
