/**
 * The data-table twin every widget offers beside its picture: a real `<table>` with a caption, column
 * and row headers, sortable columns (`aria-sort` on the sorted header) and a "Download CSV" button.
 * The widget gives a DataTableModel (its rows and columns, from a pure view-model function); the
 * controller keeps the sort and renders the table, so no widget copies sorting, CSV or markup.
 *
 * @csspart data-table - The table's box (toolbar and scrolling table).
 * @csspart download - The "Download CSV" button.
 */
import {
  css,
  html,
  nothing,
  svg,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { formatNumber } from '../locale/format.js';
import { t } from '../locale/messages.js';
import type { SupportedLocale } from '../locale/resolve.js';
import { csvFileName, downloadText, toCsv } from './csv.js';
import { sortRows, type SortDirection, type SortValue } from './sort.js';

export interface DataColumn<R> {
  readonly key: string;
  /** The header text. */
  readonly label: string;
  /** A number column: right-aligned, tabular figures. */
  readonly numeric?: boolean;
  /** The value the column sorts by and writes to the CSV: a number, text, or missing. */
  readonly value: (row: R) => SortValue;
  /**
   * What the cell shows. By default the value (a number formatted for the locale); a missing value
   * shows "No data", never 0.
   */
  readonly text?: (row: R) => unknown;
}

export interface DataTableModel<R> {
  /** The table's caption, also the accessible name of its scrolling region. */
  readonly caption: string;
  /** The columns; the first one heads each row (`<th scope="row">`). */
  readonly columns: readonly DataColumn<R>[];
  readonly rows: readonly R[];
  readonly locale: SupportedLocale;
  /** Parts of the CSV file's name (lower-cased, dashed), e.g. the place id and the date. */
  readonly fileName: readonly string[];
  /** A line under the caption (e.g. "showing the latest 150 of 412 periods"). */
  readonly note?: string;
}

/** The sort state: a column key and a direction, or none (the model's own order). */
export interface TableSort {
  readonly key: string;
  readonly dir: SortDirection;
}

/** The sort icon: up, down, or both when the column is not the sort (drawn in the text colour). */
export const sortIcon = (dir: SortDirection | undefined): TemplateResult =>
  svg`<svg class="sort-icon" viewBox="0 0 12 12" aria-hidden="true" focusable="false"><path d=${
    dir === 'asc' ? 'M6 2 10.5 8h-9Z' : dir === 'desc' ? 'M6 10 1.5 4h9Z' : 'M6 1 9.5 5h-7ZM6 11 2.5 7h7Z'
  }></path></svg>`;

/** The next sort after activating column `key`: ascending first, then descending, then ascending. */
export function nextSort(current: TableSort | null, key: string): TableSort {
  return current?.key === key && current.dir === 'asc' ? { key, dir: 'desc' } : { key, dir: 'asc' };
}

/** The rows in the order `sort` asks for (the model's own order without one). */
export function sortedRows<R>(model: DataTableModel<R>, sort: TableSort | null): readonly R[] {
  const column = sort && model.columns.find((c) => c.key === sort.key);
  return column ? sortRows(model.rows, column.value, sort!.dir, model.locale) : model.rows;
}

/** The CSV text of the table as shown: header row, then the rows in the current order. */
export function tableCsv<R>(model: DataTableModel<R>, sort: TableSort | null): string {
  return toCsv([
    model.columns.map((c) => c.label),
    ...sortedRows(model, sort).map((row) => model.columns.map((c) => c.value(row))),
  ]);
}

function cellText<R>(column: DataColumn<R>, row: R, locale: SupportedLocale): unknown {
  if (column.text) return column.text(row);
  const v = column.value(row);
  if (v === null || v === undefined || v === '' || (typeof v === 'number' && !Number.isFinite(v))) {
    return t(locale, 'noData');
  }
  return typeof v === 'number' ? formatNumber(v, locale) : v;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/** Keeps one data table's sort and renders it; one per table, created in the element's constructor. */
export class DataTableController<R> implements ReactiveController {
  /** The current sort, or null for the model's own order. */
  sort: TableSort | null = null;

  /** `host.snapshot`: a still picture (no buttons, no scroll box; see ../element/snapshot.ts). */
  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: ParentNode; snapshot?: boolean },
  ) {
    host.addController(this);
  }

  /** The last sorted rows, kept while the rows, the sort and the locale are the same (hover re-renders). */
  private sorted: { rows: readonly R[]; key: string; out: readonly R[] } | null = null;

  hostDisconnected(): void {
    this.sorted = null;
  }

  /** Sorts by column `key` (as a click on its header does). */
  sortBy(key: string, dir?: SortDirection): void {
    this.sort = dir ? { key, dir } : nextSort(this.sort, key);
    this.host.requestUpdate();
  }

  /** Offers the table as a CSV download. */
  download(model: DataTableModel<R>): boolean {
    return downloadText(this.host.renderRoot, csvFileName(...model.fileName), tableCsv(model, this.sort));
  }

  private rowsInOrder(model: DataTableModel<R>): readonly R[] {
    const key = `${this.sort?.key ?? ''}|${this.sort?.dir ?? ''}|${model.locale}|${model.columns.map((c) => c.key).join(',')}`;
    if (this.sorted?.rows !== model.rows || this.sorted.key !== key) {
      this.sorted = { rows: model.rows, key, out: sortedRows(model, this.sort) };
    }
    return this.sorted.out;
  }

  render(model: DataTableModel<R>): TemplateResult {
    const { locale, columns } = model;
    const rows = this.rowsInOrder(model);
    const sort = this.sort;
    const still = this.host.snapshot === true;
    return html`<div class="data-table" part="data-table">
      <div class="dt-bar" data-interactive>
        <button type="button" class="dt-download" part="download" @click=${() => this.download(model)}>
          ${t(locale, 'table.download')}
        </button>
      </div>
      <div
        class="dt-scroll"
        data-scroll
        role=${still ? nothing : 'region'}
        aria-label=${still ? nothing : model.caption}
        tabindex=${still ? nothing : '0'}
      >
        <table>
          <caption>
            ${model.caption}${model.note ? html`<br /><span class="dt-note">${model.note}</span>` : nothing}
          </caption>
          <thead>
            <tr>
              ${columns.map((c) => {
                const dir = sort?.key === c.key ? sort.dir : undefined;
                return html`<th
                  scope="col"
                  class=${c.numeric ? 'num' : ''}
                  aria-sort=${dir ? ARIA_SORT[dir] : nothing}
                  data-label=${c.label}
                >
                  ${
                    still
                      ? html`<span class="dt-sort">${c.label}</span>`
                      : html`<button type="button" class="dt-sort" @click=${() => this.sortBy(c.key)}>
                          ${c.label}${sortIcon(dir)}
                        </button>`
                  }
                </th>`;
              })}
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (row) =>
                html`<tr>
                  ${columns.map((c, i) =>
                    i === 0
                      ? html`<th scope="row">${cellText(c, row, locale)}</th>`
                      : html`<td class=${c.numeric ? 'num' : ''}>${cellText(c, row, locale)}</td>`,
                  )}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </div>`;
  }
}

/** Styles of the data table; include them in the widget's `static styles`. */
export const dataTableStyles = css`
  .data-table {
    display: grid;
    gap: var(--_space-sm);
  }
  .dt-bar {
    display: flex;
    justify-content: flex-end;
  }
  .dt-download,
  .dt-sort {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  .dt-download {
    min-block-size: 24px;
    padding: 2px var(--_space-sm);
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .dt-scroll {
    overflow: auto;
    max-block-size: 24em;
  }
  .data-table table {
    border-collapse: collapse;
    inline-size: 100%;
    font-variant-numeric: tabular-nums;
  }
  .data-table caption {
    /* Stays in view while a wide table scrolls sideways under it. */
    position: sticky;
    inset-inline-start: 0;
    text-align: start;
    font-weight: 600;
    padding-block-end: var(--_space-xs);
  }
  .dt-note {
    font-weight: 400;
    color: var(--_muted);
  }
  .data-table th,
  .data-table td {
    padding: var(--_space-xs) var(--_space-sm);
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  .data-table thead th {
    position: sticky;
    inset-block-start: 0;
    background: var(--_surface);
    border-block-end-color: var(--_border-strong);
    padding: 0;
  }
  .data-table tbody th {
    font-weight: 400;
  }
  .data-table .num {
    text-align: end;
  }
  .dt-sort {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    inline-size: 100%;
    min-block-size: 24px;
    padding: var(--_space-xs) var(--_space-sm);
    border: 0;
    background: none;
    font-weight: 600;
    text-align: inherit;
  }
  .num .dt-sort {
    justify-content: flex-end;
  }
  /* Printed, the headers are text: a page repeats them, and Chromium draws no button in a repeat. */
  @media print {
    .data-table th[data-label]::before {
      content: attr(data-label);
      display: block;
      padding: var(--_space-xs) var(--_space-sm);
      font-weight: 600;
    }
    button.dt-sort {
      display: none;
    }
  }
  .sort-icon {
    inline-size: 0.75em;
    block-size: 0.75em;
    flex: none;
    fill: currentColor;
  }
  /* Phone-sized targets. */
  @media (max-width: 480px) {
    .dt-download,
    .dt-sort {
      min-block-size: 44px;
    }
  }
  @media (forced-colors: active) {
    .sort-icon {
      fill: ButtonText;
    }
  }
`;
