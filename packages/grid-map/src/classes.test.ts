import { describe, expect, it } from 'vitest';
import {
  PALETTE_SIZE,
  autoBounds,
  classesFromBounds,
  classify,
  knownDomain,
  metricClasses,
  parseBreaks,
  rangeLabel,
} from './classes.js';

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

describe('the map rule: breaks for the metric, not for the grids in view', () => {
  const labels = (c: ReturnType<typeof metricClasses>) => c!.ranges.map((r) => rangeLabel(r, c!, 'en'));

  it('zero to the next 1, 2 or 5 × 10ⁿ above the largest value, in nice equal steps', () => {
    expect(autoBounds([17.1, 44, 80.7])).toEqual([0, 20, 40, 60, 80, 100]);
    expect(autoBounds([3, 130, 199])).toEqual([0, 50, 100, 150, 200]);
    expect(autoBounds([0.4, 1.1, 2.1])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(autoBounds([0.01, 0.04])).toEqual([0, 0.01, 0.02, 0.03, 0.04, 0.05]);
    expect(autoBounds([84, 1380])).toEqual([0, 500, 1000, 1500, 2000]);
    // The top itself is inside: 100 is in 80–100.
    expect(autoBounds([1, 100])).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('keeps counts whole: at least 0–5 in steps of 1, whole steps above', () => {
    expect(autoBounds([0, 2, 4])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(autoBounds([1, 2])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(autoBounds([3, 9])).toEqual([0, 2, 4, 6, 8, 10]);
    expect(autoBounds([5, 133])).toEqual([0, 50, 100, 150, 200]);
    const c = metricClasses({ key: 'cases', perTenK: false, domainValues: [5, 133], shownValues: [5, 133] });
    expect(labels(c)).toEqual(['0–49', '50–99', '100–149', '150–200']);
    const small = metricClasses({ key: 'fires', perTenK: false, domainValues: [0, 4], shownValues: [0, 4] });
    expect(labels(small)).toEqual(['0', '1', '2', '3', '4–5']);
  });

  it('gives a district and its sub-district the same breaks (the sample: cases per 10,000)', () => {
    // Per-10k ranges of the sample's grids: the district 17.1–80.7, Meisha alone 62.8–74.1.
    const district = metricClasses({
      key: 'cases',
      perTenK: true,
      domainValues: [17.1, 36.6, 62.8, 74.1, 80.7],
      shownValues: [17.1, 36.6, 62.8, 74.1, 80.7],
    });
    const street = metricClasses({
      key: 'cases',
      perTenK: true,
      domainValues: [62.8, 70.2, 74.1],
      shownValues: [62.8, 70.2, 74.1],
    });
    expect(labels(district)).toEqual(['0–20', '20–40', '40–60', '60–80', '80–100']);
    expect(labels(street)).toEqual(labels(district));
    // Not 62.5–65.0 … 72.5–75.0: a small spread stays in one or two classes.
    expect(new Set([62.8, 70.2, 74.1].map((v) => street!.colorOf(v))).size).toBe(1);
  });

  it('takes the domain from every grid of the feed, not only those drawn', () => {
    const c = metricClasses({ key: 'x', perTenK: false, domainValues: [1, 5, 180], shownValues: [1, 5] });
    expect(c!.ranges.at(-1)!.to).toBe(200);
  });

  it('uses 0–20–40–60–80–100 for scores and percentages, whatever the values present', () => {
    const c = metricClasses({
      key: 'safetyScore',
      perTenK: false,
      domainValues: [61, 64],
      shownValues: [61, 64],
    });
    expect(labels(c)).toEqual(['0–19', '20–39', '40–59', '60–79', '80–100']);
    expect(knownDomain('coverage-percent', [3, 12.5], false)).toEqual([0, 100]);
    // Not a score when a value leaves 0–100, or as a rate.
    expect(knownDomain('score', [3, 120], false)).toBeUndefined();
    expect(knownDomain('score', [3, 12], true)).toBeUndefined();
    expect(knownDomain('cases', [3, 12], false)).toBeUndefined();
  });

  it('falls back to equal steps over the values below zero, and one class for all zeros', () => {
    const c = metricClasses({ key: 'change', perTenK: false, domainValues: [-3, 4], shownValues: [-3, 4] })!;
    expect(c.colorOf(-3)).toBe(c.ranges[0]!.color);
    const zeros = metricClasses({ key: 'fires', perTenK: false, domainValues: [0, 0], shownValues: [0, 0] })!;
    expect(labels(zeros)).toEqual(['0']);
    expect(
      metricClasses({ key: 'x', perTenK: false, domainValues: [null], shownValues: [null] }),
    ).toBeUndefined();
  });

  it('never gives no-data a class', () => {
    const c = metricClasses({
      key: 'cases',
      perTenK: false,
      domainValues: [0, 40, null],
      shownValues: [null],
    })!;
    expect(c.colorOf(null)).toBe(-1);
    expect(c.colorOf(0)).toBe(c.ranges[0]!.color);
  });
});

describe('explicit breaks', () => {
  it('reads 2 to 7 increasing numbers, with commas, Chinese commas or spaces', () => {
    expect(parseBreaks('0,20,40,60,80,100')).toEqual({ ok: true, bounds: [0, 20, 40, 60, 80, 100] });
    expect(parseBreaks(' 0， 2.5、5 ; 7.5 10 ')).toEqual({ ok: true, bounds: [0, 2.5, 5, 7.5, 10] });
    expect(parseBreaks('-10,0,10')).toEqual({ ok: true, bounds: [-10, 0, 10] });
    expect(parseBreaks(undefined)).toBeUndefined();
    expect(parseBreaks('  ')).toBeUndefined();
  });

  it('refuses anything else with a reason, never throwing', () => {
    const bad = (t: string) => {
      const r = parseBreaks(t);
      expect(r?.ok).toBe(false);
      return r!.ok ? '' : r!.reason;
    };
    expect(bad('0,twenty,40')).toBe('"twenty" is not a number');
    expect(bad('<b>0</b>,10')).toContain('is not a number');
    expect(bad('0,40,20')).toBe('the numbers must increase (40 is followed by 20)');
    expect(bad('0,20,20')).toContain('must increase');
    expect(bad('5')).toContain('at least two');
    expect(bad('0,1,2,3,4,5,6,7')).toContain('at most 7');
    expect(bad('0,Infinity')).toContain('not a number');
    expect(bad('0x10,20')).toContain('not a number');
    expect(bad(`0,${'9'.repeat(80)}x`)).toMatch(/…" is not a number$/);
  });

  it('labels the classes it sets, with open ends for values outside them', () => {
    const c = classesFromBounds([0, 20, 40, 60, 80, 100], [5.5, 130]);
    expect(c.ranges.map((r) => rangeLabel(r, c, 'en'))).toEqual(['0–20', '20–40', '40–60', '60–80', '≥ 80']);
    expect(c.colorOf(130)).toBe(PALETTE_SIZE - 1);
    const low = classesFromBounds([10, 20, 30], [1, 2, 25]);
    expect(low.ranges.map((r) => rangeLabel(r, low, 'zh-CN'))).toEqual(['< 20', '20–30']);
    expect(low.colorOf(1)).toBe(low.ranges[0]!.color);
    const fine = classesFromBounds([0, 2.5, 5], [1.5]);
    expect(fine.ranges.map((r) => rangeLabel(r, fine, 'en'))).toEqual(['0.0–2.5', '2.5–5.0']);
  });
});
