import { describe, expect, it } from 'vitest';
import {
  announcement,
  gridNames,
  gridSubdistrict,
  isCleared,
  scopeText,
  selectionOf,
  tableScopeText,
} from './district.js';

const meisha03 = { zh: '梅沙第03网格', en: 'Meisha Grid 03' };
const selection = { grid: 'meisha-g03', subdistrict: 'meisha', name: meisha03 };

describe('the district page text', () => {
  it('reads a safety-grid-select detail defensively, naming the grid from the feed', () => {
    expect(
      selectionOf({ id: 'meisha-g03', subdistrict: 'meisha', name: 'Meisha Grid 03' }, () => meisha03),
    ).toEqual(selection);
    // Without the feed: the event's name (in the map's language), else the id.
    expect(selectionOf({ id: 'g1', name: 'Grid one' })).toEqual({
      grid: 'g1',
      subdistrict: null,
      name: { zh: 'Grid one', en: 'Grid one' },
    });
    expect(selectionOf({ id: 'g1', subdistrict: null })).toEqual({
      grid: 'g1',
      subdistrict: null,
      name: { zh: 'g1', en: 'g1' },
    });
    expect(selectionOf({ id: '' })).toBeUndefined();
    expect(selectionOf(null)).toBeUndefined();
    expect(selectionOf('meisha-g03')).toBeUndefined();
    expect(selectionOf({ id: null, subdistrict: null, name: null })).toBeUndefined();
  });

  it('finds a grid’s names in the feed, each language standing in for a missing other', () => {
    const feed = {
      grids: {
        features: [
          { id: 'meisha-g03', properties: { name: meisha03 } },
          { id: 'x', properties: { name: { zh: '', en: 'Only English' } } },
        ],
      },
    };
    expect(gridNames(feed, 'meisha-g03')).toEqual(meisha03);
    expect(gridNames(feed, 'x')).toEqual({ zh: 'Only English', en: 'Only English' });
    expect(gridNames(feed, 'nowhere')).toBeUndefined();
    expect(gridNames(undefined, 'meisha-g03')).toBeUndefined();
    expect(gridNames({ grids: { features: 'no' } }, 'meisha-g03')).toBeUndefined();
  });

  it('tells a cleared selection from a malformed event', () => {
    expect(isCleared({ id: null, subdistrict: null, name: null })).toBe(true);
    expect(isCleared({ id: 'g1' })).toBe(false);
    expect(isCleared({})).toBe(false);
    expect(isCleared(null)).toBe(false);
  });

  it('names the grid and its sub-district in one language, never by id', () => {
    expect(scopeText(selection)).toEqual({
      zh: '当前范围：梅沙第03网格（梅沙街道）',
      en: 'Showing: Meisha Grid 03, Meisha Subdistrict',
    });
    expect(tableScopeText(selection).en).toBe(
      'Indicators for Meisha Subdistrict, the sub-district of the selected grid; indicators are not published per grid.',
    );
    expect(tableScopeText(selection).zh).toContain('梅沙街道');
    expect(announcement(selection).en).toBe(
      'Meisha Grid 03 selected: the timeline shows that grid only, the indicator table Meisha Subdistrict’s indicators.',
    );
    expect(announcement(selection).zh).toBe(
      '已选择梅沙第03网格：案件走势仅显示该网格，指标表显示梅沙街道的指标。',
    );
    for (const text of [scopeText(selection), tableScopeText(selection), announcement(selection)]) {
      expect(text.en).not.toMatch(/[\u4e00-\u9fff]/);
      expect(text.en).not.toContain('meisha-g03');
      expect(text.zh).not.toContain('meisha-g03');
    }
  });

  it('speaks of the whole district when nothing is selected, and of the grid alone without a sub-district', () => {
    expect(scopeText(undefined).en).toBe('Showing: the whole of Yantian District');
    expect(tableScopeText(undefined).zh).toContain('全区');
    const alone = { grid: 'g1', subdistrict: null, name: { zh: '一号网格', en: 'Grid 1' } };
    expect(tableScopeText(alone).en).toContain('still shows the whole district');
    expect(scopeText(alone)).toEqual({ zh: '当前范围：一号网格', en: 'Showing: Grid 1' });
    expect(announcement(undefined).en).toContain('whole district');
  });

  it('names an unknown sub-district by its id', () => {
    expect(scopeText({ grid: 'x-g1', subdistrict: 'x', name: { zh: 'x-g1', en: 'x-g1' } }).en).toBe(
      'Showing: x-g1, x',
    );
  });
});

describe('a grid from the URL', () => {
  it('finds its sub-district in the feed, or none', () => {
    const feed = {
      grids: { features: [{ id: 'meisha-g03', properties: { subdistrict: 'meisha' } }, { id: 'x' }] },
    };
    expect(gridSubdistrict(feed, 'meisha-g03')).toBe('meisha');
    expect(gridSubdistrict(feed, 'x')).toBeNull();
    expect(gridSubdistrict(feed, 'nowhere')).toBeNull();
    expect(gridSubdistrict(undefined, 'meisha-g03')).toBeNull();
  });
});
