/**
 * What one row shows, as text, in a locale: every number formatted, the unit as a label, the
 * trend's geometry and description, the status cue. Computed once per row and locale (the element
 * caches it), so that re-rendering a row (scrolling a windowed table, a resize, a live update)
 * formats nothing again.
 */
import { STATUS_CUES, localizedTextWithLang, type SupportedLocale } from '@safety-widgets/core';
import { statusLabel } from './csv.js';
import { formatCompact, formatPoints, unitLabel } from './format.js';
import { msg } from './messages.js';
import { trendDisplay, type TrendDisplay } from './trend.js';
import type { IndicatorRow } from './table-model.js';

export { SPARK_H, SPARK_W } from './trend.js';

/** The texts and shapes of one row. */
export interface RowDisplay {
  readonly name: string;
  /** Language of `name` (the other one when the display language's name is blank). */
  readonly nameLang: SupportedLocale;
  /** The note, or `''`. */
  readonly note: string;
  /** Language of `note`. */
  readonly noteLang: SupportedLocale;
  /**
   * The unit as a label (`Unit: alerts`), shown under the name; `''` for short units such as `%`
   * (written after every number instead) or no unit.
   */
  readonly unit: string;
  /** The value (`225`, `98%`), or `—`. */
  readonly value: string;
  /** True for a synthetic value (marked "synthetic"). */
  readonly synthetic: boolean;
  /** `≥` or `≤` by the indicator's direction; `''` without a target. */
  readonly targetSign: string;
  /** The sign in words for screen readers ("at least"); `''` without a target. */
  readonly targetWords: string;
  readonly target: string;
  readonly cityAverage: string;
  readonly score: string;
  readonly weight: string;
  /** "2.1 of 2.5", for screen readers. */
  readonly scoreWords: string;
  /** Attainment in whole percent for the score bar, or null. */
  readonly bar: number | null;
  readonly statusIcon: string;
  readonly statusLabel: string;
  /** The trend, or null when no period of the history has a value. */
  readonly trend: TrendDisplay | null;
}

/** The display of `row` in `locale`. */
export function rowDisplay(row: IndicatorRow, locale: SupportedLocale): RowDisplay {
  const name = localizedTextWithLang(row.name, locale);
  const note = localizedTextWithLang(row.note, locale);
  const score = formatPoints(row.score, locale);
  const weight = formatPoints(row.weight, locale);
  const hasTarget = row.target !== null;
  const cue = STATUS_CUES[row.status === 'no-target' ? 'no-data' : row.status];
  return {
    name: name.text,
    nameLang: name.lang,
    note: note.text,
    noteLang: note.lang,
    unit: unitLabel(row.unit, locale),
    value: formatCompact(row.value, row.unit, locale),
    synthetic: row.provenance === 'synthetic' && row.value !== null,
    targetSign: hasTarget ? (row.direction === 'higher' ? '≥' : '≤') : '',
    targetWords: hasTarget ? msg(locale, row.direction === 'higher' ? 'targetAtLeast' : 'targetAtMost') : '',
    target: formatCompact(row.target, row.unit, locale),
    cityAverage: formatCompact(row.cityAverage, row.unit, locale),
    score,
    weight,
    scoreWords: msg(locale, 'scoreOf', { score, max: weight }),
    bar: row.attainment === null ? null : Math.round(row.attainment * 100),
    statusIcon: cue.icon,
    statusLabel: statusLabel(row.status, locale),
    trend: trendDisplay(row, locale),
  };
}
