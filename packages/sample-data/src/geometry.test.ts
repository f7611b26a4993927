import { geoArea, geoCentroid, geoContains } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { clipping } from './geometry/clipping.js';
import { type Geometry, planarArea, polygonsOf, signedArea, toGeometry } from './geometry/rings.js';
import { buildFeeds } from './index.js';

const { district, subdistricts } = buildFeeds();
const outline = district.place.outline as Geometry;
const grids = district.grids!.features;
const geometryOf = (g: unknown) => g as Geometry;
const area = (g: Geometry) => geoArea(g);

/** Every geometry a feed holds, with a label. */
function allGeometries(): [string, Geometry][] {
  const out: [string, Geometry][] = [];
  for (const feed of [district, ...subdistricts]) {
    if (feed.place.outline) out.push([`${feed.id} outline`, geometryOf(feed.place.outline)]);
    for (const s of feed.subdistricts ?? [])
      if (s.geometry) out.push([`${feed.id} ${s.id}`, geometryOf(s.geometry)]);
    for (const n of feed.neighbours ?? []) out.push([`${feed.id} neighbour ${n.id}`, geometryOf(n.geometry)]);
    for (const g of feed.grids?.features ?? []) out.push([`${feed.id} ${g.id}`, geometryOf(g.geometry)]);
  }
  return out;
}

describe('geometry', () => {
  it('uses the real Yantian outline (about 89 km² as drawn)', () => {
    const km2 = area(outline) * 6371.0088 ** 2;
    expect(km2).toBeGreaterThan(80);
    expect(km2).toBeLessThan(95);
  });

  it('winds every ring the way d3-geo expects: small areas, exterior clockwise, holes counter-clockwise', () => {
    for (const [label, geometry] of allGeometries()) {
      expect(area(geometry), label).toBeLessThan(0.001); // a wrong winding gives about 4π
      for (const [exterior, ...holes] of polygonsOf(geometry)) {
        expect(signedArea(exterior!), label).toBeLessThan(0);
        for (const hole of holes) expect(signedArea(hole), label).toBeGreaterThan(0);
      }
    }
  });

  it('closes every ring, with at least 4 positions, 5 decimals and no repeated consecutive position', () => {
    for (const [label, geometry] of allGeometries()) {
      for (const polygon of polygonsOf(geometry)) {
        for (const ring of polygon) {
          expect(ring.length, label).toBeGreaterThanOrEqual(4);
          expect(ring[0], label).toEqual(ring[ring.length - 1]);
          for (let i = 1; i < ring.length; i++) {
            expect(ring[i], label).not.toEqual(ring[i - 1]);
          }
          for (const [x, y] of ring) {
            expect(Math.round(x * 1e5) / 1e5, label).toBe(x);
            expect(Math.round(y * 1e5) / 1e5, label).toBe(y);
          }
        }
      }
    }
  });

  it('has 30 synthetic grids, each in one of the 4 sub-districts (8, 7, 8, 7 west to east)', () => {
    expect(grids).toHaveLength(30);
    const ids = subdistricts.map((s) => s.id);
    expect(district.subdistricts?.map((s) => s.id)).toEqual(ids);
    for (const g of grids) {
      expect(g.properties.synthetic).toBe(true);
      expect(ids).toContain(g.properties.subdistrict);
      expect(g.properties.name.zh).toMatch(/^(沙头角|海山|盐田|梅沙)第\d\d网格$/);
      expect(g.properties.name.en).toMatch(/^(Shatoujiao|Haishan|Yantian|Meisha) Grid \d\d$/);
    }
    expect(ids.map((id) => grids.filter((g) => g.properties.subdistrict === id).length)).toEqual([
      8, 7, 8, 7,
    ]);
  });

  it('puts every grid inside the outline', () => {
    const outlinePolygons = polygonsOf(outline);
    for (const g of grids) {
      const polygons = polygonsOf(geometryOf(g.geometry));
      const outside = planarArea(toGeometry(clipping.difference(polygons, outlinePolygons)));
      // Only slivers from rounding the cut points to 5 decimals (about 1 m) may poke out.
      expect(outside / planarArea(geometryOf(g.geometry)), g.id).toBeLessThan(5e-4);
    }
  });

  it('tiles the outline: grid areas add up to it (within 1%) and their union covers it', () => {
    const total = grids.reduce((s, g) => s + area(geometryOf(g.geometry)), 0);
    expect(Math.abs(total / area(outline) - 1)).toBeLessThan(0.01);
    const [first, ...rest] = grids.map((g) => polygonsOf(geometryOf(g.geometry)));
    const union = clipping.union(first!, ...rest);
    const mismatch = clipping.xor(union, polygonsOf(outline));
    expect(planarArea(toGeometry(mismatch)) / planarArea(outline)).toBeLessThan(0.001);
  });

  it('builds each sub-district as the union of its grids, west to east', () => {
    let lastLongitude = -Infinity;
    for (const s of district.subdistricts ?? []) {
      const mine = grids.filter((g) => g.properties.subdistrict === s.id);
      const gridArea = mine.reduce((sum, g) => sum + area(geometryOf(g.geometry)), 0);
      expect(Math.abs(area(geometryOf(s.geometry)) / gridArea - 1), s.id).toBeLessThan(0.001);
      for (const g of mine) {
        const polygons = polygonsOf(geometryOf(g.geometry));
        const shared = planarArea(
          toGeometry(clipping.intersection(polygons, polygonsOf(geometryOf(s.geometry)))),
        );
        expect(shared / planarArea(geometryOf(g.geometry)), g.id).toBeGreaterThan(0.999);
        expect(geoContains(s.geometry!, geoCentroid(g.geometry)), g.id).toBe(true);
      }
      const west = Math.min(...polygonsOf(geometryOf(s.geometry)).flatMap((p) => p[0]!.map(([x]) => x)));
      expect(west, s.id).toBeGreaterThan(lastLongitude);
      lastLongitude = west;
    }
  });

  it('uses the sub-district shape as each sub-district feed outline, its grids only, the other three as neighbours', () => {
    for (const feed of subdistricts) {
      const shape = district.subdistricts?.find((s) => s.id === feed.id);
      expect(feed.place.outline).toEqual(shape?.geometry);
      expect(feed.grids?.features.every((g) => g.properties.subdistrict === feed.id)).toBe(true);
      expect(feed.neighbours?.map((n) => n.id).sort()).toEqual(
        subdistricts
          .filter((s) => s !== feed)
          .map((s) => s.id)
          .sort(),
      );
    }
  });

  it('draws the neighbouring districts for context', () => {
    expect(district.neighbours?.map((n) => n.name.zh)).toEqual(['罗湖区', '龙岗区', '坪山区']);
  });
});
