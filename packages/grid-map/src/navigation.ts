/**
 * Keyboard navigation between grids: an arrow key moves to the neighbouring grid (one that
 * shares an edge or a corner) whose centre lies most nearly in that direction. Neighbours are
 * found when a key is pressed, from the spatial index, so 20,000 grids need no adjacency table.
 */
import type { GridIndex } from './hit-test.js';
import { ringCount, ringEnd, ringStart, type ProjectedShape } from './projection.js';

export type Direction = 'left' | 'right' | 'up' | 'down';

/** Unit vectors in frame coordinates (y grows downwards, as on screen). */
const VECTORS: Record<Direction, readonly [number, number]> = {
  left: [-1, 0],
  right: [1, 0],
  up: [0, -1],
  down: [0, 1],
};

/** The arrow key's direction, if `key` is an arrow key. */
export function directionOfKey(key: string): Direction | undefined {
  switch (key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    default:
      return undefined;
  }
}

function distanceToSegment2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  const x = ax + t * dx - px;
  const y = ay + t * dy - py;
  return x * x + y * y;
}

/** True when any vertex of `a` lies within `eps` of an edge of `b`. */
function vertexNearEdges(a: ProjectedShape, b: ProjectedShape, eps: number): boolean {
  const eps2 = eps * eps;
  const ca = a.coords;
  const cb = b.coords;
  const ringsB = ringCount(b);
  for (let i = a.start; i + 1 < a.end; i += 2) {
    const px = ca[i]!;
    const py = ca[i + 1]!;
    if (px < b.x0 - eps || px > b.x1 + eps || py < b.y0 - eps || py > b.y1 + eps) continue;
    for (let r = 0; r < ringsB; r++) {
      const end = ringEnd(b, r);
      for (let j = ringStart(b, r); j + 3 < end; j += 2) {
        if (distanceToSegment2(px, py, cb[j]!, cb[j + 1]!, cb[j + 2]!, cb[j + 3]!) <= eps2) return true;
      }
    }
  }
  return false;
}

/**
 * True when two outlines share an edge or a corner: a vertex of one lies on (within `eps` of)
 * an edge of the other. T-junctions count, so grids that were clipped separately still meet.
 */
export function shapesTouch(a: ProjectedShape, b: ProjectedShape, eps: number): boolean {
  if (a.x0 > b.x1 + eps || b.x0 > a.x1 + eps) return false;
  if (a.y0 > b.y1 + eps || b.y0 > a.y1 + eps) return false;
  return vertexNearEdges(a, b, eps) || vertexNearEdges(b, a, eps);
}

/** How close (frame units) two outlines must come to count as touching, for a shape of this size. */
function toleranceFor(shape: ProjectedShape): number {
  const size = Math.min(shape.x1 - shape.x0, shape.y1 - shape.y0);
  return Math.max(1e-6, Math.min(0.1, size * 0.01));
}

/** The grids that touch grid `i` (positions in `index.shapes`), in no particular order. */
export function neighboursOf(index: GridIndex, i: number, allowed?: (j: number) => boolean): number[] {
  const shape = index.shapes[i];
  if (!shape) return [];
  const eps = toleranceFor(shape);
  return index
    .search(shape.x0 - eps, shape.y0 - eps, shape.x1 + eps, shape.y1 + eps)
    .filter((j) => j !== i && (!allowed || allowed(j)) && shapesTouch(shape, index.shapes[j]!, eps));
}

function angleBetween(dx: number, dy: number, dir: readonly [number, number]): number {
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.PI;
  const cos = (dx * dir[0] + dy * dir[1]) / len;
  return Math.acos(Math.max(-1, Math.min(1, cos)));
}

/**
 * The grid an arrow key moves to from grid `i`: among its neighbours, the one whose centre is
 * closest in bearing to the direction (within 90°; ties go to the nearer). With no neighbour
 * that way (an island, or the edge of a filtered set), the nearest grid within 45° of the
 * direction. Undefined when there is nothing that way.
 */
export function stepInDirection(
  index: GridIndex,
  i: number,
  direction: Direction,
  allowed?: (j: number) => boolean,
): number | undefined {
  const from = index.shapes[i];
  if (!from) return undefined;
  const dir = VECTORS[direction];
  const [cx, cy] = from.label;
  let best: number | undefined;
  let bestScore = Infinity;
  const candidates = neighboursOf(index, i, allowed);
  let maxDist = 0;
  for (const j of candidates) {
    const [x, y] = index.shapes[j]!.label;
    maxDist = Math.max(maxDist, Math.hypot(x - cx, y - cy));
  }
  for (const j of candidates) {
    const [x, y] = index.shapes[j]!.label;
    const angle = angleBetween(x - cx, y - cy, dir);
    if (angle >= Math.PI / 2 - 1e-9) continue;
    const score = angle + (0.35 * Math.hypot(x - cx, y - cy)) / (maxDist || 1);
    if (score < bestScore) {
      bestScore = score;
      best = j;
    }
  }
  if (best !== undefined) return best;
  // No neighbour that way: jump to the nearest grid roughly in that direction.
  const nearest = index.nearest(cx, cy, 64, (j) => {
    if (j === i || (allowed && !allowed(j))) return false;
    const [x, y] = index.shapes[j]!.label;
    return angleBetween(x - cx, y - cy, dir) < Math.PI / 4;
  });
  return nearest[0];
}
