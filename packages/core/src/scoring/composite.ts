/**
 * The composite 0–100 index: points earned over the weight of what could be scored.
 */
import type { IndicatorScore } from './types.js';

/**
 * `points / weight × 100`, or null when `weight` is not above 0. The one place the
 * normalisation happens, so that areas, the composite and the change agree to the last bit.
 */
export function toIndex(points: number, weight: number): number | null {
  return weight > 0 ? (points / weight) * 100 : null;
}

/** Weights and points of a set of scored indicators. */
export interface WeightTotals {
  /** Sum of all weights. */
  total: number;
  /** Sum of the weights of indicators with a score. */
  scored: number;
  /** Sum of the weights of indicators without one. */
  missing: number;
  /** Sum of the scores. */
  points: number;
}

/** Sums weights and points of indicator scores in one pass. */
export function weightTotals(indicators: readonly Pick<IndicatorScore, 'score' | 'weight'>[]): WeightTotals {
  let total = 0;
  let scored = 0;
  let missing = 0;
  let points = 0;
  for (const { score, weight } of indicators) {
    total += weight;
    if (score === null) {
      missing += weight;
    } else {
      scored += weight;
      points += score;
    }
  }
  return { total, scored, missing, points };
}

/**
 * The composite 0–100: the sum of the scores over the sum of the weights of the indicators
 * that could be scored, × 100. Weights need not sum to 100 (they are normalised), and an
 * indicator without a score is left out of both sums, so missing data does not count as 0.
 * Null when nothing with a weight above 0 could be scored. Full precision: round for display only.
 *
 * @example composite([{ score: 30, weight: 30 }, { score: 10, weight: 50 }, { score: null, weight: 20 }]) // (30 + 10) / 80 × 100 = 50
 */
export function composite(indicators: readonly Pick<IndicatorScore, 'score' | 'weight'>[]): number | null {
  const { points, scored } = weightTotals(indicators);
  return toIndex(points, scored);
}
