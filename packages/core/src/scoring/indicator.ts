/**
 * One indicator scored: attainment × weight, its status against the target, and its
 * previous period's value and attainment (for the change).
 */
import { attainmentOf, isFiniteNumber, ruleProblem, targetMet } from './attainment.js';
import type { IndicatorScore, IndicatorStatus, ScorableIndicator } from './types.js';

const NO_NOTES: readonly string[] = Object.freeze([]);

/**
 * The previous period's value of an indicator: its `previous`, else the value of the
 * second-to-last history point (the last one being the current period), else null.
 * A value that is not a finite number counts as none.
 */
export function previousValue(indicator: Pick<ScorableIndicator, 'previous' | 'history'>): number | null {
  const { previous, history } = indicator;
  const fallback =
    Array.isArray(history) && history.length >= 2 ? history[history.length - 2]?.value : undefined;
  const chosen = previous ?? fallback;
  return isFiniteNumber(chosen) ? chosen : null;
}

/**
 * Status of a value against a target: `no-data` when the value is missing, `no-target`
 * when the target is, else `met` or `not-met` in the indicator's direction.
 */
export function indicatorStatus(
  direction: ScorableIndicator['direction'],
  value: number | null,
  target: number | null,
): IndicatorStatus {
  if (!isFiniteNumber(value)) return 'no-data';
  if (!isFiniteNumber(target)) return 'no-target';
  return targetMet(direction, value, target) ? 'met' : 'not-met';
}

/**
 * Scores one indicator: `attainment` in [0, 1], `score = attainment × weight` (points),
 * `status`, and the previous period's value and attainment. Problems (a linear floor on the
 * wrong side of the target, a non-finite number in an unvalidated feed) go to `notes`;
 * it never throws.
 */
export function indicatorScore(indicator: ScorableIndicator): IndicatorScore {
  let notes: string[] | null = null;
  const note = (text: string) => (notes ??= []).push(text);

  const value = usableNumber(indicator.value, 'value', 'no data', note);
  const target = usableNumber(indicator.target, 'target', 'no target', note);
  let weight = indicator.weight;
  if (!isFiniteNumber(weight) || weight < 0) {
    note(`the weight ${String(weight)} is not a number of 0 or more; counted as 0`);
    weight = 0;
  }
  const problem = ruleProblem(indicator);
  if (problem !== null) note(problem);

  const { rule, direction } = indicator;
  const attained = attainmentOf(rule, direction, value, target);
  const previous = previousValue(indicator);
  return {
    id: indicator.id,
    area: indicator.area,
    direction,
    rule: rule.type,
    weight,
    value,
    target,
    attainment: attained,
    score: attained === null ? null : attained * weight,
    status: indicatorStatus(direction, value, target),
    previous,
    previousAttainment: previous === null ? null : attainmentOf(rule, direction, previous, target),
    notes: notes ?? NO_NOTES,
  };
}

function usableNumber(
  x: number | null | undefined,
  field: string,
  meaning: string,
  note: (text: string) => void,
): number | null {
  if (x === null || x === undefined) return null;
  if (isFiniteNumber(x)) return x;
  note(`the ${field} ${String(x)} is not a finite number; treated as ${meaning}`);
  return null;
}
