import { describe, expect, it } from 'vitest';
import { buildMapModel } from './map-model.js';
import { framePoints, pointMarks, visibleLayerIds } from './points.js';
import { ShapeCache } from './projection.js';
import { yantian } from '../test/fixtures.js';

describe('point layers', () => {
  const feed = yantian();
  const model = buildMapModel(feed, undefined, new ShapeCache());

  it('shows no layer by default, and what `layers` lists', () => {
    expect([...visibleLayerIds(feed, undefined)]).toEqual([]);
    expect([...visibleLayerIds(feed, null)]).toEqual([]);
    expect([...visibleLayerIds(feed, 'risk-source')]).toEqual(['risk-sources']);
    expect([...visibleLayerIds(feed, 'cameras, fire-station')]).toEqual(['micro-fire-stations', 'cameras']);
    expect([...visibleLayerIds(feed, '')]).toEqual([]);
  });

  it('never gives a point of a sensitive layer, even when the layer is listed', () => {
    const all = visibleLayerIds(feed, 'micro-fire-stations,emergency-fire-points,cameras,risk-sources');
    const points = framePoints(feed, model.frame, all, () => true);
    expect(points.some((p) => p.kind === 'camera')).toBe(false);
    expect(points).toHaveLength(239 + 147 + 149);
    expect(framePoints(feed, model.frame, visibleLayerIds(feed, 'cameras'), () => true)).toEqual([]);
  });

  it('merges points of one layer in one screen cell into a mark with a count and the worst level', () => {
    const risks = framePoints(feed, model.frame, visibleLayerIds(feed, 'risk-source'), () => true);
    const merged = pointMarks(risks, (x, y) => [x * 0.05, y * 0.05], 50, 50);
    expect(merged.reduce((n, m) => n + m.n, 0)).toBe(149);
    expect(merged.some((m) => m.level === 'red')).toBe(true);
    expect(merged.length).toBeLessThanOrEqual(9);
  });

  it('merges nearby points into fewer marks when zoomed out', () => {
    const points = framePoints(feed, model.frame, visibleLayerIds(feed, 'fire-station'), () => true);
    const small = pointMarks(points, (x, y) => [x * 0.3, y * 0.3], 300, 300);
    const large = pointMarks(points, (x, y) => [x * 3, y * 3], 3000, 3000);
    expect(small.length).toBeLessThan(large.length);
    expect(small.reduce((n, m) => n + m.n, 0)).toBe(239);
    expect(small.some((m) => m.points > 1)).toBe(true);
    // Out of view: left out.
    expect(pointMarks(points, (x, y) => [x - 5000, y], 300, 300)).toEqual([]);
    // Not a position (a view with no size yet): left out, never a mark at NaN.
    expect(pointMarks(points, () => [NaN, NaN], 300, 300)).toEqual([]);
  });

  it('draws the most severe risk marks last', () => {
    const points = framePoints(feed, model.frame, visibleLayerIds(feed, 'risk-source'), () => true);
    const marks = pointMarks(points, (x, y) => [x, y], 1000, 1000);
    const order = { blue: 1, yellow: 2, orange: 3, red: 4 } as const;
    for (let i = 1; i < marks.length; i++) {
      expect(order[marks[i]!.level!]).toBeGreaterThanOrEqual(order[marks[i - 1]!.level!]);
    }
  });
});
