/**
 * What the keyboard or pointer cursor is on: the period's label, each shown category's count and
 * change on a year earlier, and the events marked in it — the tooltip's content and the sentence the
 * live region says ("March 2017. Fraud alerts 40, −13% on a year earlier. Marked: …"). Pure; no DOM.
 */
import { localizedText, type SupportedLocale } from '@safety-widgets/core';
import { msg } from './messages.js';
import { categoryName, changeShort, periodLabel } from './text.js';
import type { TimelineAnnotation, TimelineCategory, TimelineData } from './timeline-data.js';
import type { TimelineView } from './timeline-view.js';
import { yearChange, type YearChange } from './yoy.js';

/** What the cursor's words depend on (a part of the view model, timeline-view-model.ts). */
export interface CursorInput {
  data: TimelineData;
  view: TimelineView;
  /** Indexes of the categories with data, and of those shown. */
  withData: readonly number[];
  shown: readonly number[];
  locale: SupportedLocale;
}

export interface CursorInfo {
  label: string;
  rows: { cat: TimelineCategory; name: string; value: number; previous: number; change: YearChange }[];
  marked: TimelineAnnotation[];
}

/** Whether an annotation is shown: its category is shown, or has no data here, or is unknown. */
export function annotationShown(
  f: Pick<CursorInput, 'data' | 'withData' | 'shown'>,
  category: string,
): boolean {
  const c = f.data.categories.findIndex((x) => x.id === category);
  return c < 0 || !f.withData.includes(c) || f.shown.includes(c);
}

export function cursorInfo(f: CursorInput, k: number, smallBase: number): CursorInfo {
  const { view, data, locale } = f;
  const label = periodLabel(view.starts[k]!, view.interval, locale, {
    from: view.from[k]!,
    to: view.to[k]!,
    end: view.ends[k]!,
  });
  const rows = f.shown.map((c) => {
    const cat = data.categories[c]!;
    const value = view.values[c]![k]!;
    const previous = view.previous[c]![k]!;
    return {
      cat,
      name: categoryName(cat, locale),
      value,
      previous,
      change: yearChange(value, previous, smallBase),
    };
  });
  const marked = data.annotations.filter(
    (an) => an.day >= view.starts[k]! && an.day < view.ends[k]! && annotationShown(f, an.category),
  );
  return { label, rows, marked };
}

/** One line for screen readers: `March 2017. Fraud alerts 40, −13% on a year earlier. Marked: …` */
export function describeCursor(info: CursorInfo, locale: SupportedLocale): string {
  const parts = [info.label];
  for (const r of info.rows) {
    if (!Number.isFinite(r.value)) parts.push(msg(locale, 'cursorNoData', { name: r.name }));
    else if (r.change.kind === 'percent' || r.change.kind === 'small-base') {
      parts.push(
        msg(locale, 'cursorValueChange', { name: r.name, n: r.value, change: changeShort(r.change, locale) }),
      );
    } else parts.push(msg(locale, 'cursorValue', { name: r.name, n: r.value }));
  }
  if (info.marked.length > 0) {
    parts.push(
      msg(locale, 'cursorMarked', {
        titles: info.marked.map((an) => localizedText(an.title, locale) || an.id).join('; '),
      }),
    );
  }
  const stop = locale === 'zh-CN' ? '。' : '.';
  return parts.join(locale === 'zh-CN' ? '。' : '. ') + stop;
}
