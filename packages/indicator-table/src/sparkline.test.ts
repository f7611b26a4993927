import { describe, expect, it } from 'vitest';
import { sparklinePath } from './sparkline.js';

describe('sparklinePath', () => {
  it('draws a line from oldest (left) to newest (right), higher values higher', () => {
    const s = sparklinePath([0, 10], 64, 20, 2);
    expect(s.d).toBe('M2 18L62 2');
    expect(s.last).toEqual({ x: 62, y: 2 });
    expect(s.points).toBe(2);
  });

  it('draws equal values through the middle', () => {
    expect(sparklinePath([5, 5, 5], 10, 10, 0).d).toBe('M0 5L5 5L10 5');
  });

  it('breaks the line at missing values and dots an isolated point', () => {
    const s = sparklinePath([1, 2, null, 3, null, 1], 50, 10, 0);
    expect(s.d).toBe('M0 10L10 5M30 0h0M50 10h0');
    expect(s.last).toEqual({ x: 50, y: 10 });
  });

  it('draws nothing with fewer than two values', () => {
    expect(sparklinePath([], 64, 20).d).toBe('');
    expect(sparklinePath([3], 64, 20).d).toBe('');
    expect(sparklinePath([null, 3, null], 64, 20)).toEqual({ d: '', last: null, points: 1 });
  });
});
