/**
 * What one render of the timeline shows (the view model the templates and the chart draw from): the
 * dates selected and the periods they touch, the categories with data and those shown, the cursor's
 * period and the figures. Built from the day counts (`timeline-data.ts`), their periods
 * (`timeline-view.ts`) and the element's properties. Pure; no DOM.
 */
import { localizedText, type Feed, type SupportedLocale } from '@safety-widgets/core';
import { buildFigures, type Figures, type FiguresInput } from './figures.js';
import { selectRange } from './range.js';
import type { TimelineData } from './timeline-data.js';
import type { TimelineView } from './timeline-view.js';

/** Everything one render decided, for the templates and the chart. */
export interface TimelineViewModel {
  data: TimelineData;
  view: TimelineView;
  /** Indexes (in `data.categories`) of categories with data, and of those shown. */
  withData: number[];
  shown: number[];
  /** Selected days `[a, b]` (inclusive) and the periods `[k0, k1]` they touch. */
  a: number;
  b: number;
  k0: number;
  k1: number;
  /** The cursor's period, when it is inside `[k0, k1]`, else -1. */
  cursor: number;
  locale: SupportedLocale;
  yoy: boolean;
  /** Whether a range was chosen with `start`/`end`. */
  ranged: boolean;
  /** The words above and under the chart, and which year-earlier lines are drawn (one view model). */
  figures: Figures;
}

/** What the model is built from besides the counts: the element's properties and state. */
export interface TimelineViewInput {
  data: TimelineData;
  view: TimelineView;
  /** The `start` and `end` properties (`YYYY-MM-DD`), as set. */
  start: unknown;
  end: unknown;
  /** Whether the category with this id is shown. */
  isShown: (id: string) => boolean;
  /** The cursor's period (index into the view), or -1. */
  cursor: number;
  yoy: boolean;
  smallBase: number;
  locale: SupportedLocale;
}

/** The model of one render; `figures` builds the figures (default `buildFigures`; pass a memo to reuse them). */
export function timelineViewModel(
  input: TimelineViewInput,
  figures: (input: FiguresInput) => Figures = buildFigures,
): TimelineViewModel {
  const { data, view, locale } = input;
  const { a, b, k0, k1 } = selectRange(data, view, input.start, input.end);
  const withData = data.categories.map((_, c) => c).filter((c) => data.categories[c]!.basis !== 'none');
  const shown = withData.filter((c) => input.isShown(data.categories[c]!.id));
  const cursor = input.cursor >= k0 && input.cursor <= k1 ? input.cursor : -1;
  const ranged = hasText(input.start) || hasText(input.end);
  // Written out in full: the manifest analyzer lists shorthand properties as module variables.
  return {
    data: data,
    view: view,
    withData: withData,
    shown: shown,
    a: a,
    b: b,
    k0: k0,
    k1: k1,
    cursor: cursor,
    locale: locale,
    yoy: input.yoy,
    ranged: ranged,
    figures: figures({
      data: data,
      view: view,
      shown: shown,
      a: a,
      b: b,
      k0: k0,
      k1: k1,
      ranged: ranged,
      yoy: input.yoy,
      smallBase: input.smallBase,
      locale: locale,
    }),
  };
}

/** `buildFigures` that builds again only when what the figures are built from changed. */
export function figuresMemo(): (input: FiguresInput) => Figures {
  let last: { input: FiguresInput; figures: Figures } | undefined;
  return (input) => {
    if (last && sameFiguresInput(last.input, input)) return last.figures;
    const figures = buildFigures(input);
    last = { input, figures };
    return figures;
  };
}

/** Whether two inputs of `buildFigures` are the same: the same objects and values, the same categories shown. */
export function sameFiguresInput(a: FiguresInput, b: FiguresInput): boolean {
  return (
    a.data === b.data &&
    a.view === b.view &&
    a.a === b.a &&
    a.b === b.b &&
    a.k0 === b.k0 &&
    a.k1 === b.k1 &&
    a.ranged === b.ranged &&
    a.yoy === b.yoy &&
    a.smallBase === b.smallBase &&
    a.locale === b.locale &&
    a.shown.length === b.shown.length &&
    a.shown.every((c, i) => b.shown[i] === c)
  );
}

/**
 * Whether category `id` is shown: as the reader last set it with the legend (`toggled`), else as the
 * `categories` attribute lists it (all when it lists none).
 */
export function categoryShown(
  id: string,
  toggled: ReadonlyMap<string, boolean>,
  categories: unknown,
): boolean {
  const set = toggled.get(id);
  if (set !== undefined) return set;
  const list = trimmed(categories)
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return !list || list.length === 0 || list.includes(id);
}

/** The scope asked for: a grid, a sub-district, or neither (the whole place). */
export interface ScopeAttributes {
  grid?: unknown;
  subdistrict?: unknown;
}

/** The name of what is shown: the grid, the sub-district or the place. */
export function scopeName(feed: Feed, scope: ScopeAttributes, locale: SupportedLocale): string {
  const grid = trimmed(scope.grid);
  if (grid) {
    const f = feed.grids.features.find((g) => g.id === grid);
    return f ? localizedText(f.properties.name, locale) || grid : grid;
  }
  const sd = trimmed(scope.subdistrict);
  if (sd && sd !== feed.place.id) {
    const s = feed.subdistricts.find((x) => x.id === sd);
    return s ? localizedText(s.name, locale) || sd : sd;
  }
  return localizedText(feed.place.name, locale);
}

/** The id of what is shown (the grid, else the sub-district, else the place), for file names. */
export function scopeId(feed: Feed, scope: ScopeAttributes): string {
  return trimmed(scope.grid) ?? trimmed(scope.subdistrict) ?? feed.place.id;
}

/** The title's heading level: `heading-level` rounded into 1–6; 2 when it is not a number, or 0. */
export function headingLevel(value: unknown): number {
  return Math.min(6, Math.max(1, Math.round(Number(value)) || 2));
}

/** Whether a value is a string with something other than spaces. */
export function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/** A string attribute or property, trimmed; undefined when empty or not a string. */
export function trimmed(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
