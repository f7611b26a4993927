import { expect, it } from 'vitest';
import { ringKey } from './keys.js';

it('arrows move and wrap, Home and End go to the ends, Enter and Space select', () => {
  expect(ringKey('ArrowRight', 0, 8)).toEqual({ move: 1 });
  expect(ringKey('ArrowDown', 7, 8)).toEqual({ move: 0 });
  expect(ringKey('ArrowLeft', 0, 8)).toEqual({ move: 7 });
  expect(ringKey('ArrowUp', 3, 8)).toEqual({ move: 2 });
  expect(ringKey('Home', 5, 8)).toEqual({ move: 0 });
  expect(ringKey('End', 2, 8)).toEqual({ move: 7 });
  expect(ringKey('Enter', 2, 8)).toBe('select');
  expect(ringKey(' ', 2, 8)).toBe('select');
});

it('leaves other keys and impossible positions alone', () => {
  expect(ringKey('Tab', 0, 8)).toBeNull();
  expect(ringKey('a', 0, 8)).toBeNull();
  expect(ringKey('ArrowRight', -1, 8)).toBeNull();
  expect(ringKey('ArrowRight', 8, 8)).toBeNull();
  expect(ringKey('Home', 0, 0)).toBeNull();
});
