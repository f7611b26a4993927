import { geoArea } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '@safety-widgets/core';
import {
  geometryFingerprint,
  isDegenerateRing,
  isSelfIntersecting,
  normaliseGeometry,
  toGeoJson,
  type Ring,
} from './geometry.js';
import { squareRing, yantian } from '../test/fixtures.js';

const polygon = (...rings: Ring[]) => ({ type: 'Polygon', coordinates: rings }) as unknown as AreaGeometry;

describe('normaliseGeometry', () => {
  it('keeps d3-geo winding (exterior clockwise) as it is', () => {
    const g = normaliseGeometry(polygon(squareRing(114.25, 22.6, 0.01)));
    expect(g.problems).toEqual([]);
    expect(g.polygons[0]![0]).toEqual(squareRing(114.25, 22.6, 0.01));
    expect(geoArea(toGeoJson(g))).toBeLessThan(1e-6);
  });

  it('reverses RFC 7946 winding (exterior counter-clockwise) and says so', () => {
    const rfc = squareRing(114.25, 22.6, 0.01).reverse();
    const g = normaliseGeometry(polygon(rfc));
    expect(g.problems).toEqual(['winding-fixed']);
    expect(geoArea(toGeoJson(g))).toBeLessThan(1e-6);
    expect(g.polygons[0]![0]).toEqual(squareRing(114.25, 22.6, 0.01));
  });

  it('reverses the holes with their exterior', () => {
    const outer = squareRing(114.25, 22.6, 0.02).reverse();
    const hole = squareRing(114.25, 22.6, 0.005); // clockwise: a hole in RFC order
    const g = normaliseGeometry(polygon(outer, hole));
    expect(g.problems).toEqual(['winding-fixed']);
    const area = geoArea(toGeoJson(g));
    const full = geoArea(toGeoJson(normaliseGeometry(polygon(squareRing(114.25, 22.6, 0.02)))));
    expect(area).toBeGreaterThan(0);
    expect(area).toBeLessThan(full);
  });

  it('handles each polygon of a MultiPolygon on its own', () => {
    const g = normaliseGeometry({
      type: 'MultiPolygon',
      coordinates: [[squareRing(114.2, 22.6, 0.01)], [squareRing(114.3, 22.6, 0.01).reverse()]],
    } as unknown as AreaGeometry);
    expect(g.polygons).toHaveLength(2);
    expect(g.problems).toEqual(['winding-fixed']);
    expect(geoArea(toGeoJson(g))).toBeLessThan(1e-6);
  });

  it('reports empty geometry (no rings, or rings without area) instead of throwing', () => {
    expect(normaliseGeometry(polygon()).problems).toEqual(['empty']);
    expect(normaliseGeometry(null).problems).toEqual(['empty']);
    const flat: Ring = [
      [114.2, 22.6],
      [114.3, 22.6],
      [114.4, 22.6],
      [114.2, 22.6],
    ];
    expect(isDegenerateRing(flat)).toBe(true);
    expect(normaliseGeometry(polygon(flat)).problems).toEqual(['empty']);
    const point: Ring = [
      [114.2, 22.6],
      [114.2, 22.6],
      [114.2, 22.6],
      [114.2, 22.6],
    ];
    expect(normaliseGeometry(polygon(point)).polygons).toEqual([]);
  });

  it('drops a hole without area but keeps the polygon', () => {
    const flatHole: Ring = [
      [114.25, 22.6],
      [114.26, 22.6],
      [114.25, 22.6],
      [114.25, 22.6],
    ];
    const g = normaliseGeometry(polygon(squareRing(114.25, 22.6, 0.02), flatHole));
    expect(g.polygons[0]).toHaveLength(1);
    expect(g.problems).toEqual([]);
  });

  it('flags a ring that crosses itself (bow tie) and keeps it', () => {
    const bowTie: Ring = [
      [114.2, 22.62],
      [114.22, 22.6],
      [114.22, 22.62],
      [114.2, 22.6],
      [114.2, 22.62],
    ];
    expect(isSelfIntersecting(bowTie)).toBe(true);
    const g = normaliseGeometry(polygon(bowTie));
    expect(g.problems).toContain('self-intersecting');
    expect(g.polygons).toHaveLength(1);
    expect(isSelfIntersecting(squareRing(114.2, 22.6, 0.01))).toBe(false);
    // Outlines that are not grids are not checked (the check is quadratic in the ring size).
    expect(normaliseGeometry(polygon(bowTie), { checkCrossings: false }).problems).toEqual([]);
  });

  it('finds crossings in long rings without checking every pair, and ignores repeated positions', () => {
    const circle = (n: number, lon: number, lat: number, r: number): [number, number][] => {
      const ring = Array.from({ length: n }, (_, i): [number, number] => [
        lon + r * Math.cos((-2 * Math.PI * i) / n),
        lat + r * Math.sin((-2 * Math.PI * i) / n),
      ]);
      return [...ring, ring[0]!];
    };
    const round = circle(20_000, 114.25, 22.6, 0.01);
    expect(isSelfIntersecting(round)).toBe(false);
    // Swap two positions far apart: the outline now crosses itself.
    const crossed = round.slice();
    [crossed[100], crossed[10_100]] = [crossed[10_100]!, crossed[100]!];
    expect(isSelfIntersecting(crossed)).toBe(true);
    // A repeated position is a zero-length edge, not a crossing.
    const square = squareRing(114.2, 22.6, 0.01);
    expect(isSelfIntersecting([square[0]!, square[1]!, square[1]!, square[2]!, square[3]!, square[4]!])).toBe(
      false,
    );
    // A spike that runs back along itself.
    const spike: Ring = [
      [114.2, 22.61],
      [114.22, 22.61],
      [114.24, 22.61],
      [114.23, 22.61],
      [114.22, 22.6],
      [114.2, 22.6],
      [114.2, 22.61],
    ];
    expect(isSelfIntersecting(spike)).toBe(true);
    // Long rings are checked by a sweep: the same answers.
    const dense = (ring: Ring): Ring => {
      const out: [number, number][] = [];
      for (let i = 0; i + 1 < ring.length; i++) {
        const [a, b] = [ring[i]!, ring[i + 1]!];
        for (let k = 0; k < 20; k++)
          out.push([a[0] + ((b[0] - a[0]) * k) / 20, a[1] + ((b[1] - a[1]) * k) / 20]);
      }
      return [...out, out[0]!];
    };
    expect(isSelfIntersecting(dense(square))).toBe(false);
    expect(isSelfIntersecting(dense(spike))).toBe(true);
    // A ring that touches itself at one position (two squares meeting at a corner).
    const pinch: Ring = [
      [114.2, 22.6],
      [114.21, 22.6],
      [114.21, 22.61],
      [114.22, 22.61],
      [114.22, 22.62],
      [114.21, 22.62],
      [114.21, 22.61],
      [114.2, 22.61],
      [114.2, 22.6],
    ];
    expect(isSelfIntersecting(pinch)).toBe(true);
    expect(isSelfIntersecting(dense(pinch))).toBe(true);
  });

  it('shares the input arrays when nothing needs changing', () => {
    const ring = squareRing(114.25, 22.6, 0.01);
    const g = normaliseGeometry(polygon(ring));
    expect(g.polygons[0]![0]).toBe(ring);
  });

  it('finds no problem in the sample grids', () => {
    for (const grid of yantian().grids.features) {
      expect(normaliseGeometry(grid.geometry).problems, grid.id).toEqual([]);
    }
  });
});

describe('geometryFingerprint', () => {
  it('is the same for equal geometries and differs when a position moves', () => {
    const a = polygon(squareRing(114.25, 22.6, 0.01));
    const b = polygon(squareRing(114.25, 22.6, 0.01));
    const c = polygon(squareRing(114.25, 22.6000001, 0.01));
    expect(geometryFingerprint(a)).toBe(geometryFingerprint(b));
    expect(geometryFingerprint(a)).not.toBe(geometryFingerprint(c));
    expect(geometryFingerprint(null)).toBe(geometryFingerprint(undefined));
  });

  it('tells a polygon with a hole from two polygons with the same positions', () => {
    const r1 = squareRing(114.25, 22.6, 0.02);
    const r2 = squareRing(114.25, 22.6, 0.01);
    const holed = polygon(r1, r2);
    const multi = { type: 'MultiPolygon', coordinates: [[r1], [r2]] } as unknown as AreaGeometry;
    expect(geometryFingerprint(holed)).not.toBe(geometryFingerprint(multi));
  });
});
