import { describe, expect, it } from 'vitest';
import { constrain, IDENTITY, PanZoom, scaleAround, translateBy, wheelFactor } from './pan-zoom.js';

const limits = { width: 400, height: 300, maxScale: 12 };

describe('pan and zoom transforms', () => {
  it('zooms around a point: the point stays where it was', () => {
    const t = scaleAround(IDENTITY, 3, 100, 50, limits);
    expect(t).toEqual({ k: 3, x: 100 - 100 * 3, y: 50 - 50 * 3 });
    // Again around another point, from a zoomed view.
    const u = scaleAround(t, 6, 300, 200, limits);
    const frame = [(300 - t.x) / t.k, (200 - t.y) / t.k];
    expect(frame[0]! * u.k + u.x).toBeCloseTo(300, 9);
    expect(frame[1]! * u.k + u.y).toBeCloseTo(200, 9);
  });

  it('keeps the scale between the whole map and maxScale', () => {
    expect(scaleAround(IDENTITY, 0.2, 100, 100, limits)).toEqual(IDENTITY);
    expect(scaleAround(IDENTITY, 100, 100, 100, limits).k).toBe(12);
  });

  it('never shows past the edges of the map', () => {
    const t = scaleAround(IDENTITY, 2, 200, 150, limits);
    // Panning far right and down stops with the map's top-left corner at the container's.
    expect(translateBy(t, 10_000, 10_000, limits)).toEqual({ k: 2, x: 0, y: 0 });
    // Far left and up: its bottom-right corner at the container's.
    expect(translateBy(t, -10_000, -10_000, limits)).toEqual({ k: 2, x: -400, y: -300 });
    // Unzoomed, nothing moves.
    expect(constrain({ k: 1, x: 30, y: -20 }, limits)).toEqual({ k: 1, x: 0, y: 0 });
  });

  it('pinches: the point under the fingers follows them', () => {
    const t = scaleAround(IDENTITY, 2, 100, 100, limits, 150, 120);
    expect(t.k).toBe(2);
    expect(100 * t.k + t.x).toBeCloseTo(150, 9);
    expect(100 * t.k + t.y).toBeCloseTo(120, 9);
  });

  it('steps like d3-zoom for wheels, lines, pages and trackpad pinches', () => {
    expect(wheelFactor({ deltaY: -100, deltaMode: 0, ctrlKey: false })).toBeCloseTo(2 ** 0.2, 12);
    expect(wheelFactor({ deltaY: -100, deltaMode: 0, ctrlKey: true })).toBeCloseTo(4, 12);
    expect(wheelFactor({ deltaY: 3, deltaMode: 1, ctrlKey: false })).toBeCloseTo(2 ** -0.15, 12);
    expect(wheelFactor({ deltaY: -1, deltaMode: 2, ctrlKey: false })).toBe(2);
  });
});

describe('PanZoom', () => {
  it('keeps the map filling a container that shrinks, and a scale the new limit allows', () => {
    const seen: { k: number; x: number; y: number }[] = [];
    const pz = new PanZoom((view) => seen.push(view));
    pz.setLimits({ width: 400, height: 300, maxScale: 40 });
    pz.scaleBy(20);
    pz.translateBy(-10_000, -10_000);
    // Zoomed 20× with the map's bottom-right corner at the container's.
    expect(pz.view).toEqual({ k: 20, x: -400 * 19, y: -300 * 19 });
    pz.setLimits({ width: 200, height: 150, maxScale: 12 });
    expect(pz.view.k).toBe(12);
    // Nothing past the map's edge: x ≥ width − k·width and ≤ 0.
    expect(pz.view.x).toBeGreaterThanOrEqual(200 - 12 * 200);
    expect(pz.view.y).toBeGreaterThanOrEqual(150 - 12 * 150);
    expect(pz.view.x).toBeLessThanOrEqual(0);
    expect(seen.at(-1)).toBe(pz.view);
  });
});
