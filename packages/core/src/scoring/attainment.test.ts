import { describe, expect, it } from 'vitest';
import type { ScoringRule } from '../feed/types.js';
import { attainment, attainmentOf, clamp01, ruleProblem, targetMet } from './attainment.js';
import type { Direction } from './types.js';

const threshold: ScoringRule = { type: 'threshold' };
const a = (rule: ScoringRule, direction: Direction, value: number | null, target: number | null) =>
  attainment({ rule, direction, value, target });

describe('threshold', () => {
  it('higher is better: 1 from the target up (>=), 0 below', () => {
    expect(a(threshold, 'higher', 30, 30)).toBe(1); // exactly on target: met
    expect(a(threshold, 'higher', 35, 30)).toBe(1);
    expect(a(threshold, 'higher', 29.999, 30)).toBe(0);
    expect(a(threshold, 'higher', -1e15, 30)).toBe(0);
  });

  it('lower is better: 1 from the target down (<=), 0 above', () => {
    expect(a(threshold, 'lower', 45, 45)).toBe(1); // exactly on target: met
    expect(a(threshold, 'lower', 0, 45)).toBe(1);
    expect(a(threshold, 'lower', 45.001, 45)).toBe(0);
  });

  it('cannot score without a target or a value', () => {
    expect(a(threshold, 'higher', 30, null)).toBeNull();
    expect(a(threshold, 'lower', null, 30)).toBeNull();
  });
});

describe('linear', () => {
  const rule = (floor: number): ScoringRule => ({ type: 'linear', floor });

  it('higher is better: 0 at/below floor, 1 at/above target, linear between', () => {
    // floor 30, target 60: span 60 − 30 = 30
    expect(a(rule(30), 'higher', 29, 60)).toBe(0); // below floor
    expect(a(rule(30), 'higher', 30, 60)).toBe(0); // at floor: (30 − 30)/30 = 0
    expect(a(rule(30), 'higher', 36, 60)).toBeCloseTo(0.2, 12); // (36 − 30)/30 = 0.2
    expect(a(rule(30), 'higher', 45, 60)).toBe(0.5); // (45 − 30)/30 = 0.5
    expect(a(rule(30), 'higher', 60, 60)).toBe(1); // at target
    expect(a(rule(30), 'higher', 75, 60)).toBe(1); // beyond target: clamped
  });

  it('lower is better: 0 at/above floor, 1 at/below target, linear between', () => {
    // floor 600, target 300: span 600 − 300 = 300
    expect(a(rule(600), 'lower', 700, 300)).toBe(0); // above floor
    expect(a(rule(600), 'lower', 600, 300)).toBe(0); // at floor
    expect(a(rule(600), 'lower', 450, 300)).toBe(0.5); // (600 − 450)/300 = 0.5
    expect(a(rule(600), 'lower', 417, 300)).toBeCloseTo(0.61, 12); // (600 − 417)/300 = 183/300 = 0.61
    expect(a(rule(600), 'lower', 300, 300)).toBe(1); // at target
    expect(a(rule(600), 'lower', 225, 300)).toBe(1); // better than target: clamped
  });

  it('a floor equal to the target is a threshold, in both directions, with no problem reported', () => {
    expect(a(rule(50), 'higher', 50, 50)).toBe(1);
    expect(a(rule(50), 'higher', 49.9, 50)).toBe(0);
    expect(a(rule(50), 'lower', 50, 50)).toBe(1);
    expect(a(rule(50), 'lower', 50.1, 50)).toBe(0);
    expect(ruleProblem({ rule: rule(50), direction: 'higher', target: 50 })).toBeNull();
  });

  it('a floor on the wrong side of the target is reported and scored as a threshold', () => {
    // higher is better but the floor (80) is above the target (60)
    expect(a(rule(80), 'higher', 70, 60)).toBe(1); // 70 >= 60
    expect(a(rule(80), 'higher', 59, 60)).toBe(0);
    expect(ruleProblem({ rule: rule(80), direction: 'higher', target: 60 })).toMatch(
      /floor 80 is above the target 60.*threshold/,
    );
    // lower is better but the floor (100) is below the target (300)
    expect(a(rule(100), 'lower', 200, 300)).toBe(1); // 200 <= 300
    expect(a(rule(100), 'lower', 301, 300)).toBe(0);
    expect(ruleProblem({ rule: rule(100), direction: 'lower', target: 300 })).toMatch(
      /floor 100 is below the target 300.*threshold/,
    );
  });

  it('a well-placed floor is no problem; no target is a status, not a rule problem', () => {
    expect(ruleProblem({ rule: rule(30), direction: 'higher', target: 60 })).toBeNull();
    expect(ruleProblem({ rule: rule(600), direction: 'lower', target: 300 })).toBeNull();
    expect(ruleProblem({ rule: rule(600), direction: 'lower', target: null })).toBeNull();
  });

  it('needs a target', () => {
    expect(a(rule(0), 'higher', 10, null)).toBeNull();
  });
});

describe('bands', () => {
  const bands = (...b: [number, number][]): ScoringRule => ({
    type: 'bands',
    bands: b.map(([bound, att]) => ({ bound, attainment: att })),
  });
  /** Every permutation of a list (small lists only). */
  const permutations = <T>(xs: T[]): T[][] =>
    xs.length <= 1
      ? [xs]
      : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));

  it('higher is better: highest attainment among bands with value >= bound, whatever the order', () => {
    const list: [number, number][] = [
      [50, 0.5],
      [90, 1],
      [70, 0.8],
    ];
    for (const order of permutations(list)) {
      const rule = bands(...order);
      expect(a(rule, 'higher', 95, null)).toBe(1); // reaches 50, 70, 90 → max(0.5, 0.8, 1)
      expect(a(rule, 'higher', 90, null)).toBe(1); // exactly on the bound counts
      expect(a(rule, 'higher', 89.9, null)).toBe(0.8); // reaches 50, 70
      expect(a(rule, 'higher', 70, null)).toBe(0.8);
      expect(a(rule, 'higher', 69, null)).toBe(0.5); // reaches 50 only
      expect(a(rule, 'higher', 49, null)).toBe(0); // reaches none
    }
  });

  it('lower is better: highest attainment among bands with value <= bound, whatever the order', () => {
    for (const order of permutations<[number, number]>([
      [60, 0.5],
      [45, 1],
    ])) {
      const rule = bands(...order);
      expect(a(rule, 'lower', 41, 45)).toBe(1); // <= 45 and <= 60 → max(1, 0.5)
      expect(a(rule, 'lower', 45, 45)).toBe(1); // on the bound
      expect(a(rule, 'lower', 46, 45)).toBe(0.5); // <= 60 only
      expect(a(rule, 'lower', 60, 45)).toBe(0.5);
      expect(a(rule, 'lower', 61, 45)).toBe(0); // none
    }
  });

  it('the highest attainment wins even when a nearer bound has less (non-monotonic bands)', () => {
    // value 80 reaches bound 50 (0.9) and bound 75 (0.6): max is 0.9
    expect(a(bands([50, 0.9], [75, 0.6]), 'higher', 80, null)).toBe(0.9);
  });

  it('needs no target, but does need a value', () => {
    expect(a(bands([0, 1]), 'higher', 5, null)).toBe(1);
    expect(a(bands([0, 1]), 'higher', null, null)).toBeNull();
  });

  it('clamps band attainments outside [0, 1] (only possible in an unvalidated feed)', () => {
    expect(a(bands([0, 1.5]), 'higher', 5, null)).toBe(1);
    expect(a(bands([0, -0.5]), 'higher', 5, null)).toBe(0);
  });

  it('reports a rule with no usable band', () => {
    expect(ruleProblem({ rule: bands([Number.NaN, 1]), direction: 'higher', target: null })).toMatch(
      /no usable band/,
    );
    expect(ruleProblem({ rule: bands([0, 1]), direction: 'higher', target: null })).toBeNull();
  });
});

describe('out-of-range and invalid numbers', () => {
  it('clamps out-of-range values through the rule', () => {
    const pct: ScoringRule = { type: 'linear', floor: 0 };
    expect(a(pct, 'higher', -5, 100)).toBe(0); // a negative percentage: (−5 − 0)/100 → clamped to 0
    expect(a(pct, 'higher', 140, 100)).toBe(1); // 140 %: 1.4 → clamped to 1
    expect(a({ type: 'linear', floor: 100 }, 'lower', -20, 0)).toBe(1); // (100 − (−20))/100 = 1.2 → 1
  });

  it('treats a non-finite value as no data and a non-finite target as none', () => {
    expect(attainmentOf(threshold, 'higher', Number.NaN, 1)).toBeNull();
    expect(attainmentOf(threshold, 'higher', Number.POSITIVE_INFINITY, 1)).toBeNull();
    expect(attainmentOf(threshold, 'higher', 1, Number.NaN)).toBeNull();
    expect(attainmentOf({ type: 'linear', floor: Number.NaN }, 'higher', 5, 1)).toBe(1); // bad floor: threshold
  });

  it('never returns NaN or anything outside [0, 1], for any combination of awkward and ordinary numbers', () => {
    // Every floor, band bound, value and target from one list: signed zeros, the smallest
    // subnormals, huge magnitudes and ordinary values on either side of one another.
    const numbers = [0, -0, 1, -1, 0.5, 37.25, -999.9, 1000, 1e15, -1e15, 1e308, -1e308, 5e-324, -5e-324];
    const rules: ScoringRule[] = [threshold, ...numbers.map((floor) => ({ type: 'linear' as const, floor }))];
    for (const low of numbers)
      for (const high of numbers)
        for (const [first, second] of [
          [0, 1],
          [1, 0],
          [0.25, 0.75],
        ] as const)
          rules.push({
            type: 'bands',
            bands: [
              { bound: low, attainment: first },
              { bound: high, attainment: second },
            ],
          });
    const bad: unknown[] = [];
    for (const rule of rules)
      for (const direction of ['higher', 'lower'] as const)
        for (const value of numbers)
          for (const target of [...numbers, null]) {
            const r = a(rule, direction, value, target);
            // `!(r >= 0 && r <= 1)` is also true for NaN
            if (r !== null && !(r >= 0 && r <= 1)) bad.push({ rule, direction, value, target, r });
          }
    expect(bad).toEqual([]);
  });

  it('clamp01 maps NaN to 0', () => {
    expect(clamp01(Number.NaN)).toBe(0);
    expect(clamp01(-0.1)).toBe(0);
    expect(clamp01(0.25)).toBe(0.25);
    expect(clamp01(Number.POSITIVE_INFINITY)).toBe(1);
  });
});

describe('targetMet', () => {
  it('is direction aware and null without both numbers', () => {
    expect(targetMet('higher', 30, 30)).toBe(true);
    expect(targetMet('higher', 29, 30)).toBe(false);
    expect(targetMet('lower', 30, 30)).toBe(true);
    expect(targetMet('lower', 31, 30)).toBe(false);
    expect(targetMet('lower', null, 30)).toBeNull();
    expect(targetMet('higher', 1, null)).toBeNull();
  });
});

describe('unknown rule type (unvalidated feed)', () => {
  it('scores null and is reported, without throwing', () => {
    const rule = { type: 'sigmoid' } as unknown as ScoringRule;
    expect(a(rule, 'higher', 1, 1)).toBeNull();
    expect(ruleProblem({ rule, direction: 'higher', target: 1 })).toMatch(
      /unknown scoring rule type "sigmoid"/,
    );
  });
});
