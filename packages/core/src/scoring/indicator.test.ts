import { describe, expect, it } from 'vitest';
import { ind } from '../../test/fixtures/indicator.js';
import { indicatorScore, indicatorStatus, previousValue } from './indicator.js';

/** An indicator with defaults: higher is better, threshold at 50, weight 10, area `a`. */

describe('indicatorScore', () => {
  it('score = attainment × weight', () => {
    // linear floor 20, target 60, value 50: (50 − 20)/(60 − 20) = 30/40 = 0.75; × weight 8 = 6 points
    const s = indicatorScore(ind({ value: 50, target: 60, weight: 8, rule: { type: 'linear', floor: 20 } }));
    expect(s.attainment).toBe(0.75);
    expect(s.score).toBe(6);
    expect(s.status).toBe('not-met'); // 50 < 60
    expect(s.rule).toBe('linear');
    expect(s.notes).toEqual([]);
  });

  it('met / not-met follow the direction, on the target exactly too', () => {
    expect(indicatorScore(ind({ value: 50, target: 50 })).status).toBe('met');
    expect(indicatorScore(ind({ value: 49, target: 50 })).status).toBe('not-met');
    expect(indicatorScore(ind({ direction: 'lower', value: 50, target: 50 })).status).toBe('met');
    expect(indicatorScore(ind({ direction: 'lower', value: 51, target: 50 })).status).toBe('not-met');
  });

  it('no data: attainment, score null; status no-data (even without a target)', () => {
    for (const target of [50, null]) {
      const s = indicatorScore(ind({ value: null, target }));
      expect(s).toMatchObject({ attainment: null, score: null, status: 'no-data' });
    }
  });

  it('no target: threshold and linear cannot score, bands can', () => {
    expect(indicatorScore(ind({ target: null })).score).toBeNull();
    expect(indicatorScore(ind({ target: null, rule: { type: 'linear', floor: 0 } })).score).toBeNull();
    // bands: 60 >= 40 → 0.5; × 10 = 5
    const bands = indicatorScore(
      ind({ target: null, rule: { type: 'bands', bands: [{ bound: 40, attainment: 0.5 }] } }),
    );
    expect(bands).toMatchObject({ attainment: 0.5, score: 5, status: 'no-target' });
  });

  it('a bands status is about the target, not the band reached', () => {
    // value 41 <= 45 → attainment 1 (bands), and 41 > target 40 → not met
    const s = indicatorScore(
      ind({
        direction: 'lower',
        value: 41,
        target: 40,
        rule: { type: 'bands', bands: [{ bound: 45, attainment: 1 }] },
      }),
    );
    expect(s).toMatchObject({ attainment: 1, status: 'not-met' });
  });

  it('weight 0 scores 0 points', () => {
    expect(indicatorScore(ind({ weight: 0 }))).toMatchObject({ attainment: 1, score: 0 });
  });

  it('notes a wrong-side floor', () => {
    const s = indicatorScore(ind({ value: 55, target: 50, rule: { type: 'linear', floor: 70 } }));
    expect(s.attainment).toBe(1); // threshold: 55 >= 50
    expect(s.notes).toHaveLength(1);
    expect(s.notes[0]).toMatch(/floor 70 is above the target 50/);
  });

  it('non-finite numbers (unvalidated feed) become missing or 0, with notes, never NaN', () => {
    const s = indicatorScore(
      ind({ value: Number.NaN, target: Number.POSITIVE_INFINITY, weight: Number.NaN }),
    );
    expect(s).toMatchObject({
      value: null,
      target: null,
      weight: 0,
      attainment: null,
      score: null,
      status: 'no-data',
    });
    expect(s.notes).toHaveLength(3);
    const negative = indicatorScore(ind({ weight: -5 }));
    expect(negative).toMatchObject({ weight: 0, score: 0 });
    expect(negative.notes[0]).toMatch(/weight -5/);
  });

  it('scores the previous value under the same rule and current target', () => {
    // lower is better, linear floor 600, target 300; previous 417 → (600 − 417)/300 = 0.61
    const s = indicatorScore(
      ind({
        direction: 'lower',
        value: 225,
        target: 300,
        previous: 417,
        rule: { type: 'linear', floor: 600 },
      }),
    );
    expect(s.previous).toBe(417);
    expect(s.previousAttainment).toBeCloseTo(0.61, 12);
    expect(indicatorScore(ind()).previousAttainment).toBeNull();
  });
});

describe('previousValue', () => {
  const h = (...values: (number | null)[]) => values.map((value, i) => ({ period: String(2010 + i), value }));

  it('prefers `previous`, even 0', () => {
    expect(previousValue({ previous: 7, history: h(1, 2, 3) })).toBe(7);
    expect(previousValue({ previous: 0, history: h(1, 2, 3) })).toBe(0);
  });

  it('falls back to the second-to-last history point (the last is the current period)', () => {
    expect(previousValue({ history: h(1, 2, 3) })).toBe(2);
    expect(previousValue({ previous: null, history: h(417, 225) })).toBe(417);
  });

  it('is null with no previous and fewer than two history points, or a null point', () => {
    expect(previousValue({})).toBeNull();
    expect(previousValue({ history: [] })).toBeNull();
    expect(previousValue({ history: h(5) })).toBeNull();
    expect(previousValue({ history: h(1, null, 3) })).toBeNull();
    expect(previousValue({ previous: Number.NaN })).toBeNull();
  });
});

describe('indicatorStatus', () => {
  it('no-data wins over no-target', () => {
    expect(indicatorStatus('higher', null, null)).toBe('no-data');
    expect(indicatorStatus('higher', 1, null)).toBe('no-target');
    expect(indicatorStatus('higher', 1, 1)).toBe('met');
  });
});
