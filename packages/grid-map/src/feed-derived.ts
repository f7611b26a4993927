/**
 * What the map derives from a feed, computed once per feed version and shared by every map on
 * the page that asks with the same inputs: the map model (projected outlines, spatial index), the
 * figures the feed offers, the counts per grid, each figure's values, class breaks and colours.
 *
 * Maps reading one `<safety-feed>` get the same feed object for a version, so the caches here are
 * WeakMaps keyed by that object (and by what is derived from it), with the parameters as keys
 * inside: nothing is kept once no map shows that version. A new version is compared with what the
 * map showed before, by what the map uses: outlines whose geometry did not change are not projected
 * again (the projection cache follows the line of versions), and a figure whose values did not
 * change keeps the same values array, so its classes and colours are not worked out again and the
 * map has nothing to redraw.
 */
import type { Feed } from '@safety-widgets/core';
import { breaksRule, metricClasses, type Classes } from './classes.js';
import type { BreaksRule } from './about-text.js';
import { buildMapModel, gridOfPointIn, type MapModel } from './map-model.js';
import {
  feedGridInputs,
  gridFigures,
  metricDefs,
  type GridFigure,
  type GridFigureInput,
  type MetricDef,
  type RateMode,
} from './metrics.js';
import { countPerGrid, type GridCounter } from './privacy.js';
import { ShapeCache } from './projection.js';

/**
 * How many times each derivation ran in this page (for tests: maps that share a feed share the
 * work, and a version that changed nothing a map uses costs it no derivation).
 */
export const derivationStats = {
  /** Map models built (each one per feed version and sub-district, whoever asks). */
  models: 0,
  /** Figure lists found (per feed version). */
  defs: 0,
  /** Counts per grid of layers and categories (per map model). */
  counters: 0,
  /** Figures computed for a model, metric, mode and threshold. */
  figures: 0,
  /** Class breaks worked out. */
  classes: 0,
  /** Colour arrays made. */
  colors: 0,
};

interface PerFeed {
  /** Models by sub-district filter ('' for the whole feed). */
  readonly models: Map<string, MapModel>;
  /** Whole-feed figures (the class domain of a sub-district's map) by metric, mode and threshold. */
  readonly domains: Map<string, readonly GridFigure[]>;
  /** Projected outlines, shared along the line of versions this one continues. */
  cache: ShapeCache;
  defs?: readonly MetricDef[];
}

const perFeed = new WeakMap<Feed, PerFeed>();
/** The projection cache each model was built with (a new version carries it on). */
const cacheOfModel = new WeakMap<MapModel, ShapeCache>();
const countersOfModel = new WeakMap<MapModel, readonly GridCounter[]>();
const figuresOfModel = new WeakMap<MapModel, Map<string, readonly GridFigure[]>>();

function derivedOf(feed: Feed, previous: MapModel | undefined): PerFeed {
  const carried = previous && cacheOfModel.get(previous);
  let d = perFeed.get(feed);
  if (!d) {
    d = { models: new Map(), domains: new Map(), cache: carried ?? new ShapeCache() };
    perFeed.set(feed, d);
  } else if (carried && d.models.size === 0) {
    // Asked for something else first (the figure list): the projections still follow the line.
    d.cache = carried;
  }
  return d;
}

/**
 * The map model of `feed`: its grids (those of sub-district `subdistrict` when given), projected.
 * `previous` is the model the asking map showed before: a new version of its feed reuses its
 * projected outlines (only changed geometry is projected) and, when the outlines are the same,
 * its spatial index.
 */
export function mapModelOf(feed: Feed, subdistrict: string | undefined, previous?: MapModel): MapModel {
  const filter = subdistrict?.trim() ?? '';
  const d = derivedOf(feed, previous);
  let model = d.models.get(filter);
  if (!model) {
    derivationStats.models++;
    model = buildMapModel(feed, filter || undefined, d.cache, previous);
    d.models.set(filter, model);
    cacheOfModel.set(model, d.cache);
  }
  return model;
}

/** Every figure the feed's grids offer (see `metricDefs`), once per feed version. */
export function metricDefsOf(feed: Feed): readonly MetricDef[] {
  const d = derivedOf(feed, undefined);
  if (!d.defs) {
    derivationStats.defs++;
    d.defs = metricDefs(feed);
  }
  return d.defs;
}

/** Counts per grid of every layer and category, for the grids of `model` (a model of `feed`). */
export function countersOf(feed: Feed, model: MapModel): readonly GridCounter[] {
  let counters = countersOfModel.get(model);
  if (!counters) {
    derivationStats.counters++;
    counters = countPerGrid(feed, gridOfPointIn(model));
    countersOfModel.set(model, counters);
  }
  return counters;
}

/** True when two figure lists hold the same values, grid by grid. */
export function sameFigures(a: readonly GridFigure[], b: readonly GridFigure[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (
      !Object.is(x.value, y.value) ||
      !Object.is(x.rate, y.rate) ||
      !Object.is(x.shown, y.shown) ||
      x.suppressed !== y.suppressed
    )
      return false;
  }
  return true;
}

/** What a figure's values depend on besides the grids. */
export interface FigureParams {
  readonly def: MetricDef | undefined;
  readonly mode: RateMode;
  readonly threshold: number;
}

/**
 * The figures of `grids` (all of `model`'s, or the whole feed's) from `cache`, else computed and
 * kept there; `previous` itself when it holds the same values.
 */
function figuresIn(
  cache: Map<string, readonly GridFigure[]>,
  grids: () => readonly GridFigureInput[],
  feed: Feed,
  model: MapModel,
  params: FigureParams,
  previous: readonly GridFigure[] | undefined,
): readonly GridFigure[] {
  const { def, mode, threshold } = params;
  const key = `${def?.key ?? ''}|${def?.sensitive ? 's' : ''}|${mode}|${threshold}`;
  let figures = cache.get(key);
  if (!figures) {
    derivationStats.figures++;
    // Category counts do not depend on the grids drawn: `model`'s serve the whole feed's figures too.
    const counters = def?.source === 'category' ? countersOf(feed, model) : [];
    figures = gridFigures(grids(), def, counters, mode, threshold);
    if (previous && sameFigures(figures, previous)) figures = previous;
    cache.set(key, figures);
  }
  return figures;
}

/**
 * Each grid's figure in `model` (a model of `feed`). `previous` is what the asking map showed
 * before: when the values are the same, it is returned itself, so that nothing keyed by it (classes,
 * colours, the canvas paths) is worked out again.
 */
export function figuresOf(
  feed: Feed,
  model: MapModel,
  params: FigureParams,
  previous?: readonly GridFigure[],
): readonly GridFigure[] {
  let cache = figuresOfModel.get(model);
  if (!cache) figuresOfModel.set(model, (cache = new Map()));
  return figuresIn(cache, () => model.grids, feed, model, params, previous);
}

/**
 * The figure over every grid of the feed (what chooses the breaks of a sub-district's map, so that
 * it is coloured like the district's), once per feed version.
 */
export function domainFiguresOf(
  feed: Feed,
  model: MapModel,
  params: FigureParams,
  previous?: readonly GridFigure[],
): readonly GridFigure[] {
  const cache = derivedOf(feed, undefined).domains;
  return figuresIn(cache, () => feedGridInputs(feed), feed, model, params, previous);
}

/** The classes of a figure and the rule that chose them. */
export interface MapClasses {
  readonly classes: Classes | undefined;
  readonly rule: BreaksRule;
}

const classesOfFigures = new WeakMap<
  readonly GridFigure[],
  WeakMap<readonly GridFigure[], Map<string, MapClasses>>
>();

/**
 * The classes of `figures` (the grids drawn), with breaks chosen from `domain` (the whole feed's,
 * or `figures` itself) or the page's `bounds`. Worked out once per values array and parameters.
 */
export function classesOf(
  figures: readonly GridFigure[],
  domain: readonly GridFigure[],
  options: { readonly key: string; readonly perTenK: boolean; readonly bounds?: readonly number[] },
): MapClasses {
  let byDomain = classesOfFigures.get(figures);
  if (!byDomain) classesOfFigures.set(figures, (byDomain = new WeakMap()));
  let byKey = byDomain.get(domain);
  if (!byKey) byDomain.set(domain, (byKey = new Map()));
  const key = `${options.key}|${options.perTenK}|${options.bounds?.join(',') ?? ''}`;
  let result = byKey.get(key);
  if (!result) {
    derivationStats.classes++;
    const input = {
      key: options.key,
      perTenK: options.perTenK,
      domainValues: domain.map((f) => f.shown),
      shownValues: figures.map((f) => f.shown),
      ...(options.bounds ? { bounds: options.bounds } : {}),
    };
    result = { classes: metricClasses(input), rule: breaksRule(input) };
    byKey.set(key, result);
  }
  return result;
}

/** Stands for "no classes" as a WeakMap key. */
const NO_CLASSES = {};
const colorsOfFigures = new WeakMap<readonly GridFigure[], WeakMap<object, Int8Array>>();

/** True when two colour arrays are the same, grid by grid. */
export function sameColors(a: Int8Array, b: Int8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Each grid's colour: its class's palette index, -1 for no data, -2 for a hidden count. `previous`
 * is returned itself when no grid changed colour, so the canvas neither rebuilds its paths nor
 * repaints.
 */
export function colorsOf(
  figures: readonly GridFigure[],
  classes: Classes | undefined,
  previous?: Int8Array,
): Int8Array {
  let byClasses = colorsOfFigures.get(figures);
  if (!byClasses) colorsOfFigures.set(figures, (byClasses = new WeakMap()));
  let colors = byClasses.get(classes ?? NO_CLASSES);
  if (!colors) {
    derivationStats.colors++;
    const out = new Int8Array(figures.length);
    for (let i = 0; i < figures.length; i++) {
      const f = figures[i]!;
      out[i] = f.suppressed ? -2 : classes ? classes.colorOf(f.shown) : -1;
    }
    colors = previous && sameColors(previous, out) ? previous : out;
    byClasses.set(classes ?? NO_CLASSES, colors);
  }
  return colors;
}
