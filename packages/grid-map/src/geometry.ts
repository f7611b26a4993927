/**
 * Grid geometry as the map draws it: polygons normalised to d3-geo's winding, degenerate rings
 * dropped, problems reported (never thrown), and a fingerprint that says whether two
 * geometries are the same without comparing them point by point.
 */
import { geoArea, type GeoGeometryObjects } from 'd3-geo';
import type { AreaGeometry } from '@safety-widgets/core';

/** A position as `[longitude, latitude]`. */
export type Position = readonly [number, number];
/** A closed ring of positions. */
export type Ring = readonly Position[];
/** A polygon: its exterior ring, then its holes. */
export type PolygonRings = readonly Ring[];

/** What was wrong with a geometry and how it was handled. */
export type GeometryProblem =
  /** Exterior counter-clockwise (RFC 7946 order): the rings were reversed for d3-geo. */
  | 'winding-fixed'
  /** No ring with an area: nothing to draw. */
  | 'empty'
  /** A ring crosses itself: drawn as given (even-odd fill), reported. */
  | 'self-intersecting';

/** A geometry ready to project: polygons in d3-geo winding (exterior clockwise). */
export interface NormalisedGeometry {
  readonly polygons: readonly PolygonRings[];
  readonly problems: readonly GeometryProblem[];
}

/** The polygons of a Polygon or MultiPolygon (anything else gives none). */
export function polygonsOf(geometry: AreaGeometry | null | undefined): readonly PolygonRings[] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates as PolygonRings];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as readonly PolygonRings[];
  return [];
}

/** Twice the signed planar area of a ring in lon/lat (positive = counter-clockwise, y up). */
export function ringArea2(ring: Ring): number {
  let sum = 0;
  for (let i = 0, n = ring.length; i + 1 < n; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum;
}

/** True when a ring has fewer than three distinct positions, or all of them on one line (no area). */
export function isDegenerateRing(ring: Ring): boolean {
  if (ring.length < 4) return true;
  const a = ring[0]!;
  let b: Position | undefined;
  let scale = 0;
  for (const p of ring) {
    scale = Math.max(scale, Math.abs(p[0] - a[0]), Math.abs(p[1] - a[1]));
    if (!b && (p[0] !== a[0] || p[1] !== a[1])) b = p;
  }
  if (!b) return true;
  const tolerance = 1e-12 * scale * scale;
  for (const p of ring) {
    const cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
    if (Math.abs(cross) > tolerance) return false;
  }
  return true;
}

/**
 * Largest ring (edges) checked for self-intersection. The check is a sweep, O(n log n) for
 * ordinary outlines; the cap only bounds pathological rings (every edge spanning the others).
 */
const MAX_CHECKED_RING = 50_000;

function orientation(a: Position, b: Position, c: Position): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(a: Position, b: Position, p: Position): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

/** True when edges `shared → p` and `shared → q` run along one line in the same direction (a spike). */
function doublesBack(shared: Position, p: Position, q: Position): boolean {
  if (orientation(shared, p, q) !== 0) return false;
  return (p[0] - shared[0]) * (q[0] - shared[0]) + (p[1] - shared[1]) * (q[1] - shared[1]) > 0;
}

function segmentsIntersect(a: Position, b: Position, c: Position, d: Position): boolean {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(a, b, c)) ||
    (o2 === 0 && onSegment(a, b, d)) ||
    (o3 === 0 && onSegment(c, d, a)) ||
    (o4 === 0 && onSegment(c, d, b))
  );
}

/** Rings up to this many positions are checked pair by pair (no allocation: most grid cells). */
const SMALL_RING = 48;

/** True when edge `i` → `i + 1` of a ring has no length (a repeated position). */
function isEmptyEdge(ring: Ring, i: number): boolean {
  const a = ring[i]!;
  const b = ring[i + 1]!;
  return a[0] === b[0] && a[1] === b[1];
}

/** `isSelfIntersecting` for a small ring: every pair of edges, zero-length edges skipped. */
function smallRingCrosses(ring: Ring): boolean {
  const n = ring.length - 1; // edges i → i + 1; the ring is closed
  let first = -1;
  let last = -1;
  let edges = 0;
  for (let i = 0; i < n; i++) {
    if (isEmptyEdge(ring, i)) continue;
    if (first < 0) first = i;
    last = i;
    edges++;
  }
  if (edges < 4) return false;
  for (let i = first; i < n; i++) {
    if (isEmptyEdge(ring, i)) continue;
    const a = ring[i]!;
    const b = ring[i + 1]!;
    let next = true; // the first non-empty edge after i shares b with it
    for (let j = i + 1; j < n; j++) {
      if (isEmptyEdge(ring, j)) continue;
      const c = ring[j]!;
      const d = ring[j + 1]!;
      if (next) {
        next = false;
        if (doublesBack(b, a, d)) return true;
      } else if (i === first && j === last) {
        // The first and last edges share the closing position.
        if (doublesBack(a, b, c)) return true;
      } else if (segmentsIntersect(a, b, c, d)) return true;
    }
  }
  return false;
}

/**
 * True when two non-adjacent edges of a closed ring touch or cross (a bow tie, a figure
 * eight, a spike back over itself). Repeated positions (zero-length edges) are ignored. A sweep
 * along x compares only edges whose x ranges overlap, so a ring of n positions costs about
 * n log n, not n² (rings over 50,000 edges are not checked).
 */
export function isSelfIntersecting(ring: Ring): boolean {
  if (ring.length <= SMALL_RING) return smallRingCrosses(ring);
  // The ring's distinct consecutive positions (the closing one left out).
  const points: Position[] = [];
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const p = ring[i]!;
    const last = points[points.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
  }
  while (points.length > 1) {
    const first = points[0]!;
    const last = points[points.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) break;
    points.pop();
  }
  const n = points.length; // edges: i → i + 1 (mod n)
  if (n < 4 || n > MAX_CHECKED_RING) return false;
  const minX = new Float64Array(n);
  const maxX = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % n]!;
    minX[i] = Math.min(a[0], b[0]);
    maxX[i] = Math.max(a[0], b[0]);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => minX[i]! - minX[j]!);
  let active: number[] = [];
  for (const i of order) {
    const x = minX[i]!;
    // Edges that end before this one starts can meet no later edge either.
    active = active.filter((j) => maxX[j]! >= x);
    const a = points[i]!;
    const b = points[(i + 1) % n]!;
    const ay0 = Math.min(a[1], b[1]);
    const ay1 = Math.max(a[1], b[1]);
    for (const j of active) {
      const c = points[j]!;
      const d = points[(j + 1) % n]!;
      if (Math.max(c[1], d[1]) < ay0 || Math.min(c[1], d[1]) > ay1) continue;
      // Neighbouring edges share a position; they only cross by doubling back over each other.
      if ((i + 1) % n === j) {
        if (doublesBack(b, a, d)) return true;
      } else if ((j + 1) % n === i) {
        if (doublesBack(a, b, c)) return true;
      } else if (segmentsIntersect(a, b, c, d)) return true;
    }
    active.push(i);
  }
  return false;
}

/**
 * True when a polygon is wound the RFC 7946 way (exterior counter-clockwise), which d3-geo
 * reads as "the globe minus this polygon". A polygon narrower than a hemisphere is judged by
 * the sign of its exterior's planar area (fast, and exact for grid-sized polygons); a wider one
 * by d3's spherical area (over 2π means it is inside out).
 */
export function isRfcWound(rings: PolygonRings): boolean {
  const exterior = rings[0];
  if (!exterior) return false;
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const p of exterior) {
    if (p[0] < x0) x0 = p[0];
    if (p[0] > x1) x1 = p[0];
  }
  if (x1 - x0 < 180) return ringArea2(exterior) > 0;
  try {
    return geoArea({ type: 'Polygon', coordinates: rings } as unknown as GeoGeometryObjects) > 2 * Math.PI;
  } catch {
    return false;
  }
}

/**
 * Normalises a Polygon or MultiPolygon for d3-geo and the map:
 *
 * - rings without area (fewer than three distinct positions, or collinear) are dropped, and
 *   a polygon whose exterior ring is dropped goes with it; nothing left → `empty`;
 * - a polygon wound the RFC 7946 way (exterior counter-clockwise), which d3-geo reads as
 *   "everything but this" (spherical area over 2π), has its rings reversed → `winding-fixed`;
 * - a ring that crosses itself is kept (drawn with the even-odd rule) → `self-intersecting`
 *   (unless `checkCrossings` is false: outlines that are not grids are not checked).
 *
 * Never throws; the input is not changed (an untouched geometry's arrays are shared, not copied).
 */
export function normaliseGeometry(
  geometry: AreaGeometry | null | undefined,
  options: { checkCrossings?: boolean } = {},
): NormalisedGeometry {
  const { changed, problems } = normalise(geometry, options.checkCrossings ?? true);
  return { polygons: changed ?? polygonsOf(geometry), problems };
}

/**
 * What `normaliseGeometry` does, for a cache that keeps the source geometry: the polygons only
 * when they had to change (undefined: the source's polygons are fine as they are), and the problems.
 */
export function normalise(
  geometry: AreaGeometry | null | undefined,
  checkCrossings: boolean,
): { changed: PolygonRings[] | undefined; problems: readonly GeometryProblem[] } {
  const source = polygonsOf(geometry);
  // The common case (nothing to change) allocates nothing but the result.
  let polygons: PolygonRings[] | undefined;
  let problems: GeometryProblem[] | undefined;
  for (let p = 0; p < source.length; p++) {
    const polygon = source[p]!;
    const exterior = polygon[0];
    if (!exterior || isDegenerateRing(exterior)) {
      polygons ??= source.slice(0, p);
      continue;
    }
    let rings = polygon;
    if (polygon.length > 1 && polygon.some(isDegenerateRing))
      rings = polygon.filter((ring) => !isDegenerateRing(ring));
    if (checkCrossings && rings.some(isSelfIntersecting))
      problems = withProblem(problems, 'self-intersecting');
    if (isRfcWound(rings)) {
      rings = rings.map((ring) => ring.slice().reverse());
      problems = withProblem(problems, 'winding-fixed');
    }
    if (rings !== polygon) polygons ??= source.slice(0, p);
    polygons?.push(rings);
  }
  if ((polygons ?? source).length === 0) problems = withProblem(problems, 'empty');
  return { changed: polygons, problems: problems ?? NO_PROBLEMS };
}

/** The problems of a geometry without any (shared: most geometries have none). */
const NO_PROBLEMS: readonly GeometryProblem[] = Object.freeze([]);

function withProblem(problems: GeometryProblem[] | undefined, problem: GeometryProblem): GeometryProblem[] {
  if (!problems) return [problem];
  if (!problems.includes(problem)) problems.push(problem);
  return problems;
}

/** The normalised polygons as a GeoJSON geometry d3-geo can read (a MultiPolygon). */
export function toGeoJson(geometry: NormalisedGeometry): GeoGeometryObjects {
  return { type: 'MultiPolygon', coordinates: geometry.polygons } as unknown as GeoGeometryObjects;
}

/** What `hashInto` last computed: polygons, rings, positions and the two 32-bit hashes (unsigned). */
const HASH = { polygons: 0, rings: 0, positions: 0, h1: 0, h2: 0 };

/**
 * Hashes a geometry's positions in 1e-7 degrees (about 1 cm) into `HASH`: markers for polygons
 * and rings keep counts and nesting in h1, so moving, adding, removing or reordering positions
 * changes it. Integer arithmetic only and no allocation: 20,000 grids in a few milliseconds.
 */
function hashInto(geometry: AreaGeometry | null | undefined): typeof HASH {
  let positions = 0;
  let rings = 0;
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  const polygons = polygonsOf(geometry);
  for (let p = 0; p < polygons.length; p++) {
    const polygon = polygons[p]!;
    h1 = Math.imul(h1 ^ 0x50, 0x01000193);
    for (let r = 0; r < polygon.length; r++) {
      const ring = polygon[r]!;
      rings++;
      h1 = Math.imul(h1 ^ 0x52, 0x01000193);
      for (let i = 0; i < ring.length; i++) {
        const position = ring[i]!;
        const x = (position[0] * 1e7) | 0;
        const y = (position[1] * 1e7) | 0;
        h1 = Math.imul(Math.imul(h1 ^ x, 0x01000193) ^ y, 0x01000193);
        h2 = Math.imul(h2 + x, 0x5bd1e995) ^ (h2 >>> 15);
        h2 = Math.imul(h2 + y, 0x5bd1e995) ^ (h2 >>> 13);
      }
      positions += ring.length;
    }
  }
  HASH.polygons = polygons.length;
  HASH.rings = rings;
  HASH.positions = positions;
  HASH.h1 = h1 >>> 0;
  HASH.h2 = h2 >>> 0;
  return HASH;
}

/**
 * A fingerprint of a geometry's positions: the count of polygons, rings and positions and two
 * 32-bit hashes of the coordinates. Two geometries with the same fingerprint are, for drawing,
 * the same. Not a cryptographic hash (a collision only means a stale outline).
 */
export function geometryFingerprint(geometry: AreaGeometry | null | undefined): string {
  const h = hashInto(geometry);
  return `${h.polygons}:${h.rings}:${h.positions}:${h.h1}:${h.h2}`;
}

/**
 * The same hashes as `geometryFingerprint`, as one number (53 bits) instead of a string: what
 * the map compares to tell whether a grid's outline changed, with no string per grid.
 */
export function geometryKey(geometry: AreaGeometry | null | undefined): number {
  const h = hashInto(geometry);
  // h1 carries counts and nesting; h2 adds 21 more bits.
  return h.h1 * 0x200000 + (h.h2 >>> 11);
}
