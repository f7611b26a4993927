/**
 * The view model (timeline-view-model.ts) as Chart.js data: a few category markers per line (drawn
 * by the overlay) and the lines with their year-earlier twins, each with `null` for periods without
 * a count (a gap, never 0). Pure.
 */
import {
  POINT_STYLES,
  type ChartColors,
  type MarkerSet,
  type SeriesLine,
  type TimelinePoint,
} from './chart.js';
import { SERIES_COLORS } from './theme-colors.js';
import type { TimelineData } from './timeline-data.js';
import type { TimelineView } from './timeline-view.js';

/** What the lines depend on (a part of the view model, timeline-view-model.ts). */
export interface LinesInput {
  data: TimelineData;
  view: TimelineView;
  withData: readonly number[];
  shown: readonly number[];
  k0: number;
  k1: number;
  figures: { previousDrawn: readonly boolean[] };
}

/**
 * Markers for the shown categories: on every period when they are at least 36 px apart, else on
 * every n-th, staggered per category so they do not sit on one another; always on a period the
 * data covers in part (hollow), so a short current period is not mistaken for a drop.
 */
export function markers(f: LinesInput, colors: ChartColors, plotWidth: number): MarkerSet[] {
  const { view, data } = f;
  const spacing = plotWidth / Math.max(1, f.k1 - f.k0 + 1);
  const every = Math.max(1, Math.ceil(36 / Math.max(spacing, 0.01)));
  return f.shown.map((c, i) => {
    const cat = data.categories[c]!;
    const offset = every > 1 ? Math.floor((i * every) / Math.max(1, f.shown.length)) : 0;
    const points: MarkerSet['points'][number][] = [];
    for (let k = f.k0; k <= f.k1; k++) {
      const partial = view.partial[k] === 1;
      if (partial || (k - offset) % every === 0) {
        points.push({ x: view.starts[k]!, y: view.values[c]![k]!, hollow: partial });
      }
    }
    return {
      color: colors.series[cat.slot % SERIES_COLORS]!,
      style: POINT_STYLES[cat.slot % POINT_STYLES.length]!,
      points,
    };
  });
}

/** Chart lines for every category with data (hidden ones too, so toggling keeps their datasets). */
export function lines(f: LinesInput, colors: ChartColors): SeriesLine[] {
  const { view, data } = f;
  const n = view.starts.length;
  return f.withData.map((c) => {
    const cat = data.categories[c]!;
    const visible = f.shown.includes(c);
    // Drawn only where the figures state the comparison (figures.ts), so words and lines agree.
    const drawPrevious = f.figures.previousDrawn[c] === true;
    // Points only for what is drawn: hidden lines, and year-earlier lines with `yoy` off, get none.
    return {
      key: cat.id,
      points: visible ? linePoints(view.starts, view.values[c]!, n) : [],
      previous: visible && drawPrevious ? linePoints(view.starts, view.previous[c]!, n) : [],
      color: colors.series[cat.slot % SERIES_COLORS]!,
      visible,
      showPrevious: drawPrevious,
      partial: { first: view.partial[0] === 1, last: view.partial[n - 1] === 1 },
    };
  });
}

/** Chart points of one line: `null` where there is no count (a gap). */
function linePoints(starts: Int32Array, values: Float64Array, n: number): TimelinePoint[] {
  const points: TimelinePoint[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const v = values[k]!;
    points[k] = { x: starts[k]!, y: v === v ? v : null, k };
  }
  return points;
}
