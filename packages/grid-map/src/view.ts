/**
 * Frame → screen: the map fits its view box into the container (a scale and an offset, the
 * same as d3's `fitExtent` would give for Mercator), then the zoom transform applies on top.
 */
import type { Box } from './projection.js';

/** A view: frame coordinates × k + (x, y) = CSS pixels. */
export interface View {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

/** The view that fits `box` into `width` × `height` with `padding` pixels around it. */
export function fitView(box: Box | undefined, width: number, height: number, padding = 8): View {
  if (!box || !(width > 0) || !(height > 0)) return { k: 0, x: 0, y: 0 };
  const bw = Math.max(box[2] - box[0], 1e-9);
  const bh = Math.max(box[3] - box[1], 1e-9);
  const pad = Math.min(padding, width / 4, height / 4);
  const k = Math.min((width - 2 * pad) / bw, (height - 2 * pad) / bh);
  return { k, x: (width - k * bw) / 2 - k * box[0], y: (height - k * bh) / 2 - k * box[1] };
}

/** The zoom transform `z` applied after `base`. */
export function composeView(base: View, z: View): View {
  return { k: z.k * base.k, x: z.k * base.x + z.x, y: z.k * base.y + z.y };
}

/** Screen position of a frame point. */
export function toScreen(view: View, x: number, y: number): [number, number] {
  return [x * view.k + view.x, y * view.k + view.y];
}

/** Frame position of a screen point. */
export function toFrame(view: View, sx: number, sy: number): [number, number] {
  return [(sx - view.x) / view.k, (sy - view.y) / view.k];
}
