/**
 * The Chart.js chart's life in the timeline's shadow root: created when the plot's size is first
 * reported (after the browser's layout, before its paint), updated after each render only as far as
 * what it draws changed (options, lines, size, cursor, brush), resized when the plot's size changes,
 * drawn again in new colours when the theme or the system's colour scheme changes, and destroyed when
 * the element leaves the page or has nothing to draw. A drawing failure never reaches the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  Chart,
  chartConfig,
  chartOptions,
  overlayPlugin,
  POINT_STYLES,
  syncDatasets,
  type ChartColors,
  type ChartSettings,
  type LineDataset,
  type OverlayState,
  type TimelinePoint,
} from './chart.js';
import { annotationShown } from './cursor.js';
import { lines, markers } from './lines.js';
import { PlotSizeController } from './plot-size.js';
import { readChartColors, readFont, SERIES_COLORS } from './theme-colors.js';
import { timeTicks } from './ticks.js';
import type { TimelineData } from './timeline-data.js';
import type { TimelineViewModel } from './timeline-view-model.js';
import type { TimelineView } from './timeline-view.js';

/** Live resources of every timeline on the page, for leak tests: charts and media listeners. */
const live = { charts: 0, mediaListeners: 0 };

/** How many Chart.js charts and media-query listeners timelines hold right now (0 when none is connected). */
export function caseTimelineStats(): { charts: number; mediaListeners: number } {
  return { ...live };
}

/** System settings that change the chart's colours. */
const MEDIA_QUERIES = ['(prefers-color-scheme: dark)', '(forced-colors: active)', '(prefers-contrast: more)'];

/** Colours used when the theme cannot be read. */
const FALLBACK_COLORS: ChartColors = {
  text: '#1b1f24',
  muted: '#57606a',
  grid: '#e4e8ec',
  surface: '#ffffff',
  focus: '#0969da',
  series: ['#0b61a4', '#7e22ce', '#15803d', '#c2410c', '#a16207', '#475569'],
};

/** What the chart draws now, read from the element each time it draws. */
export interface ChartInput {
  model: TimelineViewModel;
  /** Whether the cursor is shown (the pointer is over the plot, or the chart has focus). */
  cursorShown: boolean;
  /** A date range being dragged across the plot (canvas x), or undefined. */
  brush: { from: number; to: number } | undefined;
}

/** Where the tooltip of a period goes: the period's x and the plot area, in canvas pixels. */
export interface ChartPlacement {
  px: number;
  area: { left: number; right: number; top: number };
  width: number;
}

type TimelineChartHost = ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode };

export class TimelineChartController implements ReactiveController {
  /**
   * The plot's size, from a ResizeObserver (Chart.js's own resizing does not see a host inside a
   * shadow root): the chart is drawn when the observer first reports the plot's size, after the
   * browser's layout and before its paint, and resized when it reports a change. Nothing here reads
   * a size while updating, so the first paint takes one layout, not a forced one and another.
   */
  private readonly plotSize: PlotSizeController;
  private chart: Chart<'line', TimelinePoint[]> | undefined;
  private colors: ChartColors | undefined;
  private overlay: OverlayState | undefined;
  private readonly plugin = overlayPlugin(() => this.overlay);
  private media: { list: MediaQueryList; listener: () => void }[] = [];
  private chartKey = '';
  private chartSize = '';
  private linesKey = '';
  /** Everything the last drawing depended on besides the view and data objects. */
  private drawKey = '';
  private lastView: TimelineView | undefined;
  private lastData: TimelineData | undefined;

  /**
   * `read` gives what to draw (undefined: nothing, the chart is destroyed); `onResize` is called
   * after the chart was drawn for a new plot size.
   */
  constructor(
    private readonly host: TimelineChartHost,
    private readonly read: () => ChartInput | undefined,
    onResize: () => void,
  ) {
    this.plotSize = new PlotSizeController(host, () => {
      this.draw();
      onResize();
    });
    host.addController(this);
  }

  hostConnected(): void {
    this.listenToMedia();
  }

  hostDisconnected(): void {
    this.destroy();
    this.stopListeningToMedia();
  }

  /** Whether a chart is drawn now. */
  get drawn(): boolean {
    return this.chart !== undefined;
  }

  /** The plot area's horizontal extent in canvas pixels, or undefined without a chart. */
  get area(): { left: number; right: number } | undefined {
    return this.chart?.chartArea;
  }

  /** x of a pointer event in the canvas, or undefined without a chart. */
  canvasX(e: { clientX: number }): number | undefined {
    const canvas = this.chart?.canvas;
    return canvas ? e.clientX - canvas.getBoundingClientRect().left : undefined;
  }

  /** The day at canvas x `px` (undefined without a chart or scale). */
  dayAt(px: number): number | undefined {
    return this.chart?.scales.x?.getValueForPixel(px);
  }

  /** Where the tooltip of the period starting on `day` goes, or undefined without a chart. */
  placement(day: number): ChartPlacement | undefined {
    const chart = this.chart;
    const x = chart?.scales.x;
    const area = chart?.chartArea;
    if (!chart || !x || !area) return undefined;
    return { px: x.getPixelForValue(day), area, width: chart.width };
  }

  /** Shows the brush's rectangle (or removes it, with undefined) without a new render. */
  showBrush(drag: { from: number; to: number } | undefined): void {
    if (this.overlay) this.overlay.brush = drag;
    this.chart?.draw();
  }

  /** The colours are read again from the theme at the next drawing. */
  forgetColors(): void {
    this.colors = undefined;
  }

  /** Draws what `read()` gives now: creates, updates, resizes or destroys the chart. Never throws. */
  draw(): void {
    try {
      this.sync();
    } catch (error) {
      // A drawing failure must never reach the page; the data stays readable in the table.
      console.error(`[safety-widgets] <${this.host.localName}> could not draw its chart:`, error);
      this.destroy();
    }
  }

  private sync(): void {
    const canvas = this.host.renderRoot.querySelector<HTMLCanvasElement>('canvas');
    const plot = canvas?.parentElement;
    const input = this.read();
    if (!canvas || !plot || !input || !this.host.isConnected) {
      this.destroy();
      this.plotSize.observe(undefined);
      return;
    }
    if (this.chart && this.chart.canvas !== canvas) this.destroy();
    // The size comes from the resize observer: a new plot is drawn when it reports, after layout.
    // Hidden (display: none somewhere above): it reports 0 × 0, and again when shown.
    this.plotSize.observe(plot);
    if (!this.plotSize.known(plot)) return;
    const { width, height } = this.plotSize.size;

    const f = input.model;
    const probe = plot.querySelector<HTMLElement>('.probe');
    if (!this.colors && probe) this.colors = readChartColors(probe);
    const colors = this.colors ?? FALLBACK_COLORS;
    const { view, data } = f;
    const plotWidth = Math.max(1, width - 60);
    const settings = this.settings(f, colors, plotWidth);

    // What the options depend on, and what the lines do: a live update that only changes counts
    // keeps the options object, so Chart.js does not resolve every option again.
    const optionsKey = [
      view.interval,
      settings.min,
      settings.max,
      f.locale,
      settings.width,
      settings.font.family,
      settings.font.size,
      JSON.stringify(colors),
    ].join('|');
    const linesKey = `${f.shown.join(',')}|${f.figures.previousDrawn.join(',')}`;
    const size = `${width}x${height}`;
    const k = f.cursor;
    const cursorDay = k >= 0 && input.cursorShown ? view.starts[k] : undefined;
    const brush = input.brush;
    // Nothing drawn would change (a re-render for words only, or a feed version that counts the same).
    const drawKey = `${optionsKey}|${linesKey}|${size}|${f.k0}|${f.k1}|${k}|${cursorDay}|${brush ? `${brush.from},${brush.to}` : ''}`;
    if (this.chart && drawKey === this.drawKey && view === this.lastView && data === this.lastData) return;

    // Overlay: category markers, annotations and the cursor.
    this.overlay = {
      markers: markers(f, colors, plotWidth),
      annotations: data.annotations.filter((an) => annotationShown(f, an.category)).map((an) => an.day),
      cursorDay: cursorDay,
      cursorPoints:
        k >= 0
          ? f.shown.map((c) => ({
              y: view.values[c]![k]!,
              color: colors.series[data.categories[c]!.slot % SERIES_COLORS]!,
              style: POINT_STYLES[data.categories[c]!.slot % POINT_STYLES.length]!,
            }))
          : [],
      brush: brush,
      colors,
    };
    this.drawKey = drawKey;
    this.lastData = data;

    if (!this.chart) {
      // Chart.js takes its size from the canvas's width and height attributes (with none it would
      // read the canvas's size from the page, a forced layout, and draw a second time at the right
      // height): the size reported is given here, so the chart is drawn once.
      canvas.width = width;
      canvas.height = height;
      this.chart = new Chart(canvas, chartConfig(settings, this.plugin, lines(f, colors)));
      live.charts += 1;
      this.chartKey = optionsKey;
      this.linesKey = linesKey;
      this.lastView = view;
      this.chartSize = `${this.chart.width}x${this.chart.height}`;
      if (this.chartSize !== size) {
        this.chartSize = size;
        this.chart.resize(width, height);
      }
      return;
    }
    const chart = this.chart;
    const optionsChanged = optionsKey !== this.chartKey;
    const linesChanged = optionsChanged || linesKey !== this.linesKey || this.lastView !== view;
    if (optionsChanged) {
      chart.options = chartOptions(settings);
      this.chartKey = optionsKey;
    }
    if (linesChanged) {
      // Hidden categories keep their datasets, with no points (see syncDatasets).
      syncDatasets(chart.data.datasets as LineDataset[], lines(f, colors));
      this.linesKey = linesKey;
      this.lastView = view;
    }
    if (size !== this.chartSize) {
      this.chartSize = size;
      chart.resize(width, height);
    }
    if (linesChanged) chart.update('none');
    else chart.draw();
  }

  /** What Chart.js needs to know of the model: locale, colours, font, x range and ticks. */
  private settings(f: TimelineViewModel, colors: ChartColors, plotWidth: number): ChartSettings {
    const first = f.view.starts[f.k0] ?? f.data.firstDay;
    const last = f.view.starts[f.k1] ?? f.data.firstDay;
    const font = readFont(this.host.renderRoot.querySelector('.probe') ?? this.host);
    // Room for a label of about 5 (zh-CN) or 6 characters at the labels' size: fewer ticks for larger text.
    const spacing = ((f.locale === 'zh-CN' ? 64 : 72) * font.size) / 12;
    const maxTicks = Math.max(2, Math.floor(plotWidth / spacing));
    return {
      locale: f.locale,
      colors: colors,
      font: font,
      min: first,
      max: last,
      ticks: timeTicks(first, last, maxTicks, f.view.interval),
      width: plotWidth,
    };
  }

  /** Destroys the chart (nothing without one). Never throws. */
  destroy(): void {
    if (!this.chart) return;
    try {
      this.chart.destroy();
    } catch {
      // Destroying must not throw into the page.
    }
    this.chart = undefined;
    live.charts -= 1;
    this.chartKey = '';
    this.linesKey = '';
    this.chartSize = '';
    this.drawKey = '';
    this.lastView = undefined;
    this.lastData = undefined;
  }

  private listenToMedia(): void {
    if (this.media.length > 0 || typeof matchMedia !== 'function') return;
    for (const query of MEDIA_QUERIES) {
      const list = matchMedia(query);
      const listener = () => {
        this.colors = undefined;
        this.host.requestUpdate();
      };
      list.addEventListener('change', listener);
      this.media.push({ list, listener });
      live.mediaListeners += 1;
    }
  }

  private stopListeningToMedia(): void {
    for (const { list, listener } of this.media) {
      list.removeEventListener('change', listener);
      live.mediaListeners -= 1;
    }
    this.media = [];
  }
}
