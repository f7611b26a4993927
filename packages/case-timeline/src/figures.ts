/**
 * The figures of the dates shown, as one view model for both the words and the drawing: the
 * headline above the chart, the sentence per category under "More figures", and which
 * year-earlier (dashed) lines the chart draws. A category's dashed line is drawn only when its
 * figures state a comparison with a year earlier, so the words and the lines cannot disagree
 * (a summary saying "no count a year earlier" beside a dashed line, or the reverse). Pure; no DOM.
 */
import type { SupportedLocale } from '@safety-widgets/core';
import { msg } from './messages.js';
import { figuresDays } from './range.js';
import {
  categoryName,
  compares,
  describeRange,
  headlineSentence,
  rangeChange,
  summarySentence,
  type CategoryChange,
} from './text.js';
import type { TimelineData } from './timeline-data.js';

export interface FiguresInput {
  data: TimelineData;
  /** Indexes (in `data.categories`) of the categories shown. */
  shown: readonly number[];
  /** Selected days `[a, b]`, inclusive. */
  a: number;
  b: number;
  /** Whether a range was chosen (else the figures are of the latest year to date). */
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
  /** The one sentence above the chart. */
  headline: string;
  /** One sentence per shown category (or why there is none). */
  sentences: string[];
  /** Per category (in `data.categories` order): whether its dashed year-earlier line is drawn. */
  previousDrawn: boolean[];
}

export function buildFigures(input: FiguresInput): Figures {
  const { data, shown, locale, smallBase } = input;
  const [sa, sb] = figuresDays(data, input.a, input.b, input.ranged);
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
  return {
    from,
    to,
    range,
    rows,
    headline: rows.length > 0 ? headlineSentence(rows, data, range, locale, smallBase) : sentences[0]!,
    sentences,
    previousDrawn,
  };
}

/** Why there are no figures: nothing selected (or no days, which the element shows as empty). */
function noFigures(locale: SupportedLocale, shown: number): string {
  return shown === 0 ? msg(locale, 'noCategories') : msg(locale, 'emptyAll');
}
