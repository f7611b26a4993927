import { describe, expect, it } from 'vitest';
import { figureText, gridAnnouncement, gridName, subdistrictName } from './grid-text.js';
import { keyCommand } from './keyboard.js';
import { yantian } from '../test/fixtures.js';

describe('a grid in words', () => {
  it('is named by its name, in the other language when it has none in this one, never by its id', () => {
    expect(gridName({ zh: '海山第01网格', en: 'Haishan Grid 01' }, 0, 'en')).toEqual({
      text: 'Haishan Grid 01',
      lang: 'en',
    });
    expect(gridName({ zh: '海山第01网格', en: ' ' }, 0, 'en')).toEqual({
      text: '海山第01网格',
      lang: 'zh-CN',
    });
    expect(gridName({ zh: '', en: '' }, 2, 'en')).toEqual({ text: 'Unnamed grid 3', lang: 'en' });
    expect(gridName(undefined, 0, 'zh-CN').text).toBe('未命名网格 1');
  });

  it('names its sub-district, or says it is unknown', () => {
    const feed = yantian();
    expect(subdistrictName(feed, 'meisha', 'en').text).toBe('Meisha Subdistrict');
    expect(subdistrictName(feed, 'nowhere', 'en').text).toBe('Unknown sub-district');
  });

  it('writes a figure as shown: no data is never 0, small sensitive counts are "<3"', () => {
    const f = { value: null, rate: null, suppressed: false, shown: null };
    expect(figureText(f, 'count', 3, 'en')).toBe('No data');
    expect(figureText({ ...f, value: 2, suppressed: true }, 'count', 3, 'en')).toBe('<3');
    expect(figureText({ ...f, value: 82, rate: 63.37, shown: 63.37 }, 'per-10k', 3, 'en')).toBe('63.4');
    expect(figureText({ ...f, value: 82, rate: null }, 'per-10k', 3, 'en')).toBe('No data');
    expect(figureText({ ...f, value: 1234, shown: 1234 }, 'count', 3, 'zh-CN')).toBe('1,234');
  });

  it('announces a grid in one short sentence by name; a selection says so', () => {
    const a = {
      locale: 'en' as const,
      name: 'Haishan Grid 01',
      subdistrict: 'Haishan Subdistrict',
      metric: 'Criminal cases',
      value: '133',
      rank: 1,
      ranked: 30,
      selected: false,
    };
    expect(gridAnnouncement(a)).toBe(
      'Haishan Grid 01, Haishan Subdistrict. Criminal cases: 133. Rank 1 of 30.',
    );
    expect(gridAnnouncement({ ...a, selected: true })).toBe('Haishan Grid 01 selected. Criminal cases: 133.');
    expect(gridAnnouncement({ ...a, subdistrict: undefined, rank: undefined, value: 'No data' })).toBe(
      'Haishan Grid 01. Criminal cases: No data.',
    );
    expect(
      gridAnnouncement({
        ...a,
        locale: 'zh-CN',
        name: '海山第01网格',
        subdistrict: '海山街道',
        metric: '刑事立案',
      }),
    ).toBe('海山第01网格，海山街道。刑事立案：133。排名第 1（共 30 个）。');
    expect(
      gridAnnouncement({ ...a, locale: 'zh-CN', name: '海山第01网格', selected: true, metric: '刑事立案' }),
    ).toBe('已选中海山第01网格。刑事立案：133。');
  });
});

describe('keys', () => {
  const key = (k: string, mods: Partial<KeyboardEvent> = {}) =>
    keyCommand({ key: k, altKey: false, ctrlKey: false, metaKey: false, ...mods });
  it('maps the keys the hint names to commands, and leaves the rest to the browser', () => {
    expect(key('ArrowUp')).toEqual({ kind: 'move', direction: 'up' });
    expect(key('Enter')).toEqual({ kind: 'select' });
    expect(key(' ')).toEqual({ kind: 'select' });
    expect(key('Escape')).toEqual({ kind: 'clear' });
    expect(key('+')).toEqual({ kind: 'zoom', by: 'in' });
    expect(key('=')).toEqual({ kind: 'zoom', by: 'in' });
    expect(key('-')).toEqual({ kind: 'zoom', by: 'out' });
    expect(key('0')).toEqual({ kind: 'zoom', by: 'reset' });
    expect(key('Tab')).toBeUndefined();
    expect(key('a')).toBeUndefined();
    expect(key('ArrowUp', { ctrlKey: true })).toBeUndefined();
    expect(key('+', { metaKey: true })).toBeUndefined();
  });
});
