import { describe, expect, it } from 'vitest';
import { ind } from '../../test/fixtures/indicator.js';
import { change, changeDirection, FLAT_CHANGE } from './change.js';
import { composite } from './composite.js';
import { indicatorScore } from './indicator.js';
import type { ScorableIndicator } from './types.js';

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('change', () => {
  // Two areas, A and B; weights total 105, of which 95 can be scored now.
  const indicators = [
    // a1: threshold ≥ 50. Now 60 → 1 × 20 = 20. Before 40 → 0.           Δ +20
    ind({ id: 'a1', area: 'A', weight: 20, value: 60, previous: 40 }),
    // a2: lower, linear floor 100 → target 20 (span 80). Now 40 → 60/80 = 0.75 × 30 = 22.5.
    //     Before 60 → 40/80 = 0.5 × 30 = 15.                              Δ +7.5
    ind({
      id: 'a2',
      area: 'A',
      weight: 30,
      direction: 'lower',
      value: 40,
      target: 20,
      previous: 60,
      rule: { type: 'linear', floor: 100 },
    }),
    // b1: bands 0 → 0, 10 → 0.5, 20 → 1 (higher). Now 5 → 0 × 40 = 0.
    //     No `previous`: history[len − 2] = 25 → 1 × 40 = 40.           Δ −40
    ind({
      id: 'b1',
      area: 'B',
      weight: 40,
      value: 5,
      target: 20,
      rule: {
        type: 'bands',
        bands: [
          { bound: 20, attainment: 1 },
          { bound: 0, attainment: 0 },
          { bound: 10, attainment: 0.5 },
        ],
      },
      history: [{ value: 12 }, { value: 25 }, { value: 5 }],
    }),
    // b2: lower, threshold ≤ 5. Now 7 → 0 × 5 = 0. No previous: held at 0. Δ 0, not compared
    ind({ id: 'b2', area: 'B', weight: 5, direction: 'lower', value: 7, target: 5 }),
    // b3: no current value: out of both periods, whatever its previous.
    ind({ id: 'b3', area: 'B', weight: 10, value: null, previous: 3 }),
  ].map(indicatorScore);

  const result = change(indicators, { areaOrder: ['A', 'B'] })!;

  it('compares like with like over the current scored weight', () => {
    // scored weight: 20 + 30 + 40 + 5 = 95
    // now:    (20 + 22.5 + 0 + 0) / 95 × 100 = 42.5/95 × 100 = 44.736842…
    // before: (0 + 15 + 40 + 0)   / 95 × 100 = 55/95 × 100   = 57.894736…
    expect(composite(indicators)).toBeCloseTo((42.5 / 95) * 100, 12);
    expect(result.previous).toBeCloseTo((55 / 95) * 100, 12);
    // Δ = (42.5 − 55)/95 × 100 = −12.5/95 × 100 = −13.157894…
    expect(result.delta).toBeCloseTo((-12.5 / 95) * 100, 12);
    expect(result.delta).toBe(composite(indicators)! - result.previous);
    expect(result.direction).toBe('down');
    expect(result.compared).toBe(3); // a1, a2, b1
    expect(result.notCompared).toBe(1); // b2 (b3 is not scored at all)
  });

  it('splits the change by area, largest absolute first, summing to the delta', () => {
    // B: (0 − 40) + (0 − 0) = −40 → −40/95 × 100 = −42.105263…
    // A: (20 − 0) + (22.5 − 15) = 27.5 → 27.5/95 × 100 = 28.947368…
    expect(result.contributions.map((c) => c.area)).toEqual(['B', 'A']);
    expect(result.contributions[0]!.delta).toBeCloseTo((-40 / 95) * 100, 12);
    expect(result.contributions[1]!.delta).toBeCloseTo((27.5 / 95) * 100, 12);
    expect(sum(result.contributions.map((c) => c.delta))).toBeCloseTo(result.delta, 10);
  });

  it('lists areas without change (0) after the others, and areas not in areaOrder', () => {
    const r = change(indicators, { areaOrder: ['Z', 'A'] })!;
    expect(r.contributions.map((c) => c.area)).toEqual(['B', 'A', 'Z']);
    expect(r.contributions[2]!.delta).toBe(0);
  });

  it('contributions sum to the delta over many indicators and areas', () => {
    const many: ScorableIndicator[] = [];
    for (let i = 0; i < 500; i++) {
      many.push(
        ind({
          id: `x${i}`,
          area: `area${i % 7}`,
          weight: 1 + (i % 13),
          direction: i % 2 ? 'higher' : 'lower',
          value: (i * 37) % 101,
          target: 50,
          previous: i % 5 === 0 ? null : (i * 53) % 101,
          rule: { type: 'linear', floor: i % 2 ? 0 : 100 },
        }),
      );
    }
    const r = change(many.map(indicatorScore))!;
    expect(Math.abs(sum(r.contributions.map((c) => c.delta)) - r.delta)).toBeLessThan(1e-9);
    expect(r.compared + r.notCompared).toBe(500);
  });

  it('is null when no scored indicator has a previous value, or nothing is scored', () => {
    expect(change([ind(), ind({ id: 'j' })].map(indicatorScore))).toBeNull();
    expect(change([ind({ value: null, previous: 5 })].map(indicatorScore))).toBeNull();
    expect(change([])).toBeNull();
  });

  it('is flat below 0.05 points', () => {
    // One indicator, weight 100, linear 0 → 100: the composite is the value itself.
    const one = (value: number, previous: number) =>
      change([
        indicatorScore(
          ind({ weight: 100, value, previous, target: 100, rule: { type: 'linear', floor: 0 } }),
        ),
      ])!;
    expect(one(50.04, 50).direction).toBe('flat'); // Δ ≈ 0.04
    expect(one(50, 50).direction).toBe('flat'); // Δ = 0
    expect(one(50.06, 50).direction).toBe('up'); // Δ ≈ 0.06
    expect(one(49.9, 50).direction).toBe('down'); // Δ ≈ −0.1
    expect(one(50.04, 50).delta).toBeCloseTo(0.04, 10); // full precision kept
  });
});

describe('changeDirection', () => {
  it('uses |delta| < flatBelow for flat', () => {
    expect(FLAT_CHANGE).toBe(0.05);
    expect(changeDirection(0.049)).toBe('flat');
    expect(changeDirection(-0.049)).toBe('flat');
    expect(changeDirection(0.05)).toBe('up');
    expect(changeDirection(-0.05)).toBe('down');
    expect(changeDirection(0.3, 0.5)).toBe('flat');
    expect(changeDirection(Number.NaN)).toBe('flat');
  });
});
