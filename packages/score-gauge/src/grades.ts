/**
 * Grade bands as the gauge uses them: read from the `grades` attribute (falling back to the
 * defaults with a reason when the text is unusable), the tone each grade is drawn in, and its
 * label in the reader's language.
 */
import {
  DEFAULT_GRADE_BANDS,
  parseGradeBands,
  type GradeBand,
  type SupportedLocale,
} from '@safety-widgets/core';

/** The colour family of a grade: the upper half of the bands `good`, the lowest `poor`, the rest `fair`. */
export type Tone = 'good' | 'fair' | 'poor';

/** What the `grades` attribute gave: the bands to use, and why the attribute was not used, if it was not. */
export interface ResolvedGrades {
  /** Bands to grade with, highest first (the defaults when the attribute is missing or invalid). */
  bands: readonly GradeBand[];
  /** A sentence for a web developer when the attribute was given but could not be used. */
  error: string | null;
}

/**
 * The bands for a `grades` attribute value: none (null, undefined or blank) gives the
 * defaults; valid text gives its bands; invalid text gives the defaults and `error`.
 *
 * @example resolveGrades('top:80,rest:0').bands // [{ name: 'top', min: 80 }, { name: 'rest', min: 0 }]
 * @example resolveGrades('top:eighty').error // 'grades="top:eighty": grade band "top:eighty": the minimum must be…'
 */
export function resolveGrades(attribute: string | null | undefined): ResolvedGrades {
  if (attribute === null || attribute === undefined || attribute.trim() === '') {
    return { bands: DEFAULT_GRADE_BANDS, error: null };
  }
  const parsed = parseGradeBands(attribute);
  if (parsed.bands) return { bands: parsed.bands, error: null };
  const shown = attribute.length > 80 ? `${attribute.slice(0, 77)}…` : attribute;
  return {
    bands: DEFAULT_GRADE_BANDS,
    error: `grades="${shown}": ${parsed.error}; using the default grades "excellent:90,good:75,fair:60,poor:0".`,
  };
}

/**
 * The tone of grade `name` among `bands`: the lowest band is `poor` (when there are two or more),
 * the upper half (rounded down, at least the top band) `good`, the others `fair`. With the
 * defaults: excellent and good are `good`, fair is `fair`, poor is `poor`; with three bands, one
 * of each. Null for no grade.
 */
export function gradeTone(name: string | null, bands: readonly GradeBand[]): Tone | null {
  if (name === null) return null;
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  const rank = sorted.findIndex((band) => band.name === name);
  if (rank < 0) return null;
  const n = sorted.length;
  if (n > 1 && rank === n - 1) return 'poor';
  if (rank < Math.max(1, Math.floor(n / 2))) return 'good';
  return 'fair';
}

const KNOWN_GRADES: Readonly<Record<string, { zh: string; en: string }>> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  fair: { zh: '一般', en: 'Fair' },
  poor: { zh: '较差', en: 'Poor' },
};

/**
 * A grade's label: the default grade names in the reader's language (`good` → `Good` / `良好`),
 * any other name as it was written in the attribute.
 */
export function gradeLabel(name: string, locale: SupportedLocale): string {
  const known = Object.prototype.hasOwnProperty.call(KNOWN_GRADES, name) ? KNOWN_GRADES[name] : undefined;
  if (!known) return name;
  return locale === 'zh-CN' ? known.zh : known.en;
}
