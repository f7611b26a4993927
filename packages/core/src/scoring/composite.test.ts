import { describe, expect, it } from 'vitest';
import { ind } from '../../test/fixtures/indicator.js';
import { areaScores } from './areas.js';
import { composite, toIndex, weightTotals } from './composite.js';
import { indicatorScore } from './indicator.js';

describe('composite', () => {
  it('normalises weights that do not sum to 100 (total 80)', () => {
    const scores = [
      ind({ id: 'met', weight: 40 }), // threshold met → 1 × 40 = 40
      ind({ id: 'half', weight: 20, value: 45, target: 60, rule: { type: 'linear', floor: 30 } }), // (45 − 30)/30 = 0.5 × 20 = 10
      ind({ id: 'missed', weight: 20, value: 40 }), // 40 < 50 → 0
    ].map(indicatorScore);
    // (40 + 10 + 0) / (40 + 20 + 20) × 100 = 50/80 × 100 = 62.5
    expect(composite(scores)).toBe(62.5);
  });

  it('leaves indicators without data out of numerator and denominator', () => {
    const scores = [
      ind({ id: 'x', weight: 30 }), // 30 points
      ind({ id: 'y', weight: 50, value: 40 }), // 0 points
      ind({ id: 'z', weight: 20, value: null }), // no data: left out
    ].map(indicatorScore);
    // (30 + 0) / (30 + 50) × 100 = 37.5 (not 30/100 × 100 = 30)
    expect(composite(scores)).toBe(37.5);
    expect(weightTotals(scores)).toEqual({ total: 100, scored: 80, missing: 20, points: 30 });
  });

  it('is null with no indicators, all values missing, or only zero weights scored', () => {
    expect(composite([])).toBeNull();
    expect(composite([ind({ value: null }), ind({ value: null })].map(indicatorScore))).toBeNull();
    expect(composite([ind({ weight: 0 })].map(indicatorScore))).toBeNull();
  });

  it('keeps full precision', () => {
    // 1 point of 3 → 33.333…, not 33.3
    expect(composite([{ score: 1, weight: 3 }])).toBe((1 / 3) * 100);
  });

  it('toIndex is null for a weight that is not above 0', () => {
    expect(toIndex(5, 0)).toBeNull();
    expect(toIndex(5, -1)).toBeNull();
    expect(toIndex(5, 10)).toBe(50);
  });
});

describe('areaScores', () => {
  const areas = [
    { id: 'a', weight: 60 },
    { id: 'b', weight: 40 },
    { id: 'empty', weight: 0 },
  ];
  const scores = [
    ind({ id: 'a1', area: 'a', weight: 30 }), // met: 30 points
    ind({ id: 'a2', area: 'a', weight: 30, value: 45, target: 60, rule: { type: 'linear', floor: 30 } }), // 0.5 × 30 = 15
    ind({ id: 'b1', area: 'b', weight: 25, direction: 'lower', value: 10, target: 5 }), // 10 > 5: 0 points
    ind({ id: 'b2', area: 'b', weight: 15, value: null }), // no data
    ind({ id: 'stray', area: 'nowhere', weight: 99 }), // area not listed: ignored
  ].map(indicatorScore);
  const [a, b, empty] = areaScores(areas, scores);

  it('sums scores out of the sum of weights, and splits missing weight', () => {
    // a: (30 + 15) / (30 + 30) = 45/60 = 0.75 → index 75, all of it scored
    expect(a).toMatchObject({
      id: 'a',
      max: 60,
      score: 45,
      scoredWeight: 60,
      missingWeight: 0,
      attainment: 0.75,
      index: 75,
      coverage: 1,
      indicatorCount: 2,
    });
    // b: 0 / 25 scored → attainment 0; 15 of its 40 missing → coverage 25/40 = 0.625
    expect(b).toMatchObject({
      id: 'b',
      max: 40,
      score: 0,
      scoredWeight: 25,
      missingWeight: 15,
      attainment: 0,
      index: 0,
      coverage: 0.625,
    });
    expect(b!.counts).toEqual({ met: 0, 'not-met': 1, 'no-data': 1, 'no-target': 0 });
  });

  it('an area with no indicators has nothing to score', () => {
    expect(empty).toMatchObject({
      max: 0,
      score: 0,
      attainment: null,
      index: null,
      coverage: null,
      compositePoints: 0,
      indicatorCount: 0,
    });
  });

  it('compositePoints sum to the composite of the listed areas', () => {
    // scored weight 60 + 25 = 85; a: 45/85 × 100, b: 0
    expect(a!.compositePoints).toBeCloseTo((45 / 85) * 100, 12);
    expect(b!.compositePoints).toBe(0);
    const inListed = scores.filter((s) => s.area !== 'nowhere');
    expect(a!.compositePoints! + b!.compositePoints! + empty!.compositePoints!).toBeCloseTo(
      composite(inListed)!,
      12,
    );
  });

  it('keeps the areas order and counts a repeated area once', () => {
    const result = areaScores([...areas, { id: 'a', weight: 1 }], scores);
    expect(result.map((r) => r.id)).toEqual(['a', 'b', 'empty']);
    expect(result[0]!.declaredWeight).toBe(60);
  });
});
