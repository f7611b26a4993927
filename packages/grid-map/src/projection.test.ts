import { mulberry32 } from '@safety-widgets/sample-data/synthetic';
import { describe, expect, it } from 'vitest';
import {
  CoordStore,
  PathWriter,
  pathData,
  projectShape,
  type ProjectionFrame as Frame,
} from './projection.js';

/** A Mercator frame of scale 1 (frame x is the longitude in radians): the test picks wide ranges. */
const unit: Frame = { key: 'unit', scale: 1, tx: 0, ty: 0, project: (x, y) => [x, y] };

describe('pathData', () => {
  it('writes the same path data as the canvas path writer, for any coordinates', () => {
    const random = mulberry32(5);
    const writer = new PathWriter();
    const store = new CoordStore();
    let checked = 0;
    for (let n = 0; n < 200; n++) {
      // Small, large, beyond 2³¹ path units (written as script writes them), and tiny.
      const scale = [1, 1000, 1e12, 1e-3][n % 4]!;
      const ring = Array.from({ length: 3 + (n % 9) }, () => [
        (random() - 0.5) * scale,
        (random() - 0.5) * 80,
      ]);
      ring.push(ring[0]!);
      const hole = ring.map(([x, y]) => [x! / 2, y! / 2]).reverse();
      const shape = projectShape({ polygons: [[ring, hole]], problems: [] } as never, unit, store);
      if (!shape) continue;
      writer.shape(shape);
      expect(pathData(shape)).toBe(writer.take());
      checked++;
    }
    expect(checked).toBeGreaterThan(150);
  });
});
