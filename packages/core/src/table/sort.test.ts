import { describe, expect, it } from 'vitest';
import { sortRows } from './sort.js';

describe('sortRows', () => {
  const rows = [
    { n: '乙', v: 3 },
    { n: '甲', v: null },
    { n: '丙', v: 1 },
    { n: 'b', v: Number.NaN },
    { n: 'a', v: 3 },
  ];

  it('sorts numbers as numbers, missing values last in both directions, ties stable', () => {
    expect(sortRows(rows, (r) => r.v, 'asc', 'en').map((r) => r.n)).toEqual(['丙', '乙', 'a', '甲', 'b']);
    expect(sortRows(rows, (r) => r.v, 'desc', 'en').map((r) => r.n)).toEqual(['乙', 'a', '丙', '甲', 'b']);
  });

  it('sorts text by the locale’s collation (pinyin in Chinese)', () => {
    const names = [{ n: '盐田' }, { n: '海山' }, { n: '沙头角' }, { n: '梅沙' }];
    expect(sortRows(names, (r) => r.n, 'asc', 'zh-CN').map((r) => r.n)).toEqual([
      '海山',
      '梅沙',
      '沙头角',
      '盐田',
    ]);
  });

  it('does not change the input', () => {
    const copy = [...rows];
    sortRows(rows, (r) => r.v, 'asc', 'en');
    expect(rows).toEqual(copy);
  });
});
