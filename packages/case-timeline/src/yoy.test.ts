import { describe, expect, it } from 'vitest';
import { SMALL_BASE, yearChange } from './yoy.js';

describe('yearChange', () => {
  it('fraud alerts, first half of 2017 against 2016: 417 → 225 is −46.0%', () => {
    const c = yearChange(225, 417);
    expect(c.kind).toBe('percent');
    expect(c.delta).toBe(-192);
    // 192 / 417 = 0.46043…
    expect(c.ratio).toBeCloseTo(-0.46043, 5);
    expect(c.direction).toBe('down');
  });

  it('fires, January–November 2017 against 2016: 53 → 41 is −22.6%', () => {
    const c = yearChange(41, 53);
    expect(c.kind).toBe('percent');
    // 12 / 53 = 0.22641…
    expect(c.ratio).toBeCloseTo(-0.22642, 5);
  });

  it('a base under 10 cases gives only the difference: 2 → 4 is +2 on a small base, not +100%', () => {
    expect(SMALL_BASE).toBe(10);
    const c = yearChange(4, 2);
    expect(c).toMatchObject({ kind: 'small-base', delta: 2, direction: 'up' });
    expect(Number.isNaN(c.ratio)).toBe(true);
    expect(yearChange(3, 9).kind).toBe('small-base');
    expect(yearChange(3, 10)).toMatchObject({ kind: 'percent', ratio: -0.7 });
    expect(yearChange(5, 0)).toMatchObject({ kind: 'small-base', delta: 5 });
    expect(yearChange(0, 0)).toMatchObject({ kind: 'small-base', delta: 0, direction: 'same' });
  });

  it('the threshold can be changed (0 shows every percentage but never divides by zero)', () => {
    expect(yearChange(4, 2, 0)).toMatchObject({ kind: 'percent', ratio: 1 });
    expect(yearChange(4, 0, 0).kind).toBe('small-base');
    expect(yearChange(12, 10, 20).kind).toBe('small-base');
    expect(yearChange(12, 10, Number.NaN).kind).toBe('percent');
  });

  it('says when there is nothing to compare', () => {
    expect(yearChange(Number.NaN, 5).kind).toBe('no-data');
    expect(yearChange(5, Number.NaN).kind).toBe('no-comparison');
    expect(yearChange(100, 100)).toMatchObject({ kind: 'percent', ratio: 0, direction: 'same' });
  });
});
