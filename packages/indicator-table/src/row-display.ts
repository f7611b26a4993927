/**
 * What one row shows, as text, in a locale: every number formatted, the sparkline's path and
 * description, the status cue. Computed once per row and locale (the element caches it), so that
 * re-rendering a row (scrolling a windowed table, a resize, a live update) formats nothing again.
 */
import { STATUS_CUES, localizedTextWithLang, type SupportedLocale } from '@safety-widgets/core';
import { statusLabel } from './csv.js';
import { formatCompact, formatPoints, formatValue } from './format.js';
import { msg } from './messages.js';
import { sparklinePath } from './sparkline.js';
import type { IndicatorRow } from './view-model.js';

/** Size of the trend sparkline, px. */
export const SPARK_W = 64;
export const SPARK_H = 20;

/** The texts and shapes of one row. */
export interface RowDisplay {
  readonly name: string;
  /** Language of `name` (the other one when the display language's name is blank). */
  readonly nameLang: SupportedLocale;
  /** The note, or `''`. */
  readonly note: string;
  /** Value with its unit (`225 alerts`), or `—`. */
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
  /** The sparkline, or null with fewer than two values. */
  readonly trend: {
    readonly d: string;
    readonly last: { readonly x: number; readonly y: number } | null;
    readonly label: string;
  } | null;
}

/** The display of `row` in `locale`. */
export function rowDisplay(row: IndicatorRow, locale: SupportedLocale): RowDisplay {
  const name = localizedTextWithLang(row.name, locale);
  const score = formatPoints(row.score, locale);
  const weight = formatPoints(row.weight, locale);
  const hasTarget = row.target !== null;
  const cue = STATUS_CUES[row.status === 'no-target' ? 'no-data' : row.status];
  return {
    name: name.text,
    nameLang: name.lang,
    note: localizedTextWithLang(row.note, locale).text,
    value: formatValue(row.value, row.unit, locale),
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

function trendDisplay(row: IndicatorRow, locale: SupportedLocale): RowDisplay['trend'] {
  const spark = sparklinePath(
    row.trend.map((p) => p.value),
    SPARK_W,
    SPARK_H,
    3,
  );
  if (!spark.d) return null;
  const points = row.trend.filter((p) => p.value !== null);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return {
    d: spark.d,
    last: spark.last,
    label: msg(locale, 'trend', {
      first: formatValue(first.value, row.unit, locale),
      firstPeriod: first.period,
      last: formatValue(last.value, row.unit, locale),
      lastPeriod: last.period,
    }),
  };
}
