import { describe, expect, it } from 'vitest';
import { WINDOW_THRESHOLD, isWindowed, visibleRowRange } from './layout.js';
import { computeOffsets } from './windowing.js';

describe('isWindowed', () => {
  it('lets up to 300 rows flow with the page and windows beyond', () => {
    expect(WINDOW_THRESHOLD).toBe(300);
    expect(isWindowed(0)).toBe(false);
    expect(isWindowed(56)).toBe(false);
    expect(isWindowed(300)).toBe(false);
    expect(isWindowed(301)).toBe(true);
    expect(isWindowed(20_000)).toBe(true);
  });
});

describe('visibleRowRange', () => {
  // An area header (30 px) and 4 rows (40 px), then a header and 3 rows.
  const heights = [30, 40, 40, 40, 40, 30, 40, 40, 40];
  const numbers = [0, 1, 2, 3, 4, 0, 5, 6, 7];
  const offsets = computeOffsets(heights.length, (i) => heights[i]!);

  it('numbers the rows at least partly in view, not the area headers', () => {
    expect(visibleRowRange(offsets, numbers, 0, 100)).toEqual({ first: 1, last: 2 });
    expect(visibleRowRange(offsets, numbers, 60, 250)).toEqual({ first: 1, last: 5 });
    expect(visibleRowRange(offsets, numbers, 150, 1000)).toEqual({ first: 4, last: 7 });
  });

  it('does not count a row showing less than a pixel', () => {
    expect(visibleRowRange(offsets, numbers, 69.5, 110.5)).toEqual({ first: 2, last: 2 });
  });

  it('is null with nothing in view or no rows', () => {
    expect(visibleRowRange(offsets, numbers, 100, 100)).toBeNull();
    // Only the second area's header (190–220) is in view.
    expect(visibleRowRange(offsets, numbers, 190, 220)).toBeNull();
    expect(
      visibleRowRange(
        computeOffsets(0, () => 1),
        [],
        0,
        100,
      ),
    ).toBeNull();
  });
});
