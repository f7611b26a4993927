import { describe, expect, it } from 'vitest';
import type { GridFigure } from './metrics.js';
import { rankGrids } from './ranking.js';

const fig = (shown: number | null, suppressed = false): GridFigure => ({
  value: shown,
  rate: null,
  suppressed,
  shown: suppressed ? null : shown,
});

describe('rankGrids', () => {
  it('ranks highest first, ties share a rank, suppressed then no-data last by name', () => {
    const figures = [fig(5), fig(9), fig(null), fig(1, true), fig(9), fig(2, true), fig(0)];
    const names = ['e', 'b', 'n', 'z', 'a', 'y', 'c'];
    const ranked = rankGrids(figures, names, 'en');
    expect(ranked.map((r) => names[r.index])).toEqual(['a', 'b', 'e', 'c', 'y', 'z', 'n']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 3, 4, undefined, undefined, undefined]);
  });

  it('orders suppressed grids by name only, so their order tells nothing of their counts', () => {
    const a = rankGrids([fig(0, true), fig(2, true)], ['b', 'a'], 'en');
    const b = rankGrids([fig(2, true), fig(0, true)], ['b', 'a'], 'en');
    expect(a.map((r) => r.index)).toEqual(b.map((r) => r.index));
  });
});
