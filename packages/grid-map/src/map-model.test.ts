import { describe, expect, it } from 'vitest';
import { validateFeed, type AreaGeometry } from '@safety-widgets/core';
import { syntheticGridFeed } from '@safety-widgets/sample-data/synthetic';
import { buildMapModel, gridOfPointIn } from './map-model.js';
import { FRAME_SIZE, ShapeCache, pathData, projectionStats } from './projection.js';
import {
  feedWithGrids,
  meishaInput,
  squareRing,
  validated,
  yantian,
  yantianInput,
} from '../test/fixtures.js';

describe('buildMapModel', () => {
  it('projects the 30 sample grids, 4 sub-districts, 3 neighbours and the outline into the frame', () => {
    const model = buildMapModel(yantian(), undefined, new ShapeCache());
    expect(model.grids).toHaveLength(30);
    expect(model.subdistricts.map((s) => s.id)).toEqual([
      'shatoujiao',
      'haishan',
      'yantian-subdistrict',
      'meisha',
    ]);
    expect(model.neighbours.map((n) => n.id)).toEqual(['luohu', 'longgang', 'pingshan']);
    expect(model.outline?.shape).toBeDefined();
    const [x0, y0, x1, y1] = model.viewBox!;
    expect(x0).toBeGreaterThanOrEqual(-0.01);
    expect(y0).toBeGreaterThanOrEqual(-0.01);
    expect(Math.max(x1, y1)).toBeCloseTo(FRAME_SIZE, 0);
    for (const g of model.grids) {
      expect(g.cached.d).toMatch(/^M[\d.]+,[\d.]+L.*Z$/);
      expect(model.index.at(g.shape.label[0], g.shape.label[1])).toBe(model.byId.get(g.id));
    }
    expect(model.problems).toEqual({ 'winding-fixed': [], empty: [], 'self-intersecting': [] });
  });

  it('shows one sub-district alone, fitted to it', () => {
    const model = buildMapModel(yantian(), 'meisha', new ShapeCache());
    expect(model.grids.map((g) => g.id)).toEqual([
      'meisha-g01',
      'meisha-g02',
      'meisha-g03',
      'meisha-g04',
      'meisha-g05',
      'meisha-g06',
      'meisha-g07',
    ]);
    expect(model.subdistrict).toBe('meisha');
    expect(model.subdistricts.map((s) => s.id)).toEqual(['meisha']);
    const whole = buildMapModel(yantian(), undefined, new ShapeCache()).viewBox!;
    expect(model.viewBox![2] - model.viewBox![0]).toBeLessThan((whole[2] - whole[0]) / 2);
    expect(buildMapModel(yantian(), 'nowhere', new ShapeCache()).grids).toEqual([]);
  });

  it('reads a sub-district feed (no sub-districts of its own)', () => {
    const model = buildMapModel(validated(meishaInput()), undefined, new ShapeCache());
    expect(model.grids).toHaveLength(7);
    expect(model.subdistricts).toEqual([]);
  });

  it('reuses every projected outline when only figures change', () => {
    const cache = new ShapeCache();
    const first = buildMapModel(yantian(), undefined, cache);
    const before = projectionStats.shapes;
    const input = yantianInput();
    for (const f of input.grids!.features as { properties: { metrics: Record<string, number> } }[]) {
      f.properties.metrics.cases = (f.properties.metrics.cases ?? 0) + 7;
    }
    const second = buildMapModel(validated(input), undefined, cache, first);
    expect(projectionStats.shapes).toBe(before);
    // Same outlines: the spatial index and the id map are reused as they are.
    expect(second.index).toBe(first.index);
    expect(second.byId).toBe(first.byId);
    second.grids.forEach((g, i) => {
      expect(g.cached).toBe(first.grids[i]!.cached);
      expect(g.metrics.cases).toBe((first.grids[i]!.metrics.cases ?? 0) + 7);
    });
  });

  it('projects again only the grid whose geometry changed', () => {
    const cache = new ShapeCache();
    const first = buildMapModel(yantian(), undefined, cache);
    const before = projectionStats.shapes;
    const input = yantianInput();
    const ring = (input.grids!.features[3] as { geometry: { coordinates: number[][][] } }).geometry
      .coordinates[0]!;
    ring[1] = [ring[1]![0]! + 0.0001, ring[1]![1]!];
    const second = buildMapModel(validated(input), undefined, cache, first);
    expect(projectionStats.shapes).toBe(before + 1);
    expect(second.index).not.toBe(first.index);
    expect(second.grids[3]!.cached).not.toBe(first.grids[3]!.cached);
    expect(second.grids[4]!.cached).toBe(first.grids[4]!.cached);
  });

  it('leaves out grids without area and reports them; reports crossings and fixed winding', () => {
    const bowTie = [
      [114.25, 22.62],
      [114.27, 22.6],
      [114.27, 22.62],
      [114.25, 22.6],
      [114.25, 22.62],
    ];
    const flat = [
      [114.25, 22.6],
      [114.26, 22.6],
      [114.27, 22.6],
      [114.25, 22.6],
    ];
    const feed = validated(
      feedWithGrids([
        { id: 'ok', coordinates: [squareRing(114.25, 22.6, 0.005)] },
        { id: 'rfc', coordinates: [squareRing(114.27, 22.6, 0.005).reverse()] },
        { id: 'flat', coordinates: [flat] },
        { id: 'bow', coordinates: [bowTie] },
      ]),
    );
    const model = buildMapModel(feed, undefined, new ShapeCache());
    expect(model.grids.map((g) => g.id)).toEqual(['ok', 'rfc', 'bow']);
    expect(model.problems).toEqual({
      'winding-fixed': ['rfc'],
      empty: ['flat'],
      'self-intersecting': ['bow'],
    });
    // The reversed grid is drawn the same size as its twin (not as the whole globe).
    const [ok, rfc] = model.grids;
    expect(rfc!.shape.area).toBeCloseTo(ok!.shape.area, 3);
  });

  it('fits to the grids when the feed has no outline', () => {
    const input = yantianInput();
    delete (input.place as { outline?: unknown }).outline;
    const model = buildMapModel(validated(input), undefined, new ShapeCache());
    expect(model.grids).toHaveLength(30);
    expect(model.outline).toBeUndefined();
    expect(Math.max(model.viewBox![2], model.viewBox![3])).toBeCloseTo(FRAME_SIZE, 0);
  });

  it('finds the grid of a point by its `grid` or by its position', () => {
    const feed = yantian();
    const model = buildMapModel(feed, undefined, new ShapeCache());
    const gridOf = gridOfPointIn(model);
    for (const p of feed.layers[0]!.points.slice(0, 20)) {
      expect(gridOf({ coordinates: p.coordinates })).toBe(p.grid);
      expect(gridOf(p)).toBe(p.grid);
    }
    expect(gridOf({ coordinates: [0, 0] })).toBeUndefined();
    expect(gridOf({ grid: 'not-a-grid', coordinates: [0, 0] })).toBeUndefined();
  });

  it('handles 20,000 synthetic cells', { timeout: 60_000 }, () => {
    const result = validateFeed(syntheticGridFeed(yantianInput(), { cells: 20_000 }));
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([]);
    const model = buildMapModel(result.feed!, undefined, new ShapeCache());
    expect(model.grids).toHaveLength(20_000);
    const g = model.grids[12_345]!;
    expect(model.index.at(g.shape.label[0], g.shape.label[1])).toBe(12_345);
    expect(pathData(g.shape).split('L')).toHaveLength(4);
  });
});

describe('makeFrame', () => {
  it('projects exactly as d3’s fitted Mercator does', async () => {
    const { geoMercator } = await import('d3-geo');
    const { makeFrame } = await import('./projection.js');
    const { normaliseGeometry, toGeoJson } = await import('./geometry.js');
    const outline = normaliseGeometry(yantian().place.outline);
    const frame = makeFrame([outline], 'k')!;
    const d3 = geoMercator().fitExtent(
      [
        [0, 0],
        [FRAME_SIZE, FRAME_SIZE],
      ],
      { type: 'GeometryCollection', geometries: [toGeoJson(outline)] },
    );
    for (const p of [
      [114.2, 22.5],
      [114.35, 22.65],
      [0, 0],
      [-120, 60],
    ] as const) {
      const mine = frame.project(p[0], p[1])!;
      const theirs = d3([p[0], p[1]])!;
      expect(mine[0]).toBeCloseTo(theirs[0], 6);
      expect(mine[1]).toBeCloseTo(theirs[1], 6);
    }
    expect(frame.project(0, 90)).toBeDefined();
    // Fitted without d3's streaming, to the same numbers.
    expect(frame.scale).toBe(d3.scale());
    expect([frame.tx, frame.ty]).toEqual(d3.translate());
  });

  it('fits outlines near a pole or across the antimeridian to what the map draws', async () => {
    const { makeFrame } = await import('./projection.js');
    const { normaliseGeometry } = await import('./geometry.js');
    const box = (x0: number, y0: number, x1: number, y1: number) =>
      normaliseGeometry({
        type: 'Polygon',
        coordinates: [
          [
            [x0, y1],
            [x1, y1],
            [x1, y0],
            [x0, y0],
            [x0, y1],
          ],
        ],
      } as unknown as AreaGeometry);
    for (const outline of [box(10, 80, 20, 89), box(170, 10, 179.5, 20), box(-100, 10, 100, 20)]) {
      const frame = makeFrame([outline], 'k')!;
      const xs: number[] = [];
      const ys: number[] = [];
      for (const [lon, lat] of outline.polygons[0]![0]!) {
        const [x, y] = frame.project(lon, lat)!;
        xs.push(x);
        ys.push(y);
      }
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      // Inside the frame, filling it along one axis and centred along the other.
      for (const v of [x0, x1, y0, y1]) {
        expect(v).toBeGreaterThan(-1e-6);
        expect(v).toBeLessThan(FRAME_SIZE + 1e-6);
      }
      expect(Math.max(x1 - x0, y1 - y0)).toBeCloseTo(FRAME_SIZE, 6);
      expect((x0 + x1) / 2).toBeCloseTo(FRAME_SIZE / 2, 6);
      expect((y0 + y1) / 2).toBeCloseTo(FRAME_SIZE / 2, 6);
    }
  });
});
