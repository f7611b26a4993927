/**
 * Synthetic management grids (网格): seeded points inside the district outline, a Voronoi
 * tessellation over the outline's bounding box (d3-delaunay), each cell clipped to the outline
 * (polygon-clipping intersection). The cells therefore tile the district exactly.
 *
 * No public data gives Yantian's real grid boundaries: every grid is labelled synthetic.
 */
import { Delaunay } from 'd3-delaunay';
import { type Random } from '../random.js';
import { clipping } from './clipping.js';
import {
  type Geometry,
  type MultiPolygonCoords,
  type Position,
  bbox,
  normalizePolygons,
  planarCentroid,
  pointInGeometry,
  polygonsOf,
  toGeometry,
} from './rings.js';

/**
 * A rough line along Yantian's built-up coast (south-west to north-east). People, and so
 * grids, are denser near it; the mountains of Wutong Shan to the north are sparsely settled.
 */
export const COAST: readonly Position[] = [
  [114.215, 22.556],
  [114.232, 22.543],
  [114.26, 22.561],
  [114.292, 22.565],
  [114.31, 22.578],
  [114.322, 22.588],
  [114.352, 22.59],
];

function distanceToSegment([px, py]: Position, [ax, ay]: Position, [bx, by]: Position): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Distance in degrees from a point to the coast line. */
export function distanceToCoast(point: Position): number {
  let best = Infinity;
  for (let i = 0; i + 1 < COAST.length; i++) {
    best = Math.min(best, distanceToSegment(point, COAST[i]!, COAST[i + 1]!));
  }
  return best;
}

/** Relative settlement density at a point: 1 on the coast, falling towards a floor inland. */
export function settlementDensity(point: Position): number {
  return 0.06 + Math.exp(-distanceToCoast(point) / 0.012);
}

export interface GridCell {
  /** The Voronoi seed the cell grew from. */
  seed: Position;
  /** The cell clipped to the outline; d3-geo winding, 5 decimals. */
  geometry: Geometry;
  /** Planar area-weighted centroid (lon/lat). */
  centroid: Position;
}

export interface GridOptions {
  count: number;
  /** Smallest distance between two seeds, in degrees. */
  minSeedDistance: number;
}

export const DEFAULT_GRID_OPTIONS: GridOptions = { count: 30, minSeedDistance: 0.0105 };

/** Seeds inside the outline by rejection sampling, denser near the coast, kept apart. */
function sampleSeeds(outline: Geometry, random: Random, { count, minSeedDistance }: GridOptions): Position[] {
  const [x0, y0, x1, y1] = bbox(outline);
  const seeds: Position[] = [];
  let spacing = minSeedDistance;
  let attempts = 0;
  while (seeds.length < count) {
    if (++attempts % 20_000 === 0) spacing *= 0.9; // crowded: relax the spacing a little
    const p: Position = [random.uniform(x0, x1), random.uniform(y0, y1)];
    if (!pointInGeometry(p, outline)) continue;
    if (random.next() * 1.06 > settlementDensity(p)) continue;
    // Near the coast seeds may sit closer together (smaller, denser grids).
    const local = spacing * (0.75 + 0.5 * Math.min(1, distanceToCoast(p) / 0.02));
    if (seeds.some(([x, y]) => Math.hypot(x - p[0], y - p[1]) < local)) continue;
    seeds.push(p);
  }
  return seeds;
}

/** Voronoi cells of `seeds` over a padded bbox of the outline, each clipped to the outline. */
export function clipVoronoi(outline: Geometry, seeds: readonly Position[]): MultiPolygonCoords[] {
  const [x0, y0, x1, y1] = bbox(outline);
  const pad = 0.01;
  const voronoi = Delaunay.from(seeds).voronoi([x0 - pad, y0 - pad, x1 + pad, y1 + pad]);
  const outlinePolygons = polygonsOf(outline);
  return seeds.map((_, i) => {
    const cell = voronoi.cellPolygon(i) as unknown as Position[] | null;
    if (!cell) throw new Error(`Voronoi cell ${i} is empty`);
    return normalizePolygons(clipping.intersection(outlinePolygons, [cell]));
  });
}

/**
 * `options.count` grid cells that tile `outline`. A half step of Lloyd relaxation evens out
 * the shapes a little without losing the coastal density.
 */
export function buildGridCells(
  outline: Geometry,
  random: Random,
  options: GridOptions = DEFAULT_GRID_OPTIONS,
): GridCell[] {
  let seeds = sampleSeeds(outline, random, options);
  let cells = clipVoronoi(outline, seeds);
  seeds = seeds.map((seed, i) => {
    const c = planarCentroid(toGeometry(cells[i]!));
    const moved: Position = [(seed[0] + c[0]) / 2, (seed[1] + c[1]) / 2];
    return pointInGeometry(moved, outline) ? moved : seed;
  });
  cells = clipVoronoi(outline, seeds);
  return cells.map((polygons, i) => {
    if (polygons.length === 0) throw new Error(`grid cell ${i} vanished when clipped to the outline`);
    const geometry = toGeometry(polygons);
    return { seed: seeds[i]!, geometry, centroid: planarCentroid(geometry) };
  });
}
