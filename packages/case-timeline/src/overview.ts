/**
 * The overview of what the chart shows, for the first sentence of the headline: the total over the
 * dates shown, the period with the most cases, and the trend across the periods drawn ("From January
 * 2014 to November 2017: 74,785 cases in all, the most in July 2014 (1,950), falling overall.").
 * Missing counts are no data: a period with no count for any category shown is neither a peak nor a
 * point of the trend, and never 0. Pure; no DOM.
 */
import type { SupportedLocale } from '@safety-widgets/core';
import { msg } from './messages.js';
import { periodLabel } from './text.js';
import type { TimelineView } from './timeline-view.js';

/** A relative change across the periods below this (10%) is "level". */
export const LEVEL = 0.1;

export interface SpanOverview {
  /** Periods `[k0, k1]` with a count. */
  periods: number;
  /** The period with the most cases (of the categories shown, together), if there are two periods or more. */
  peak?: { k: number; value: number };
  /** Trend over the whole periods (not the partial first or last), if there are three or more. */
  trend?: 'up' | 'down' | 'level';
}

type View = Pick<TimelineView, 'values' | 'partial'>;

/** The count of the categories at `shown` in period `k` together: NaN when none of them has one. */
export function periodTotal(view: View, shown: readonly number[], k: number): number {
  let sum = Number.NaN;
  for (const c of shown) {
    const v = view.values[c]?.[k];
    if (v !== undefined && Number.isFinite(v)) sum = sum === sum ? sum + v : v;
  }
  return sum;
}

/**
 * The trend of `points` (period index, count): the least-squares line's rise across the periods,
 * relative to their mean. Up or down when it is at least LEVEL, else level; undefined under 3 points.
 */
export function trendOf(points: readonly (readonly [number, number])[]): SpanOverview['trend'] {
  const n = points.length;
  if (n < 3) return undefined;
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  if (!(my > 0) || sxx === 0) return 'level';
  const rise = ((sxy / sxx) * (points[n - 1]![0] - points[0]![0])) / my;
  return rise >= LEVEL ? 'up' : rise <= -LEVEL ? 'down' : 'level';
}

/** The overview of periods `[k0, k1]` for the categories at `shown`. */
export function spanOverview(view: View, shown: readonly number[], k0: number, k1: number): SpanOverview {
  let periods = 0;
  let peak: SpanOverview['peak'];
  const whole: [number, number][] = [];
  for (let k = k0; k <= k1; k++) {
    const v = periodTotal(view, shown, k);
    if (!Number.isFinite(v)) continue;
    periods += 1;
    if (!peak || v > peak.value) peak = { k, value: v };
    if (view.partial[k] !== 1) whole.push([k, v]);
  }
  return { periods, peak: periods >= 2 ? peak : undefined, trend: trendOf(whole) };
}

/**
 * The overview sentence: `{range}: {total} cases in all, the most in {period} ({n}), falling overall.`
 * Empty when there is no total to speak of.
 */
export function overviewSentence(
  o: SpanOverview,
  total: number,
  range: string,
  view: Pick<TimelineView, 'starts' | 'ends' | 'from' | 'to' | 'interval'>,
  locale: SupportedLocale,
): string {
  if (!Number.isFinite(total) || o.periods === 0 || range === '') return '';
  const zh = locale === 'zh-CN';
  const parts = [msg(locale, 'overviewTotal', { range: zh ? range : capital(range), n: total })];
  if (o.peak) {
    const k = o.peak.k;
    const period = periodLabel(view.starts[k]!, view.interval, locale, {
      from: view.from[k]!,
      to: view.to[k]!,
      end: view.ends[k]!,
    });
    parts.push(msg(locale, 'overviewPeak', { period, n: o.peak.value }));
  }
  if (o.trend) parts.push(msg(locale, `trend.${o.trend}`));
  return parts.join(zh ? '，' : ', ') + (zh ? '。' : '.');
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
