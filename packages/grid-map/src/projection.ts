/**
 * Projection: lon/lat → a fixed 1000 × 1000 reference frame (Web Mercator fitted to the
 * district), done once per grid geometry and cached. Fitting the map to its container,
 * resizing, zooming and panning are all linear transforms of the frame, so none of them
 * projects anything again; nor does a feed update that changes only figures.
 */
import {
  isSelfIntersecting,
  normalise,
  polygonsOf,
  type GeometryProblem,
  type NormalisedGeometry,
  type PolygonRings,
} from './geometry.js';
import type { AreaGeometry } from '@safety-widgets/core';

/** Width and height of the reference frame. */
export const FRAME_SIZE = 1000;

/** A bounding box `[x0, y0, x1, y1]`. */
export type Box = [number, number, number, number];

/**
 * The map's reference frame for one district: lon/lat → frame coordinates (0 … FRAME_SIZE), the
 * space the outlines are projected into once; the view (./view.ts) then maps frame to screen.
 */
export interface ProjectionFrame {
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

/** The scale d3's `fitExtent` projects at to measure what it fits. */
const FIT_SCALE = 150;
/** d3's Mercator shifts y by the projection of (0, 0), which is not quite 0 in floating point. */
const FIT_DY = -FIT_SCALE * -Math.log(Math.tan(Math.PI / 4));

/**
 * d3's `fitExtent` of a Mercator into the frame, computed straight from the positions: the same
 * numbers (d3 measures the projected positions at scale 150 and fits their bounds), without
 * streaming every position through d3's spherical clipping. Latitudes are clamped to ±85° as
 * `project` clamps them, and nothing is cut at the antimeridian, as nothing drawn is: the frame
 * fits what the map draws. (d3 would fit a polar or antimeridian-spanning outline after its
 * spherical clipping, which the map does not do; no district needs it, and leaving it out keeps
 * d3-geo's projection code out of the bundle.) Undefined when no position can be projected.
 */
function fitMercator(fit: readonly NormalisedGeometry[]): { k: number; tx: number; ty: number } | undefined {
  let lon0 = Infinity;
  let lon1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const g of fit) {
    for (const polygon of g.polygons) {
      for (const ring of polygon) {
        for (let i = 0; i < ring.length; i++) {
          const lon = ring[i]![0];
          const lat = ring[i]![1];
          if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
          if (lon < lon0) lon0 = lon;
          if (lon > lon1) lon1 = lon;
          const y = mercatorY(lat);
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
        }
      }
    }
  }
  if (!(lon0 <= lon1)) return undefined;
  // The projected bounds as d3 measures them (y grows downwards).
  const bx0 = FIT_SCALE * (lon0 * RADIANS);
  const bx1 = FIT_SCALE * (lon1 * RADIANS);
  const by0 = FIT_DY - FIT_SCALE * y1;
  const by1 = FIT_DY - FIT_SCALE * y0;
  const k = Math.min(FRAME_SIZE / (bx1 - bx0), FRAME_SIZE / (by1 - by0));
  return {
    k: FIT_SCALE * k,
    tx: 0 + (FRAME_SIZE - k * (bx1 + bx0)) / 2,
    ty: 0 + (FRAME_SIZE - k * (by1 + by0)) / 2,
  };
}

/**
 * A frame in which `fit` (normalised geometries, e.g. the district outline) fills
 * [0, 1000] × [0, 1000] (keeping its aspect ratio), as d3-geo's `geoMercator().fitExtent` fits
 * it. Undefined when there is nothing to fit.
 */
export function makeFrame(fit: readonly NormalisedGeometry[], key: string): ProjectionFrame | undefined {
  if (!fit.some((g) => g.polygons.length > 0)) return undefined;
  const fitted = fitMercator(fit);
  if (!fitted) return undefined;
  const { k, tx, ty } = fitted;
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

/**
 * A grid's outline in frame coordinates, ready to draw, hit-test and label. The positions live
 * in a flat array shared with other shapes (no array per ring or per position), so that 20,000
 * outlines are a few large buffers rather than 100,000 small objects for the garbage collector.
 */
export interface ProjectedShape {
  /** Every ring as flat `x0, y0, x1, y1, …` (each closed), in `coords[start]` … `coords[end - 1]`. Shared: read only that range. */
  readonly coords: Float64Array;
  readonly start: number;
  readonly end: number;
  /**
   * Where each ring ends in `coords` (exclusive), in order; each ring starts where the one
   * before ended, the first at `start`. Undefined for a shape of one ring (`start` … `end`).
   */
  readonly ringEnds: readonly number[] | undefined;
  /** The bounding box, `x0 ≤ x1`, `y0 ≤ y1` (also as `bbox`). */
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  /** `[x0, y0, x1, y1]` (made on first use). */
  readonly bbox: Box;
  /** A point inside the shape (its largest polygon) for a tooltip or a label (worked out on first use). */
  readonly label: readonly [number, number];
  /** Planar area in frame units². */
  readonly area: number;
}

/** How many rings a shape has. */
export function ringCount(shape: ProjectedShape): number {
  return shape.ringEnds ? shape.ringEnds.length : 1;
}

/** Where ring `r` of a shape starts in its `coords`. */
export function ringStart(shape: ProjectedShape, r: number): number {
  return r === 0 ? shape.start : shape.ringEnds![r - 1]!;
}

/** Where ring `r` of a shape ends in its `coords` (exclusive). */
export function ringEnd(shape: ProjectedShape, r: number): number {
  return shape.ringEnds ? shape.ringEnds[r]! : shape.end;
}

/** How many shapes have been projected (for tests: a figures-only update projects none). */
export const projectionStats = { shapes: 0 };

/** Twice the signed area of the ring in `c[from]` … `c[to - 1]` (flat, closed). */
function ringArea2Flat(c: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i + 3 < to; i += 2) sum += c[i]! * c[i + 3]! - c[i + 2]! * c[i + 1]!;
  return sum;
}

/** Even-odd point-in-polygon over rings `from` … `to - 1` of a shape (all by default; holes and self-crossings included). */
export function pointInShape(
  shape: ProjectedShape,
  x: number,
  y: number,
  from = 0,
  to = ringCount(shape),
): boolean {
  const c = shape.coords;
  let inside = false;
  for (let r = from; r < to; r++) {
    const s = ringStart(shape, r);
    const e = ringEnd(shape, r);
    for (let i = s, j = e - 2; i < e; j = i, i += 2) {
      const xi = c[i]!;
      const yi = c[i + 1]!;
      const xj = c[j]!;
      const yj = c[j + 1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** A point well inside rings `from`…`to` (one polygon): its centroid if inside, else the middle of the widest span across it. */
function labelPoint(shape: ProjectedShape, from: number, to: number): [number, number] {
  const c = shape.coords;
  const middle = (shape.y0 + shape.y1) / 2;
  const s0 = ringStart(shape, from);
  const e0 = ringEnd(shape, from);
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = s0; i + 3 < e0; i += 2) {
    const cross = c[i]! * c[i + 3]! - c[i + 2]! * c[i + 1]!;
    a += cross;
    cx += (c[i]! + c[i + 2]!) * cross;
    cy += (c[i + 1]! + c[i + 3]!) * cross;
  }
  if (Math.abs(a) > 1e-12) {
    const x = cx / (3 * a);
    const y = cy / (3 * a);
    if (pointInShape(shape, x, y, from, to)) return [x, y];
  }
  // Concave: cut across at the centroid's height (or the middle) and take the widest span.
  const y = Math.abs(a) > 1e-12 && Number.isFinite(cy / (3 * a)) ? cy / (3 * a) : middle;
  for (const yy of [y, middle]) {
    const xs: number[] = [];
    for (let r = from; r < to; r++) {
      const e = ringEnd(shape, r);
      for (let i = ringStart(shape, r); i + 3 < e; i += 2) {
        const y0 = c[i + 1]!;
        const y1 = c[i + 3]!;
        if (y0 > yy !== y1 > yy) xs.push(c[i]! + ((yy - y0) * (c[i + 2]! - c[i]!)) / (y1 - y0));
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
  return [(shape.x0 + shape.x1) / 2, middle];
}

class Shape implements ProjectedShape {
  private labelAt: readonly [number, number] | undefined = undefined;
  private box: Box | undefined = undefined;

  constructor(
    readonly coords: Float64Array,
    readonly start: number,
    readonly end: number,
    readonly ringEnds: readonly number[] | undefined,
    readonly x0: number,
    readonly y0: number,
    readonly x1: number,
    readonly y1: number,
    readonly area: number,
    /** The rings of the largest polygon (for the label). */
    private readonly labelFrom: number,
    private readonly labelTo: number,
  ) {}

  get label(): readonly [number, number] {
    return (this.labelAt ??= labelPoint(this, this.labelFrom, this.labelTo));
  }

  get bbox(): Box {
    return (this.box ??= [this.x0, this.y0, this.x1, this.y1]);
  }
}

/**
 * Where projected positions go: large Float64Arrays filled one shape after another, so that a
 * shape costs no allocation of its own. A buffer is freed when no shape in it is left.
 */
export class CoordStore {
  /** The buffer being filled. */
  buffer = new Float64Array(0);
  private used = 0;
  private next = 1 << 12;

  /** Room for `n` numbers: returns where they start in `buffer` (which may be a new one). */
  reserve(n: number): number {
    if (this.used + n > this.buffer.length) {
      this.buffer = new Float64Array(Math.max(this.next, n));
      // Start small (a district of 30 grids needs a few thousand numbers), grow to 1 MB buffers.
      this.next = Math.min(this.next * 2, 1 << 17);
      this.used = 0;
    }
    const at = this.used;
    this.used += n;
    return at;
  }

  /** Gives back what the last `reserve` did not use, from `at` on. */
  release(at: number): void {
    this.used = at;
  }
}

/** Projects normalised polygons into the frame; undefined when nothing projects. */
export function projectShape(
  geometry: NormalisedGeometry,
  frame: ProjectionFrame,
  store: CoordStore = new CoordStore(),
): ProjectedShape | undefined {
  const polygons = geometry.polygons;
  let total = 0;
  let rings = 0;
  for (let p = 0; p < polygons.length; p++) {
    const polygon = polygons[p]!;
    for (let r = 0; r < polygon.length; r++) total += 2 * polygon[r]!.length;
    rings += polygon.length;
  }
  if (total === 0) return undefined;
  const at = store.reserve(total);
  const c = store.buffer;
  const ringEnds: number[] | undefined = rings > 1 ? [] : undefined;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  let w = at;
  let area = 0;
  let kept = 0;
  let largestArea = -1;
  let labelFrom = 0;
  let labelTo = 0;
  // The frame's Mercator inlined: no array per position (the hot loop of a 20,000-grid feed).
  const kx = frame.scale * RADIANS;
  const k = frame.scale;
  const { tx, ty } = frame;
  for (let p = 0; p < polygons.length; p++) {
    const polygon = polygons[p]!;
    const polygonAt = w;
    const firstRing = ringEnds ? ringEnds.length : 0;
    let px0 = x0;
    let py0 = y0;
    let px1 = x1;
    let py1 = y1;
    let ok = true;
    for (let r = 0; ok && r < polygon.length; r++) {
      const ring = polygon[r]!;
      for (let i = 0, n = ring.length; i < n; i++) {
        const position = ring[i]!;
        const x = tx + kx * position[0];
        const y = ty - k * mercatorY(position[1]);
        if (!Number.isFinite(x) || !Number.isFinite(y)) {
          ok = false;
          break;
        }
        c[w++] = x;
        c[w++] = y;
        if (x < px0) px0 = x;
        if (x > px1) px1 = x;
        if (y < py0) py0 = y;
        if (y > py1) py1 = y;
      }
      ringEnds?.push(w);
    }
    if (!ok || polygon.length === 0) {
      // Leave out a polygon that does not project.
      w = polygonAt;
      if (ringEnds) ringEnds.length = firstRing;
      continue;
    }
    x0 = px0;
    y0 = py0;
    x1 = px1;
    y1 = py1;
    const lastRing = firstRing + polygon.length;
    const exteriorEnd = ringEnds ? ringEnds[firstRing]! : w;
    const exteriorArea = Math.abs(ringArea2Flat(c, polygonAt, exteriorEnd)) / 2;
    let polygonArea = exteriorArea;
    for (let r = firstRing + 1; r < lastRing; r++)
      polygonArea -= Math.abs(ringArea2Flat(c, ringEnds![r - 1]!, ringEnds![r]!)) / 2;
    area += Math.max(0, polygonArea);
    kept++;
    if (exteriorArea > largestArea) {
      largestArea = exteriorArea;
      labelFrom = firstRing;
      labelTo = lastRing;
    }
  }
  store.release(w);
  if (kept === 0) return undefined;
  projectionStats.shapes++;
  return new Shape(
    c,
    at,
    w,
    ringEnds && ringEnds.length > 1 ? ringEnds : undefined,
    x0,
    y0,
    x1,
    y1,
    area,
    labelFrom,
    labelTo,
  );
}

/**
 * Units of SVG path data per frame unit: path data holds whole hundredths of a frame unit
 * (1/100,000 of the frame), so that it is made of integers, which script writes quickly and the
 * browser parses several times faster than decimals (20,000 grids: ~30 ms instead of ~600 ms).
 * Whoever draws it scales by 1 / PATH_SCALE.
 */
export const PATH_SCALE = 100;

const ASCII_M = 77;
const ASCII_L = 76;
const ASCII_Z = 90;
const ASCII_COMMA = 44;
const ASCII_MINUS = 45;
const ASCII_0 = 48;
/** Most bytes a whole number below 2³¹ takes: a sign and 10 digits. */
const INT_BYTES = 11;

/**
 * SVG path data written as ASCII bytes into one growing buffer and decoded once: no string per
 * number, per position or per grid (the canvas path of 20,000 grids is one string per colour).
 */
export class PathWriter {
  private bytes = new Uint8Array(1 << 12);
  private length = 0;
  private static decoder: TextDecoder | undefined;

  /** Makes room for `n` more bytes. */
  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
  }

  private byte(value: number): void {
    if (this.length === this.bytes.length) this.room(1);
    this.bytes[this.length++] = value;
  }

  private int(value: number): void {
    let v = Math.round(value * PATH_SCALE);
    if (!(v > -2147483648 && v < 2147483648)) {
      // Far outside the frame (a distant neighbour): as script would write the number.
      const text = String(v);
      for (let i = 0; i < text.length; i++) this.byte(text.charCodeAt(i));
      return;
    }
    this.room(INT_BYTES);
    const b = this.bytes;
    if (v < 0) {
      b[this.length++] = ASCII_MINUS;
      v = -v;
    }
    let digits = 1;
    for (let t = v; t >= 10; t = (t / 10) | 0) digits++;
    let at = (this.length += digits);
    do {
      b[--at] = ASCII_0 + (v % 10);
      v = (v / 10) | 0;
    } while (v > 0);
  }

  /** Appends a shape: `M x,y L x,y … Z` per ring (the closing position left to `Z`), in frame units × PATH_SCALE. */
  shape(shape: ProjectedShape): void {
    const c = shape.coords;
    const rings = ringCount(shape);
    for (let r = 0; r < rings; r++) {
      const s = ringStart(shape, r);
      const e = ringEnd(shape, r) - 2;
      for (let i = s; i + 1 < e; i += 2) {
        this.byte(i === s ? ASCII_M : ASCII_L);
        this.int(c[i]!);
        this.byte(ASCII_COMMA);
        this.int(c[i + 1]!);
      }
      this.byte(ASCII_Z);
    }
  }

  /** Everything appended since the last `take`, as text; starts over. */
  take(): string {
    PathWriter.decoder ??= new TextDecoder();
    const text = PathWriter.decoder.decode(this.bytes.subarray(0, this.length));
    this.length = 0;
    return text;
  }
}

/**
 * SVG path data of a shape, in frame units × PATH_SCALE, rounded to whole numbers: the same text as
 * `PathWriter` writes. Per shape (the SVG map's grids and outlines, up to `canvas-threshold` of them)
 * plain string building is quicker, above all in a page's first render, before the byte loop is
 * optimised (about 1 ms rather than 4 for the sample district's thousand positions); the canvas,
 * which writes 20,000 grids in a few strings, keeps the writer.
 */
export function pathData(shape: ProjectedShape): string {
  const c = shape.coords;
  const rings = ringCount(shape);
  let d = '';
  for (let r = 0; r < rings; r++) {
    const s = ringStart(shape, r);
    const e = ringEnd(shape, r) - 2;
    for (let i = s; i + 1 < e; i += 2)
      d += `${i === s ? 'M' : 'L'}${Math.round(c[i]! * PATH_SCALE)},${Math.round(c[i + 1]! * PATH_SCALE)}`;
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
  /** The geometry's `geometryKey`. */
  readonly fingerprint: number;
  readonly geometry: NormalisedGeometry;
  readonly shape: ProjectedShape | undefined;
  /** SVG path data (frame units × PATH_SCALE), made on first use (the SVG map and the highlights; the canvas needs none). */
  readonly d: string;
}

/**
 * A cache entry: the geometry normalised (it is its own `NormalisedGeometry`, holding the source's
 * polygons unless normalising changed them) and projected in one frame. One object per grid, never
 * changed once made: a new frame gives a new entry (sharing the normalised polygons), so a model
 * made before keeps drawing what it was made with, however many maps share the cache.
 */
class Entry implements CachedShape, NormalisedGeometry {
  readonly frameKey: string | undefined;
  readonly shape: ProjectedShape | undefined;
  private path: string | undefined = undefined;

  constructor(
    readonly fingerprint: number,
    private readonly normalised: Normalised,
    frame: ProjectionFrame | undefined,
    store: CoordStore,
  ) {
    this.frameKey = frame?.key;
    this.shape = frame ? projectShape(this, frame, store) : undefined;
  }

  /** A new entry for `source` (normalised here) projected in `frame` (none: not projected). */
  static of(
    fingerprint: number,
    source: AreaGeometry | null | undefined,
    checkCrossings: boolean,
    frame: ProjectionFrame | undefined,
    store: CoordStore,
  ): Entry {
    return new Entry(fingerprint, new Normalised(source, checkCrossings), frame, store);
  }

  /** The same geometry projected in another frame. */
  inFrame(frame: ProjectionFrame | undefined, store: CoordStore): Entry {
    return new Entry(this.fingerprint, this.normalised, frame, store);
  }

  get polygons(): readonly PolygonRings[] {
    return this.normalised.polygons;
  }

  get problems(): readonly GeometryProblem[] {
    return this.normalised.problems;
  }

  get geometry(): NormalisedGeometry {
    return this;
  }

  get d(): string {
    if (this.path === undefined) this.path = this.shape ? pathData(this.shape) : '';
    return this.path;
  }
}

/**
 * A geometry normalised for drawing (rings that close nothing dropped, RFC 7946 winding turned).
 * Whether a ring crosses itself changes nothing that is drawn, only a note under the map: it is
 * found when first asked (after the first paint), not before the map can draw.
 */
class Normalised {
  private readonly changed: readonly PolygonRings[] | undefined;
  private readonly found: readonly GeometryProblem[];
  private all: readonly GeometryProblem[] | undefined = undefined;

  constructor(
    private readonly source: AreaGeometry | null | undefined,
    private readonly checkCrossings: boolean,
  ) {
    const { changed, problems } = normalise(source, false);
    this.changed = changed;
    this.found = problems;
  }

  get polygons(): readonly PolygonRings[] {
    return this.changed ?? polygonsOf(this.source);
  }

  get problems(): readonly GeometryProblem[] {
    if (this.all === undefined) {
      const crosses = this.checkCrossings && this.polygons.some((rings) => rings.some(isSelfIntersecting));
      this.all = crosses ? [...this.found, 'self-intersecting'] : this.found;
    }
    return this.all;
  }
}

/**
 * Normalised and projected geometries by id. `get` normalises and projects only when the id
 * is new, its fingerprint changed or the frame did; otherwise it returns the same object as
 * before (so SVG paths keep their `d`, and a canvas redraw reuses the positions).
 */
export class ShapeCache {
  private entries = new Map<string, Entry>();
  private readonly store = new CoordStore();

  get(
    id: string,
    fingerprint: number,
    source: AreaGeometry | null | undefined,
    frame: ProjectionFrame | undefined,
    checkCrossings = true,
  ): CachedShape {
    let entry = this.entries.get(id);
    if (!entry || entry.fingerprint !== fingerprint) {
      entry = Entry.of(fingerprint, source, checkCrossings, frame, this.store);
      this.entries.set(id, entry);
    } else if (entry.frameKey !== frame?.key) {
      entry = entry.inFrame(frame, this.store);
      this.entries.set(id, entry);
    }
    return entry;
  }

  /** The normalised geometry only (projects nothing, leaves any projection as it is). */
  geometry(
    id: string,
    fingerprint: number,
    source: AreaGeometry | null | undefined,
    checkCrossings = true,
  ): NormalisedGeometry {
    let entry = this.entries.get(id);
    if (!entry || entry.fingerprint !== fingerprint) {
      entry = Entry.of(fingerprint, source, checkCrossings, undefined, this.store);
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
