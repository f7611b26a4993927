/**
 * Area subtotals: each area's points out of its indicators' weights, in one pass.
 */
import { toIndex } from './composite.js';
import type { AreaScore, IndicatorScore, ScorableArea, StatusCounts } from './types.js';

interface Accumulator {
  id: string;
  declaredWeight: number;
  max: number;
  score: number;
  scoredWeight: number;
  missingWeight: number;
  indicatorCount: number;
  counts: StatusCounts;
}

/**
 * Subtotals of the given areas, in their order: `score` (points) out of `max` (the sum of
 * the area's indicators' weights), `attainment` and `index` over the weight that could be
 * scored, `missingWeight` and `coverage` for what could not, and `compositePoints`, the
 * area's share of the composite of all the given indicators (so they sum to it).
 *
 * Indicators of an area not in `areas` are ignored; an area listed twice counts once (the first).
 * Linear in areas + indicators.
 */
export function areaScores(
  areas: readonly ScorableArea[],
  indicators: readonly Pick<IndicatorScore, 'area' | 'weight' | 'score' | 'status'>[],
): AreaScore[] {
  const byId = new Map<string, Accumulator>();
  for (const area of areas) {
    if (byId.has(area.id)) continue;
    byId.set(area.id, {
      id: area.id,
      declaredWeight: area.weight,
      max: 0,
      score: 0,
      scoredWeight: 0,
      missingWeight: 0,
      indicatorCount: 0,
      counts: { met: 0, 'not-met': 0, 'no-data': 0, 'no-target': 0 },
    });
  }

  let totalScoredWeight = 0;
  for (const indicator of indicators) {
    const acc = byId.get(indicator.area);
    if (acc === undefined) continue;
    acc.indicatorCount += 1;
    acc.counts[indicator.status] += 1;
    acc.max += indicator.weight;
    if (indicator.score === null) {
      acc.missingWeight += indicator.weight;
    } else {
      acc.score += indicator.score;
      acc.scoredWeight += indicator.weight;
      totalScoredWeight += indicator.weight;
    }
  }

  const result: AreaScore[] = [];
  for (const acc of byId.values()) {
    const index = toIndex(acc.score, acc.scoredWeight);
    result.push({
      ...acc,
      attainment: index === null ? null : acc.score / acc.scoredWeight,
      index,
      coverage: acc.max > 0 ? acc.scoredWeight / acc.max : null,
      compositePoints: toIndex(acc.score, totalScoredWeight),
    });
  }
  return result;
}
