import { describe, expect, it } from 'vitest';
import { BrushController } from './brush.js';

const area = { left: 40, right: 640 };

describe('BrushController', () => {
  it('a mouse drag inside the plot gives its ends, left to right, kept inside the plot', () => {
    const b = new BrushController();
    expect(b.down(500, area, 0, 'mouse')).toBe(true);
    expect(b.move(700, area)).toBe(true);
    expect(b.drag).toEqual({ from: 500, to: 640 });
    expect(b.up(10, area)).toEqual([40, 500]);
    expect(b.drag).toBeUndefined();
    // Up without a position: where it last was.
    b.down(100, area, 0, 'pen');
    b.move(300, area);
    expect(b.up(undefined, area)).toEqual([100, 300]);
  });

  it('a click, touch, another button or a press outside the plot selects nothing', () => {
    const b = new BrushController();
    expect(b.down(100, area, 0, 'touch')).toBe(false);
    expect(b.down(100, area, 2, 'mouse')).toBe(false);
    expect(b.down(20, area, 0, 'mouse')).toBe(false);
    expect(b.move(200, area)).toBe(false);
    expect(b.up(200, area)).toBeUndefined();
    b.down(100, area, 0, 'mouse');
    expect(b.up(106, area)).toBeUndefined();
    b.down(100, area, 0, 'mouse');
    b.move(400, area);
    b.cancel();
    expect(b.up(400, area)).toBeUndefined();
    b.down(100, area, 0, 'mouse');
    expect(b.up(Number.NaN, area)).toEqual([40, 100]);
  });
});
