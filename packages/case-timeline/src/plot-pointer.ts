/**
 * The pointer over the plot: hovering moves the cursor to the nearest period, and a mouse or pen
 * drag (the brush, `brush.ts`) selects whole periods. Touch is left to scrolling the page. The
 * handlers are arrow functions, so a template can bind them as they are.
 */
import { BrushController } from './brush.js';
import type { TimelineChartController } from './chart-controller.js';
import { brushDays } from './range.js';
import type { TimelineViewModel } from './timeline-view-model.js';
import { periodIndexOf, type TimelineView } from './timeline-view.js';

/** Pixels outside the plot area where the pointer still counts as over it. */
const HOVER_MARGIN_PX = 8;

/** The element's side of the pointer: what is drawn, and what a hover or a drag changes. */
export interface PlotPointerHost {
  /** What the last render showed, or undefined when nothing is drawn. */
  model(): TimelineViewModel | undefined;
  /** The pointer is over period `k` (undefined: it is not over the plot). */
  hover(k: number | undefined): void;
  /** A drag selected days `[a, b]` (whole periods). */
  select(a: number, b: number): void;
}

/** The period whose start is nearest to `day` (not just the one holding it), kept inside `[k0, k1]`. */
export function nearestPeriod(
  view: Pick<TimelineView, 'starts' | 'ends'>,
  day: number,
  k0: number,
  k1: number,
): number {
  let k = periodIndexOf(view, day);
  const next = k + 1;
  if (next < view.starts.length && view.starts[next]! - day < day - view.starts[k]!) k = next;
  return Math.min(Math.max(k, k0), k1);
}

export class PlotPointer {
  /** A drag across the plot selecting dates. */
  readonly brush = new BrushController();

  constructor(
    private readonly chart: TimelineChartController,
    private readonly host: PlotPointerHost,
  ) {}

  /** A mouse or pen drag across the plot selects dates (the brush); touch is left to scrolling. */
  readonly down = (e: PointerEvent): void => {
    const chart = this.chart;
    const px = chart.canvasX(e);
    const area = chart.area;
    if (px === undefined || !area || !this.brush.down(px, area, e.button, e.pointerType)) return;
    try {
      (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    } catch {
      // Capture is a nicety (dragging outside the plot); the brush works without it.
    }
  };

  readonly up = (e: PointerEvent): void => {
    const chart = this.chart;
    const f = this.host.model();
    const area = chart.area;
    const drag = area ? this.brush.up(chart.canvasX(e), area) : (this.brush.cancel(), undefined);
    if (!chart.drawn || !f) return;
    if (!drag) {
      // A click, or a drag too short to select: no rectangle left behind.
      chart.showBrush(undefined);
      return;
    }
    const [d0, d1] = drag.map((px) => chart.dayAt(px) ?? f.data.firstDay) as [number, number];
    // Whole periods, so the figures speak of the periods the chart draws.
    this.host.select(...brushDays(d0, d1, f.view.interval, f.data));
  };

  readonly cancel = (): void => {
    this.brush.cancel();
    this.chart.showBrush(undefined);
  };

  readonly move = (e: PointerEvent): void => {
    const f = this.host.model();
    const chart = this.chart;
    const area = chart.area;
    if (!f || !area || f.view.starts.length === 0) return;
    const px = chart.canvasX(e) ?? 0;
    if (this.brush.move(px, area)) {
      this.host.hover(undefined);
      chart.showBrush(this.brush.drag);
      return;
    }
    if (px < area.left - HOVER_MARGIN_PX || px > area.right + HOVER_MARGIN_PX) {
      this.host.hover(undefined);
      return;
    }
    this.host.hover(nearestPeriod(f.view, chart.dayAt(px) ?? 0, f.k0, f.k1));
  };

  readonly leave = (): void => {
    this.host.hover(undefined);
  };
}
