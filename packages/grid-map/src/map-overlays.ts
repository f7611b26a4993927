/**
 * What the map writes over its grids, in screen space: the names of the neighbouring districts
 * (context), the counts per grid of the sensitive layers switched on (pills, never points), and the
 * point marks with the counts of merged marks. The layout is worked out by pure functions here
 * (tested without a browser); the templates draw what they return.
 */
import { formatNumber, localizedTextWithLang, type SupportedLocale } from '@safety-widgets/core';
import { nothing, svg, type SVGTemplateResult } from 'lit';
import type { MapModel, Outline } from './map-model.js';
import type { Memos } from './memos.js';
import { markLayer, shapeFor, type MarkLayer } from './mark-groups.js';
import { framePoints, pointMarks, visibleLayerIds, type FramePoint } from './points.js';
import { formatCount, type GridCounter } from './privacy.js';
import { gridOfPointIn } from './map-model.js';
import type { MapViewModel } from './map-view-model.js';
import { toScreen, type View } from './view.js';

/** Sensitive per-grid count labels are drawn on the map only up to this many grids. */
export const MAX_COUNT_LABELS = 300;

/**
 * The size of the map's own text (counts, neighbours' names) in CSS px from the measured size of
 * its small print (12 px by default): it follows the reader's default font size, never below 12.
 */
export function labelFontSize(measured: number): number {
  return measured >= 12 ? measured : 12;
}

/** A neighbouring district's name, placed. */
export interface ContextLabel {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly lang: SupportedLocale;
}

/**
 * Where to write each neighbour's name (undefined for one with no room): in the part of it that is
 * in the `width` × `height` view, near its label point, when the name fits there; `em` is the text
 * size over 12 px.
 */
export function contextLabels(
  neighbours: readonly Outline[],
  view: View,
  width: number,
  height: number,
  em: number,
  locale: SupportedLocale,
): (ContextLabel | undefined)[] {
  return neighbours.map((n) => {
    const shape = n.cached.shape;
    if (!shape) return undefined;
    // Label the part of the neighbour that is in view: the middle of its box, clamped to the view.
    const [bx0, by0] = toScreen(view, shape.bbox[0], shape.bbox[1]);
    const [bx1, by1] = toScreen(view, shape.bbox[2], shape.bbox[3]);
    const x0 = Math.max(bx0, 0);
    const x1 = Math.min(bx1, width);
    const y0 = Math.max(by0, 0);
    const y1 = Math.min(by1, height);
    const name = localizedTextWithLang(n.name, locale);
    // About as wide as the text (CJK characters are twice as wide as Latin ones).
    const half = (em * [...name.text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 12 : 6.5), 0) + 8) / 2;
    if (x1 - x0 < 2 * half || y1 - y0 < 16 * em) return undefined;
    const [lx, ly] = toScreen(view, shape.label[0], shape.label[1]);
    const y = Math.min(Math.max(ly, y0 + 14 * em), y1 - 8 * em);
    const x = Math.min(Math.max(lx, x0 + half), x1 - half);
    if (x - half < x0 - 1) return undefined;
    return { x, y, text: name.text, lang: name.lang };
  });
}

export function renderContextLabels(labels: readonly (ContextLabel | undefined)[]): unknown {
  return labels.map((l) =>
    l ? svg`<text class="context-label" x=${l.x} y=${l.y} lang=${l.lang}>${l.text}</text>` : nothing,
  );
}

/** One grid's count of one sensitive layer: a pill centred at (x, y), `w` × `h`. */
export interface CountPill {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly text: string;
}

/**
 * The count pills of the sensitive layers switched on, a row per layer under each grid's label
 * point (counts below `threshold` written "<n"); none past MAX_COUNT_LABELS grids or when no
 * sensitive layer is shown. `em` is the text size over 12 px.
 */
export function countPills(
  vm: Pick<MapViewModel, 'feed' | 'counters' | 'view' | 'threshold'> & { model: Pick<MapModel, 'grids'> },
  layers: string | undefined,
  em: number,
  locale: SupportedLocale,
): CountPill[][] {
  const shown = visibleLayerIds(vm.feed, layers);
  // No sensitive layer shown: nothing to count (the counts are made on first use).
  if (!vm.feed.layers.some((l) => l.sensitive && shown.has(l.id))) return [];
  const sensitive = vm.counters.filter((c) => c.kind === 'layer' && c.sensitive && shown.has(c.id));
  if (sensitive.length === 0 || vm.model.grids.length > MAX_COUNT_LABELS) return [];
  return sensitive.map((counter: GridCounter, row) =>
    vm.model.grids.map((g) => {
      const [x, y] = toScreen(vm.view, g.shape.label[0], g.shape.label[1]);
      const text = formatCount(counter.counts.get(g.id) ?? 0, locale, true, vm.threshold);
      return { x, y: y + (row * 18 + 12) * em, w: em * (8 + text.length * 7), h: 16 * em, text };
    }),
  );
}

/** The pills, sized with the text (`em`: its size over 12 px), so they grow with the reader's text. */
export function renderCounts(rows: readonly (readonly CountPill[])[], em: number): unknown {
  if (rows.length === 0) return nothing;
  return svg`<g class="counts">${rows.map((row) =>
    row.map(
      ({ x, y, w, h, text }) => svg`<g class="count" transform="translate(${x} ${y})"
          ><path d=${shapeFor('camera', undefined)} transform="translate(${-w / 2 - 13 * em} ${-6 * em}) scale(${0.75 * em})" class="count-glyph"></path
          ><rect x=${-w / 2} y=${-h / 2} width=${w} height=${h} rx=${h / 2}></rect><text>${text}</text></g>`,
    ),
  )}</g>`;
}

/** The point marks of the shown layers, and what the legend says about them. */
export interface PointMarks {
  /** Undefined when no point is shown. */
  readonly layer: MarkLayer | undefined;
  /** Some points were merged into counted marks (the legend then explains them). */
  readonly merged: boolean;
  /** Merged marks whose count found no free place. */
  readonly unlabelled: number;
}

/** No marks. */
export const NO_MARKS: PointMarks = { layer: undefined, merged: false, unlabelled: 0 };

/**
 * The marks of the layers `layers` shows in a `width` × `height` view, kept in `memos` (slots
 * `points`, `marks` and `mark-layer`): written once per set of marks, not on every render (a hover
 * renders too). `fontSize` is the counts' size in CSS px.
 */
export function pointMarksOf(
  vm: MapViewModel,
  layers: string | undefined,
  width: number,
  height: number,
  locale: SupportedLocale,
  fontSize: number,
  memos: Memos,
): PointMarks {
  const points = memos.memo('points', [vm.feed, vm.model, layers], (): FramePoint[] => {
    const shown = visibleLayerIds(vm.feed, layers);
    const gridOf = gridOfPointIn(vm.model);
    const keep = vm.model.subdistrict
      ? (p: Parameters<typeof gridOf>[0]) => gridOf(p) !== undefined
      : () => true;
    return framePoints(vm.feed, vm.model.frame, shown, keep);
  });
  if (points.length === 0) return NO_MARKS;
  const { view } = vm;
  const marks = memos.memo('marks', [points, view.k, view.x, view.y, width, height], () =>
    pointMarks(points, (x, y) => toScreen(view, x, y), width, height),
  );
  const layer = memos.memo('mark-layer', [marks, locale, fontSize], () =>
    markLayer(marks, width, height, (n) => formatNumber(n, locale), fontSize),
  );
  return { layer, merged: marks.some((m) => m.points > 1), unlabelled: layer.unlabelled };
}

/**
 * The marks: a surface-coloured halo under every mark, so that no mark (a blue one on a purple
 * grid) is lost on the colour under it; the counts go where they cover no mark and no count.
 */
export function renderMarks(layer: MarkLayer | undefined): SVGTemplateResult | typeof nothing {
  if (!layer) return nothing;
  return svg`<g class="marks">${layer.groups.map(
    (g) => svg`<g class="mark ${g.kind} ${g.level ?? ''}" data-marks=${g.marks}
        ><path class="halo" d=${g.d}></path><path d=${g.d}></path></g>`,
  )}<g class="mark-counts">${layer.labels.map((l) => svg`<text x=${l.x} y=${l.y}>${l.text}</text>`)}</g></g>`;
}
