import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADE_BANDS, GRADE_TOLERANCE, gradeFor, parseGradeBands } from './grades.js';

describe('gradeFor with the default bands', () => {
  it('grades at and just below each boundary', () => {
    expect(gradeFor(100)).toBe('excellent');
    expect(gradeFor(90)).toBe('excellent');
    expect(gradeFor(89.999)).toBe('good');
    expect(gradeFor(75)).toBe('good');
    expect(gradeFor(74.999)).toBe('fair');
    expect(gradeFor(60)).toBe('fair');
    expect(gradeFor(59.999)).toBe('poor');
    expect(gradeFor(0)).toBe('poor');
  });

  it('absorbs float noise at a boundary only', () => {
    // A score a hair below a boundary (as 0.3 × 3 × 100 may come out) is on it, as on paper.
    expect(gradeFor(90 - GRADE_TOLERANCE / 2)).toBe('excellent');
    expect(gradeFor(0.3 * 3 * 100)).toBe('excellent');
    expect(gradeFor(90 - 1e-6)).toBe('good');
  });

  it('is null for no score', () => {
    expect(gradeFor(null)).toBeNull();
    expect(gradeFor(undefined)).toBeNull();
    expect(gradeFor(Number.NaN)).toBeNull();
  });

  it('the defaults are highest first and frozen', () => {
    expect(DEFAULT_GRADE_BANDS.map((b) => b.min)).toEqual([90, 75, 60, 0]);
    expect(Object.isFrozen(DEFAULT_GRADE_BANDS)).toBe(true);
  });
});

describe('gradeFor with custom bands', () => {
  it('ignores band order', () => {
    const bands = [
      { name: 'low', min: 0 },
      { name: 'top', min: 80 },
      { name: 'mid', min: 50 },
    ];
    expect(gradeFor(85, bands)).toBe('top');
    expect(gradeFor(50, bands)).toBe('mid');
    expect(gradeFor(49, bands)).toBe('low');
  });

  it('is null below every band', () => {
    expect(gradeFor(40, [{ name: 'pass', min: 50 }])).toBeNull();
    expect(gradeFor(40, [])).toBeNull();
  });
});

describe('parseGradeBands', () => {
  it('parses the attribute form, sorted highest first', () => {
    expect(parseGradeBands('excellent:90,good:75,fair:60,poor:0')).toEqual({
      bands: DEFAULT_GRADE_BANDS,
      error: null,
    });
    expect(parseGradeBands(' poor : 0 , good:75.5,  top:100, ')).toEqual({
      bands: [
        { name: 'top', min: 100 },
        { name: 'good', min: 75.5 },
        { name: 'poor', min: 0 },
      ],
      error: null,
    });
  });

  it('accepts names in any script', () => {
    expect(parseGradeBands('优:90,良:75,差:0').bands?.map((b) => b.name)).toEqual(['优', '良', '差']);
  });

  it('the parsed bands grade like the defaults', () => {
    const { bands } = parseGradeBands('excellent:90,good:75,fair:60,poor:0');
    expect(gradeFor(89.999, bands!)).toBe('good');
  });

  it.each([
    ['', /at least one grade band/],
    [' , ,', /at least one grade band/],
    ['excellent', /expected name:min/],
    ['excellent:ninety', /minimum must be a number/],
    ['excellent:', /minimum must be a number/],
    ['excellent:0x10', /minimum must be a number/],
    ['excellent:1e2', /minimum must be a number/],
    ['excellent:120', /from 0 to 100/],
    ['bad:-5', /from 0 to 100/],
    [':90', /name must be/],
    ['<b>:90', /name must be/],
    ['good:75,good:60', /"good" is used twice/],
    ['a:75,b:75', /minimum 75 is used twice/],
    ['x'.repeat(1001), /at most 1000 characters/],
    [Array.from({ length: 21 }, (_, i) => `g${i}:${i}`).join(','), /at most 20 grade bands/],
  ])('rejects %j with an explanation', (text, message) => {
    const result = parseGradeBands(text);
    expect(result.bands).toBeNull();
    expect(result.error).toMatch(message);
  });

  it('never throws on non-string input', () => {
    expect(parseGradeBands(null).error).toMatch(/expected grade bands/);
    expect(parseGradeBands(undefined).bands).toBeNull();
    expect(parseGradeBands(42 as unknown as string).bands).toBeNull();
  });

  it('names the bad entry', () => {
    expect(parseGradeBands('excellent:90,good:lots').error).toBe(
      'grade band "good:lots": the minimum must be a number from 0 to 100',
    );
  });
});
