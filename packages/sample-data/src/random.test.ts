import { describe, expect, it } from 'vitest';
import { type Ring, cleanRing, normalizePolygons, signedArea } from './geometry/rings.js';
import { Random, apportion, hashString, mulberry32, multinomial, rng } from './random.js';

describe('random', () => {
  it('mulberry32 gives the same sequence for the same seed, in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });

  it('derives independent named streams', () => {
    expect(rng('grids').next()).toBe(rng('grids').next());
    expect(rng('grids').next()).not.toBe(rng('events').next());
    expect(hashString('a')).not.toBe(hashString('b'));
  });

  it('draws Poisson counts with about the right mean', () => {
    const r = new Random(1);
    for (const mean of [0.2, 3, 40, 120]) {
      let sum = 0;
      for (let i = 0; i < 5000; i++) sum += r.poisson(mean);
      expect(sum / 5000).toBeCloseTo(mean, mean < 1 ? 1 : 0);
    }
  });

  it('apportions whole numbers that add up exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(1962, [3, 2.5, 7, 0.1]).reduce((a, b) => a + b, 0)).toBe(1962);
    expect(apportion(5, [0, 0])).toEqual([0, 0]);
    expect(multinomial(new Random(3), 100, [1, 2, 3]).reduce((a, b) => a + b, 0)).toBe(100);
  });
});

describe('rings', () => {
  const square: Ring = [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
    [0, 0],
  ];

  it('cleans rings: rounds, drops repeats, closes', () => {
    expect(
      cleanRing([
        [0.123456, 0],
        [0.123456, 0],
        [1, 0],
        [1, 1],
      ]),
    ).toEqual([
      [0.12346, 0],
      [1, 0],
      [1, 1],
      [0.12346, 0],
    ]);
    expect(
      cleanRing([
        [0, 0],
        [1, 1],
        [0, 0],
      ]),
    ).toBeNull();
  });

  it('winds exteriors clockwise and holes counter-clockwise (d3-geo order)', () => {
    const hole: Ring = [
      [0.25, 0.25],
      [0.75, 0.25],
      [0.75, 0.75],
      [0.25, 0.75],
      [0.25, 0.25],
    ];
    const [polygon] = normalizePolygons([[square, [...hole].reverse()]]);
    expect(signedArea(polygon![0]!)).toBeLessThan(0);
    expect(signedArea(polygon![1]!)).toBeGreaterThan(0);
  });
});
