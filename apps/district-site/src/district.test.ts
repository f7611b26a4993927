import { describe, expect, it } from 'vitest';
import { announcement, isCleared, scopeText, selectionOf, tableScopeText } from './district.js';

describe('the district page text', () => {
  it('reads a safety-grid-select detail defensively', () => {
    expect(selectionOf({ id: 'meisha-g03', subdistrict: 'meisha' })).toEqual({
      grid: 'meisha-g03',
      subdistrict: 'meisha',
    });
    expect(selectionOf({ id: 'g1' })).toEqual({ grid: 'g1', subdistrict: null });
    expect(selectionOf({ id: 'g1', subdistrict: null })).toEqual({ grid: 'g1', subdistrict: null });
    expect(selectionOf({ id: '' })).toBeUndefined();
    expect(selectionOf(null)).toBeUndefined();
    expect(selectionOf('meisha-g03')).toBeUndefined();
    expect(selectionOf({ id: null, subdistrict: null, name: null })).toBeUndefined();
  });

  it('tells a cleared selection from a malformed event', () => {
    expect(isCleared({ id: null, subdistrict: null, name: null })).toBe(true);
    expect(isCleared({ id: 'g1' })).toBe(false);
    expect(isCleared({})).toBe(false);
    expect(isCleared(null)).toBe(false);
  });

  it('says the table shows the sub-district, since indicators are not published per grid', () => {
    const selection = { grid: 'meisha-g03', subdistrict: 'meisha' };
    expect(tableScopeText(selection).en).toBe(
      'Indicators for 梅沙街道 (Meisha Subdistrict), the sub-district of the selected grid; indicators are not published per grid.',
    );
    expect(tableScopeText(selection).zh).toContain('梅沙街道');
    expect(scopeText(selection).en).toBe('Showing: grid meisha-g03 in 梅沙街道 (Meisha Subdistrict)');
    expect(announcement(selection).en).toContain('Meisha Subdistrict');
  });

  it('speaks of the whole district when nothing is selected, and of the grid alone without a sub-district', () => {
    expect(scopeText(undefined).en).toBe('Showing: the whole of Yantian District');
    expect(tableScopeText(undefined).zh).toContain('全区');
    expect(tableScopeText({ grid: 'g1', subdistrict: null }).en).toContain('still shows the whole district');
    expect(announcement(undefined).en).toContain('whole district');
  });

  it('names an unknown sub-district by its id', () => {
    expect(scopeText({ grid: 'x-g1', subdistrict: 'x' }).en).toBe('Showing: grid x-g1 in x (x)');
  });
});
