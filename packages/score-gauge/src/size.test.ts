import { expect, it } from 'vitest';
import { factsInside, sizeFor } from './size.js';

it('picks a size class from the width', () => {
  expect([120, 199, 200, 359, 360, 519, 520, 600, 1200].map(sizeFor)).toEqual([
    'xs',
    'xs',
    'sm',
    'sm',
    'md',
    'md',
    'lg',
    'lg',
    'lg',
  ]);
});

it('treats an unknown width as md', () => {
  expect([0, -1, NaN, Infinity, undefined, null].map(sizeFor)).toEqual(['md', 'md', 'md', 'md', 'md', 'md']);
});

it('puts the grade and change inside the arc only when there is room for the reader’s text', () => {
  expect(factsInside('md', false, 16)).toBe(true);
  expect(factsInside('sm', false, 20)).toBe(true);
  expect(factsInside('lg', false, 32)).toBe(false);
  expect(factsInside('xs', false, 16)).toBe(false);
  expect(factsInside('md', true, 16)).toBe(false);
  // An unreadable base (not laid out yet) keeps the default layout.
  expect(factsInside('md', false, NaN)).toBe(true);
});
