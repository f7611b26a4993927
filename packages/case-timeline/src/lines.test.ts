import { describe, expect, it } from 'vitest';
import type { ChartColors } from './chart.js';
import { buildFigures } from './figures.js';
import { lines, markers } from './lines.js';
import { selectRange } from './range.js';
import { buildTimelineData } from './timeline-data.js';
import { buildView } from './timeline-view.js';
import { rawYantian, valid } from '../test/feeds.js';

const colors: ChartColors = {
  text: '#000',
  muted: '#555',
  grid: '#ddd',
  surface: '#fff',
  focus: '#00f',
  series: ['#a00', '#0a0', '#00a', '#aa0', '#0aa', '#a0a'],
};

function frame(yoy: boolean) {
  const raw = rawYantian();
  // No fires counted in 2015: a gap, never 0.
  for (const s of raw.series as { category: string; grid?: string; start: string; counts: number[] }[])
    if (s.category === 'fire' && !s.grid) {
      s.start = '2016-01-01';
      s.counts = s.counts.slice(730);
    }
  const data = buildTimelineData(valid(raw));
  const view = buildView(data, 'month');
  const { a, b, k0, k1 } = selectRange(data, view, undefined, undefined);
  const withData = data.categories.map((_, c) => c);
  const shown = withData.filter((c) => data.categories[c]!.id !== 'criminal');
  const figures = buildFigures({ data, view, shown, a, b, k0, k1, ranged: false, yoy, locale: 'en' });
  return { data, view, withData, shown, k0, k1, figures };
}

describe('lines', () => {
  it('a period without a count is null (a gap), never 0; hidden categories get no points', () => {
    const f = frame(true);
    const ls = lines(f, colors);
    const fire = ls.find((l) => l.key === 'fire')!;
    expect(fire.points.slice(0, 24).every((p) => p.y === null)).toBe(true);
    expect(fire.points.at(-1)!.y).toBeGreaterThan(0);
    const criminal = ls.find((l) => l.key === 'criminal')!;
    expect(criminal.visible).toBe(false);
    expect(criminal.points).toEqual([]);
    // Year-earlier lines only where the figures state the comparison (with yoy on).
    expect(ls.filter((l) => l.showPrevious).map((l) => l.key)).toEqual(
      f.data.categories.filter((_, c) => f.figures.previousDrawn[c]).map((c) => c.id),
    );
    expect(lines(frame(false), colors).some((l) => l.showPrevious)).toBe(false);
  });

  it('markers are one per 36 px or more, one set per shown category', () => {
    const f = frame(false);
    const sets = markers(f, colors, 360);
    expect(sets).toHaveLength(f.shown.length);
    for (const set of sets) {
      const xs = set.points.filter((p) => !p.hollow).map((p) => p.x);
      const every = Math.ceil(36 / (360 / 47));
      expect(xs.length).toBeLessThanOrEqual(Math.ceil(47 / every) + 1);
    }
  });
});
