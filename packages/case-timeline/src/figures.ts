/**
 * The figures of the dates shown, as one view model for both the words and the drawing: the
 * headline above the chart (an overview of the whole span shown — total, peak, trend — then the
 * comparison with a year earlier: of the range chosen, else of the latest period), the sentence per category under "More figures", and which
 * year-earlier (dashed) lines the chart draws. A category's dashed line is drawn only when its
 * figures state a comparison with a year earlier, so the words and the lines cannot disagree
 * (a summary saying "no count a year earlier" beside a dashed line, or the reverse). Pure; no DOM.
 */
import type { SupportedLocale } from '@safety-widgets/core';
import { msg } from './messages.js';
import { overviewSentence, spanOverview } from './overview.js';
import {
  categoryName,
  compares,
  describeRange,
  headlineSentence,
  rangeChange,
  summarySentence,
  type CategoryChange,
} from './text.js';
import { windowSum, type TimelineData } from './timeline-data.js';
import type { TimelineView } from './timeline-view.js';

export interface FiguresInput {
  data: TimelineData;
  /** Indexes (in `data.categories`) of the categories shown. */
  shown: readonly number[];
  /** The periods drawn. */
  view: Pick<TimelineView, 'starts' | 'ends' | 'from' | 'to' | 'partial' | 'values' | 'interval'>;
  /** Selected days `[a, b]`, inclusive, and the periods `[k0, k1]` they touch. */
  a: number;
  b: number;
  k0: number;
  k1: number;
  /** Whether a range was chosen (else the comparison is of the latest period). */
  ranged: boolean;
  /** Whether year-earlier lines are asked for. */
  yoy: boolean;
  smallBase?: number;
  locale: SupportedLocale;
}

export interface Figures {
  /** Days `[from, to)` the figures speak of, and those days in words (`from January to November 2017`). */
  from: number;
  to: number;
  range: string;
  /** Each shown category's total and change on a year earlier. */
  rows: CategoryChange[];
  /** The first sentence above the chart: the whole span shown (total, peak, trend); empty without data. */
  overview: string;
  /** The sentence after it: the comparison with a year earlier. */
  headline: string;
  /** One sentence per shown category (or why there is none). */
  sentences: string[];
  /** Per category (in `data.categories` order): whether its dashed year-earlier line is drawn. */
  previousDrawn: boolean[];
}

export function buildFigures(input: FiguresInput): Figures {
  const { data, shown, locale, smallBase, view, k1 } = input;
  // The range chosen; without one, the latest period (its days with data), which has a year earlier to
  // compare with, where a total over all the years would not.
  const [sa, sb] = input.ranged ? [input.a, input.b + 1] : [view.from[k1] ?? 0, view.to[k1] ?? 0];
  const from = Math.max(sa, data.firstDay);
  const to = Math.min(sb, data.endDay);
  const range = from < to ? describeRange(from, to, locale) : '';
  const rows: CategoryChange[] =
    from < to ? shown.map((c) => ({ c, change: rangeChange(data, c, from, to, smallBase) })) : [];
  const sentences =
    rows.length > 0
      ? rows.map(({ c, change }) =>
          summarySentence(categoryName(data.categories[c]!, locale), change, range, locale),
        )
      : [noFigures(locale, shown.length)];
  const previousDrawn = data.categories.map(() => false);
  if (input.yoy) for (const r of rows) previousDrawn[r.c] = compares(r.change);
  let total = Number.NaN;
  for (const c of shown) {
    const v = windowSum(data, c, input.a, input.b + 1);
    if (Number.isFinite(v)) total = total === total ? total + v : v;
  }
  const span = input.a <= input.b ? describeRange(input.a, input.b + 1, locale) : '';
  return {
    from,
    to,
    range,
    rows,
    overview: overviewSentence(spanOverview(view, shown, input.k0, k1), total, span, view, locale),
    headline: rows.length > 0 ? headlineSentence(rows, data, range, locale, smallBase) : sentences[0]!,
    sentences,
    previousDrawn,
  };
}

/** Why there are no figures: nothing selected (or no days, which the element shows as empty). */
function noFigures(locale: SupportedLocale, shown: number): string {
  return shown === 0 ? msg(locale, 'noCategories') : msg(locale, 'emptyAll');
}

/**
 * The headline above the chart, its two sentences as one text: the span shown (total, peak, trend)
 * and the comparison with a year earlier. It is also the timeline's `summary`.
 */
export function headlineText(m: {
  readonly figures: Pick<Figures, 'overview' | 'headline'>;
  readonly locale: SupportedLocale;
}): string {
  return [m.figures.overview, m.figures.headline].filter(Boolean).join(m.locale === 'zh-CN' ? '' : ' ');
}
