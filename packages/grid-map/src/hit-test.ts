/**
 * Which grid is under a point: a flatbush index over the grids' bounding boxes narrows
 * 20,000 grids to a handful, then an even-odd point-in-polygon test decides. Works the same
 * for the SVG and the canvas map, in frame coordinates.
 */
import Flatbush from 'flatbush';
import { pointInRings, type ProjectedShape } from './projection.js';

export class GridIndex {
  private readonly index: Flatbush | undefined;
  /** Item number → position in `shapes` (only shapes that projected are indexed). */
  private readonly items: number[] = [];

  constructor(readonly shapes: readonly (ProjectedShape | undefined)[]) {
    shapes.forEach((shape, i) => {
      if (shape) this.items.push(i);
    });
    if (this.items.length === 0) return;
    const index = new Flatbush(this.items.length);
    for (const i of this.items) {
      const b = shapes[i]!.bbox;
      index.add(b[0], b[1], b[2], b[3]);
    }
    index.finish();
    this.index = index;
  }

  /** The grid (its position in `shapes`) whose outline contains the frame point, or -1. The smallest wins where outlines overlap. */
  at(x: number, y: number): number {
    if (!this.index || !Number.isFinite(x) || !Number.isFinite(y)) return -1;
    let best = -1;
    let bestArea = Infinity;
    for (const item of this.index.search(x, y, x, y)) {
      const i = this.items[item]!;
      const shape = this.shapes[i]!;
      if (shape.area < bestArea && pointInRings(shape.rings, x, y)) {
        best = i;
        bestArea = shape.area;
      }
    }
    return best;
  }

  /** Grids whose bounding boxes meet the box (positions in `shapes`). */
  search(x0: number, y0: number, x1: number, y1: number): number[] {
    if (!this.index) return [];
    return this.index.search(x0, y0, x1, y1).map((item) => this.items[item]!);
  }

  /** Up to `max` grids nearest to a point by bounding box, nearest first, that pass `filter`. */
  nearest(x: number, y: number, max: number, filter?: (i: number) => boolean): number[] {
    if (!this.index) return [];
    return this.index
      .neighbors(x, y, max, Infinity, filter ? (item) => filter(this.items[item]!) : undefined)
      .map((item) => this.items[item]!);
  }
}
