import { validateFeed } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import { yantianFeed } from '../test/large-feed.js';
import { rowDisplay } from './row-display.js';
import { buildTableModel } from './table-model.js';

const model = (() => {
  const r = validateFeed(yantianFeed);
  if (!r.ok) throw new Error('invalid sample');
  return buildTableModel(r.feed);
})();
const row = (id: string) => model.rows.find((r) => r.id === id)!;

describe('rowDisplay', () => {
  it('formats a published row in English', () => {
    expect(rowDisplay(row('fraud-alerts'), 'en')).toMatchObject({
      name: 'Fraud alerts (first half-year)',
      nameLang: 'en',
      unit: 'Unit: alerts',
      value: '225',
      synthetic: false,
      targetSign: '≤',
      targetWords: 'at most',
      target: '300',
      cityAverage: '360',
      score: '2.5',
      weight: '2.5',
      scoreWords: '2.5 of 2.5',
      bar: 100,
      statusIcon: '✓',
      statusLabel: 'Target met',
      trend: {
        d: 'M3 3L61 17',
        dots: [],
        last: { x: 61, y: 17 },
        label: 'Trend (alerts): 2016-H1: 417; 2017-H1: 225',
      },
    });
  });

  it('never writes a count noun after a number ("1 incidents")', () => {
    for (const r of model.rows) {
      const d = rowDisplay(r, 'en');
      expect(`${d.value} ${d.target} ${d.cityAverage} ${d.trend?.label ?? ''}`).not.toMatch(
        /\d (incidents|cases|alerts|persons|deaths|fires|people|stations|points|drills|batches|sources|rank)\b/,
      );
    }
    const poisoning = rowDisplay(row('food-poisoning-incidents'), 'en');
    expect(poisoning.unit).toBe('Unit: incidents');
    expect(poisoning.trend?.label).toBe('Trend (incidents): 2013: 1; 2014: 0; 2015: 0; 2016: 0; 2017: 0');
  });

  it('a history with one known value is a dot, not "no trend"', () => {
    const d = rowDisplay(row('screened-disputes-resolved'), 'en');
    expect(d.unit).toBe('');
    expect(d.trend).toMatchObject({ d: '', dots: [{ x: 61, y: 10 }], label: 'Trend: 2017-H1: 100%' });
  });

  it('formats a synthetic row in Chinese, with a percentage target', () => {
    const d = rowDisplay(row('open-kitchen-coverage'), 'zh-CN');
    expect(d).toMatchObject({
      name: '"明厨亮灶"餐饮单位覆盖率',
      value: '78.5%',
      synthetic: true,
      targetSign: '≥',
      targetWords: '不低于',
      target: '85%',
      cityAverage: '80%',
      statusIcon: '✕',
      statusLabel: '未达标',
    });
    expect(d.trend?.label).toMatch(/^趋势：2016-12：76.8%；.+；2017-11：78.5%$/);
  });

  it('shows missing values as a dash, without target sign, bar or trend', () => {
    const d = rowDisplay(
      {
        ...row('fires'),
        value: null,
        target: null,
        score: null,
        attainment: null,
        status: 'no-data',
        trend: [],
      },
      'en',
    );
    expect(d).toMatchObject({
      value: '—',
      targetSign: '',
      targetWords: '',
      target: '—',
      score: '—',
      bar: null,
      statusIcon: '–',
      statusLabel: 'No data',
      trend: null,
    });
    expect(rowDisplay({ ...row('fires'), status: 'no-target' }, 'zh-CN').statusLabel).toBe('无目标值');
  });
});
