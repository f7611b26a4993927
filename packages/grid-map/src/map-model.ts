/**
 * Feed → what the map draws: the grids (optionally of one sub-district) with their outlines
 * projected into the reference frame, the sub-district boundaries, the district outline, the
 * neighbouring districts, a spatial index, and the geometry problems found on the way.
 */
import type { AreaGeometry, Feed, LocalizedText } from '@safety-widgets/core';
import { geometryKey, type GeometryProblem } from './geometry.js';
import { GridIndex } from './hit-test.js';
import {
  makeFrame,
  unionBox,
  type Box,
  type CachedShape,
  type ProjectionFrame,
  type ProjectedShape,
  type ShapeCache,
} from './projection.js';

/** A grid as the map draws it. */
export interface GridItem {
  readonly id: string;
  readonly name: LocalizedText;
  readonly subdistrict: string;
  readonly population: number | null;
  readonly metrics: Readonly<Record<string, number | null>>;
  readonly synthetic: boolean;
  readonly cached: CachedShape;
  readonly shape: ProjectedShape;
}

/** A named outline (sub-district, neighbour, district). */
export interface Outline {
  readonly id: string;
  readonly name: LocalizedText;
  readonly cached: CachedShape;
}

/** Ids of grids with each kind of geometry problem. */
export type GeometryReport = Readonly<Record<GeometryProblem, readonly string[]>>;

export interface MapModel {
  readonly frame: ProjectionFrame | undefined;
  /** The grids drawn, in feed order. */
  readonly grids: readonly GridItem[];
  readonly index: GridIndex;
  /** Grid id → position in `grids`. */
  readonly byId: ReadonlyMap<string, number>;
  readonly subdistricts: readonly Outline[];
  /** The neighbouring districts (projected on first use: only a map with `context` draws them). */
  readonly neighbours: readonly Outline[];
  readonly outline: CachedShape | undefined;
  /** The part of the frame to fit into the container. */
  readonly viewBox: Box | undefined;
  /** The bounding box of the grids drawn. */
  readonly gridBox: Box | undefined;
  /**
   * Grid ids by problem (among the grids considered: those of the sub-district when filtered).
   * Worked out on first use: whether an outline crosses itself is only said in a note.
   */
  readonly problems: GeometryReport;
  /** The sub-district filter, when it matched grids. */
  readonly subdistrict: string | undefined;
  /** Grids in the feed before filtering. */
  readonly totalGrids: number;
}

/** Cache ids for outlines that are not grids (grid ids cannot start with `_`). */
const OUTLINE_ID = '_outline';
const SUBDISTRICT_PREFIX = '_sub:';
const NEIGHBOUR_PREFIX = '_nb:';

/**
 * Builds the map model. Projects through `cache`, so a feed whose geometries did not change
 * reuses every projected outline. Never throws on bad geometry: empty outlines are left out
 * and listed in `problems`.
 */
export function buildMapModel(
  feed: Feed,
  subdistrict: string | undefined,
  cache: ShapeCache,
  previous?: MapModel,
): MapModel {
  const filter = subdistrict?.trim() || undefined;
  const features = feed.grids.features;
  const considered = filter ? features.filter((f) => f.properties.subdistrict === filter) : features;

  // Fingerprints of the outlines that are not grids (and of every grid when they fit the frame).
  const fingerprints = new Map<string, number>();
  const fingerprint = (id: string, geometry: AreaGeometry | null | undefined) => {
    const fp = geometryKey(geometry);
    fingerprints.set(id, fp);
    return fp;
  };

  // The frame: fitted to the district outline, or to all the grids when the feed has none.
  const outlineSource = feed.place.outline ?? undefined;
  let frameKey: string;
  let fit;
  let gridFingerprints: Map<string, number> | undefined;
  if (outlineSource) {
    frameKey = `outline:${fingerprint(OUTLINE_ID, outlineSource)}`;
    fit = [cache.geometry(OUTLINE_ID, fingerprints.get(OUTLINE_ID)!, outlineSource, false)];
  } else {
    gridFingerprints = new Map();
    let h = 0x811c9dc5;
    for (const f of features) {
      const fp = geometryKey(f.geometry);
      gridFingerprints.set(f.id, fp);
      h = Math.imul(h ^ (fp % 0x40000000), 0x01000193);
      h = Math.imul(h ^ Math.floor(fp / 0x40000000), 0x01000193);
    }
    frameKey = `grids:${features.length}:${h >>> 0}`;
    fit = features.map((f) => cache.geometry(f.id, gridFingerprints!.get(f.id)!, f.geometry));
  }
  const frame = makeFrame(fit, frameKey);

  const grids: GridItem[] = [];
  /** The cache entry of each grid considered, in order (for the problems, worked out later). */
  const entries: CachedShape[] = new Array(considered.length);
  let gx0 = Infinity;
  let gy0 = Infinity;
  let gx1 = -Infinity;
  let gy1 = -Infinity;
  for (let n = 0; n < considered.length; n++) {
    const f = considered[n]!;
    const fp = gridFingerprints?.get(f.id) ?? geometryKey(f.geometry);
    const cached = cache.get(f.id, fp, f.geometry, frame);
    entries[n] = cached;
    const shape = cached.shape;
    if (!shape) continue;
    const p = f.properties;
    grids.push({
      id: f.id,
      name: p.name,
      subdistrict: p.subdistrict,
      population: typeof p.population === 'number' ? p.population : null,
      metrics: p.metrics ?? NO_METRICS,
      synthetic: p.synthetic === true,
      cached,
      shape,
    });
    if (shape.x0 < gx0) gx0 = shape.x0;
    if (shape.y0 < gy0) gy0 = shape.y0;
    if (shape.x1 > gx1) gx1 = shape.x1;
    if (shape.y1 > gy1) gy1 = shape.y1;
  }

  const outline = outlineSource
    ? cache.get(OUTLINE_ID, fingerprints.get(OUTLINE_ID)!, outlineSource, frame, false)
    : undefined;
  const outlines = (
    prefix: string,
    items: readonly { id: string; name: LocalizedText; geometry?: AreaGeometry | null }[],
  ) =>
    items
      .filter((item) => item.geometry)
      .map((item) => {
        const id = prefix + item.id;
        return {
          id: item.id,
          name: item.name,
          cached: cache.get(id, fingerprint(id, item.geometry), item.geometry, frame, false),
        };
      })
      .filter((o) => o.cached.shape);
  const subdistricts = outlines(
    SUBDISTRICT_PREFIX,
    filter ? feed.subdistricts.filter((s) => s.id === filter) : feed.subdistricts,
  );
  let neighbours: Outline[] | undefined;
  let problems: GeometryReport | undefined;

  // Forget grids no longer in the feed (keep all of the feed's: a sub-district filter should not
  // cost the others' projection, nor the neighbours not drawn yet theirs). Only when there can be
  // any to forget.
  if (cache.size > features.length + fingerprints.size + feed.neighbours.length) {
    const keep = new Set(fingerprints.keys());
    for (const f of features) keep.add(f.id);
    for (const n of feed.neighbours) keep.add(NEIGHBOUR_PREFIX + n.id);
    cache.prune(keep);
  }

  // Same outlines as the previous model (a figures-only update): same index and id map.
  const same =
    previous !== undefined &&
    previous.grids.length === grids.length &&
    grids.every((g, i) => g.shape === previous.grids[i]!.shape);

  const gridBox: Box | undefined = same
    ? previous.gridBox
    : grids.length > 0
      ? [gx0, gy0, gx1, gy1]
      : undefined;
  const viewBox = filter
    ? unionBox([...(gridBox ? [gridBox] : []), ...subdistricts.map((s) => s.cached.shape!.bbox)])
    : unionBox([...(gridBox ? [gridBox] : []), ...(outline?.shape ? [outline.shape.bbox] : [])]);

  let index: GridIndex;
  let byId: Map<string, number>;
  if (same) {
    index = previous.index;
    byId = previous.byId as Map<string, number>;
  } else {
    const shapes: ProjectedShape[] = new Array(grids.length);
    byId = new Map();
    for (let i = 0; i < grids.length; i++) {
      shapes[i] = grids[i]!.shape;
      byId.set(grids[i]!.id, i);
    }
    index = new GridIndex(shapes);
  }

  return {
    frame,
    grids,
    index,
    byId,
    gridBox,
    subdistricts,
    get neighbours() {
      return (neighbours ??= outlines(NEIGHBOUR_PREFIX, feed.neighbours));
    },
    outline,
    viewBox,
    get problems() {
      return (problems ??= geometryReport(considered, entries));
    },
    subdistrict: filter && considered.length > 0 ? filter : undefined,
    totalGrids: features.length,
  };
}

/** Which considered grids have which geometry problem (a grid that did not project has no area). */
function geometryReport(
  considered: readonly { readonly id: string }[],
  entries: readonly CachedShape[],
): GeometryReport {
  const problems: Record<GeometryProblem, string[]> = {
    'winding-fixed': [],
    empty: [],
    'self-intersecting': [],
  };
  for (let n = 0; n < considered.length; n++) {
    const id = considered[n]!.id;
    const found = entries[n]!.geometry.problems;
    for (let i = 0; i < found.length; i++) problems[found[i]!].push(id);
    if (!entries[n]!.shape && !found.includes('empty')) problems.empty.push(id);
  }
  return problems;
}

/** Metrics of a grid that has none (shared). */
const NO_METRICS: Readonly<Record<string, number | null>> = Object.freeze({});

/** The grid a point belongs to: its `grid` when that grid is drawn, else the drawn grid under it. */
export function gridOfPointIn(model: MapModel) {
  return (point: { grid?: string | null; coordinates: readonly [number, number] }): string | undefined => {
    if (point.grid) return model.byId.has(point.grid) ? point.grid : undefined;
    const xy = model.frame?.project(point.coordinates[0], point.coordinates[1]);
    if (!xy) return undefined;
    const i = model.index.at(xy[0], xy[1]);
    return i >= 0 ? model.grids[i]!.id : undefined;
  };
}
