/**
 * The rules' JSON Schema forms against the checks they restate: the published schema states
 * a rule by these patterns, the validator by the functions, and the two must agree.
 */
import { describe, expect, it } from 'vitest';
import { HAS_TEXT_SOURCE, REAL_DATE_SOURCE, hasTextInALocale, isClosedRing, isRealDate } from './rules.js';

/** As a JSON Schema validator reads a pattern: ECMA-262 with Unicode (ajv's default). */
const asPattern = (source: string) => new RegExp(source, 'u');

describe('the JSON Schema forms of the rules', () => {
  it('a real calendar day: the same answers as isRealDate on every day of sample years', () => {
    const realDay = asPattern(`^${REAL_DATE_SOURCE}$`);
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const years = [0, 4, 96, 99, 100, 104, 200, 400, 800, 1200, 1582, 1600, 1700, 1800, 1900, 1996];
    years.push(1999, 2000, 2004, 2016, 2017, 2024, 2100, 2400, 9996, 9999);
    let real = 0;
    for (const y of years)
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const ymd = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          expect(realDay.test(ymd), ymd).toBe(isRealDate(ymd));
          if (isRealDate(ymd)) real += 1;
        }
    // 22 years of 100 or more, 12 of them leap years; 0000–0099 are never real.
    expect(real).toBe(22 * 365 + 12);
  });

  it('text in a locale: \\S matches exactly the characters trim keeps', () => {
    const hasText = asPattern(HAS_TEXT_SOURCE);
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      if (hasText.test(c) !== (c.trim() !== '')) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
    expect(hasText.test('\u{1F600}')).toBe(true);
    expect(hasTextInALocale({ zh: ' \u3000', en: '\n\t' })).toBe(false);
    expect(hasTextInALocale({ zh: '', en: 'x' })).toBe(true);
  });

  it('closed rings: short rings are left to the length rule', () => {
    expect(isClosedRing([[0, 0]])).toBe(true);
    expect(
      isClosedRing([
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ]),
    ).toBe(true);
    expect(
      isClosedRing([
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ]),
    ).toBe(false);
  });
});
