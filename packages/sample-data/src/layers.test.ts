import { describe, expect, it } from 'vitest';
import { type Geometry, pointInGeometry } from './geometry/rings.js';
import { buildFeeds } from './index.js';

const { district, subdistricts } = buildFeeds();
const layer = (feed: typeof district, kind: string) => {
  const found = feed.layers?.find((l) => l.kind === kind);
  if (!found) throw new Error(`${feed.id}: no ${kind} layer`);
  return found;
};
const total = (points: { count?: number | null }[]) => points.reduce((s, p) => s + (p.count ?? 1), 0);

describe('layers', () => {
  it('reproduce the published counts', () => {
    expect(layer(district, 'fire-station').points).toHaveLength(239);
    expect(layer(district, 'emergency-point').points).toHaveLength(147);
    expect(layer(district, 'risk-source').points).toHaveLength(149);
    expect(total(layer(district, 'camera').points)).toBeGreaterThan(3000);
  });

  it('grade the 149 risk sources as a pyramid (3 red, 16 orange, 50 yellow, 80 blue)', () => {
    const levels = layer(district, 'risk-source').points.map((p) => p.level);
    const count = (level: string) => levels.filter((l) => l === level).length;
    expect([count('red'), count('orange'), count('yellow'), count('blue')]).toEqual([3, 16, 50, 80]);
  });

  it('keep cameras sensitive (counted per grid, never drawn) and the other layers public', () => {
    for (const l of district.layers ?? []) expect(l.sensitive, l.id).toBe(l.kind === 'camera');
    expect(layer(district, 'camera').points.every((p) => Number.isInteger(p.count) && p.count! > 0)).toBe(
      true,
    );
  });

  it('are synthetic and say so in their names', () => {
    for (const l of district.layers ?? []) {
      expect(l.provenance).toBe('synthetic');
      expect(l.name.en, l.id).toMatch(/synthetic positions/);
      expect(l.name.zh, l.id).toMatch(/合成/);
    }
  });

  it('put every point inside the grid it names, with unique ids', () => {
    const grids = new Map(district.grids!.features.map((g) => [g.id, g.geometry as Geometry]));
    for (const l of district.layers ?? []) {
      expect(new Set(l.points.map((p) => p.id)).size, l.id).toBe(l.points.length);
      for (const p of l.points) {
        const grid = grids.get(p.grid!);
        expect(grid, `${l.id} ${p.id}`).toBeDefined();
        expect(pointInGeometry(p.coordinates as [number, number], grid!), `${l.id} ${p.id}`).toBe(true);
      }
    }
  });

  it('agree with the grid metrics', () => {
    const metric = (name: string) =>
      district.grids!.features.reduce((s, g) => s + (g.properties.metrics?.[name] ?? 0), 0);
    expect(metric('microFireStations')).toBe(239);
    expect(metric('emergencyFirePoints')).toBe(147);
    expect(metric('riskSources')).toBe(149);
    expect(metric('cameras')).toBe(total(layer(district, 'camera').points));
  });

  it('are split among the sub-district feeds without loss', () => {
    for (const kind of ['fire-station', 'emergency-point', 'camera', 'risk-source']) {
      const parts = subdistricts.reduce((s, f) => s + layer(f, kind).points.length, 0);
      expect(parts, kind).toBe(layer(district, kind).points.length);
    }
  });

  it('put more micro fire stations per resident in the west than in the east', () => {
    const perResident = (id: string) => {
      const feed = subdistricts.find((f) => f.id === id)!;
      return layer(feed, 'fire-station').points.length / feed.place.population!;
    };
    expect(perResident('shatoujiao')).toBeGreaterThan(perResident('meisha'));
  });
});
