/**
 * `scoreFeed()`: everything the widgets show about a feed's safety index, in one call.
 */
import { areaScores } from './areas.js';
import { change } from './change.js';
import { toIndex, weightTotals } from './composite.js';
import { DEFAULT_GRADE_BANDS, gradeFor } from './grades.js';
import { indicatorScore } from './indicator.js';
import type { FeedScore, IndicatorScore, ScorableArea, ScorableFeed, ScoreOptions } from './types.js';

/** Area weights that differ from their indicators' sum by less than this are not reported. */
const WEIGHT_MISMATCH_TOLERANCE = 1e-9;

/**
 * Scores a feed (or, with `options.area`, one area of it on its own 0–100 scale): every
 * indicator, every area's subtotal, the composite and its grade, coverage, the change
 * against the previous period and which areas caused it. See the model in ./index.ts.
 *
 * Configuration problems never throw; each becomes a sentence in `notes`:
 * - an indicator whose area is not in `areas` is left out (of `indicators` too);
 * - an indicator or area id used twice: the first counts, the later ones are left out;
 * - an area whose own `weight` differs from the sum of its indicators' weights (the latter is used);
 * - an indicator's own problems (see `indicatorScore()`), prefixed with its id;
 * - `options.area` not in the feed (the result is then empty, composite null).
 *
 * Linear in areas + indicators: 5,000 indicators score in a few milliseconds.
 */
export function scoreFeed(feed: ScorableFeed, options: ScoreOptions = {}): FeedScore {
  const notes: string[] = [];
  const only = options.area ?? null;

  // Areas in scope, first of each id.
  const areas: ScorableArea[] = [];
  const areaIds = new Set<string>();
  for (const area of feed.areas) {
    if (areaIds.has(area.id)) {
      if (only === null || area.id === only)
        notes.push(`area "${area.id}" is listed more than once; only the first counts`);
      continue;
    }
    areaIds.add(area.id);
    if (only === null || area.id === only) areas.push(area);
  }
  if (only !== null && areas.length === 0) notes.push(`area "${only}" is not in the feed; nothing to score`);

  // Indicators in scope, first of each id, in feed order.
  const indicators: IndicatorScore[] = [];
  const indicatorById = new Map<string, IndicatorScore>();
  for (const indicator of feed.indicators) {
    if (only !== null && indicator.area !== only) continue;
    if (indicatorById.has(indicator.id)) {
      notes.push(`indicator "${indicator.id}" is listed more than once; only the first counts`);
      continue;
    }
    if (!areaIds.has(indicator.area)) {
      notes.push(
        `indicator "${indicator.id}" belongs to area "${indicator.area}", which is not in the feed; left out`,
      );
      continue;
    }
    const scored = indicatorScore(indicator);
    for (const note of scored.notes) notes.push(`indicator "${indicator.id}": ${note}`);
    indicators.push(scored);
    indicatorById.set(scored.id, scored);
  }

  const areaResults = areaScores(areas, indicators);
  for (const area of areaResults) {
    if (Math.abs(area.declaredWeight - area.max) > WEIGHT_MISMATCH_TOLERANCE) {
      notes.push(
        `area "${area.id}" declares weight ${area.declaredWeight} but its indicators' weights sum to ${area.max}; the indicators' weights are used`,
      );
    }
  }

  const totals = weightTotals(indicators);
  const composite = toIndex(totals.points, totals.scored);
  return {
    area: only,
    composite,
    grade: gradeFor(composite, options.gradeBands ?? DEFAULT_GRADE_BANDS),
    areas: areaResults,
    indicators,
    indicatorById,
    change: change(indicators, { areaOrder: areaResults.map((a) => a.id), flatBelow: options.flatBelow }),
    coverage: totals.total > 0 ? totals.scored / totals.total : null,
    totalWeight: totals.total,
    scoredWeight: totals.scored,
    missingWeight: totals.missing,
    notes,
  };
}
