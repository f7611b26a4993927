/**
 * The Chart.js side of the timeline: only the pieces a line chart on a linear axis needs
 * (LineController, LineElement, PointElement, LinearScale and the Decimation plugin; no
 * legend, tooltip or date adapter — the element draws those in HTML, and ticks come from
 * ./ticks.ts), a small plugin for the annotation markers and the keyboard/pointer cursor, and
 * `chartOptions` / `syncDatasets`, which turn the view into Chart.js data in place, so a live
 * update is one `chart.update('none')` on the same chart.
 */
import {
  Chart,
  Decimation,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  type ChartConfiguration,
  type ChartDataset,
  type ChartOptions,
  type Plugin,
  type ScriptableLineSegmentContext,
} from 'chart.js';
import { drawPoint } from 'chart.js/helpers';
import { formatNumber, type SupportedLocale } from '@safety-widgets/core';
import { tickLabel, type Tick } from './ticks.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Decimation);

export { Chart };

/** Colours read from the element's theme tokens, as canvas colour strings. */
export interface ChartColors {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  focus: string;
  /** One colour per category slot (six, reused in turn). */
  series: string[];
}

/** Marker shapes by category slot (with the colour and the legend label, so colour is never the only cue). */
export const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star'] as const;

/** The same shapes as SVG path data in a 12 × 12 box, for the legend and the tooltip. */
export const SHAPE_PATHS: readonly string[] = [
  'M6 2.5a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7Z',
  'M2.75 2.75h6.5v6.5h-6.5Z',
  'M6 2 10 9.5H2Z',
  'M6 1.5 10.5 6 6 10.5 1.5 6Z',
  'M2.6 3.4 3.4 2.6 6 5.2 8.6 2.6 9.4 3.4 6.8 6 9.4 8.6 8.6 9.4 6 6.8 3.4 9.4 2.6 8.6 5.2 6Z',
  'M6 1.5 7.2 4.6 10.5 4.8 8 6.9 8.8 10.2 6 8.4 3.2 10.2 4 6.9 1.5 4.8 4.8 4.6Z',
];

/**
 * A point: the period's start day, its count and the period's index. No count is `null`, not NaN:
 * Chart.js leaves a gap for both, but its LTTB decimation fails on a stretch of NaN.
 */
export interface TimelinePoint {
  x: number;
  y: number | null;
  k: number;
}

/** Markers of one category: a few points of its line, in its colour and shape. */
export interface MarkerSet {
  color: string;
  style: (typeof POINT_STYLES)[number];
  /** x (day), y (count) and whether to draw it hollow (a period the data covers in part). */
  points: readonly { x: number; y: number; hollow: boolean }[];
}

/** What the overlay plugin draws on top of the lines. */
export interface OverlayState {
  /**
   * Category markers. Drawn here rather than as Chart.js points: only a few per line are
   * needed, and Chart.js would resolve options for every point of every line to draw them.
   */
  markers: readonly MarkerSet[];
  /** Annotation days in view. */
  annotations: readonly number[];
  /** Period start of the cursor, or undefined. */
  cursorDay: number | undefined;
  /** Points to ring at the cursor: value and colour per visible category. */
  cursorPoints: readonly { y: number; color: string; style: (typeof POINT_STYLES)[number] }[];
  /** A date range being dragged across the plot (canvas x). */
  brush?: { from: number; to: number } | undefined;
  colors: ChartColors;
}

/** Draws annotation markers on the time axis and the cursor line; state comes from `read()`. */
export function overlayPlugin(read: () => OverlayState | undefined): Plugin<'line'> {
  return {
    id: 'safetyOverlay',
    afterDatasetsDraw(chart) {
      const state = read();
      const x = chart.scales.x;
      const y = chart.scales.y;
      const area = chart.chartArea;
      if (!state || !x || !y || !area) return;
      const ctx = chart.ctx;
      ctx.save();
      ctx.beginPath();
      ctx.rect(area.left - 6, area.top - 6, area.right - area.left + 12, area.bottom - area.top + 12);
      ctx.clip();
      for (const set of state.markers) {
        ctx.strokeStyle = set.color;
        ctx.lineWidth = 1.5;
        for (const p of set.points) {
          if (!Number.isFinite(p.y)) continue;
          ctx.fillStyle = p.hollow ? state.colors.surface : set.color;
          drawPoint(
            ctx,
            { pointStyle: set.style, radius: 3.5, borderWidth: 1.5, rotation: 0 },
            x.getPixelForValue(p.x),
            y.getPixelForValue(p.y),
          );
        }
      }
      // Annotation markers: a dashed guide and a triangle standing on the axis.
      for (const day of state.annotations) {
        const px = x.getPixelForValue(day);
        if (!(px >= area.left - 0.5 && px <= area.right + 0.5)) continue;
        // The guide up from the marker is a reference line like the grid's (the triangle is the mark,
        // in the text colour); dashed in the grid colour, so it is never taken for a category's line.
        ctx.strokeStyle = state.colors.grid;
        ctx.lineWidth = 1;
        ctx.setLineDash([2, 3]);
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = state.colors.text;
        ctx.beginPath();
        ctx.moveTo(px, area.bottom - 8);
        ctx.lineTo(px + 5, area.bottom);
        ctx.lineTo(px - 5, area.bottom);
        ctx.closePath();
        ctx.fill();
      }
      // The cursor: a solid line and a ring around each visible category's point.
      if (state.cursorDay !== undefined) {
        const px = x.getPixelForValue(state.cursorDay);
        if (px >= area.left - 0.5 && px <= area.right + 0.5) {
          ctx.strokeStyle = state.colors.text;
          ctx.lineWidth = 1;
          ctx.beginPath();
          ctx.moveTo(px, area.top);
          ctx.lineTo(px, area.bottom);
          ctx.stroke();
          for (const p of state.cursorPoints) {
            if (!Number.isFinite(p.y)) continue;
            const py = y.getPixelForValue(p.y);
            ctx.fillStyle = state.colors.surface;
            ctx.strokeStyle = p.color;
            ctx.lineWidth = 2;
            ctx.beginPath();
            ctx.arc(px, py, 5, 0, Math.PI * 2);
            ctx.fill();
            ctx.stroke();
          }
        }
      }
      if (state.brush) {
        const left = Math.min(state.brush.from, state.brush.to);
        const width = Math.abs(state.brush.to - state.brush.from);
        ctx.fillStyle = withAlpha(state.colors.focus, 0.15);
        ctx.strokeStyle = state.colors.focus;
        ctx.lineWidth = 1;
        ctx.fillRect(left, area.top, width, area.bottom - area.top);
        ctx.strokeRect(left + 0.5, area.top + 0.5, Math.max(0, width - 1), area.bottom - area.top - 1);
      }
      ctx.restore();
    },
  };
}

/** Everything `chartOptions` needs. */
export interface ChartSettings {
  locale: SupportedLocale;
  colors: ChartColors;
  /** The axis labels' font: the widget's small text, as computed (12 px at the default size, 24 px at 32). */
  font: { family: string; size: number };
  /** x range in day numbers. */
  min: number;
  max: number;
  ticks: readonly Tick[];
  /** Plot width in CSS px (decimation starts above one point per pixel). */
  width: number;
}

/** Chart.js options for the current settings (a new object; assign it to `chart.options`). */
export function chartOptions(settings: ChartSettings): ChartOptions<'line'> {
  const { colors, font, locale, ticks } = settings;
  // The size of the widget's small text, read from the page (so it follows the reader's default size).
  const tickFont = { family: font.family, size: font.size };
  const tickByDay = new Map(ticks.map((t, i) => [t.day, { tick: t, first: i === 0 }]));
  const single = settings.max <= settings.min;
  return {
    responsive: false,
    maintainAspectRatio: false,
    animation: false,
    parsing: false,
    normalized: true,
    // The element handles pointer and keyboard input itself.
    events: [],
    layout: { padding: { top: 10, right: 14, left: 2, bottom: 0 } },
    elements: {
      line: { tension: 0, borderWidth: 2, borderCapStyle: 'round', borderJoinStyle: 'round' },
      point: { hitRadius: 0, hoverRadius: 0 },
    },
    scales: {
      x: {
        type: 'linear',
        min: single ? settings.min - 1 : settings.min,
        max: single ? settings.max + 1 : settings.max,
        grid: { color: colors.grid, drawTicks: true, tickLength: 4 },
        border: { color: colors.muted },
        afterBuildTicks: (scale) => {
          scale.ticks = ticks.map((t) => ({ value: t.day }));
        },
        ticks: {
          color: colors.muted,
          font: tickFont,
          autoSkip: false,
          maxRotation: 0,
          minRotation: 0,
          callback: (value) => {
            const found = tickByDay.get(Number(value));
            return found ? tickLabel(found.tick, found.first, locale) : '';
          },
        },
      },
      y: {
        type: 'linear',
        beginAtZero: true,
        grace: '8%',
        grid: { color: colors.grid },
        border: { display: false },
        ticks: {
          color: colors.muted,
          font: tickFont,
          precision: 0,
          maxTicksLimit: 6,
          callback: (value) => formatNumber(Number(value), locale),
        },
      },
    },
    plugins: {
      // LTTB keeps the shape with about one point per pixel (min-max keeps up to four).
      decimation: {
        enabled: true,
        algorithm: 'lttb',
        samples: Math.max(50, Math.round(settings.width)),
        threshold: Math.max(50, Math.round(settings.width)),
      },
    },
  };
}

/** The chart's configuration at creation, with its first lines (options are replaced on every sync). */
export function chartConfig(
  settings: ChartSettings,
  plugin: Plugin<'line'>,
  lines: readonly SeriesLine[],
): ChartConfiguration<'line', TimelinePoint[]> {
  const datasets: LineDataset[] = [];
  syncDatasets(datasets, lines);
  return {
    type: 'line',
    data: { datasets },
    options: chartOptions(settings),
    plugins: [plugin],
  };
}

/** One category's line (and its year-earlier line) as the element wants them drawn. */
export interface SeriesLine {
  key: string;
  points: TimelinePoint[];
  previous: TimelinePoint[];
  color: string;
  visible: boolean;
  showPrevious: boolean;
  /** Whether the first and the last period are only partly covered (the current month, say). */
  partial?: { first: boolean; last: boolean };
}

/** A line dataset, with the key of what it draws (`fraud`, `fraud:previous`). */
export type LineDataset = ChartDataset<'line', TimelinePoint[]> & {
  key?: string;
  partial?: { first: boolean; last: boolean } | undefined;
};

/** Dash of a segment into or out of a partial period: its count is of fewer days, not a fall. */
export const PARTIAL_DASH = [2, 3];

/**
 * The segment style of a current line: dotted where it reaches a partial first or last period, so
 * the lower count of a period not yet over does not read as a fall. (Decimation keeps both ends.)
 */
export function partialSegmentDash(segment: ScriptableLineSegmentContext): number[] | undefined {
  // The segment context inherits the chart's (Chart.js creates it from the chart context).
  const ctx = segment as ScriptableLineSegmentContext & { chart: Chart };
  const dataset = ctx.chart.data.datasets[ctx.datasetIndex] as LineDataset | undefined;
  const partial = dataset?.partial;
  if (!partial) return undefined;
  const last = ctx.chart.getDatasetMeta(ctx.datasetIndex).data.length - 1;
  return (partial.last && ctx.p1DataIndex === last) || (partial.first && ctx.p0DataIndex === 0)
    ? PARTIAL_DASH
    : undefined;
}

/**
 * Puts `lines` into a chart's `data.datasets` in place: current lines first (drawn on top), then
 * the dashed year-earlier lines. Existing dataset objects are reused, so Chart.js keeps its
 * elements and the update is cheap.
 */
export function syncDatasets(datasets: LineDataset[], lines: readonly SeriesLine[]): void {
  const wanted = lines.length * 2;
  while (datasets.length > wanted) datasets.pop();
  lines.forEach((line, i) => {
    // Hidden lines get no points: Chart.js (and its decimation) would still go through them.
    const current: Partial<LineDataset> = {
      key: line.key,
      data: line.visible ? line.points : [],
      hidden: !line.visible,
      borderColor: line.color,
      backgroundColor: line.color,
      pointRadius: 0,
      borderDash: [],
      borderWidth: 2,
      partial: line.partial,
      // Only a line with a partial end is styled per segment: Chart.js then resolves the style of
      // every segment of the line (as costly as drawing it), where one style is resolved once.
      segment: line.partial?.first || line.partial?.last ? { borderDash: partialSegmentDash } : undefined,
    };
    const previous: Partial<LineDataset> = {
      key: `${line.key}:previous`,
      data: line.visible && line.showPrevious ? line.previous : [],
      hidden: !(line.visible && line.showPrevious),
      // The category's own colour (3:1 or more against the surface), told apart by its dash.
      borderColor: line.color,
      backgroundColor: line.color,
      pointRadius: 0,
      borderDash: [6, 4],
      borderWidth: 1.5,
    };
    assign(datasets, i, current);
    assign(datasets, lines.length + i, previous);
  });
}

/** `rgb(r, g, b)` (what the theme probe gives) with an alpha; other colours are returned as they are. */
export function withAlpha(color: string, alpha: number): string {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(color);
  return m ? `rgba(${m[1]}, ${m[2]}, ${m[3]}, ${alpha})` : color;
}

function assign(datasets: LineDataset[], index: number, props: Partial<LineDataset>): void {
  const existing = datasets[index];
  if (existing) Object.assign(existing, props);
  else datasets[index] = { data: [], ...props } as LineDataset;
}
