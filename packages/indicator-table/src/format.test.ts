import { describe, expect, it } from 'vitest';
import { formatCompact, formatPoints, formatValue, unitLabel } from './format.js';
import { msg } from './messages.js';

describe('formatValue', () => {
  it('writes the unit from the feed, the locale’s way', () => {
    expect(formatValue(225, { zh: '起', en: 'alerts' }, 'en')).toBe('225 alerts');
    expect(formatValue(225, { zh: '起', en: 'alerts' }, 'zh-CN')).toBe('225起');
    expect(formatValue(98.5, { zh: '%', en: '%' }, 'en')).toBe('98.5%');
    expect(formatValue(1962, { zh: '家', en: 'enterprises' }, 'zh-CN')).toBe('1,962家');
    expect(formatValue(0.28, { zh: '平方公里', en: 'km²' }, 'en')).toBe('0.28 km²');
    expect(formatValue(5, null, 'en')).toBe('5');
    expect(formatValue(null, { zh: '起', en: 'alerts' }, 'en')).toBe('—');
  });

  it('falls back to the other language of a unit', () => {
    expect(formatValue(3, { zh: '个', en: '' }, 'en')).toBe('3 个');
  });
});

describe('formatCompact / formatPoints', () => {
  it('keeps only short units', () => {
    expect(formatCompact(98, { zh: '%', en: '%' }, 'en')).toBe('98%');
    expect(formatCompact(300, { zh: '起', en: 'alerts' }, 'en')).toBe('300');
    expect(formatCompact(null, { zh: '%', en: '%' }, 'en')).toBe('—');
  });

  it('rounds points to one decimal', () => {
    expect(formatPoints(2.1666, 'en')).toBe('2.2');
    expect(formatPoints(null, 'en')).toBe('—');
  });
});

describe('msg', () => {
  it('fills placeholders, formatting numbers', () => {
    expect(msg('en', 'count', { shown: 1234, n: 5000 })).toBe('Showing 1,234 of 5,000 indicators');
    expect(msg('zh-CN', 'count', { shown: 3, n: 56 })).toBe('显示 3 / 56 项指标');
    expect(msg('en', 'caption')).toBe('{place}: safety indicators');
  });

  it('picks plural forms by n (Intl.PluralRules): every count in the table', () => {
    expect(msg('en', 'count', { shown: 1, n: 1 })).toBe('Showing 1 of 1 indicator');
    expect(msg('en', 'count', { shown: 0, n: 0 })).toBe('Showing 0 of 0 indicators');
    expect(msg('en', 'range', { first: 7, last: 7, total: 5000, n: 1 })).toBe('Showing row 7 of 5,000');
    expect(msg('en', 'range', { first: 1, last: 40, total: 20000, n: 40 })).toBe(
      'Showing rows 1–40 of 20,000',
    );
    expect(msg('zh-CN', 'range', { first: 1, last: 40, total: 20000, n: 40 })).toBe(
      '显示第 1–40 行，共 20,000 行',
    );
    expect(msg('en', 'groupScore', { score: '0.5', max: '1', n: 1 })).toBe('0.5 of 1 point');
    expect(msg('en', 'groupScore', { score: '1', max: '1.5', n: 1.5 })).toBe('1 of 1.5 points');
    expect(msg('en', 'trendMissing', { n: 1 })).toBe('1 period with no data');
    expect(msg('en', 'trendMissing', { n: 2 })).toBe('2 periods with no data');
  });
});

describe('unitLabel', () => {
  it('writes a unit as a label, which needs no agreement with a number', () => {
    expect(unitLabel({ zh: '起', en: 'incidents' }, 'en')).toBe('Unit: incidents');
    expect(unitLabel({ zh: '起', en: 'incidents' }, 'zh-CN')).toBe('单位：起');
    expect(unitLabel({ zh: '', en: 'rank' }, 'zh-CN')).toBe('单位：rank');
  });

  it('is empty for short units (written with every number) and for no unit', () => {
    expect(unitLabel({ zh: '%', en: '%' }, 'en')).toBe('');
    expect(unitLabel(null, 'en')).toBe('');
    expect(unitLabel({ zh: ' ', en: '  ' }, 'en')).toBe('');
  });
});
