/**
 * Grades: named bands of the 0–100 composite, configurable from a string attribute.
 */
import { isFiniteNumber } from './attainment.js';
import type { GradeBand } from './types.js';

/** Default grades: excellent ≥ 90, good ≥ 75, fair ≥ 60, poor below 60 (down to 0). Highest first. */
export const DEFAULT_GRADE_BANDS: readonly GradeBand[] = Object.freeze([
  Object.freeze({ name: 'excellent', min: 90 }),
  Object.freeze({ name: 'good', min: 75 }),
  Object.freeze({ name: 'fair', min: 60 }),
  Object.freeze({ name: 'poor', min: 0 }),
]);

/**
 * Slack when comparing a score with a band's minimum, so that float noise such as
 * 89.99999999999999 (from a sum that is 90 on paper) still earns the 90 band.
 * Far below any displayed precision: 89.999 is still below 90.
 */
export const GRADE_TOLERANCE = 1e-9;

/**
 * The grade of a 0–100 score: the name of the band with the highest `min` the score
 * reaches (`score >= min`, with `GRADE_TOLERANCE`). Band order does not matter. Null when
 * the score is null or not finite, or below every band (give the lowest band `min: 0` to
 * grade every score).
 *
 * Uses the full-precision score: 89.96 is `good` even if it is displayed as "90.0".
 *
 * @example gradeFor(90) // 'excellent'
 * @example gradeFor(89.999) // 'good'
 */
export function gradeFor(
  score: number | null | undefined,
  bands: readonly GradeBand[] = DEFAULT_GRADE_BANDS,
): string | null {
  if (!isFiniteNumber(score)) return null;
  let best: GradeBand | null = null;
  for (const band of bands) {
    if (!isFiniteNumber(band.min) || score < band.min - GRADE_TOLERANCE) continue;
    if (best === null || band.min > best.min) best = band;
  }
  return best === null ? null : best.name;
}

/** What `parseGradeBands()` returns: the bands (highest first) or why the text is not usable. */
export type GradeBandsParseResult = { bands: GradeBand[]; error: null } | { bands: null; error: string };

const MAX_INPUT_LENGTH = 1000;
const MAX_BANDS = 20;
const NAME = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Parses grade bands from an attribute such as `"excellent:90,good:75,fair:60,poor:0"`:
 * comma-separated `name:min` pairs in any order, spaces allowed around the parts, an empty
 * entry (a trailing comma) ignored. A name is letters, digits, `-` and `_` (starting with a
 * letter or digit) and is used once; a min is a plain decimal number from 0 to 100, each
 * used once. Returns the bands sorted highest first, or `bands: null` with an `error`
 * sentence for a web developer. Never throws.
 *
 * @example parseGradeBands('a:80, b:0') // { bands: [{ name: 'a', min: 80 }, { name: 'b', min: 0 }], error: null }
 * @example parseGradeBands('a:eighty') // { bands: null, error: 'grade band "a:eighty": …' }
 */
export function parseGradeBands(text: string | null | undefined): GradeBandsParseResult {
  const fail = (error: string): GradeBandsParseResult => ({ bands: null, error });
  if (typeof text !== 'string')
    return fail('expected grade bands such as "excellent:90,good:75,fair:60,poor:0"');
  if (text.length > MAX_INPUT_LENGTH)
    return fail(`grade bands may be at most ${MAX_INPUT_LENGTH} characters`);

  const bands: GradeBand[] = [];
  const names = new Set<string>();
  const mins = new Set<number>();
  for (const rawEntry of text.split(',')) {
    const entry = rawEntry.trim();
    if (entry === '') continue;
    const quoted = JSON.stringify(entry);
    const colon = entry.indexOf(':');
    if (colon < 0) return fail(`grade band ${quoted}: expected name:min, e.g. "good:75"`);
    const name = entry.slice(0, colon).trim();
    const minText = entry.slice(colon + 1).trim();
    if (!NAME.test(name)) {
      return fail(
        `grade band ${quoted}: the name must be letters, digits, "-" or "_" (starting with a letter or digit)`,
      );
    }
    if (!NUMBER.test(minText))
      return fail(`grade band ${quoted}: the minimum must be a number from 0 to 100`);
    const min = Number(minText);
    if (!(min >= 0 && min <= 100)) return fail(`grade band ${quoted}: the minimum must be from 0 to 100`);
    if (names.has(name)) return fail(`grade band ${quoted}: the name "${name}" is used twice`);
    if (mins.has(min)) return fail(`grade band ${quoted}: the minimum ${min} is used twice`);
    names.add(name);
    mins.add(min);
    bands.push({ name, min });
    if (bands.length > MAX_BANDS) return fail(`at most ${MAX_BANDS} grade bands are allowed`);
  }
  if (bands.length === 0)
    return fail('expected at least one grade band, e.g. "excellent:90,good:75,fair:60,poor:0"');
  bands.sort((a, b) => b.min - a.min);
  return { bands, error: null };
}
