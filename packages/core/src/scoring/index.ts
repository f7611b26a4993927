/**
 * The scoring engine: pure functions (no DOM, no Lit) that turn a feed's areas and
 * indicators into the composite safety index. This comment is the public contract.
 *
 * ## 1. Attainment of an indicator, in [0, 1] — `attainment()`
 * From the indicator's `rule`, its `direction` (which way is better) and its `target`:
 * - `threshold`: 1 when the target is met (`value >= target` if higher is better,
 *   `value <= target` if lower is better), else 0.
 * - `linear` with `floor`: higher is better → 0 at or below the floor, 1 at or above the
 *   target, `(value − floor) / (target − floor)` between; lower is better → 0 at or above
 *   the floor, 1 at or below the target, `(floor − value) / (floor − target)` between.
 *   A floor equal to the target behaves as a threshold. A floor on the wrong side of the
 *   target (above it when higher is better, below it when lower is better) is a
 *   configuration problem: it is reported in `notes` and scored as a threshold.
 * - `bands`: the highest `attainment` among the bands whose `bound` the value reaches
 *   (`value >= bound` if higher is better, `value <= bound` if lower is better); 0 when
 *   none is reached. The order of the bands does not matter; no target is needed.
 *
 * Attainment is always clamped to [0, 1] and is never NaN: an out-of-range value (a
 * negative percentage, 140 %) is simply clamped by its rule.
 *
 * ## 2. Indicator score and status — `indicatorScore()`
 * `score = attainment × weight` (points). `status`:
 * - `no-data` when the value is null: attainment and score are null;
 * - `no-target` when the target is null: `linear` and `threshold` cannot score (null),
 *   `bands` still does;
 * - else `met` or `not-met` against the target in the indicator's direction.
 *
 * An indicator whose score is null is *unscored*: its weight is reported as missing.
 *
 * ## 3. Missing data and normalisation
 * Unscored indicators are left out of both the numerator and the denominator: missing data
 * does not count as 0 (which would punish a district for not publishing), and in effect
 * the rest of the index stands in for it. So that this is never silent, every result says
 * how much weight it rests on: `missingWeight` and `coverage` (scored weight / total
 * weight) per area and for the whole; widgets should warn when coverage is low.
 *
 * ## 4. Area subtotals — `areaScores()`
 * Per area: `score` (sum of its indicators' scores) out of `max` (sum of their weights);
 * `scoredWeight` and `missingWeight` split `max`; `attainment = score / scoredWeight` and
 * `index = attainment × 100` (the area alone on 0–100); `coverage = scoredWeight / max`;
 * `compositePoints`, the area's share of the composite (the areas' values sum to it).
 * The area's own `weight` in the feed is informational (`declaredWeight`); when it differs
 * from the sum of its indicators' weights a note says so and the indicators' weights win.
 *
 * ## 5. Composite, 0–100 — `composite()`
 * `Σ score / Σ weight of the scored indicators × 100`, so weights that do not sum to 100 are
 * normalised (weights totalling 80 with 60 points earned → 75). Null when nothing with a
 * weight above 0 could be scored (no indicators, or all values missing). Results keep full
 * precision: round only for display.
 *
 * With `scoreFeed(feed, { area: 'fire' })` only that area's indicators are scored: the
 * composite is then that area's `index` (what the gauge's `area="fire"` shows).
 *
 * ## 6. Grades — `gradeFor()`, `parseGradeBands()`
 * Named bands of the composite: by default excellent ≥ 90, good ≥ 75, fair ≥ 60,
 * poor below 60. A score earns the band with the highest minimum it reaches (90 is
 * excellent, 89.999 is good; a 1e-9 slack absorbs float noise only). Bands come from an
 * attribute such as `"excellent:90,good:75,fair:60,poor:0"`; invalid text gives
 * `bands: null` and an `error` sentence, never an exception.
 *
 * ## 7. Change against the previous period — `change()`
 * Each indicator's previous value is `previous ?? history[length − 2].value` (the last
 * history point being the current period), scored under the *current* rule and target
 * (a feed has no previous targets). The comparison is like for like: the previous
 * composite is computed over the same scored indicators and the same denominator, and an
 * indicator without a previous value is held at its current attainment, so it contributes
 * nothing (it is counted in `notCompared`). Thus a change always comes from values that
 * changed, never from indicators appearing or disappearing.
 * `delta = current − previous`; `direction` is `flat` when `|delta| < 0.05`, else `up` or
 * `down` (up is better). `contributions` splits `delta` by area in composite points,
 * `Σ (score − previous score) / scored weight × 100`, largest absolute first; they sum to
 * `delta` within float precision. The change is null when no scored indicator has a
 * previous value.
 *
 * ## 8. Robustness
 * Nothing throws on areas and indicators of the feed v1 shape. Problems in the
 * configuration (wrong-side floors, indicators of unknown areas or with duplicate ids,
 * which are left out, area weights that differ from their indicators' sum, and, in an
 * unvalidated feed, non-finite numbers or unknown rule types) become sentences in `notes`.
 * Everything is linear in the number of areas and indicators.
 *
 * @module
 */
export * from './types.js';
export { attainment, attainmentOf, ruleProblem, targetMet } from './attainment.js';
export { indicatorScore, indicatorStatus, previousValue } from './indicator.js';
export { areaScores } from './areas.js';
export { composite } from './composite.js';
export {
  DEFAULT_GRADE_BANDS,
  GRADE_TOLERANCE,
  gradeFor,
  parseGradeBands,
  type GradeBandsParseResult,
} from './grades.js';
export { FLAT_CHANGE, change, changeDirection, type ChangeOptions } from './change.js';
export { scoreFeed } from './score-feed.js';
