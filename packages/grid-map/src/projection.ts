/**
 * Projection: lon/lat → a fixed 1000 × 1000 reference frame (Web Mercator fitted to the
 * district), done once per grid geometry and cached. Fitting the map to its container,
 * resizing, zooming and panning are all linear transforms of the frame, so none of them
 * projects anything again; nor does a feed update that changes only figures.
 */
import { geoMercator, type GeoProjection } from 'd3-geo';
import { normaliseGeometry, toGeoJson, type NormalisedGeometry, type PolygonRings } from './geometry.js';
import type { AreaGeometry } from '@safety-widgets/core';

/** Width and height of the reference frame. */
export const FRAME_SIZE = 1000;

/** A bounding box `[x0, y0, x1, y1]`. */
export type Box = [number, number, number, number];

/** Lon/lat → frame coordinates for one district. */
export interface Frame {
  /** Changes whenever the projection does. */
  readonly key: string;
  /** The fitted Mercator's scale and translation (`projectShape` inlines the formula with them). */
  readonly scale: number;
  readonly tx: number;
  readonly ty: number;
  /** Frame coordinates of a position, or undefined if it cannot be projected. */
  project(lon: number, lat: number): [number, number] | undefined;
}

/** Web Mercator is undefined at the poles: latitudes are clamped to this. */
const MAX_LATITUDE = 85;
const RADIANS = Math.PI / 180;

/** Mercator y of a latitude in degrees (clamped to ±85°), before scaling. */
function mercatorY(lat: number): number {
  const phi = (lat > MAX_LATITUDE ? MAX_LATITUDE : lat < -MAX_LATITUDE ? -MAX_LATITUDE : lat) * RADIANS;
  return Math.log(Math.tan((Math.PI / 2 + phi) / 2));
}

/**
 * A frame in which `fit` (normalised geometries, e.g. the district outline) fills
 * [0, 1000] × [0, 1000] (keeping its aspect ratio). Undefined when there is nothing to fit.
 */
export function makeFrame(fit: readonly NormalisedGeometry[], key: string): Frame | undefined {
  const geometries = fit.filter((g) => g.polygons.length > 0).map(toGeoJson);
  if (geometries.length === 0) return undefined;
  let projection: GeoProjection;
  try {
    projection = geoMercator()
      .precision(0)
      .fitExtent(
        [
          [0, 0],
          [FRAME_SIZE, FRAME_SIZE],
        ],
        { type: 'GeometryCollection', geometries },
      );
  } catch {
    return undefined;
  }
  const [tx, ty] = projection.translate();
  const k = projection.scale();
  if (!Number.isFinite(k) || !Number.isFinite(tx) || !Number.isFinite(ty)) return undefined;
  // d3's Mercator with no rotation, written out: the same numbers as projection([lon, lat]),
  // without an array and a rotation per position (20,000 grids project in a few ms).
  return {
    key,
    scale: k,
    tx,
    ty,
    project(lon, lat) {
      const x = tx + k * lon * RADIANS;
      const y = ty - k * mercatorY(lat);
      return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : undefined;
    },
  };
}

/** A grid's outline in frame coordinates, ready to draw, hit-test and label. */
export interface ProjectedShape {
  /** Each ring as flat `x0, y0, x1, y1, …` (closed); every polygon's rings in order. */
  readonly rings: readonly Float64Array[];
  /** Which ring starts each polygon (index into `rings`). */
  readonly polygonStarts: readonly number[];
  readonly bbox: Box;
  /** A point inside the shape (its largest polygon) for a tooltip or a label. */
  readonly label: readonly [number, number];
  /** Planar area in frame units². */
  readonly area: number;
}

/** How many shapes have been projected (for tests: a figures-only update projects none). */
export const projectionStats = { shapes: 0 };

function ringAreaFlat(ring: Float64Array): number {
  let sum = 0;
  for (let i = 0; i + 3 < ring.length; i += 2) sum += ring[i]! * ring[i + 3]! - ring[i + 2]! * ring[i + 1]!;
  return sum / 2;
}

/** Even-odd point-in-polygon over rings (holes and self-crossings included). */
export function pointInRings(
  rings: readonly Float64Array[],
  x: number,
  y: number,
  from = 0,
  to = rings.length,
): boolean {
  let inside = false;
  for (let r = from; r < to; r++) {
    const ring = rings[r]!;
    const n = ring.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const xi = ring[i]!;
      const yi = ring[i + 1]!;
      const xj = ring[j]!;
      const yj = ring[j + 1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** A point well inside rings `from`…`to` (one polygon): its centroid if inside, else the middle of the widest span across it. */
function labelPoint(rings: readonly Float64Array[], from: number, to: number, bbox: Box): [number, number] {
  const exterior = rings[from]!;
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 3 < exterior.length; i += 2) {
    const cross = exterior[i]! * exterior[i + 3]! - exterior[i + 2]! * exterior[i + 1]!;
    a += cross;
    cx += (exterior[i]! + exterior[i + 2]!) * cross;
    cy += (exterior[i + 1]! + exterior[i + 3]!) * cross;
  }
  if (Math.abs(a) > 1e-12) {
    const c: [number, number] = [cx / (3 * a), cy / (3 * a)];
    if (pointInRings(rings, c[0], c[1], from, to)) return c;
  }
  // Concave: cut across at the centroid's height (or the middle) and take the widest span.
  const y = Math.abs(a) > 1e-12 && Number.isFinite(cy / (3 * a)) ? cy / (3 * a) : (bbox[1] + bbox[3]) / 2;
  for (const yy of [y, (bbox[1] + bbox[3]) / 2]) {
    const xs: number[] = [];
    for (let r = from; r < to; r++) {
      const ring = rings[r]!;
      for (let i = 0; i + 3 < ring.length; i += 2) {
        const y0 = ring[i + 1]!;
        const y1 = ring[i + 3]!;
        if (y0 > yy !== y1 > yy) xs.push(ring[i]! + ((yy - y0) * (ring[i + 2]! - ring[i]!)) / (y1 - y0));
      }
    }
    xs.sort((p, q) => p - q);
    let best: [number, number] | undefined;
    let width = -1;
    for (let i = 0; i + 1 < xs.length; i += 2) {
      if (xs[i + 1]! - xs[i]! > width) {
        width = xs[i + 1]! - xs[i]!;
        best = [(xs[i]! + xs[i + 1]!) / 2, yy];
      }
    }
    if (best) return best;
  }
  return [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2];
}

/** Projects normalised polygons into the frame; undefined when nothing projects. */
export function projectShape(geometry: NormalisedGeometry, frame: Frame): ProjectedShape | undefined {
  const rings: Float64Array[] = [];
  const polygonStarts: number[] = [];
  const bbox: Box = [Infinity, Infinity, -Infinity, -Infinity];
  let largest = -1;
  let largestArea = -1;
  let area = 0;
  // The frame's Mercator inlined: no array per position (the hot loop of a 20,000-grid feed).
  const kx = frame.scale * RADIANS;
  const k = frame.scale;
  const { tx, ty } = frame;
  const addPolygon = (polygon: PolygonRings): boolean => {
    const start = rings.length;
    let x0 = bbox[0];
    let y0 = bbox[1];
    let x1 = bbox[2];
    let y1 = bbox[3];
    for (const ring of polygon) {
      const flat = new Float64Array(ring.length * 2);
      let f = 0;
      for (let i = 0, n = ring.length; i < n; i++) {
        const p = ring[i]!;
        const x = tx + kx * p[0];
        const y = ty - k * mercatorY(p[1]);
        if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
        flat[f++] = x;
        flat[f++] = y;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
      rings.push(flat);
    }
    bbox[0] = x0;
    bbox[1] = y0;
    bbox[2] = x1;
    bbox[3] = y1;
    polygonStarts.push(start);
    const exteriorArea = Math.abs(ringAreaFlat(rings[start]!));
    let polygonArea = exteriorArea;
    for (let r = start + 1; r < rings.length; r++) polygonArea -= Math.abs(ringAreaFlat(rings[r]!));
    area += Math.max(0, polygonArea);
    if (exteriorArea > largestArea) {
      largestArea = exteriorArea;
      largest = polygonStarts.length - 1;
    }
    return true;
  };
  for (const polygon of geometry.polygons) {
    const before = rings.length;
    if (!addPolygon(polygon)) {
      rings.length = before;
    }
  }
  if (rings.length === 0 || largest < 0) return undefined;
  projectionStats.shapes++;
  const from = polygonStarts[largest]!;
  const to = polygonStarts[largest + 1] ?? rings.length;
  return { rings, polygonStarts, bbox, label: labelPoint(rings, from, to, bbox), area };
}

/**
 * Units of SVG path data per frame unit: path data holds whole hundredths of a frame unit
 * (1/100,000 of the frame), so that it is made of integers, which script turns into text and the
 * browser parses several times faster than decimals (20,000 grids: ~30 ms instead of ~600 ms).
 * Whoever draws it scales by 1 / PATH_SCALE.
 */
export const PATH_SCALE = 100;

/** SVG path data of a shape, in frame units × PATH_SCALE, rounded to whole numbers. */
export function pathData(shape: ProjectedShape): string {
  let d = '';
  for (const ring of shape.rings) {
    d += 'M';
    for (let i = 0; i + 1 < ring.length - 2; i += 2) {
      if (i > 0) d += 'L';
      d += Math.round(ring[i]! * PATH_SCALE) + ',' + Math.round(ring[i + 1]! * PATH_SCALE);
    }
    d += 'Z';
  }
  return d;
}

/** The union of boxes, or undefined for none. */
export function unionBox(boxes: Iterable<Box>): Box | undefined {
  let out: Box | undefined;
  for (const b of boxes) {
    if (!out) out = [...b];
    else {
      out[0] = Math.min(out[0], b[0]);
      out[1] = Math.min(out[1], b[1]);
      out[2] = Math.max(out[2], b[2]);
      out[3] = Math.max(out[3], b[3]);
    }
  }
  return out;
}

/** A geometry normalised and projected, cached under an id and the geometry's fingerprint. */
export interface CachedShape {
  readonly fingerprint: string;
  readonly geometry: NormalisedGeometry;
  readonly shape: ProjectedShape | undefined;
  /** SVG path data (frame units × PATH_SCALE), made on first use. */
  readonly d: string;
}

class Entry implements CachedShape {
  frameKey: string | undefined = undefined;
  shape: ProjectedShape | undefined = undefined;
  private path: string | undefined;

  constructor(
    readonly fingerprint: string,
    readonly geometry: NormalisedGeometry,
  ) {}

  get d(): string {
    if (this.path === undefined) this.path = this.shape ? pathData(this.shape) : '';
    return this.path;
  }

  reproject(frame: Frame | undefined): void {
    this.frameKey = frame?.key;
    this.shape = frame ? projectShape(this.geometry, frame) : undefined;
    this.path = undefined;
  }
}

/**
 * Normalised and projected geometries by id. `get` normalises and projects only when the id
 * is new, its fingerprint changed or the frame did; otherwise it returns the same object as
 * before (so SVG paths keep their `d`, and a canvas redraw reuses the rings).
 */
export class ShapeCache {
  private entries = new Map<string, Entry>();

  get(
    id: string,
    fingerprint: string,
    source: AreaGeometry | null | undefined,
    frame: Frame | undefined,
    checkCrossings = true,
  ): CachedShape {
    let entry = this.entries.get(id);
    if (!entry || entry.fingerprint !== fingerprint) {
      entry = new Entry(fingerprint, normaliseGeometry(source, { checkCrossings }));
      entry.reproject(frame);
      this.entries.set(id, entry);
    } else if (entry.frameKey !== frame?.key) {
      entry.reproject(frame);
    }
    return entry;
  }

  /** The normalised geometry only (projects nothing, leaves any projection as it is). */
  geometry(
    id: string,
    fingerprint: string,
    source: AreaGeometry | null | undefined,
    checkCrossings = true,
  ): NormalisedGeometry {
    let entry = this.entries.get(id);
    if (!entry || entry.fingerprint !== fingerprint) {
      entry = new Entry(fingerprint, normaliseGeometry(source, { checkCrossings }));
      this.entries.set(id, entry);
    }
    return entry.geometry;
  }

  /** Forgets every id not in `keep`. */
  prune(keep: ReadonlySet<string>): void {
    for (const id of this.entries.keys()) if (!keep.has(id)) this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }
}
