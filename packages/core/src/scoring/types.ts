/**
 * Types of the scoring engine: what it reads (a structural subset of feed v1, so a validated
 * `Feed`, a `FeedInput` or a hand-built object all fit) and what it returns.
 *
 * See ./index.ts for the scoring model these results follow.
 */
import type { Area, Indicator, ScoringRule } from '../feed/types.js';

/** Which way is better for an indicator: `higher` or `lower` values. */
export type Direction = Indicator['direction'];

/**
 * Where an indicator stands against its target:
 * - `met`: the value reaches the target (`>=` for higher-is-better, `<=` for lower-is-better);
 * - `not-met`: it does not;
 * - `no-data`: the value is null (takes precedence over `no-target`);
 * - `no-target`: there is a value but no target (a `bands` rule still scores it; the others cannot).
 */
export type IndicatorStatus = 'met' | 'not-met' | 'no-data' | 'no-target';

/** The fields of an indicator the engine reads. A feed v1 `Indicator` fits. */
export interface ScorableIndicator {
  readonly id: string;
  /** Id of the area it belongs to. */
  readonly area: string;
  /** Current value; null = no data. */
  readonly value: number | null;
  /** Target; null = none set. */
  readonly target: number | null;
  readonly direction: Direction;
  /** Points it contributes at full attainment (0–100 in feed v1). */
  readonly weight: number;
  readonly rule: ScoringRule;
  /** Value of the previous period (for the change). */
  readonly previous?: number | null | undefined;
  /** Past values, oldest first; the second-to-last is the fallback for `previous`. */
  readonly history?: readonly { readonly value: number | null }[] | undefined;
}

/** The fields of an indicator that `attainment()` needs. */
export type AttainmentInput = Pick<ScorableIndicator, 'value' | 'target' | 'direction' | 'rule'>;

/** The fields of an area the engine reads. A feed v1 `Area` fits. */
export type ScorableArea = Pick<Area, 'id' | 'weight'>;

/** What `scoreFeed()` reads: the areas and indicators of a feed (`Pick<Feed, 'areas' | 'indicators'>` fits). */
export interface ScorableFeed {
  readonly areas: readonly ScorableArea[];
  readonly indicators: readonly ScorableIndicator[];
}

/** One indicator, scored. Numbers are full precision: round only for display. */
export interface IndicatorScore {
  id: string;
  area: string;
  direction: Direction;
  /** The rule's type (`linear`, `threshold` or `bands`). */
  rule: ScoringRule['type'];
  /** Weight used (an invalid weight, negative or not finite, counts as 0 with a note). */
  weight: number;
  /** Value used; null when missing (a non-finite number counts as missing, with a note). */
  value: number | null;
  /** Target used; null when none (a non-finite number counts as none, with a note). */
  target: number | null;
  /** Share of the weight earned, in [0, 1]; null when it cannot be scored. */
  attainment: number | null;
  /** Points earned: `attainment × weight`; null when it cannot be scored. */
  score: number | null;
  status: IndicatorStatus;
  /** Previous period's value (`previous ?? history[length - 2].value`), or null. */
  previous: number | null;
  /** Attainment of `previous` under the same rule and (current) target, or null. */
  previousAttainment: number | null;
  /** Configuration problems found while scoring it (e.g. a linear floor on the wrong side of the target). */
  notes: readonly string[];
}

/** How many of an area's indicators are in each status. */
export type StatusCounts = Record<IndicatorStatus, number>;

/** One area's subtotal. Numbers are full precision: round only for display. */
export interface AreaScore {
  id: string;
  /** The area's own `weight` from the feed, for information; the engine uses its indicators' weights. */
  declaredWeight: number;
  /** Maximum points: the sum of its indicators' weights. */
  max: number;
  /** Points earned: the sum of its scored indicators' scores. */
  score: number;
  /** Sum of the weights of its indicators that could be scored. */
  scoredWeight: number;
  /** Sum of the weights of its indicators that could not be scored (no data, or no target for a rule that needs one). */
  missingWeight: number;
  /** `score / scoredWeight` in [0, 1]; null when nothing in the area could be scored. */
  attainment: number | null;
  /** The area alone on a 0–100 scale: `attainment × 100`; null when nothing could be scored. */
  index: number | null;
  /** Share of the area's weight that could be scored, `scoredWeight / max`; null when `max` is 0. */
  coverage: number | null;
  /**
   * Composite points this area contributes: `score / (scored weight of the whole result) × 100`;
   * the areas' values sum to the composite. 0 for an area with nothing scored; null when the composite is null.
   */
  compositePoints: number | null;
  /** Number of its indicators that were counted. */
  indicatorCount: number;
  counts: StatusCounts;
}

/** One area's share of the change, in composite points. */
export interface AreaContribution {
  area: string;
  delta: number;
}

/** Direction of a change; `flat` when its size is below the flat threshold (0.05 points by default). */
export type ChangeDirection = 'up' | 'down' | 'flat';

/** Change of the composite against the previous period. */
export interface ScoreChange {
  /** Composite of the previous period (same indicators, same normalisation; see the model in ./index.ts). */
  previous: number;
  /** `current − previous`, in composite points. */
  delta: number;
  direction: ChangeDirection;
  /** Each area's share of `delta`, largest absolute first; they sum to `delta` (within float precision). */
  contributions: AreaContribution[];
  /** Scored indicators that have a previous value to compare with. */
  compared: number;
  /** Scored indicators with no usable previous value: held at their current attainment, they contribute nothing. */
  notCompared: number;
}

/** A named grade and the lowest score (0–100) that earns it. */
export interface GradeBand {
  name: string;
  min: number;
}

/** Options of `scoreFeed()`. */
export interface ScoreOptions {
  /** Score only this area, on its own 0–100 scale (what the gauge's `area="fire"` shows). */
  area?: string | null | undefined;
  /** Grade bands (default `DEFAULT_GRADE_BANDS`: excellent ≥ 90, good ≥ 75, fair ≥ 60, poor below). */
  gradeBands?: readonly GradeBand[] | null | undefined;
  /** A change smaller than this in absolute size is `flat` (default 0.05 points). */
  flatBelow?: number | undefined;
}

/** The result of `scoreFeed()`. Numbers are full precision: round only for display. */
export interface FeedScore {
  /** The area scored alone (`options.area`), or null for the whole feed. */
  area: string | null;
  /** 0–100: points earned / weight of the scored indicators × 100; null when nothing could be scored. */
  composite: number | null;
  /** Grade of `composite`, or null. */
  grade: string | null;
  /** Areas in feed order (only the chosen one with `options.area`). */
  areas: AreaScore[];
  /** Counted indicators in feed order. */
  indicators: IndicatorScore[];
  /** The same indicators by id. */
  indicatorById: ReadonlyMap<string, IndicatorScore>;
  /** Change against the previous period, or null when there is nothing to compare. */
  change: ScoreChange | null;
  /** Share of the total weight that could be scored, `scoredWeight / totalWeight`; null when the total is 0. Widgets warn when it is low. */
  coverage: number | null;
  /** Sum of the counted indicators' weights. */
  totalWeight: number;
  /** Sum of the weights of the indicators that could be scored (the composite's denominator). */
  scoredWeight: number;
  /** Sum of the weights of the indicators that could not be scored. */
  missingWeight: number;
  /** Configuration problems, each a sentence naming the item (never thrown). */
  notes: string[];
}
