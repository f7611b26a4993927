/**
 * The data-table twin of the chart, as a model for core's DataTableController (which sorts it,
 * downloads it as CSV and renders it): one row per period shown (the latest TABLE_MAX_ROWS of them,
 * with a note saying so), a column per shown category's count, its count a year earlier (with `yoy`)
 * and its change. A missing count is "No data", never 0, and sorts last. Pure; no DOM.
 */
import type { DataColumn, DataTableModel, SupportedLocale } from '@safety-widgets/core';
import { isoFromDay } from './dates.js';
import { msg } from './messages.js';
import { categoryName, changeShort, describeRange, periodLabel } from './text.js';
import type { TimelineData } from './timeline-data.js';
import type { TimelineView } from './timeline-view.js';
import { yearChange } from './yoy.js';

/** At most this many periods are listed in the data table (the latest ones). */
export const TABLE_MAX_ROWS = 150;

export interface TableInput {
  data: TimelineData;
  view: TimelineView;
  /** Indexes (in `data.categories`) of the categories shown. */
  shown: readonly number[];
  /** Selected days `[a, b]` and the periods `[k0, k1]` they touch. */
  a: number;
  b: number;
  k0: number;
  k1: number;
  locale: SupportedLocale;
  yoy: boolean;
  smallBase: number;
  /** Id of the place, sub-district or grid shown, for the CSV file's name. */
  place: string;
}

const count = (n: number) => (Number.isFinite(n) ? n : null);

/** The table of periods `[k0, k1]` (a row is a period index). */
export function tableModel(f: TableInput): DataTableModel<number> {
  const { view, data, locale } = f;
  const total = f.k1 - f.k0 + 1;
  const rows: number[] = [];
  for (let k = Math.max(f.k0, f.k1 - TABLE_MAX_ROWS + 1); k <= f.k1; k++) rows.push(k);
  const columns: DataColumn<number>[] = [
    {
      key: 'period',
      label: msg(locale, 'period'),
      // The period's first day: sorts in time, and is what a spreadsheet wants.
      value: (k) => isoFromDay(view.starts[k]!),
      text: (k) =>
        periodLabel(view.starts[k]!, view.interval, locale, {
          from: view.from[k]!,
          to: view.to[k]!,
          end: view.ends[k]!,
        }),
    },
  ];
  for (const c of f.shown) {
    const cat = data.categories[c]!;
    const name = categoryName(cat, locale);
    const values = view.values[c]!;
    const previous = view.previous[c]!;
    const change = (k: number) => yearChange(values[k]!, previous[k]!, f.smallBase);
    columns.push({ key: cat.id, label: name, numeric: true, value: (k) => count(values[k]!) });
    if (f.yoy) {
      columns.push({
        key: `${cat.id}:previous`,
        label: msg(locale, 'yearEarlierLabel', { name }),
        numeric: true,
        value: (k) => count(previous[k]!),
      });
    }
    columns.push({
      key: `${cat.id}:change`,
      label: msg(locale, 'change', { name }),
      numeric: true,
      // Sorts (and downloads) by the percentage; a small-base difference or no comparison has none.
      value: (k) => {
        const ch = change(k);
        return ch.kind === 'percent' ? Math.round(ch.ratio * 1000) / 1000 : null;
      },
      text: (k) => changeShort(change(k), locale),
    });
  }
  return {
    caption: msg(locale, 'chartName', {
      interval: msg(locale, `unit.${view.interval}`),
      range: describeRange(f.a, f.b + 1, locale),
    }),
    columns,
    rows,
    locale,
    fileName: ['case-counts', f.place, view.interval, isoFromDay(f.a), isoFromDay(f.b)],
    note: rows.length < total ? msg(locale, 'tableLimited', { shown: rows.length, total }) : undefined,
  };
}
