/**
 * Small planar helpers for GeoJSON polygons in lon/lat.
 *
 * Winding: every ring this package emits follows d3-geo's convention for spherical polygons,
 * exterior rings CLOCKWISE and holes counter-clockwise (looking at lon as x and lat as y).
 * RFC 7946 recommends the opposite (exterior counter-clockwise) but tells parsers not to reject
 * either; d3-geo, which the map widget renders with, reads a counter-clockwise exterior as
 * "the whole globe minus this polygon". The source outlines already use d3's order.
 *
 * Coordinates are rounded to 5 decimals (about 1 m), rings are closed and carry no repeated
 * consecutive positions.
 */

export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoords = Ring[];
export type MultiPolygonCoords = PolygonCoords[];
export type Geometry =
  { type: 'Polygon'; coordinates: PolygonCoords } | { type: 'MultiPolygon'; coordinates: MultiPolygonCoords };

/** Decimal places kept in emitted coordinates. */
export const COORDINATE_DECIMALS = 5;
const SCALE = 10 ** COORDINATE_DECIMALS;

/** Rounds one coordinate to 5 decimals. */
export function round5(x: number): number {
  return Math.round(x * SCALE) / SCALE;
}

export function roundPosition([x, y]: Position): Position {
  return [round5(x), round5(y)];
}

/** Shoelace area of a ring in square degrees: positive when counter-clockwise. */
export function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[(i + 1) % n]!;
    sum += x0 * y1 - x1 * y0;
  }
  return sum / 2;
}

/**
 * Rounds a ring, drops repeated consecutive positions and closes it.
 * Returns null when fewer than 3 distinct positions (or no area) are left.
 */
export function cleanRing(ring: Ring): Ring | null {
  const out: Ring = [];
  for (const p of ring) {
    const q = roundPosition(p);
    const last = out[out.length - 1];
    if (last && last[0] === q[0] && last[1] === q[1]) continue;
    out.push(q);
  }
  while (out.length > 1) {
    const first = out[0]!;
    const last = out[out.length - 1]!;
    if (first[0] === last[0] && first[1] === last[1]) out.pop();
    else break;
  }
  if (out.length < 3 || Math.abs(signedArea(out)) < 1e-12) return null;
  out.push([out[0]![0], out[0]![1]]);
  return out;
}

/** Puts one ring in the wanted orientation. */
function orient(ring: Ring, clockwise: boolean): Ring {
  const isClockwise = signedArea(ring) < 0;
  return isClockwise === clockwise ? ring : [...ring].reverse();
}

/**
 * Cleans and rewinds polygons to d3-geo's order (exterior clockwise, holes counter-clockwise).
 * Holes smaller than `minHoleArea` square degrees (slivers left by rounding) are dropped,
 * and so are polygons whose exterior does not survive cleaning.
 */
export function normalizePolygons(polygons: MultiPolygonCoords, minHoleArea = 1e-8): MultiPolygonCoords {
  const out: MultiPolygonCoords = [];
  for (const polygon of polygons) {
    const [exterior, ...holes] = polygon;
    const outer = exterior ? cleanRing(exterior) : null;
    if (!outer) continue;
    const rings: PolygonCoords = [orient(outer, true)];
    for (const hole of holes) {
      const inner = cleanRing(hole);
      if (inner && Math.abs(signedArea(inner)) >= minHoleArea) rings.push(orient(inner, false));
    }
    out.push(rings);
  }
  return out;
}

/** The tightest GeoJSON type for a list of polygons. */
export function toGeometry(polygons: MultiPolygonCoords): Geometry {
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0]! };
  return { type: 'MultiPolygon', coordinates: polygons };
}

/** Any geometry as a list of polygons. */
export function polygonsOf(geometry: Geometry): MultiPolygonCoords {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Planar area in square degrees (exteriors minus holes). */
export function planarArea(geometry: Geometry): number {
  let area = 0;
  for (const [exterior, ...holes] of polygonsOf(geometry)) {
    if (!exterior) continue;
    area += Math.abs(signedArea(exterior));
    for (const hole of holes) area -= Math.abs(signedArea(hole));
  }
  return area;
}

/** Even–odd point-in-ring test (lon/lat treated as planar; fine at district scale). */
export function pointInRing([x, y]: Position, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when the point is inside an exterior ring and outside all of that polygon's holes. */
export function pointInGeometry(point: Position, geometry: Geometry): boolean {
  return polygonsOf(geometry).some(
    ([exterior, ...holes]) =>
      exterior !== undefined && pointInRing(point, exterior) && !holes.some((h) => pointInRing(point, h)),
  );
}

/** [minLon, minLat, maxLon, maxLat]. */
export function bbox(geometry: Geometry): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const polygon of polygonsOf(geometry)) {
    for (const [x, y] of polygon[0] ?? []) {
      if (x < x0) x0 = x;
      if (y < y0) y0 = y;
      if (x > x1) x1 = x;
      if (y > y1) y1 = y;
    }
  }
  return [x0, y0, x1, y1];
}

/** Area-weighted planar centroid of the geometry's exteriors (holes ignored; they are tiny here). */
export function planarCentroid(geometry: Geometry): Position {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (const polygon of polygonsOf(geometry)) {
    const ring = polygon[0];
    if (!ring) continue;
    for (let i = 0, n = ring.length; i < n - 1; i++) {
      const [x0, y0] = ring[i]!;
      const [x1, y1] = ring[i + 1]!;
      const cross = x0 * y1 - x1 * y0;
      a += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
  }
  return [cx / (3 * a), cy / (3 * a)];
}
