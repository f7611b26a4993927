/**
 * The table's model (feed → what is drawn): a feed (scored by core's `scoreFeed`) turned once into
 * flat rows and area summaries, with everything sorting and filtering need precomputed (search
 * text, sort keys), so that sorting or filtering thousands of rows is a pass over plain numbers and
 * strings.
 */
import { scoreFeed, type Feed, type IndicatorStatus, type LocalizedText } from '@safety-widgets/core';

/** An indicator's status as the table shows it (core's statuses). */
export type RowStatus = IndicatorStatus;

/** Every status, in the order the status filter lists them. */
export const ROW_STATUSES: readonly RowStatus[] = Object.freeze(['met', 'not-met', 'no-data', 'no-target']);

/** One point of an indicator's history (`value` null = no data for that period). */
export interface TrendPoint {
  readonly period: string;
  readonly value: number | null;
}

/** One indicator, ready to draw, sort and filter. */
export interface IndicatorRow {
  readonly id: string;
  /** Id of its area. */
  readonly area: string;
  /** Position of its area in the feed. */
  readonly areaIndex: number;
  /** Position of the indicator in the feed (the default order and every sort's tie-break). */
  readonly order: number;
  readonly name: LocalizedText;
  readonly unit: LocalizedText | null;
  readonly note: LocalizedText | null;
  readonly value: number | null;
  readonly target: number | null;
  readonly cityAverage: number | null;
  readonly direction: 'higher' | 'lower';
  /** Points earned (`attainment × weight`), null when it cannot be scored. */
  readonly score: number | null;
  readonly weight: number;
  /** Share of the weight earned in [0, 1], or null. */
  readonly attainment: number | null;
  readonly status: RowStatus;
  readonly provenance: 'published' | 'synthetic';
  /** The history, oldest first. */
  readonly trend: readonly TrendPoint[];
  /**
   * Relative change from the previous period, `(value − previous) / |previous|` (the absolute
   * change when the previous value is 0); null without both values. The trend column sorts by it.
   */
  readonly change: number | null;
  /** Both names, normalised for search (see `normalizeSearch`), joined by a separator no query contains. */
  readonly search: string;
}

/** One area, with its subtotal for the whole feed (not only the rows a filter shows). */
export interface AreaSummary {
  readonly id: string;
  readonly index: number;
  readonly name: LocalizedText;
  /** Points earned by its indicators. */
  readonly score: number;
  /** Points available: the sum of its indicators' weights. */
  readonly max: number;
  /** Its indicators, and how many meet their target. */
  readonly count: number;
  readonly met: number;
}

/** The whole table's data: rows in feed order and areas in feed order. */
export interface TableModel {
  readonly rows: readonly IndicatorRow[];
  readonly areas: readonly AreaSummary[];
  /** Areas by id. */
  readonly areaById: ReadonlyMap<string, AreaSummary>;
}

/**
 * Text normalised for matching: Unicode NFKC (full-width letters and digits become ASCII),
 * lower case, runs of white space as one space, trimmed.
 */
export function normalizeSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Separates the two names in `IndicatorRow.search` (a query is normalised text, so it never contains it). */
export const SEARCH_SEPARATOR = '\u0000';

function relativeChange(value: number | null, previous: number | null): number | null {
  if (value === null || previous === null) return null;
  const delta = value - previous;
  return previous === 0 ? delta : delta / Math.abs(previous);
}

/**
 * Builds the view model of a feed: scores it with `scoreFeed`, then makes one row per counted
 * indicator (indicators of unknown areas and repeated ids are left out, as the scoring does)
 * and one summary per area. Linear in the number of indicators.
 */
export function buildTableModel(feed: Pick<Feed, 'areas' | 'indicators'>): TableModel {
  const scored = scoreFeed(feed);
  const areaIndex = new Map<string, number>();
  feed.areas.forEach((a, i) => {
    if (!areaIndex.has(a.id)) areaIndex.set(a.id, i);
  });

  const rows: IndicatorRow[] = [];
  const seen = new Set<string>();
  feed.indicators.forEach((indicator, order) => {
    const s = scored.indicatorById.get(indicator.id);
    if (!s || seen.has(indicator.id)) return;
    seen.add(indicator.id);
    const history = Array.isArray(indicator.history) ? indicator.history : [];
    rows.push({
      id: indicator.id,
      area: indicator.area,
      areaIndex: areaIndex.get(indicator.area) ?? 0,
      order,
      name: indicator.name,
      unit: indicator.unit ?? null,
      note: indicator.note ?? null,
      value: s.value,
      target: s.target,
      cityAverage: typeof indicator.cityAverage === 'number' ? indicator.cityAverage : null,
      direction: indicator.direction,
      score: s.score,
      weight: s.weight,
      attainment: s.attainment,
      status: s.status,
      provenance: indicator.provenance,
      trend: history.map((p) => ({ period: p.period, value: p.value })),
      change: relativeChange(s.value, s.previous),
      search: normalizeSearch(indicator.name.zh) + SEARCH_SEPARATOR + normalizeSearch(indicator.name.en),
    });
  });

  const nameById = new Map(feed.areas.map((a) => [a.id, a.name] as const));
  const areas: AreaSummary[] = scored.areas.map((a) => ({
    id: a.id,
    index: areaIndex.get(a.id) ?? 0,
    name: nameById.get(a.id) ?? { zh: a.id, en: a.id },
    score: a.score,
    max: a.max,
    count: a.indicatorCount,
    met: a.counts.met,
  }));
  return { rows, areas, areaById: new Map(areas.map((a) => [a.id, a])) };
}
