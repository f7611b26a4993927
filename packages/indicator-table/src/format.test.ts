import { describe, expect, it } from 'vitest';
import { formatCompact, formatPoints, formatValue } from './format.js';
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
    expect(msg('en', 'count', { shown: 1234, total: 5000 })).toBe('Showing 1,234 of 5,000 indicators');
    expect(msg('zh-CN', 'count', { shown: 3, total: 56 })).toBe('显示 3 / 56 项指标');
    expect(msg('en', 'caption')).toBe('{place}: safety indicators');
  });
});
