import { expect, it } from 'vitest';
import { sizeFor } from './size.js';

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
