/**
 * Attainment: how much of an indicator's weight its value earns, in [0, 1], from its rule,
 * direction and target. Pure functions; they never throw and never return NaN.
 */
import type { ScoringRule } from '../feed/types.js';
import type { AttainmentInput, Direction } from './types.js';

/** True for a number that is neither NaN nor ±Infinity. */
export function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** Clamps to [0, 1]; NaN becomes 0 so that nothing downstream is ever NaN. */
export function clamp01(x: number): number {
  if (!(x > 0)) return 0; // also catches NaN
  return x >= 1 ? 1 : x;
}

/**
 * Whether `value` reaches `target` in the indicator's direction: `value >= target` when
 * higher is better, `value <= target` when lower is better. Null when either is missing
 * (or not a finite number).
 */
export function targetMet(direction: Direction, value: number | null, target: number | null): boolean | null {
  if (!isFiniteNumber(value) || !isFiniteNumber(target)) return null;
  return direction === 'higher' ? value >= target : value <= target;
}

/**
 * Attainment in [0, 1] of an indicator's current value; null when it cannot be scored
 * (no value, or no target for a `linear` or `threshold` rule).
 *
 * - `threshold`: 1 when the target is met, else 0.
 * - `linear`: 0 at or beyond `floor`, 1 at or beyond the target, linear between. When the
 *   floor equals the target, or sits on the wrong side of it (see `ruleProblem()`), it
 *   behaves as a threshold.
 * - `bands`: the highest `attainment` among bands whose `bound` the value reaches
 *   (`value >= bound` when higher is better, `value <= bound` when lower is better), 0 when
 *   none is reached. Band order does not matter; no target is needed.
 *
 * Values outside any sensible range (a negative percentage, say) are simply clamped by
 * the rule: the result is always within [0, 1].
 *
 * @example attainment({ value: 45, target: 60, direction: 'higher', rule: { type: 'linear', floor: 30 } }) // 0.5
 */
export function attainment(indicator: AttainmentInput): number | null {
  return attainmentOf(indicator.rule, indicator.direction, indicator.value, indicator.target);
}

/**
 * Attainment of any `value` under a rule, direction and target: `attainment()` with the
 * parts passed one by one (used to score the previous period's value under the same rule).
 */
export function attainmentOf(
  rule: ScoringRule,
  direction: Direction,
  value: number | null | undefined,
  target: number | null | undefined,
): number | null {
  if (!isFiniteNumber(value)) return null;
  switch (rule.type) {
    case 'bands':
      return Array.isArray(rule.bands) ? bandsAttainment(rule.bands, direction, value) : 0;
    case 'threshold':
      return thresholdAttainment(direction, value, target);
    case 'linear': {
      if (!isFiniteNumber(target)) return null;
      const floor = rule.floor;
      if (!isFiniteNumber(floor)) return thresholdAttainment(direction, value, target);
      // Distance from floor to target, and from floor to value, both measured in the "better" direction.
      const span = direction === 'higher' ? target - floor : floor - target;
      if (!(span > 0)) return thresholdAttainment(direction, value, target); // degenerate or wrong-side floor
      const gained = direction === 'higher' ? value - floor : floor - value;
      return clamp01(gained / span);
    }
    default:
      return null; // an unknown rule type (only possible in an unvalidated feed): reported by ruleProblem()
  }
}

function thresholdAttainment(
  direction: Direction,
  value: number,
  target: number | null | undefined,
): number | null {
  if (!isFiniteNumber(target)) return null;
  return (direction === 'higher' ? value >= target : value <= target) ? 1 : 0;
}

function bandsAttainment(
  bands: readonly { readonly bound: number; readonly attainment: number }[],
  direction: Direction,
  value: number,
): number {
  let best = 0;
  for (const band of bands) {
    if (!isFiniteNumber(band.bound) || !isFiniteNumber(band.attainment)) continue;
    const reached = direction === 'higher' ? value >= band.bound : value <= band.bound;
    if (reached && band.attainment > best) best = band.attainment;
  }
  return clamp01(best);
}

/**
 * A configuration problem with an indicator's rule, as a sentence, or null when there is
 * none. Scoring still goes ahead (a misplaced linear floor is scored as a threshold); the
 * problem is reported so that a feed producer can fix it.
 */
export function ruleProblem(
  indicator: Pick<AttainmentInput, 'target' | 'direction' | 'rule'>,
): string | null {
  const { rule, direction, target } = indicator;
  switch (rule.type) {
    case 'threshold':
      return null;
    case 'linear': {
      if (!isFiniteNumber(rule.floor))
        return 'the linear floor is not a finite number; scored as a threshold';
      if (!isFiniteNumber(target)) return null; // no target: reported as status "no-target", not a rule problem
      if (direction === 'higher' && rule.floor > target) {
        return `the linear floor ${rule.floor} is above the target ${target} but higher values are better; scored as a threshold`;
      }
      if (direction === 'lower' && rule.floor < target) {
        return `the linear floor ${rule.floor} is below the target ${target} but lower values are better; scored as a threshold`;
      }
      return null;
    }
    case 'bands': {
      const bands = Array.isArray(rule.bands) ? rule.bands : [];
      if (!bands.some((b) => isFiniteNumber(b.bound) && isFiniteNumber(b.attainment))) {
        return 'the rule has no usable band; every value scores 0';
      }
      return null;
    }
    default:
      return `unknown scoring rule type ${JSON.stringify((rule as { type?: unknown }).type)}; not scored`;
  }
}
