/**
 * What one render of the map draws, from its feed's map model (./map-model.ts, shared by every map
 * showing that feed version) and the element's options: the figure, its values, classes and
 * colours, the view (fit to the box, then zoomed), canvas or SVG, and, made on first use, the
 * ranking, the names in the map's language and the counts per grid. The templates and the event
 * handlers read it; nothing here touches the DOM.
 */
import type { Feed, SupportedLocale } from '@safety-widgets/core';
import type { BreaksRule } from './about-text.js';
import type { Classes } from './classes.js';
import { classesOf, colorsOf, countersOf, domainFiguresOf, figuresOf, metricDefsOf } from './feed-derived.js';
import { gridName, subdistrictName, type Words } from './grid-text.js';
import type { MapModel } from './map-model.js';
import type { Memos } from './memos.js';
import { msg } from './messages.js';
import { metricLabel, resolveMetric, type GridFigure, type MetricDef, type RateMode } from './metrics.js';
import type { GridCounter } from './privacy.js';
import { rankGrids, type RankedGrid } from './ranking.js';
import { composeView, fitView, type View } from './view.js';

/** Which renderer draws the grids. */
export type GridMapRenderer = 'auto' | 'svg' | 'canvas';

/** Everything one render of the map draws, for the templates and the event handlers. */
export interface MapViewModel {
  feed: Feed;
  model: MapModel;
  def: MetricDef | undefined;
  figures: readonly GridFigure[];
  /** The figure over the whole feed (what chooses the breaks; `figures` itself for the whole district). */
  domain: readonly GridFigure[];
  classes: Classes | undefined;
  colors: Int8Array;
  rule: BreaksRule;
  view: View;
  canvas: boolean;
  mode: RateMode;
  threshold: number;
  // Made on first use: the first picture needs none of them (the tooltip, the keyboard, the table
  // and the layer counts do).
  /** The grids in ranked order (ties and names ordered by the locale's collation). */
  readonly ranking: readonly RankedGrid[];
  /** Each grid's name (never its id) and its sub-district's, in the map's language. */
  readonly names: readonly Words[];
  readonly subdistricts: readonly Words[];
  /** Counts per grid of the feed's layers and categories. */
  readonly counters: readonly GridCounter[];
}

/** What the element gives to make its view model. */
export interface MapViewInput {
  readonly feed: Feed;
  /** The feed's map model (for the sub-district shown). */
  readonly model: MapModel;
  /** The `metric` attribute (a figure's key, or unset for the default). */
  readonly metric: string | undefined;
  readonly mode: RateMode;
  /** The privacy threshold (counts below it are hidden). */
  readonly threshold: number;
  /** The page's class bounds, when they apply; unset: chosen for the metric. */
  readonly bounds: readonly number[] | undefined;
  readonly locale: SupportedLocale;
  /** The map box's size in CSS px. */
  readonly width: number;
  readonly height: number;
  /** The reader's zoom and pan, applied over the view that fits the box. */
  readonly zoom: View;
  readonly renderer: GridMapRenderer;
  /** Grid count above which `auto` draws to a canvas. */
  readonly canvasThreshold: number | string;
  /** The view model of the last render: values that did not change keep their arrays. */
  readonly last: MapViewModel | undefined;
}

/** Whether the grids are drawn to a canvas (`auto`: past `threshold` grids, 1500 when unusable). */
export function drawsToCanvas(renderer: GridMapRenderer, grids: number, threshold: number | string): boolean {
  return renderer === 'canvas' || (renderer !== 'svg' && grids > (Number(threshold) || 1500));
}

/** The view model of one render; what is kept between renders lives in `memos`. */
export function mapViewModel(input: MapViewInput, memos: Memos): MapViewModel {
  const { feed, model, mode, threshold, last, locale, width, height } = input;
  const def = resolveMetric(metricDefsOf(feed), input.metric);
  const params = { def, mode, threshold };
  const figures = figuresOf(feed, model, params, last?.figures);
  // Breaks for the metric across the whole feed, not the sub-district's grids alone.
  const domain = model.subdistrict ? domainFiguresOf(feed, model, params, last?.domain) : figures;
  const { classes, rule } = classesOf(figures, domain, {
    key: def?.key ?? '',
    perTenK: mode === 'per-10k',
    ...(input.bounds ? { bounds: input.bounds } : {}),
  });
  const colors = colorsOf(figures, classes, last?.colors);
  const base = memos.memo('base', [model.viewBox, width, height], () =>
    fitView(model.viewBox, width, height, 12),
  );
  return {
    feed,
    model,
    def,
    figures,
    domain,
    classes,
    colors,
    rule,
    view: composeView(base, input.zoom),
    canvas: drawsToCanvas(input.renderer, model.grids.length, input.canvasThreshold),
    mode,
    threshold,
    get counters() {
      return countersOf(feed, model);
    },
    get names() {
      // A new version with the same names keeps the same array (the ranking is not made again).
      return memos.memo(
        'names',
        [model, locale],
        () => model.grids.map((g, i) => gridName(g.name, i, locale)),
        sameWords,
      );
    },
    get subdistricts() {
      return memos.memo(
        'subdistricts',
        [model, feed, locale],
        () => model.grids.map((g) => subdistrictName(feed, g.subdistrict, locale)),
        sameWords,
      );
    },
    get ranking() {
      const names = this.names;
      return memos.memo('ranking', [figures, names], () =>
        rankGrids(
          figures,
          names.map((n) => n.text),
          locale,
        ),
      );
    },
  };
}

/** True when two lists of names are the same text in the same languages. */
export function sameWords(a: readonly Words[], b: readonly Words[]): boolean {
  return a.length === b.length && a.every((w, i) => w.text === b[i]!.text && w.lang === b[i]!.lang);
}

/** The figure as the legend and the labels name it ("Criminal cases, per 10,000 residents"). */
export function metricText(vm: Pick<MapViewModel, 'def' | 'mode'>, locale: SupportedLocale): string {
  if (!vm.def) return '';
  const label = metricLabel(vm.def, locale).text;
  return vm.mode === 'per-10k' ? msg(locale, 'legendRate', { metric: label }) : label;
}

/** Whether some grid has no data, and whether some count is hidden (the legend then says so). */
export interface LegendFlags {
  readonly hasNoData: boolean;
  readonly hasSuppressed: boolean;
}

/** The legend's flags for `vm`'s figures, once per values array. */
export function legendFlags(vm: MapViewModel, memos: Memos): LegendFlags {
  return memos.memo('legend-flags', [vm.figures], () => ({
    hasNoData: vm.figures.some((f) => !f.suppressed && f.shown === null),
    hasSuppressed: vm.figures.some((f) => f.suppressed),
  }));
}
