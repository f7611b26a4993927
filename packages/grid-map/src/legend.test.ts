import { describe, expect, it } from 'vitest';
import { listFormat } from './legend.js';

describe('listFormat', () => {
  it('writes a list as Intl.ListFormat does, in both languages, without making one', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const intl = new Intl.ListFormat(locale, { type: 'conjunction' });
      for (const items of [[], ['A'], ['A', 'B'], ['A', 'B', 'C'], ['摄像头', '消防站', 'C', 'D']]) {
        expect(listFormat(items, locale)).toBe(intl.format(items));
      }
    }
  });
});
