import { describe, expect, it } from 'vitest';
import {
  formatMessage,
  explainError,
  localizedText,
  localizedTextWithLang,
  t,
  type MessageKey,
} from './messages.js';
import en from './messages/en.js';
import zh from './messages/zh-CN.js';
import { SUPPORTED_LOCALES, normalizeLocale } from './resolve.js';

const MESSAGES = { en, 'zh-CN': zh } as const;

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const texts = (m: string | Record<string, string>) => (typeof m === 'string' ? [m] : Object.values(m));

describe('message catalogue', () => {
  const keys = Object.keys(MESSAGES.en) as MessageKey[];

  it('has every key in both locales, none blank, and no extra keys', () => {
    expect(keys.length).toBeGreaterThan(20);
    for (const locale of SUPPORTED_LOCALES) {
      expect(Object.keys(MESSAGES[locale]).sort(), locale).toEqual([...keys].sort());
      for (const key of keys) {
        for (const text of texts(MESSAGES[locale][key])) expect(text.trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in both locales', () => {
    for (const key of keys) {
      const en = new Set(texts(MESSAGES.en[key]).flatMap(placeholders));
      const zh = new Set(texts(MESSAGES['zh-CN'][key]).flatMap(placeholders));
      expect([...zh].sort(), key).toEqual([...en].sort());
    }
  });

  it('gives every English plural message a "one" and an "other" form', () => {
    for (const key of keys) {
      const m = MESSAGES.en[key];
      if (typeof m !== 'string') expect(Object.keys(m).sort(), key).toEqual(['one', 'other']);
    }
  });

  it('renders shared strings in both locales', () => {
    expect(t('en', 'loading')).toBe('Loading safety data…');
    expect(t('zh-CN', 'loading')).toBe('正在加载安全数据…');
    expect(t('en', 'errorTitle')).toBe('Could not load safety data');
    expect(t('en', 'synthetic')).toBe('Sample data, partly synthetic');
    expect(t('zh-CN', 'synthetic')).toBe('示例数据（部分为模拟）');
    expect(t('en', 'stale', { age: '3 hours' })).toBe('Data is 3 hours old');
    expect(t('zh-CN', 'stale', { age: '3小时' })).toBe('数据已有3小时未更新');
  });

  it('pluralises English with Intl.PluralRules and formats numbers', () => {
    expect(t('en', 'dropped.indicators', { n: 1 })).toBe(
      '1 indicator could not be shown because the feed had problems.',
    );
    expect(t('en', 'dropped.indicators', { n: 3 })).toBe(
      '3 indicators could not be shown because the feed had problems.',
    );
    expect(t('en', 'dropped.indicators', { n: 0 })).toBe(
      '0 indicators could not be shown because the feed had problems.',
    );
    expect(t('en', 'dropped.grids', { n: 1200 })).toBe(
      '1,200 grid cells could not be shown because the feed had problems.',
    );
    expect(t('zh-CN', 'dropped.indicators', { n: 1 })).toBe('1 项指标因数据源存在问题而无法显示。');
    expect(t('zh-CN', 'dropped.indicators', { n: 3 })).toBe('3 项指标因数据源存在问题而无法显示。');
    expect(t('en', 'droppedMore', { n: 1 })).toBe('…and 1 more problem.');
  });

  it('leaves a missing placeholder visible', () => {
    // @ts-expect-error: `age` is required
    expect(t('en', 'stale', {})).toBe('Data is {age} old');
  });
});

describe('explainError', () => {
  it('explains each error code for the reader', () => {
    expect(explainError({ code: 'http', httpStatus: 503 }, 'en')).toBe(
      'The data server answered with an error (HTTP 503).',
    );
    expect(explainError({ code: 'http', httpStatus: 503 }, 'zh-CN')).toBe(
      '数据服务器返回了错误（HTTP 503）。',
    );
    expect(explainError({ code: 'http' }, 'en')).toBe('The data server answered with an error.');
    expect(explainError({ code: 'timeout' }, 'en')).toBe('The data server took too long to answer.');
    expect(explainError({ code: 'not-found' }, 'zh-CN')).toBe('找不到数据文件。');
    expect(explainError({ code: 'weird' as 'network' }, 'en')).toBe(
      'Something went wrong while loading the data.',
    );
    expect(explainError(undefined, 'en')).toBe('Something went wrong while loading the data.');
    for (const code of [
      'network',
      'http',
      'parse',
      'invalid',
      'too-large',
      'timeout',
      'not-found',
      'config',
    ] as const) {
      expect(explainError({ code }, 'zh-CN')).not.toBe(explainError(undefined, 'zh-CN'));
    }
  });
});

describe('localizedText', () => {
  it('picks the locale and falls back to the other language when blank', () => {
    expect(localizedText({ zh: '盐田区', en: 'Yantian' }, 'zh-CN')).toBe('盐田区');
    expect(localizedText({ zh: '盐田区', en: 'Yantian' }, 'en')).toBe('Yantian');
    expect(localizedText({ zh: '盐田区', en: '' }, 'en')).toBe('盐田区');
    expect(localizedText({ zh: '  ', en: 'Yantian' }, 'zh-CN')).toBe('Yantian');
    expect(localizedText({ zh: '', en: '' }, 'en')).toBe('');
    expect(localizedText(null, 'en')).toBe('');
  });

  it('says which language the text is in', () => {
    expect(localizedTextWithLang({ zh: '盐田区', en: '' }, 'en')).toEqual({ text: '盐田区', lang: 'zh-CN' });
    expect(localizedTextWithLang({ zh: '盐田区', en: 'Yantian' }, 'en')).toEqual({
      text: 'Yantian',
      lang: 'en',
    });
  });
});

describe('normalizeLocale', () => {
  it('maps Chinese tags to zh-CN and the rest to en', () => {
    for (const tag of ['zh', 'zh-CN', 'ZH-cn', 'zh-Hans', 'zh-TW', 'zh-Hant-HK', 'zh_CN', 'cmn'])
      expect(normalizeLocale(tag), tag).toBe('zh-CN');
    for (const tag of ['en', 'en-GB', 'fr', 'zha', 'de-DE']) expect(normalizeLocale(tag), tag).toBe('en');
    expect(normalizeLocale('')).toBeUndefined();
    expect(normalizeLocale(null)).toBeUndefined();
  });
});

describe('formatMessage', () => {
  const cases = { one: '{n} case in {place}', other: '{n} cases in {place}' };

  it('picks the plural form by the locale’s rules, and formats numbers for the locale', () => {
    expect(formatMessage('en', cases, { n: 1, place: 'Meisha' })).toBe('1 case in Meisha');
    expect(formatMessage('en', cases, { n: 0, place: 'Meisha' })).toBe('0 cases in Meisha');
    expect(formatMessage('en', cases, { n: 12345, place: 'Meisha' })).toBe('12,345 cases in Meisha');
    // Chinese has one form: `other`.
    expect(formatMessage('zh-CN', { other: '{n} 起' }, { n: 1 })).toBe('1 起');
  });

  it('falls back to `other`, and keeps a placeholder without a value visible', () => {
    expect(formatMessage('en', { other: '{n} items' }, { n: 1 })).toBe('1 items');
    expect(formatMessage('en', 'Hello {name}')).toBe('Hello {name}');
    expect(formatMessage('en', cases, {})).toBe('{n} cases in {place}');
  });

  it('inserts values as text, markup included', () => {
    expect(formatMessage('en', 'Grid {name}', { name: '<img src=x onerror=alert(1)>' })).toBe(
      'Grid <img src=x onerror=alert(1)>',
    );
  });
});
