/**
 * Change of the composite against the previous period, and which areas caused it.
 */
import { toIndex } from './composite.js';
import type { AreaContribution, ChangeDirection, IndicatorScore, ScoreChange } from './types.js';

/** A change smaller than this many composite points (in absolute size) is `flat`. */
export const FLAT_CHANGE = 0.05;

/** `up`, `down`, or `flat` when `|delta| < flatBelow`. */
export function changeDirection(delta: number, flatBelow: number = FLAT_CHANGE): ChangeDirection {
  if (!(Math.abs(delta) >= flatBelow)) return 'flat'; // NaN, should it ever come, is flat
  return delta > 0 ? 'up' : 'down';
}

/** Options of `change()`. */
export interface ChangeOptions {
  /** Areas to list in `contributions` even when they contribute 0, in this order before sorting. */
  areaOrder?: readonly string[] | undefined;
  /** See `FLAT_CHANGE`. */
  flatBelow?: number | undefined;
}

/**
 * Change of the composite against the previous period, like for like: the previous
 * composite is that of the same scored indicators, over the same weight, with each
 * indicator's `previousAttainment` (its previous value under the current rule and target)
 * in place of its attainment. A scored indicator without a previous attainment is held at
 * its current attainment, so it contributes nothing, and is counted in `notCompared`;
 * indicators without a current score are out of both periods (as in the composite).
 *
 * `contributions` gives each area's share of `delta` in composite points,
 * `Σ (score − previous score) / scored weight × 100` over its indicators, largest absolute
 * first (ties keep area order); they sum to `delta` within float precision.
 *
 * Null when nothing could be scored or no scored indicator has a previous value.
 */
export function change(
  indicators: readonly IndicatorScore[],
  options: ChangeOptions = {},
): ScoreChange | null {
  const byArea = new Map<string, number>();
  for (const area of options.areaOrder ?? []) byArea.set(area, 0);

  let weight = 0;
  let points = 0;
  let previousPoints = 0;
  let compared = 0;
  let notCompared = 0;
  for (const indicator of indicators) {
    const { score, attainment, previousAttainment } = indicator;
    if (score === null || attainment === null) continue;
    let previousScore = score;
    if (previousAttainment === null) {
      notCompared += 1;
    } else {
      compared += 1;
      previousScore = previousAttainment * indicator.weight;
    }
    weight += indicator.weight;
    points += score;
    previousPoints += previousScore;
    byArea.set(indicator.area, (byArea.get(indicator.area) ?? 0) + (score - previousScore));
  }

  const current = toIndex(points, weight);
  const previous = toIndex(previousPoints, weight);
  if (current === null || previous === null || compared === 0) return null;

  const contributions: AreaContribution[] = [];
  for (const [area, diff] of byArea) contributions.push({ area, delta: toIndex(diff, weight) ?? 0 });
  contributions.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta)); // stable: ties keep area order

  const delta = current - previous;
  return {
    previous,
    delta,
    direction: changeDirection(delta, options.flatBelow),
    contributions,
    compared,
    notCompared,
  };
}
