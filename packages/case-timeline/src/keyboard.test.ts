import { describe, expect, it } from 'vitest';
import { cursorKey, PAGE_PERIODS } from './keyboard.js';

describe('cursorKey', () => {
  it('moves one period with the arrows and ten with Page Up/Page Down, inside the periods shown', () => {
    expect(cursorKey('ArrowLeft', 20, 5, 40)).toEqual({ move: 19 });
    expect(cursorKey('ArrowRight', 20, 5, 40)).toEqual({ move: 21 });
    expect(cursorKey('PageUp', 20, 5, 40)).toEqual({ move: 20 - PAGE_PERIODS });
    expect(cursorKey('PageDown', 20, 5, 40)).toEqual({ move: 20 + PAGE_PERIODS });
    expect(cursorKey('PageUp', 8, 5, 40)).toEqual({ move: 5 });
    expect(cursorKey('PageDown', 35, 5, 40)).toEqual({ move: 40 });
    expect(cursorKey('ArrowLeft', 5, 5, 40)).toEqual({ move: 5 });
    expect(cursorKey('ArrowRight', 40, 5, 40)).toEqual({ move: 40 });
  });

  it('goes to the first or last period shown with Home and End', () => {
    expect(cursorKey('Home', 20, 5, 40)).toEqual({ move: 5 });
    expect(cursorKey('End', 20, 5, 40)).toEqual({ move: 40 });
  });

  it('starts from the last period shown when the cursor is outside them (none yet, or other dates)', () => {
    expect(cursorKey('ArrowLeft', -1, 5, 40)).toEqual({ move: 39 });
    expect(cursorKey('ArrowRight', -1, 5, 40)).toEqual({ move: 40 });
    expect(cursorKey('ArrowLeft', 50, 5, 40)).toEqual({ move: 39 });
    expect(cursorKey('Home', 2, 5, 40)).toEqual({ move: 5 });
  });

  it('hides the cursor on Escape and leaves other keys to the page', () => {
    expect(cursorKey('Escape', 20, 5, 40)).toBe('hide');
    expect(cursorKey('Tab', 20, 5, 40)).toBeUndefined();
    expect(cursorKey('a', 20, 5, 40)).toBeUndefined();
    expect(cursorKey('ArrowUp', 20, 5, 40)).toBeUndefined();
  });
});
