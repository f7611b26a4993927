import { describe, expect, it } from 'vitest';
import { syntheticGridFeed } from '@safety-widgets/sample-data/synthetic';
import { buildMapModel } from './map-model.js';
import { directionOfKey, neighboursOf, stepInDirection } from './navigation.js';
import { ShapeCache } from './projection.js';
import { validated, yantian, yantianInput } from '../test/fixtures.js';

describe('keyboard navigation', () => {
  const model = buildMapModel(yantian(), undefined, new ShapeCache());
  const idx = (id: string) => model.byId.get(id)!;
  const id = (i: number | undefined) => (i === undefined ? undefined : model.grids[i]!.id);

  it('maps arrow keys to directions', () => {
    expect(directionOfKey('ArrowLeft')).toBe('left');
    expect(directionOfKey('ArrowDown')).toBe('down');
    expect(directionOfKey('a')).toBeUndefined();
  });

  it('finds neighbours that share an edge, symmetrically, for every sample grid', () => {
    for (let i = 0; i < model.grids.length; i++) {
      const ns = neighboursOf(model.index, i);
      expect(ns.length, model.grids[i]!.id).toBeGreaterThan(0);
      for (const j of ns) expect(neighboursOf(model.index, j), `${id(i)} ↔ ${id(j)}`).toContain(i);
    }
  });

  it('moves to a neighbour in the direction of the key', () => {
    for (let i = 0; i < model.grids.length; i++) {
      const ns = neighboursOf(model.index, i);
      for (const dir of ['left', 'right', 'up', 'down'] as const) {
        const j = stepInDirection(model.index, i, dir);
        if (j === undefined) continue;
        const [x0, y0] = model.grids[i]!.shape.label;
        const [x1, y1] = model.grids[j]!.shape.label;
        if (dir === 'right') expect(x1).toBeGreaterThan(x0);
        if (dir === 'left') expect(x1).toBeLessThan(x0);
        if (dir === 'down') expect(y1).toBeGreaterThan(y0);
        if (dir === 'up') expect(y1).toBeLessThan(y0);
        // Every sample grid has a neighbour each way it can go: the step is to a neighbour.
        expect(ns, `${id(i)} ${dir} → ${id(j)}`).toContain(j);
      }
    }
    // West to east across Shatoujiao into Haishan: every step goes somewhere new, eastwards.
    let here = idx('shatoujiao-g01');
    const seen = new Set([here]);
    for (let n = 0; n < 10; n++) {
      const next = stepInDirection(model.index, here, 'right');
      if (next === undefined) break;
      expect(seen.has(next)).toBe(false);
      seen.add(next);
      here = next;
    }
    expect(seen.size).toBeGreaterThan(4);
  });

  it('stays within a filter when given one', () => {
    const allowed = (j: number) => model.grids[j]!.subdistrict === 'meisha';
    const start = idx('meisha-g01');
    for (const dir of ['left', 'right', 'up', 'down'] as const) {
      const j = stepInDirection(model.index, start, dir, allowed);
      if (j !== undefined) expect(model.grids[j]!.subdistrict).toBe('meisha');
    }
  });

  it('steps one cell at a time on a lattice of 20,000', { timeout: 60_000 }, () => {
    const big = buildMapModel(
      validated(syntheticGridFeed(yantianInput(), { cells: 20_000 })),
      undefined,
      new ShapeCache(),
    );
    const cols = big.grids.findIndex(
      (g, i) =>
        i > 0 &&
        g.shape.label[1] <
          big.grids[0]!.shape.label[1] - 0.5 * (big.grids[0]!.shape.bbox[3] - big.grids[0]!.shape.bbox[1]),
    );
    expect(cols).toBeGreaterThan(100);
    const start = 5 * cols + 10;
    expect(stepInDirection(big.index, start, 'right')).toBe(start + 1);
    expect(stepInDirection(big.index, start, 'left')).toBe(start - 1);
    // Rows run south to north, and north is up on screen.
    expect(stepInDirection(big.index, start, 'up')).toBe(start + cols);
    expect(stepInDirection(big.index, start, 'down')).toBe(start - cols);
    expect(stepInDirection(big.index, 0, 'left')).toBeUndefined();
  });
});
