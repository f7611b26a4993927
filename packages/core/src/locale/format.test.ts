import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MINUS_SIGN,
  NO_VALUE,
  formatDate,
  formatDateTime,
  formatDuration,
  formatNumber,
  formatPercent,
  formatRelativeTime,
  formatSignedNumber,
  numberFormat,
  pickTimeUnit,
} from './format.js';

/** Intl may put a narrow no-break space before AM/PM; compare with plain spaces. */
const plain = (s: string) => s.replace(/\s/g, ' ');

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2024, 5, 1, 12, 0, 0);

afterEach(() => vi.restoreAllMocks());

describe('formatNumber', () => {
  it('groups thousands in both locales', () => {
    expect(formatNumber(1962, 'zh-CN')).toBe('1,962');
    expect(formatNumber(1962, 'en')).toBe('1,962');
    expect(formatNumber(1234567.891, 'en', { maximumFractionDigits: 1 })).toBe('1,234,567.9');
  });

  it('gives a dash for missing values', () => {
    expect(formatNumber(null, 'en')).toBe(NO_VALUE);
    expect(formatNumber(undefined, 'zh-CN')).toBe(NO_VALUE);
    expect(formatNumber(Number.NaN, 'en')).toBe(NO_VALUE);
  });

  it('falls back to default options instead of throwing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(formatNumber(1.5, 'en', { maximumFractionDigits: 500 })).toBe('1.5');
    expect(warn).toHaveBeenCalled();
  });

  it('caches formatters per locale and options', () => {
    expect(numberFormat('en', { maximumFractionDigits: 2 })).toBe(
      numberFormat('en', { maximumFractionDigits: 2 }),
    );
    expect(numberFormat('en')).not.toBe(numberFormat('zh-CN'));
    expect(numberFormat('en', { maximumFractionDigits: 2 })).not.toBe(
      numberFormat('en', { maximumFractionDigits: 3 }),
    );
  });
});

describe('formatPercent', () => {
  it('formats a fraction with at most one decimal', () => {
    expect(formatPercent(0.123, 'en')).toBe('12.3%');
    expect(formatPercent(0.5, 'zh-CN')).toBe('50%');
    expect(formatPercent(0.98765, 'zh-CN')).toBe('98.8%');
    expect(formatPercent(0.98765, 'en', { maximumFractionDigits: 0 })).toBe('99%');
    expect(formatPercent(null, 'en')).toBe(NO_VALUE);
  });
});

describe('formatSignedNumber', () => {
  it('uses + and U+2212 MINUS SIGN', () => {
    expect(MINUS_SIGN).toBe('\u2212');
    expect(formatSignedNumber(3.5, 'en')).toBe('+3.5');
    expect(formatSignedNumber(-3.5, 'en')).toBe('\u22123.5');
    expect(formatSignedNumber(-1962, 'zh-CN')).toBe('\u22121,962');
    expect(formatSignedNumber(-3.5, 'zh-CN')).not.toContain('-');
  });

  it('shows zero without a sign', () => {
    expect(formatSignedNumber(0, 'en')).toBe('0');
    expect(formatSignedNumber(-0, 'zh-CN')).toBe('0');
  });

  it('passes options through', () => {
    expect(formatSignedNumber(-0.12, 'zh-CN', { style: 'percent' })).toBe('\u221212%');
    expect(formatSignedNumber(0.125, 'en', { style: 'percent', maximumFractionDigits: 1 })).toBe('+12.5%');
    expect(formatSignedNumber(null, 'en')).toBe(NO_VALUE);
  });
});

describe('formatDate and formatDateTime', () => {
  const instant = '2017-12-04T09:00:00+08:00';

  it('shows an instant in the given time zone', () => {
    expect(plain(formatDateTime(instant, 'zh-CN', 'Asia/Shanghai'))).toBe('2017年12月4日 09:00');
    expect(plain(formatDateTime(instant, 'en', 'Asia/Shanghai'))).toBe('Dec 4, 2017, 9:00 AM');
    expect(plain(formatDateTime(instant, 'en', 'America/New_York'))).toBe('Dec 3, 2017, 8:00 PM');
    expect(plain(formatDateTime(Date.parse(instant), 'zh-CN', 'UTC'))).toBe('2017年12月4日 01:00');
  });

  it('shows the day of an instant in the zone, and a calendar date as that day anywhere', () => {
    expect(formatDate('2017-12-03T20:00:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2017年12月4日');
    expect(formatDate('2017-12-03T20:00:00Z', 'en', 'Asia/Shanghai')).toBe('Dec 4, 2017');
    expect(formatDate('2017-12-04', 'en', 'America/Los_Angeles')).toBe('Dec 4, 2017');
    expect(formatDate('2017-12-04', 'zh-CN', 'Asia/Shanghai')).toBe('2017年12月4日');
    expect(formatDate(new Date(instant), 'en', 'Asia/Shanghai', { year: 'numeric', month: 'long' })).toBe(
      'December 2017',
    );
  });

  it('gives a dash for unusable dates', () => {
    expect(formatDate('not a date', 'en')).toBe(NO_VALUE);
    expect(formatDateTime(Number.NaN, 'zh-CN')).toBe(NO_VALUE);
    expect(formatDateTime(null, 'en')).toBe(NO_VALUE);
  });

  it('shows UTC, labelled, for a time zone the browser does not know', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(plain(formatDateTime(instant, 'en', 'Mars/Olympus_Mons'))).toBe('Dec 4, 2017, 1:00 AM UTC');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('Mars/Olympus_Mons');
  });
});

describe('formatRelativeTime', () => {
  it('says how long ago, in both locales', () => {
    expect(formatRelativeTime(NOW - 5 * MIN, NOW, 'en')).toBe('5 minutes ago');
    expect(formatRelativeTime(NOW - 5 * MIN, NOW, 'zh-CN')).toBe('5分钟前');
    expect(formatRelativeTime(NOW - 3 * HOUR, NOW, 'en')).toBe('3 hours ago');
    expect(formatRelativeTime(NOW - 3 * HOUR, NOW, 'zh-CN')).toBe('3小时前');
    expect(formatRelativeTime(NOW - DAY, NOW, 'en')).toBe('1 day ago');
    expect(formatRelativeTime(NOW - 2 * DAY, NOW, 'zh-CN')).toBe('2天前');
    expect(formatRelativeTime(NOW - 14 * DAY, NOW, 'en')).toBe('2 weeks ago');
    expect(formatRelativeTime(NOW - 90 * DAY, NOW, 'en')).toBe('3 months ago');
    expect(formatRelativeTime(NOW - 800 * DAY, NOW, 'zh-CN')).toBe('2年前');
  });

  it('says "now" within 45 seconds either way and handles the future', () => {
    expect(formatRelativeTime(NOW - 10_000, NOW, 'en')).toBe('now');
    expect(formatRelativeTime(NOW + 10_000, NOW, 'zh-CN')).toBe('现在');
    expect(formatRelativeTime(NOW + 3 * HOUR, NOW, 'en')).toBe('in 3 hours');
    expect(formatRelativeTime(NOW + 3 * HOUR, NOW, 'zh-CN')).toBe('3小时后');
    expect(formatRelativeTime(Number.NaN, NOW, 'en')).toBe(NO_VALUE);
  });

  it('picks sensible units and rounds', () => {
    expect(pickTimeUnit(44_000)).toEqual({ value: 44, unit: 'second' });
    expect(pickTimeUnit(50_000)).toEqual({ value: 1, unit: 'minute' });
    expect(pickTimeUnit(89 * MIN)).toEqual({ value: 1, unit: 'hour' });
    expect(pickTimeUnit(-90 * MIN)).toEqual({ value: 2, unit: 'hour' });
    expect(pickTimeUnit(23 * HOUR)).toEqual({ value: 1, unit: 'day' });
    expect(pickTimeUnit(10 * DAY)).toEqual({ value: 1, unit: 'week' });
    expect(pickTimeUnit(30 * DAY)).toEqual({ value: 1, unit: 'month' });
    expect(pickTimeUnit(400 * DAY)).toEqual({ value: 1, unit: 'year' });
  });
});

describe('formatDuration', () => {
  it('gives a length of time in both locales', () => {
    expect(formatDuration(3 * HOUR, 'en')).toBe('3 hours');
    expect(formatDuration(3 * HOUR, 'zh-CN')).toBe('3小时');
    expect(formatDuration(MIN, 'en')).toBe('1 minute');
    expect(formatDuration(2 * DAY, 'zh-CN')).toBe('2天');
    expect(formatDuration(-5 * MIN, 'en')).toBe('5 minutes');
    expect(formatDuration(Number.POSITIVE_INFINITY, 'en')).toBe(NO_VALUE);
  });
});
