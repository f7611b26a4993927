import { describe, expect, it } from 'vitest';
import { sparklinePath } from './sparkline.js';

describe('sparklinePath', () => {
  it('draws a line from oldest (left) to newest (right), higher values higher', () => {
    const s = sparklinePath([0, 10], 64, 20, 2);
    expect(s.d).toBe('M2 18L62 2');
    expect(s.dots).toEqual([]);
    expect(s.last).toEqual({ x: 62, y: 2 });
    expect(s.points).toBe(2);
  });

  it('draws equal values through the middle', () => {
    expect(sparklinePath([5, 5, 5], 10, 10, 0).d).toBe('M0 5L5 5L10 5');
  });

  it('leaves a gap in the middle: no segment across it, nothing drawn at 0', () => {
    // 10, 20, –, 30: the line stops at 20 and 30 stands alone; the gap keeps its place on x.
    const s = sparklinePath([10, 20, null, 30], 30, 20, 0);
    expect(s.d).toBe('M0 20L10 10');
    expect(s.dots).toEqual([{ x: 30, y: 0 }]);
    expect(s.last).toEqual({ x: 30, y: 0 });
    // No point anywhere at the bottom of the scale other than the real minimum (10 at x 0).
    const ys = [...s.d.matchAll(/[ML](\d+(?:\.\d+)?) (\d+(?:\.\d+)?)/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(ys).toEqual([
      [0, 20],
      [10, 10],
    ]);
  });

  it('dots every lone value and marks the last known one', () => {
    const s = sparklinePath([1, 2, null, 3, null, 1], 50, 10, 0);
    expect(s.d).toBe('M0 10L10 5');
    expect(s.dots).toEqual([
      { x: 30, y: 0 },
      { x: 50, y: 10 },
    ]);
    expect(s.last).toEqual({ x: 50, y: 10 });
  });

  it('missing at the end: the line ends at the last known value, not at the last period', () => {
    const s = sparklinePath([4, 6, null, null], 30, 10, 0);
    expect(s.d).toBe('M0 10L10 0');
    expect(s.last).toEqual({ x: 10, y: 0 });
    expect(s.points).toBe(2);
  });

  it('one known value is a dot (in its place, or at the newest end when it is the only period)', () => {
    expect(sparklinePath([null, 3, null], 20, 10, 0)).toEqual({
      d: '',
      dots: [{ x: 10, y: 5 }],
      last: { x: 10, y: 5 },
      points: 1,
    });
    expect(sparklinePath([3], 64, 20, 2)).toEqual({
      d: '',
      dots: [{ x: 62, y: 10 }],
      last: { x: 62, y: 10 },
      points: 1,
    });
  });

  it('draws nothing when no period has a value (never a line at 0)', () => {
    expect(sparklinePath([], 64, 20)).toEqual({ d: '', dots: [], last: null, points: 0 });
    expect(sparklinePath([null, null, null], 64, 20)).toEqual({ d: '', dots: [], last: null, points: 0 });
    expect(sparklinePath([Number.NaN, Number.POSITIVE_INFINITY], 64, 20).points).toBe(0);
  });
});
