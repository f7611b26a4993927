import { describe, expect, it } from 'vitest';
import { comparisonPeriod, periodKind } from './period.js';

describe('periodKind', () => {
  it('reads every period label of feed v1', () => {
    expect(['2017', '2017-H1', '2017-Q3', '2017-06', '2017-06-30'].map(periodKind)).toEqual([
      'year',
      'half',
      'quarter',
      'month',
      'day',
    ]);
  });

  it('is null for anything else', () => {
    expect(periodKind('June 2017')).toBeNull();
    expect(periodKind('')).toBeNull();
  });
});

describe('comparisonPeriod', () => {
  const monthly = (id: string) => ({ id, history: [{ period: '2017-10' }, { period: '2017-11' }] });

  it('names the period when every compared indicator agrees', () => {
    expect(comparisonPeriod([monthly('a'), monthly('b')], new Set(['a', 'b']))).toBe('month');
  });

  it('ignores indicators that were not compared', () => {
    const yearly = { id: 'c', history: [{ period: '2016' }, { period: '2017' }] };
    expect(comparisonPeriod([monthly('a'), yearly], new Set(['a']))).toBe('month');
  });

  it('says "period" when they differ, when one has no history, or when none was compared', () => {
    const yearly = { id: 'c', history: [{ period: '2017' }] };
    expect(comparisonPeriod([monthly('a'), yearly], new Set(['a', 'c']))).toBe('period');
    expect(comparisonPeriod([monthly('a'), { id: 'd' }], new Set(['a', 'd']))).toBe('period');
    expect(comparisonPeriod([monthly('a')], new Set())).toBe('period');
  });
});
