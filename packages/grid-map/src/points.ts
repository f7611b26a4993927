/**
 * Point layers: which layers are shown, their points in the frame, and the marks drawn on
 * screen, where points of one layer that fall in the same small screen cell become one mark
 * with a count (so a dense layer is aggregated and the DOM stays small).
 * Sensitive layers have no points here: they are counted per grid instead (./privacy.ts).
 */
import type { Feed, Layer, RiskLevel } from '@safety-widgets/core';
import type { ProjectionFrame } from './projection.js';

export type LayerKind = Layer['kind'];

/**
 * The ids of the layers to show. `layers` lists layer ids or kinds, separated by commas or
 * spaces; unset shows none: the choropleth is the message, and marks on it are shown only when
 * the page asks (every layer is a click away in the legend). A sensitive layer is shown, as
 * counts per grid, only when listed.
 */
export function visibleLayerIds(feed: Feed, layers: string | null | undefined): Set<string> {
  if (layers === null || layers === undefined) return new Set();
  const wanted = new Set(
    layers
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  );
  return new Set(feed.layers.filter((l) => wanted.has(l.id) || wanted.has(l.kind)).map((l) => l.id));
}

/** A point of a layer, projected. */
export interface FramePoint {
  readonly layer: string;
  readonly kind: LayerKind;
  readonly level: RiskLevel | undefined;
  readonly x: number;
  readonly y: number;
  /** How many items it stands for. */
  readonly n: number;
}

/**
 * The points of the shown, non-sensitive layers, projected into the frame; `keep` decides
 * which points belong on the map (e.g. those in the shown sub-district).
 */
export function framePoints(
  feed: Feed,
  frame: ProjectionFrame | undefined,
  shown: ReadonlySet<string>,
  keep: (point: Layer['points'][number]) => boolean,
): FramePoint[] {
  if (!frame) return [];
  const out: FramePoint[] = [];
  for (const layer of feed.layers) {
    // Privacy: a sensitive layer is never drawn at a point, whatever `shown` says.
    if (layer.sensitive || !shown.has(layer.id)) continue;
    for (const point of layer.points) {
      if (!keep(point)) continue;
      const xy = frame.project(point.coordinates[0], point.coordinates[1]);
      if (!xy) continue;
      out.push({
        layer: layer.id,
        kind: layer.kind,
        level: point.level ?? undefined,
        x: xy[0],
        y: xy[1],
        n: typeof point.count === 'number' ? point.count : 1,
      });
    }
  }
  return out;
}

/** A mark on screen: one point, or several of one kind in one cell. */
export interface PointMark {
  readonly key: string;
  readonly layer: string;
  readonly kind: LayerKind;
  readonly level: RiskLevel | undefined;
  /** Screen position (the mean of its points). */
  readonly x: number;
  readonly y: number;
  /** Points merged into this mark. */
  readonly points: number;
  /** Items they stand for (sum of counts). */
  readonly n: number;
}

/** Severity order, so that the most severe risk marks are drawn last (on top). */
const LEVEL_ORDER: Record<string, number> = { blue: 1, yellow: 2, orange: 3, red: 4 };

const severity = (level: RiskLevel | undefined) => LEVEL_ORDER[level ?? ''] ?? 0;

/**
 * Screen marks for the points: projected by `toScreen`, those outside the `width` × `height`
 * view (plus a margin) left out, and points of the same layer in the same `cell`-pixel square
 * merged into one mark, which takes the most severe level among them and counts them.
 */
export function pointMarks(
  points: readonly FramePoint[],
  toScreen: (x: number, y: number) => readonly [number, number],
  width: number,
  height: number,
  cell = 24,
): PointMark[] {
  const margin = cell;
  const bins = new Map<
    string,
    { p: FramePoint; level: RiskLevel | undefined; sx: number; sy: number; points: number; n: number }
  >();
  for (const p of points) {
    const [sx, sy] = toScreen(p.x, p.y);
    // Off screen, or not a position at all (NaN fails every comparison).
    if (!(sx >= -margin && sy >= -margin && sx <= width + margin && sy <= height + margin)) continue;
    const key = `${p.layer}|${Math.floor(sx / cell)}|${Math.floor(sy / cell)}`;
    const bin = bins.get(key);
    if (bin) {
      bin.sx += sx;
      bin.sy += sy;
      bin.points += 1;
      bin.n += p.n;
      if (severity(p.level) > severity(bin.level)) bin.level = p.level;
    } else {
      bins.set(key, { p, level: p.level, sx, sy, points: 1, n: p.n });
    }
  }
  const marks: PointMark[] = [];
  for (const [key, b] of bins) {
    marks.push({
      key,
      layer: b.p.layer,
      kind: b.p.kind,
      level: b.level,
      x: b.sx / b.points,
      y: b.sy / b.points,
      points: b.points,
      n: b.n,
    });
  }
  return marks.sort((a, b) => severity(a.level) - severity(b.level));
}
