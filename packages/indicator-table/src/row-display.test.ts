import { validateFeed } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import { yantianFeed } from '../test/large-feed.js';
import { rowDisplay } from './row-display.js';
import { buildTableModel } from './view-model.js';

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
      value: '225 alerts',
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
        last: { x: 61, y: 17 },
        label: 'Trend from 417 alerts (2016-H1) to 225 alerts (2017-H1)',
      },
    });
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
    expect(d.trend?.label).toMatch(/^趋势：从 .+（.+）到 78.5%（.+）$/);
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
