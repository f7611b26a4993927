/**
 * An indicator's history as the trend column shows it: every period in its place (periods the
 * feed skipped are put back as "no data"), the sparkline's geometry and the words a screen reader
 * gets, where a period without a value is "no data", never 0.
 */
import { t, type SupportedLocale } from '@safety-widgets/core';
import { formatCompact, isShortUnit, unitText } from './format.js';
import { msg } from './messages.js';
import { sparklinePath, type SparkPoint } from './sparkline.js';
import type { IndicatorRow, TrendPoint } from './table-model.js';

/** Size of the trend sparkline, px. */
export const SPARK_W = 64;
export const SPARK_H = 20;
/** Histories up to this many periods are read out period by period; longer ones are summarised. */
export const TREND_LIST_MAX = 12;
/** A history is never filled out to more periods than this (the feed's own limit is 400). */
const FILL_MAX = 400;

/** Position of a period on a scale of its own kind (year, half, quarter, month), or null. */
function periodIndex(period: string): { kind: string; index: number } | null {
  const m = /^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$/.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  const part = m[2];
  if (part === undefined) return { kind: 'Y', index: year };
  if (part[0] === 'H') return { kind: 'H', index: year * 2 + Number(part[1]) - 1 };
  if (part[0] === 'Q') return { kind: 'Q', index: year * 4 + Number(part[1]) - 1 };
  const month = Number(part);
  return month >= 1 && month <= 12 ? { kind: 'M', index: year * 12 + month - 1 } : null;
}

function periodName(kind: string, index: number): string {
  if (kind === 'Y') return String(index);
  if (kind === 'H') return `${Math.floor(index / 2)}-H${(index % 2) + 1}`;
  if (kind === 'Q') return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The history with every period of its series in place: a period the feed left out is put back
 * with no value, so the sparkline shows a gap there instead of joining its neighbours. The
 * series' step is the smallest step between its periods, so a history of first half-years
 * (2016-H1, 2017-H1) is a yearly series and stays as it is, while 2013, 2015, 2016 gets 2014
 * back as "no data". Only histories of one kind of period (years, halves, quarters or months) in
 * strictly increasing order whose steps are all multiples of the smallest are filled; anything
 * else (days, mixed kinds, out of order) is returned as it is.
 */
export function fillPeriods(points: readonly TrendPoint[]): readonly TrendPoint[] {
  if (points.length < 2) return points;
  const indexed = points.map((p) => periodIndex(p.period));
  const kind = indexed[0]?.kind;
  for (let i = 0; i < indexed.length; i++) {
    const p = indexed[i];
    if (!p || p.kind !== kind || (i > 0 && p.index <= indexed[i - 1]!.index)) return points;
  }
  let step = Infinity;
  for (let i = 1; i < indexed.length; i++) step = Math.min(step, indexed[i]!.index - indexed[i - 1]!.index);
  for (let i = 1; i < indexed.length; i++) {
    if ((indexed[i]!.index - indexed[i - 1]!.index) % step !== 0) return points;
  }
  const first = indexed[0]!.index;
  const length = (indexed[indexed.length - 1]!.index - first) / step + 1;
  if (length === points.length || length > FILL_MAX) return points;
  const out: TrendPoint[] = [];
  let next = 0;
  for (let k = 0; k < length; k++) {
    const index = first + k * step;
    if (indexed[next]!.index === index) out.push(points[next++]!);
    else out.push({ period: periodName(kind!, index), value: null });
  }
  return out;
}

/** What the trend cell draws and says. */
export interface TrendDisplay {
  /** Path of the runs of known values (`''` if none). */
  readonly d: string;
  /** Known values standing alone, drawn as dots. */
  readonly dots: readonly SparkPoint[];
  /** The newest known value, marked with a dot. */
  readonly last: SparkPoint | null;
  /** The whole history in words, a missing period as "no data". */
  readonly label: string;
  /** Every period and its value (null = no data), oldest first. */
  readonly periods: readonly TrendPoint[];
}

/**
 * The trend of `row` in `locale`, or null when no period of its history has a value (the cell
 * then says there is no trend data). One known value is a dot; missing periods are gaps.
 */
export function trendDisplay(row: IndicatorRow, locale: SupportedLocale): TrendDisplay | null {
  const periods = fillPeriods(row.trend);
  const spark = sparklinePath(
    periods.map((p) => p.value),
    SPARK_W,
    SPARK_H,
    3,
  );
  if (spark.points === 0) return null;
  return { d: spark.d, dots: spark.dots, last: spark.last, label: trendLabel(row, periods, locale), periods };
}

/**
 * The history in words: "Trend (alerts): 2016-H1: 417; 2017-H1: 225" — the unit as a label, so a
 * count noun never has to agree with a number ("1 incidents") — with "No data" for a missing
 * period. A history longer than `TREND_LIST_MAX` is summarised from its first to its last known
 * value, with how many periods have no data and whether the newest one has none.
 */
export function trendLabel(
  row: Pick<IndicatorRow, 'unit'>,
  periods: readonly TrendPoint[],
  locale: SupportedLocale,
): string {
  const unit = unitText(row.unit, locale);
  const head = unit && !isShortUnit(unit) ? msg(locale, 'trendIn', { unit }) : msg(locale, 'trendPlain');
  const value = (v: number | null) => (v === null ? t(locale, 'noData') : formatCompact(v, row.unit, locale));
  if (periods.length <= TREND_LIST_MAX) {
    const items = periods.map((p) => msg(locale, 'trendPoint', { period: p.period, value: value(p.value) }));
    return head + items.join(msg(locale, 'listSeparator'));
  }
  const knownPoints = periods.filter((p) => p.value !== null);
  const first = knownPoints[0]!;
  const last = knownPoints[knownPoints.length - 1]!;
  const parts = [
    msg(locale, 'trendSpan', {
      first: value(first.value),
      firstPeriod: first.period,
      last: value(last.value),
      lastPeriod: last.period,
    }),
  ];
  const missing = periods.length - knownPoints.length;
  if (missing > 0) parts.push(msg(locale, 'trendMissing', { n: missing }));
  const newest = periods[periods.length - 1]!;
  if (newest.value === null) {
    parts.push(msg(locale, 'trendPoint', { period: newest.period, value: t(locale, 'noData') }));
  }
  return head + parts.join(msg(locale, 'listSeparator'));
}
