import { describe, expect, it } from 'vitest';
import { langFromSearch, pick, searchWithLang } from './lang.js';

describe('the language in the URL', () => {
  it('is Chinese unless lang=en (or en-…) is asked for', () => {
    expect(langFromSearch('')).toBe('zh-CN');
    expect(langFromSearch('?lang=zh-CN')).toBe('zh-CN');
    expect(langFromSearch('?lang=fr')).toBe('zh-CN');
    expect(langFromSearch('?lang=en')).toBe('en');
    expect(langFromSearch('?x=1&lang=EN-gb')).toBe('en');
  });

  it('is written as lang=en, and dropped for Chinese, keeping the other parameters', () => {
    expect(searchWithLang('', 'en')).toBe('?lang=en');
    expect(searchWithLang('?lang=en', 'zh-CN')).toBe('');
    expect(searchWithLang('?x=1&lang=en', 'zh-CN')).toBe('?x=1');
    expect(searchWithLang('?x=1', 'en')).toBe('?x=1&lang=en');
  });

  it('picks the text of a language', () => {
    expect(pick({ zh: '盐田', en: 'Yantian' }, 'en')).toBe('Yantian');
    expect(pick({ zh: '盐田', en: 'Yantian' }, 'zh-CN')).toBe('盐田');
  });
});
