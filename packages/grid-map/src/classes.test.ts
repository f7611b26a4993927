import { describe, expect, it } from 'vitest';
import { PALETTE_SIZE, classify, rangeLabel } from './classes.js';

describe('classify', () => {
  it('gives 3 to 6 nice equal classes covering every value', () => {
    const values = [5, 10, 14, 30, 33, 41, 42, 48, 54, 57, 60, 62, 68, 70, 77, 80, 82, 97, 104, 106, 133];
    const c = classify(values)!;
    expect(c.ranges.length).toBeGreaterThanOrEqual(3);
    expect(c.ranges.length).toBeLessThanOrEqual(6);
    expect(c.step).toBe(25);
    expect([1, 2, 2.5, 5].some((m) => [1, 10, 100].some((p) => m * p === c.step))).toBe(true);
    expect(c.ranges[0]!.from).toBeLessThanOrEqual(5);
    expect(c.ranges.at(-1)!.to).toBeGreaterThan(133);
    for (const v of values) {
      const color = c.colorOf(v);
      const range = c.ranges.find((r) => r.color === color)!;
      expect(v).toBeGreaterThanOrEqual(range.from);
      expect(v).toBeLessThan(range.to);
    }
    expect(c.colorOf(null)).toBe(-1);
  });

  it('spreads the classes over the whole palette (lowest and highest colours used)', () => {
    const c = classify([0, 100])!;
    expect(c.ranges[0]!.color).toBe(0);
    expect(c.ranges.at(-1)!.color).toBe(PALETTE_SIZE - 1);
  });

  it('labels whole-number classes as closed ranges and decimal ones by their bounds', () => {
    const counts = classify([0, 12, 47, 99])!;
    expect(counts.integer).toBe(true);
    expect(counts.ranges.map((r) => rangeLabel(r, counts, 'en'))).toEqual([
      '0–19',
      '20–39',
      '40–59',
      '60–79',
      '80–99',
    ]);
    const rates = classify([0.4, 1.1, 2.1])!;
    expect(rates.integer).toBe(false);
    expect(rates.ranges.map((r) => rangeLabel(r, rates, 'en'))[0]).toBe('0.0–0.5');
  });

  it('keeps whole numbers whole: a step of at least 1, fewer classes for few values', () => {
    const two = classify([4, 5, 4])!;
    expect(two.step).toBe(1);
    expect(two.ranges.map((r) => rangeLabel(r, two, 'en'))).toEqual(['4', '5']);
    const three = classify([0, 1, 2])!;
    expect(three.ranges.map((r) => rangeLabel(r, three, 'en'))).toEqual(['0', '1', '2']);
    const wide = classify([3, 9])!;
    expect(Number.isInteger(wide.step)).toBe(true);
    expect(wide.ranges.length).toBeGreaterThanOrEqual(3);
  });

  it('formats the bounds for the locale', () => {
    const c = classify([0, 25_000])!;
    expect(rangeLabel(c.ranges[1]!, c, 'zh-CN')).toBe('5,000–9,999');
  });

  it('copes with one value, nulls only, and nothing', () => {
    const one = classify([7, 7, null])!;
    expect(one.ranges).toHaveLength(1);
    expect(rangeLabel(one.ranges[0]!, one, 'en')).toBe('7');
    expect(one.colorOf(7)).toBe(one.ranges[0]!.color);
    expect(classify([null, null])).toBeUndefined();
    expect(classify([])).toBeUndefined();
  });

  it('handles negative values and tiny spans', () => {
    const c = classify([-3, 4])!;
    expect(c.ranges[0]!.from).toBeLessThanOrEqual(-3);
    expect(c.colorOf(-3)).toBe(c.ranges[0]!.color);
    const tiny = classify([0.0011, 0.0042])!;
    expect(tiny.ranges.length).toBeGreaterThanOrEqual(3);
  });
});
