import { DEFAULT_GRADE_BANDS } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import { gradeLabel, gradeTone, resolveGrades } from './grades.js';

describe('resolveGrades', () => {
  it('gives the defaults when the attribute is missing or blank', () => {
    for (const value of [undefined, null, '', '   ']) {
      expect(resolveGrades(value)).toEqual({ bands: DEFAULT_GRADE_BANDS, error: null });
    }
  });

  it('parses valid bands, highest first', () => {
    expect(resolveGrades('low:0, high:80,mid:60')).toEqual({
      bands: [
        { name: 'high', min: 80 },
        { name: 'mid', min: 60 },
        { name: 'low', min: 0 },
      ],
      error: null,
    });
  });

  it('falls back to the defaults with a sentence naming the attribute and the problem', () => {
    const result = resolveGrades('excellent:ninety,good:75');
    expect(result.bands).toBe(DEFAULT_GRADE_BANDS);
    expect(result.error).toContain('grades="excellent:ninety,good:75"');
    expect(result.error).toContain('the minimum must be a number from 0 to 100');
    expect(result.error).toContain('using the default grades');
  });

  it('shortens a very long attribute in the message', () => {
    const result = resolveGrades('x'.repeat(2000));
    expect(result.error!.length).toBeLessThan(300);
  });
});

describe('gradeTone', () => {
  it('maps the default grades to good, good, fair, poor', () => {
    expect(['excellent', 'good', 'fair', 'poor'].map((g) => gradeTone(g, DEFAULT_GRADE_BANDS))).toEqual([
      'good',
      'good',
      'fair',
      'poor',
    ]);
  });

  it('gives the lowest band poor and the upper half good, whatever the count', () => {
    const two = [
      { name: 'pass', min: 60 },
      { name: 'fail', min: 0 },
    ];
    expect([gradeTone('pass', two), gradeTone('fail', two)]).toEqual(['good', 'poor']);
    const three = [
      { name: 'a', min: 0 },
      { name: 'c', min: 80 },
      { name: 'b', min: 50 },
    ];
    expect(['c', 'b', 'a'].map((g) => gradeTone(g, three))).toEqual(['good', 'fair', 'poor']);
    expect(gradeTone('only', [{ name: 'only', min: 0 }])).toBe('good');
  });

  it('is null for no grade or a name not in the bands', () => {
    expect(gradeTone(null, DEFAULT_GRADE_BANDS)).toBeNull();
    expect(gradeTone('superb', DEFAULT_GRADE_BANDS)).toBeNull();
  });
});

describe('gradeLabel', () => {
  it('translates the default grade names', () => {
    expect(gradeLabel('excellent', 'zh-CN')).toBe('优秀');
    expect(gradeLabel('poor', 'en')).toBe('Poor');
  });

  it('shows other names as written, including names of Object properties', () => {
    expect(gradeLabel('top-tier', 'zh-CN')).toBe('top-tier');
    expect(gradeLabel('constructor', 'en')).toBe('constructor');
    expect(gradeLabel('__proto__', 'en')).toBe('__proto__');
  });
});
