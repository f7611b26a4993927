import { describe, expect, it } from 'vitest';
import { maxScale, panIntoView } from './map-zoom.js';

describe('panIntoView', () => {
  it('pans a point near an edge 48 px inside, and leaves one inside alone', () => {
    expect(panIntoView(300, 200, 600, 400)).toEqual([0, 0]);
    expect(panIntoView(10, 200, 600, 400)).toEqual([38, 0]);
    expect(panIntoView(590, 395, 600, 400)).toEqual([-38, -43]);
  });

  it('keeps a quarter of a small box’s shorter side as the margin, on both axes', () => {
    expect(panIntoView(0, 0, 100, 80)).toEqual([20, 20]);
  });
});

describe('maxScale', () => {
  it('lets large grid systems zoom deeper', () => {
    expect(maxScale(1000)).toBe(12);
    expect(maxScale(1001)).toBe(40);
  });
});
