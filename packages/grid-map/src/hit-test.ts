/**
 * Which grid is under a point: a flatbush index over the grids' bounding boxes narrows
 * 20,000 grids to a handful, then an even-odd point-in-polygon test decides. Works the same
 * for the SVG and the canvas map, in frame coordinates.
 */
import Flatbush from 'flatbush';
import { pointInShape, type ProjectedShape } from './projection.js';

export class GridIndex {
  private tree: Flatbush | undefined;
  /** Item number → position in `shapes` (only shapes that projected are indexed); undefined when all are. */
  private items: number[] | undefined;
  private built = false;

  /**
   * The index is built on its first query, not here: nothing in the first picture needs it (the
   * pointer, the keyboard and the point layers do), so a map paints without waiting for it.
   */
  constructor(readonly shapes: readonly (ProjectedShape | undefined)[]) {}

  /** The flatbush index, built on first use (undefined when no shape projected). */
  private get index(): Flatbush | undefined {
    if (this.built) return this.tree;
    this.built = true;
    const shapes = this.shapes;
    let count = 0;
    for (let i = 0; i < shapes.length; i++) if (shapes[i]) count++;
    if (count < shapes.length) {
      this.items = [];
      for (let i = 0; i < shapes.length; i++) if (shapes[i]) this.items.push(i);
    }
    if (count === 0) return undefined;
    const index = new Flatbush(count);
    for (let i = 0; i < shapes.length; i++) {
      const shape = shapes[i];
      if (shape) index.add(shape.x0, shape.y0, shape.x1, shape.y1);
    }
    index.finish();
    return (this.tree = index);
  }

  /** Builds the index now (in idle time after the first paint, so that the first hover does not wait). */
  build(): void {
    void this.index;
  }

  /** Position in `shapes` of flatbush item number `item`. */
  private shapeOf(item: number): number {
    return this.items ? this.items[item]! : item;
  }

  /** The grid (its position in `shapes`) whose outline contains the frame point, or -1. The smallest wins where outlines overlap. */
  at(x: number, y: number): number {
    const index = this.index;
    if (!index || !Number.isFinite(x) || !Number.isFinite(y)) return -1;
    let best = -1;
    let bestArea = Infinity;
    for (const item of index.search(x, y, x, y)) {
      const i = this.shapeOf(item);
      const shape = this.shapes[i]!;
      if (shape.area < bestArea && pointInShape(shape, x, y)) {
        best = i;
        bestArea = shape.area;
      }
    }
    return best;
  }

  /** Grids whose bounding boxes meet the box (positions in `shapes`). */
  search(x0: number, y0: number, x1: number, y1: number): number[] {
    const index = this.index;
    if (!index) return [];
    return index.search(x0, y0, x1, y1).map((item) => this.shapeOf(item));
  }

  /** Up to `max` grids nearest to a point by bounding box, nearest first, that pass `filter`. */
  nearest(x: number, y: number, max: number, filter?: (i: number) => boolean): number[] {
    const index = this.index;
    if (!index) return [];
    return index
      .neighbors(x, y, max, Infinity, filter ? (item) => filter(this.shapeOf(item)) : undefined)
      .map((item) => this.shapeOf(item));
  }
}
