/**
 * What the choropleth can show: the grids' own figures (`properties.metrics`, e.g. `cases`)
 * and the count of each event category's cases per grid (`category:<id>`), as counts or per
 * 10,000 residents. Sensitive categories follow the privacy rules in ./privacy.ts.
 */
import {
  localizedTextWithLang,
  type Feed,
  type LocalizedText,
  type SupportedLocale,
} from '@safety-widgets/core';
import { hasMetricLabel, msg, type MessageKey } from './messages.js';
import { isSuppressed, type GridCounter } from './privacy.js';

/** How the figure is shown: as it is, or per 10,000 residents of the grid. */
export type RateMode = 'count' | 'per-10k';

/** `per-10k` (also `per10k`, `per-10000`, `rate`) or `count`. */
export function rateMode(value: unknown): RateMode {
  return typeof value === 'string' && /^(per-?10k|per-?10,?000|rate)$/i.test(value.trim())
    ? 'per-10k'
    : 'count';
}

/** A figure the map can colour grids by. */
export interface MetricDef {
  /** What the `metric` attribute names: a grid metric key, or `category:<id>`. */
  readonly key: string;
  readonly source: 'grid' | 'category';
  /** The grid metric key or the category id. */
  readonly id: string;
  readonly sensitive: boolean;
  /** The category's name from the feed (categories only). */
  readonly name?: LocalizedText;
}

/**
 * Grid metric keys that count something the feed marks sensitive, and so follow the privacy
 * threshold like the per-grid counts of that layer or category: a sensitive layer's id or kind
 * (`cameras` for a sensitive `camera` layer with id `cameras`, or kind `camera`, plural or not)
 * or a sensitive category's id.
 */
export function sensitiveMetricKeys(feed: Feed): Set<string> {
  const keys = new Set<string>();
  for (const layer of feed.layers) {
    if (!layer.sensitive) continue;
    for (const key of [layer.id, layer.kind]) keys.add(key).add(`${key}s`);
  }
  for (const category of feed.categories) if (category.sensitive === true) keys.add(category.id);
  return keys;
}

/** Every figure the feed's grids have (grid metrics in first-seen order, then categories). */
export function metricDefs(feed: Feed): MetricDef[] {
  const keys = new Set<string>();
  // for…in over own keys: no array of keys per grid (20,000 grids).
  for (const grid of feed.grids.features) {
    const metrics = grid.properties.metrics;
    for (const key in metrics) if (Object.hasOwn(metrics, key)) keys.add(key);
  }
  const sensitive = sensitiveMetricKeys(feed);
  const defs: MetricDef[] = [...keys].map((key) => ({
    key,
    source: 'grid',
    id: key,
    sensitive: sensitive.has(key),
  }));
  for (const category of feed.categories) {
    defs.push({
      key: `category:${category.id}`,
      source: 'category',
      id: category.id,
      sensitive: category.sensitive === true,
      name: category.name,
    });
  }
  return defs;
}

/** The figure named by `requested`, else `cases`, else the first grid metric, else the first of all. */
export function resolveMetric(
  defs: readonly MetricDef[],
  requested: string | null | undefined,
): MetricDef | undefined {
  const want = (requested ?? '').trim();
  return (
    (want
      ? (defs.find((d) => d.key === want) ?? defs.find((d) => d.key === `category:${want}`))
      : undefined) ??
    defs.find((d) => d.key === 'cases') ??
    defs.find((d) => d.source === 'grid') ??
    defs[0]
  );
}

/** The figure's name in `locale` (and the language it is actually in, for `lang`). */
export function metricLabel(
  def: MetricDef,
  locale: SupportedLocale,
): { text: string; lang: SupportedLocale } {
  if (def.name) {
    const named = localizedTextWithLang(def.name, locale);
    if (named.text) return named;
  }
  if (def.source === 'grid' && hasMetricLabel(locale, def.id)) {
    return { text: msg(locale, `metric.${def.id}` as MessageKey), lang: locale };
  }
  return { text: def.id, lang: locale };
}

/** One grid's figure for the chosen metric. */
export interface GridFigure {
  /** The count or value (null: no data). For suppressed counts this is still the count: never show it. */
  readonly value: number | null;
  /** Per 10,000 residents (null without a population, or when suppressed). */
  readonly rate: number | null;
  /** A sensitive count below the threshold: show "<n", colour as suppressed, do not rank. */
  readonly suppressed: boolean;
  /** What colours and ranks the grid: `rate` or `value` per the mode; null when suppressed or missing. */
  readonly shown: number | null;
}

/** What a grid brings to the figures. */
export interface GridFigureInput {
  readonly id: string;
  readonly population?: number | null;
  readonly metrics: Readonly<Record<string, number | null>>;
}

/** Per 10,000 residents; null without a positive population. */
export function per10k(value: number | null, population: number | null | undefined): number | null {
  if (value === null || typeof population !== 'number' || !(population > 0)) return null;
  return (value / population) * 10_000;
}

/** What the feed's grids bring to the figures (all of them, whatever sub-district is shown). */
export function feedGridInputs(feed: Feed): GridFigureInput[] {
  return feed.grids.features.map((f) => ({
    id: f.id,
    population: f.properties.population ?? null,
    metrics: f.properties.metrics,
  }));
}

/**
 * The figure of each grid (same order as `grids`). Missing is never zero: a grid without the
 * metric, a rate without a population, or a category the feed has no case of has `shown: null`,
 * is drawn as "No data" and is left out of ranks and class breaks.
 */
export function gridFigures(
  grids: readonly GridFigureInput[],
  def: MetricDef | undefined,
  counters: readonly GridCounter[],
  mode: RateMode,
  threshold: number,
): GridFigure[] {
  const counter = def?.source === 'category' ? counters.find((c) => c.key === def.key) : undefined;
  return grids.map((grid) => {
    let value: number | null = null;
    if (def?.source === 'grid') {
      const v = grid.metrics[def.id];
      value = typeof v === 'number' && Number.isFinite(v) ? v : null;
    } else if (def?.source === 'category') {
      // A category the feed records no case of at all has no data here, not zero everywhere;
      // one with cases counts 0 for the grids where none was recorded.
      value = counter && counter.counts.size > 0 ? (counter.counts.get(grid.id) ?? 0) : null;
    }
    const suppressed = def?.sensitive === true && value !== null && isSuppressed(value, threshold);
    const rate = suppressed ? null : per10k(value, grid.population);
    const shown = suppressed ? null : mode === 'per-10k' ? rate : value;
    return { value, rate, suppressed, shown };
  });
}
