/**
 * What the gauge shows, computed from a feed: the score (composite, or one area's), its grade
 * and tone, the change and the areas behind it, each area's subtotal, and the ring's geometry.
 * Pure: no DOM, no locale (texts are made from this in ./gauge-text.ts).
 */
import {
  DEFAULT_GRADE_BANDS,
  gradeFor,
  scoreFeed,
  type AreaScore,
  type ChangeDirection,
  type GradeBand,
  type LocalizedTextLike,
  type ScorableIndicator,
} from '@safety-widgets/core';
import { ringSegments, type RingSegment } from './geometry.js';
import { gradeTone, type Tone } from './grades.js';
import { comparisonPeriod, type ComparisonPeriod, type PeriodIndicator } from './period.js';

/** What the model reads of a feed (a validated `Feed` fits). */
export interface GaugeFeed {
  readonly asOf: string;
  readonly place: {
    readonly id?: string | undefined;
    readonly name: LocalizedTextLike;
    readonly timeZone?: string | undefined;
  };
  readonly areas: readonly {
    readonly id: string;
    readonly name: LocalizedTextLike;
    readonly weight: number;
  }[];
  readonly indicators: readonly (ScorableIndicator & PeriodIndicator)[];
}

/** Options of `gaugeModel`. */
export interface GaugeModelOptions {
  /** Show this area alone (its own 0–100 index) instead of the composite. */
  area?: string | null | undefined;
  /** Grade bands (highest first); default: the core defaults. */
  bands?: readonly GradeBand[] | undefined;
}

/** Rounds for display and for `aria-valuenow`: one decimal. */
export function roundScore(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** One area of the ring (or, with `area`, the one area shown). */
export interface GaugeArea {
  id: string;
  name: LocalizedTextLike;
  /** Points earned. */
  score: number;
  /** Points possible: the sum of its indicators' weights. */
  max: number;
  /** The area alone, 0–100; null when none of its indicators could be scored. */
  index: number | null;
  grade: string | null;
  tone: Tone | null;
  /**
   * Its share of the change, in composite points; null when there is no change to split, or
   * when none of its scored indicators has an earlier figure (missing is never a change of 0).
   */
  contribution: number | null;
  /** Its scored indicators that have an earlier figure to compare with. */
  compared: number;
  /** Its scored indicators that have none (held at their current value in the change). */
  notCompared: number;
  /** Indicators counted, and how many meet their target. */
  indicatorCount: number;
  met: number;
  /** Share of its weight that could be scored. */
  coverage: number | null;
  segment: RingSegment;
}

/** The change against the previous period. */
export interface GaugeChange {
  delta: number;
  /** `delta` rounded to one decimal. */
  rounded: number;
  direction: ChangeDirection;
  previous: number;
  period: ComparisonPeriod;
  /** Scored indicators compared with an earlier figure, and those without one (left out of the change). */
  compared: number;
  notCompared: number;
  /** Areas whose share of the change shows at one decimal, largest first. */
  movers: { id: string; name: LocalizedTextLike; delta: number }[];
}

/** A grade and how many areas have it; `grade` null for areas with no data. */
export interface GradeCount {
  grade: string | null;
  tone: Tone | null;
  count: number;
}

/** Everything the gauge draws. */
export interface GaugeModel {
  /** The area shown alone, or null for the composite. */
  area: { id: string; name: LocalizedTextLike } | null;
  place: LocalizedTextLike;
  /** The place's id (for file names), when the feed gives one. */
  placeId: string | undefined;
  asOf: string;
  timeZone: string | undefined;
  /** Full precision, 0–100; null when nothing could be scored. */
  value: number | null;
  /** `value` rounded to one decimal (what is shown and what `aria-valuenow` says). */
  rounded: number | null;
  grade: string | null;
  tone: Tone | null;
  bands: readonly GradeBand[];
  change: GaugeChange | null;
  /** Share of the weight that could be scored (null when the total weight is 0). */
  coverage: number | null;
  /** The ring's areas, in feed order (empty with `area`). */
  areas: GaugeArea[];
  /** How many of the ring's areas are in each grade, highest grade first, then those with no grade (no data); only grades that occur. */
  gradeCounts: GradeCount[];
  /** With `area`: that area's subtotal. */
  subtotal: GaugeArea | null;
}

/** What `gaugeModel` returns: the model, or the valid ids when `area` names no area of the feed. */
export type GaugeModelResult =
  { ok: true; model: GaugeModel } | { ok: false; area: string; validAreas: string[] };

const EMPTY_NAME: LocalizedTextLike = { zh: '', en: '' };

/**
 * The gauge's model for `feed`. With `options.area` the score is that area's own index; an
 * area id that is not in the feed gives `ok: false` and the ids that are.
 */
export function gaugeModel(feed: GaugeFeed, options: GaugeModelOptions = {}): GaugeModelResult {
  const only = options.area ?? null;
  const names = new Map<string, LocalizedTextLike>();
  for (const area of feed.areas) if (!names.has(area.id)) names.set(area.id, area.name);
  if (only !== null && !names.has(only)) return { ok: false, area: only, validAreas: [...names.keys()] };

  const bands = options.bands;
  const score = scoreFeed(feed, { area: only, gradeBands: bands });
  const usedBands = bands ?? DEFAULT_GRADE_BANDS;
  const nameOf = (id: string) => names.get(id) ?? EMPTY_NAME;

  const contributions = new Map(score.change?.contributions.map((c) => [c.area, c.delta]) ?? []);
  const comparedIn = new Map<string, { compared: number; notCompared: number }>();
  for (const i of score.indicators) {
    if (i.score === null) continue;
    const counts = comparedIn.get(i.area) ?? { compared: 0, notCompared: 0 };
    if (i.previousAttainment === null) counts.notCompared += 1;
    else counts.compared += 1;
    comparedIn.set(i.area, counts);
  }
  const segments = ringSegments(score.areas);
  const areas = score.areas.map((a: AreaScore, i): GaugeArea => {
    const grade = gradeFor(a.index, usedBands);
    const { compared = 0, notCompared = 0 } = comparedIn.get(a.id) ?? {};
    return {
      id: a.id,
      name: nameOf(a.id),
      score: a.score,
      max: a.max,
      index: a.index,
      grade,
      tone: gradeTone(grade, usedBands),
      contribution: score.change && compared > 0 ? (contributions.get(a.id) ?? 0) : null,
      compared,
      notCompared,
      indicatorCount: a.indicatorCount,
      met: a.counts.met,
      coverage: a.coverage,
      segment: segments[i]!,
    };
  });

  let change: GaugeChange | null = null;
  if (score.change) {
    const compared = new Set(
      score.indicators.filter((i) => i.score !== null && i.previousAttainment !== null).map((i) => i.id),
    );
    change = {
      delta: score.change.delta,
      rounded: roundScore(score.change.delta),
      direction: score.change.direction,
      previous: score.change.previous,
      period: comparisonPeriod(feed.indicators, compared),
      compared: score.change.compared,
      notCompared: score.change.notCompared,
      movers: score.change.contributions
        .filter((c) => roundScore(c.delta) !== 0)
        .map((c) => ({ id: c.area, name: nameOf(c.area), delta: c.delta })),
    };
  }

  return {
    ok: true,
    model: {
      area: only === null ? null : { id: only, name: nameOf(only) },
      place: feed.place.name,
      placeId: feed.place.id,
      asOf: feed.asOf,
      timeZone: feed.place.timeZone,
      value: score.composite,
      rounded: score.composite === null ? null : roundScore(score.composite),
      grade: score.grade,
      tone: gradeTone(score.grade, usedBands),
      bands: usedBands,
      change,
      coverage: score.coverage,
      areas: only === null ? areas : [],
      gradeCounts: only === null ? gradeCounts(areas, usedBands) : [],
      subtotal: only === null ? null : (areas[0] ?? null),
    },
  };
}

/** How many areas are in each grade: highest band first, then the areas with no grade. */
export function gradeCounts(
  areas: readonly Pick<GaugeArea, 'grade' | 'tone'>[],
  bands: readonly GradeBand[],
): GradeCount[] {
  const order = [...bands].sort((a, b) => b.min - a.min).map((b) => b.name);
  const counts = new Map<string | null, GradeCount>();
  for (const area of areas) {
    const entry = counts.get(area.grade);
    if (entry) entry.count += 1;
    else counts.set(area.grade, { grade: area.grade, tone: area.tone, count: 1 });
  }
  const rank = (grade: string | null) => (grade === null ? order.length : order.indexOf(grade));
  return [...counts.values()].sort((a, b) => rank(a.grade) - rank(b.grade));
}
