/**
 * What a table keeps from one render to the next, made again only when what it depends on
 * changed: the feed's table model (and the names' collation ranks per language), the filtered and
 * sorted view for the current attributes, and each row's texts per language. Plain objects, no DOM.
 */
import type { Feed, SupportedLocale } from '@safety-widgets/core';
import { parseStatus } from './filter.js';
import { rowDisplay, type RowDisplay } from './row-display.js';
import { formatSort, nameRanks, parseSort } from './sort.js';
import { buildTableModel, type IndicatorRow, type TableModel } from './table-model.js';
import { buildTableView, type TableView } from './table-view-model.js';

/** The attributes that choose what the table shows (raw values, as the element has them). */
export interface ViewOptions {
  readonly area?: string | undefined;
  readonly statusFilter?: string | undefined;
  readonly sort?: string | undefined;
  readonly query?: string | undefined;
}

/** The memos of one table. */
export class TableMemos {
  private modelCache: {
    feed: Feed;
    model: TableModel;
    ranks: Map<SupportedLocale, Map<string, number>>;
  } | null = null;
  private viewCache: { key: unknown[]; view: TableView } | null = null;
  private readonly displayCache = new WeakMap<IndicatorRow, Map<SupportedLocale, RowDisplay>>();

  /** The feed's table model, made once per feed. */
  model(feed: Feed): TableModel {
    if (this.modelCache?.feed !== feed) {
      this.modelCache = { feed, model: buildTableModel(feed), ranks: new Map() };
    }
    return this.modelCache.model;
  }

  /** The view of `feed` in `locale` under `options`: the last one while none of them changed. */
  view(feed: Feed, locale: SupportedLocale, options: ViewOptions): TableView {
    const model = this.model(feed);
    const sort = parseSort(options.sort);
    const key = [
      model,
      locale,
      options.area ?? '',
      options.statusFilter ?? '',
      options.query ?? '',
      formatSort(sort),
    ];
    if (this.viewCache && this.viewCache.key.every((k, i) => k === key[i])) return this.viewCache.view;
    const filter = { area: options.area, status: parseStatus(options.statusFilter), query: options.query };
    const ranks = sort?.key === 'name' ? this.ranks(locale) : undefined;
    const view = buildTableView(model, filter, sort, locale, ranks);
    this.viewCache = { key, view };
    return view;
  }

  /** The view made last (for whatever feed), if any. */
  get lastView(): TableView | undefined {
    return this.viewCache?.view;
  }

  /** The row's texts in `locale`, made once per row (the model makes new rows for a new feed). */
  display(row: IndicatorRow, locale: SupportedLocale): RowDisplay {
    let byLocale = this.displayCache.get(row);
    if (!byLocale) this.displayCache.set(row, (byLocale = new Map()));
    let d = byLocale.get(locale);
    if (!d) byLocale.set(locale, (d = rowDisplay(row, locale)));
    return d;
  }

  /** The names' collation ranks in `locale` for the current model (sorting by name needs them). */
  private ranks(locale: SupportedLocale): Map<string, number> {
    const cache = this.modelCache!;
    let ranks = cache.ranks.get(locale);
    if (!ranks) cache.ranks.set(locale, (ranks = nameRanks(cache.model.rows, locale)));
    return ranks;
  }
}
