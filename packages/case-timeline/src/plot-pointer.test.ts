import { describe, expect, it } from 'vitest';
import { nearestPeriod } from './plot-pointer.js';
import { tooltipStyle } from './tooltip.js';

// Periods starting on days 0, 10, 20, 30 (each ten days long).
const view = { starts: Int32Array.from([0, 10, 20, 30]), ends: Int32Array.from([10, 20, 30, 40]) };

describe('nearestPeriod', () => {
  it('picks the period whose start is nearest to the day, not just the one holding it', () => {
    expect(nearestPeriod(view, 12, 0, 3)).toBe(1);
    expect(nearestPeriod(view, 16, 0, 3)).toBe(2);
    expect(nearestPeriod(view, 15, 0, 3)).toBe(1);
    expect(nearestPeriod(view, 35, 0, 3)).toBe(3);
  });

  it('stays inside the periods shown, also for days beyond the data', () => {
    expect(nearestPeriod(view, 28, 0, 1)).toBe(1);
    expect(nearestPeriod(view, 2, 2, 3)).toBe(2);
    expect(nearestPeriod(view, -50, 0, 3)).toBe(0);
    expect(nearestPeriod(view, 500, 0, 3)).toBe(3);
  });
});

describe('tooltipStyle', () => {
  const area = { left: 40, right: 440, top: 10 };
  it('goes right of a cursor in the left half of the plot, left of one in the right half', () => {
    expect(tooltipStyle({ px: 100, area, width: 480 })).toEqual({ left: '112px', top: '10px' });
    expect(tooltipStyle({ px: 400, area, width: 480 })).toEqual({ right: '92px', top: '10px' });
  });

  it('never sets a negative offset', () => {
    expect(tooltipStyle({ px: 479, area: { ...area, right: 480 }, width: 480 })).toEqual({
      right: '13px',
      top: '10px',
    });
    expect(tooltipStyle({ px: 500, area: { ...area, right: 500 }, width: 480 })).toEqual({
      right: '0px',
      top: '10px',
    });
  });
});
