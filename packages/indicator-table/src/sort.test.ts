import { validateFeed } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import { yantianFeed } from '../test/large-feed.js';
import { formatSort, nameRanks, nextSort, parseSort, sortRows } from './sort.js';
import { buildTableModel, type IndicatorRow } from './table-model.js';

const feed = (() => {
  const r = validateFeed(yantianFeed);
  if (!r.ok) throw new Error('invalid sample');
  return r.feed;
})();
const model = buildTableModel(feed);

function rows(specs: Partial<IndicatorRow>[]): IndicatorRow[] {
  const base = model.rows[0]!;
  return specs.map((s, i) => ({ ...base, id: `r${i}`, order: i, ...s }));
}

describe('parseSort / formatSort', () => {
  it('reads column and direction', () => {
    expect(parseSort('score:desc')).toEqual({ key: 'score', dir: 'desc' });
    expect(parseSort(' Name ')).toEqual({ key: 'name', dir: 'asc' });
    expect(parseSort('city-average : ASC')).toEqual({ key: 'city-average', dir: 'asc' });
  });

  it('gives null (feed order) for anything else', () => {
    for (const bad of ['', 'bogus', 'score:up', 'score:desc:x', ':desc', null, undefined, 'constructor']) {
      expect(parseSort(bad)).toBeNull();
    }
  });

  it('round-trips', () => {
    expect(formatSort(parseSort('trend:desc'))).toBe('trend:desc');
    expect(formatSort(null)).toBe('');
  });
});

describe('nextSort', () => {
  it('starts ascending, then flips; another column starts ascending', () => {
    expect(nextSort(null, 'value')).toEqual({ key: 'value', dir: 'asc' });
    expect(nextSort({ key: 'value', dir: 'asc' }, 'value')).toEqual({ key: 'value', dir: 'desc' });
    expect(nextSort({ key: 'value', dir: 'desc' }, 'value')).toEqual({ key: 'value', dir: 'asc' });
    expect(nextSort({ key: 'value', dir: 'desc' }, 'name')).toEqual({ key: 'name', dir: 'asc' });
  });
});

describe('sortRows', () => {
  it('sorts numbers both ways with missing values last, ties in feed order', () => {
    const list = rows([{ value: 3 }, { value: null }, { value: 1 }, { value: 3 }, { value: 2 }]);
    expect(sortRows(list, { key: 'value', dir: 'asc' }).map((r) => r.id)).toEqual([
      'r2',
      'r4',
      'r0',
      'r3',
      'r1',
    ]);
    expect(sortRows(list, { key: 'value', dir: 'desc' }).map((r) => r.id)).toEqual([
      'r0',
      'r3',
      'r4',
      'r2',
      'r1',
    ]);
  });

  it('feed order for null, and never changes its input', () => {
    const list = rows([{ value: 2 }, { value: 1 }]).reverse();
    const copy = [...list];
    expect(sortRows(list, null).map((r) => r.id)).toEqual(['r0', 'r1']);
    sortRows(list, { key: 'value', dir: 'asc' });
    expect(list).toEqual(copy);
  });

  it('sorts by score, target, city average, trend and status', () => {
    const list = rows([
      { score: 1, target: 5, cityAverage: null, change: -0.5, status: 'no-data' },
      { score: 2, target: 4, cityAverage: 9, change: 0.2, status: 'met' },
      { score: null, target: null, cityAverage: 8, change: null, status: 'not-met' },
    ]);
    const ids = (key: Parameters<typeof sortRows>[1]) => sortRows(list, key).map((r) => r.id);
    expect(ids({ key: 'score', dir: 'desc' })).toEqual(['r1', 'r0', 'r2']);
    expect(ids({ key: 'target', dir: 'asc' })).toEqual(['r1', 'r0', 'r2']);
    expect(ids({ key: 'city-average', dir: 'asc' })).toEqual(['r2', 'r1', 'r0']);
    expect(ids({ key: 'trend', dir: 'desc' })).toEqual(['r1', 'r0', 'r2']);
    expect(ids({ key: 'status', dir: 'asc' })).toEqual(['r1', 'r2', 'r0']);
    expect(ids({ key: 'status', dir: 'desc' })).toEqual(['r0', 'r2', 'r1']);
  });

  it('sorts names by the display language: pinyin for Chinese, numbers as numbers', () => {
    const list = rows([
      { name: { zh: '火灾', en: 'Fire 10' } },
      { name: { zh: '安全', en: 'fire 9' } },
      { name: { zh: '诈骗', en: 'Arson' } },
    ]);
    expect(sortRows(list, { key: 'name', dir: 'asc' }, 'en').map((r) => r.name.en)).toEqual([
      'Arson',
      'fire 9',
      'Fire 10',
    ]);
    expect(sortRows(list, { key: 'name', dir: 'asc' }, 'zh-CN').map((r) => r.name.zh)).toEqual([
      '安全',
      '火灾',
      '诈骗',
    ]);
    const ranks = nameRanks(list, 'zh-CN');
    expect(sortRows(list, { key: 'name', dir: 'desc' }, 'zh-CN', ranks).map((r) => r.name.zh)).toEqual([
      '诈骗',
      '火灾',
      '安全',
    ]);
  });

  it('falls back to the other language for a blank name', () => {
    const list = rows([{ name: { zh: '乙', en: 'B' } }, { name: { zh: '甲', en: '' } }]);
    expect(sortRows(list, { key: 'name', dir: 'asc' }, 'en').map((r) => r.id)).toEqual(['r0', 'r1']);
  });

  it('sorts the whole sample by score, highest first', () => {
    const sorted = sortRows(model.rows, { key: 'score', dir: 'desc' });
    const scores = sorted.map((r) => r.score).filter((s): s is number => s !== null);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(sorted).toHaveLength(56);
  });
});
