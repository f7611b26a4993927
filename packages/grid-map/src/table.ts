/**
 * The map's data table: every grid with its figure, class and rank (and a count per shown point
 * layer), as core's sortable, downloadable DataTableController renders it. `gridTableModel` is the
 * pure view model; `GridTable` shows a page of the sorted rows while its CSV holds them all.
 */
import {
  DataTableController,
  formatNumber,
  sortedRows,
  type DataColumn,
  type DataTableModel,
  type SortValue,
  type TableSort,
  type SupportedLocale,
} from '@safety-widgets/core';
import { rangeLabel, type Classes } from './classes.js';
import { figureText, layerCell, type Words } from './grid-text.js';
import { msg } from './messages.js';
import type { GridFigure, RateMode } from './metrics.js';
import { formatCount, type GridCounter } from './privacy.js';
import type { RankedGrid } from './ranking.js';

/** One row: a grid. */
export interface GridRow {
  readonly id: string;
  readonly name: Words;
  readonly subdistrict: Words;
  readonly figure: GridFigure;
  /** What the figure column sorts by and writes to the CSV: a number, "<3", or null (no data). */
  readonly value: SortValue;
  /** The class's range ("50–99"), "Fewer than 3 (not shown)", or null (no data). */
  readonly cls: string | null;
  /** 1-based; null for grids without a rank (no data, suppressed). */
  readonly rank: number | null;
  /** Count per shown layer column: a number, or "<3" for a small sensitive count. */
  readonly counts: readonly SortValue[];
}

export interface GridTableInput {
  readonly locale: SupportedLocale;
  /** The place's name (the district or the sub-district shown). */
  readonly place: string;
  /** The figure's label as the legend writes it ("Criminal cases, per 10,000 residents"). */
  readonly metric: string;
  readonly ids: readonly string[];
  readonly names: readonly Words[];
  readonly subdistricts: readonly Words[];
  readonly figures: readonly GridFigure[];
  readonly mode: RateMode;
  readonly threshold: number;
  readonly classes: Classes | undefined;
  /** The grids in ranked order (the table's own order). */
  readonly ranking: readonly RankedGrid[];
  /** The shown point layers, a column each. */
  readonly layers: readonly { readonly counter: GridCounter; readonly name: Words }[];
  /** Whether the grids lie in more than one sub-district (else the column says nothing). */
  readonly subdistrictColumn: boolean;
  /** Parts of the CSV file's name. */
  readonly fileName: readonly string[];
  /** What the grid's name cell shows (a button that selects it); its text by default. */
  readonly nameCell?: (row: GridRow) => unknown;
}

/** Rates are written as shown: one decimal. */
const oneDecimal = (v: number) => Math.round(v * 10) / 10;

/** The table of grids: rows in ranked order, columns grid, sub-district, figure, class, rank, layers. */
export function gridTableModel(input: GridTableInput): DataTableModel<GridRow> {
  const { locale, figures, mode, threshold, classes } = input;
  const suppressedLabel = msg(locale, 'suppressed', { n: threshold });
  const rows: GridRow[] = input.ranking.map((r) => {
    const i = r.index;
    const f = figures[i]!;
    const id = input.ids[i]!;
    const value: SortValue = f.suppressed
      ? formatCount(f.value, locale, true, threshold)
      : f.shown === null
        ? null
        : mode === 'per-10k'
          ? oneDecimal(f.shown)
          : f.shown;
    const color = f.suppressed || !classes ? -1 : classes.colorOf(f.shown);
    const range = color >= 0 ? classes!.ranges.find((c) => c.color === color) : undefined;
    return {
      id,
      name: input.names[i]!,
      subdistrict: input.subdistricts[i]!,
      figure: f,
      value,
      cls: f.suppressed ? suppressedLabel : range ? rangeLabel(range, classes!, locale) : null,
      rank: r.rank ?? null,
      counts: input.layers.map(({ counter }) => {
        const n = counter.counts.get(id) ?? 0;
        return counter.sensitive && n < threshold ? formatCount(n, locale, true, threshold) : n;
      }),
    };
  });
  const columns: DataColumn<GridRow>[] = [
    {
      key: 'grid',
      label: msg(locale, 'colGrid'),
      value: (row) => row.name.text,
      text: input.nameCell ?? ((row) => row.name.text),
    },
  ];
  if (input.subdistrictColumn)
    columns.push({
      key: 'subdistrict',
      label: msg(locale, 'colSubdistrict'),
      value: (row) => row.subdistrict.text,
    });
  columns.push(
    {
      key: 'figure',
      label: input.metric,
      numeric: true,
      value: (row) => row.value,
      text: (row) => figureText(row.figure, mode, threshold, locale),
    },
    {
      key: 'class',
      label: msg(locale, 'colClass'),
      // Its range as text: numeric collation sorts "50–99" before "100–149".
      value: (row) => row.cls,
    },
    {
      key: 'rank',
      label: msg(locale, 'colRank'),
      numeric: true,
      value: (row) => row.rank,
      text: (row) => (row.rank === null ? msg(locale, 'notRanked') : formatNumber(row.rank, locale)),
    },
    ...input.layers.map(({ counter, name }, k): DataColumn<GridRow> => ({
      key: `layer:${counter.id}`,
      label: name.text,
      numeric: true,
      value: (row) => row.counts[k],
      text: (row) => layerCell(counter, row.id, threshold, locale),
    })),
  );
  return {
    caption: msg(locale, 'listCaption', { place: input.place, metric: input.metric }),
    columns,
    rows,
    locale,
    fileName: input.fileName,
  };
}

/**
 * The first `limit` rows of the table in its current sort (a page of a large feed's grids: the DOM
 * stays small), with a note saying so; the whole table when it has no more rows than that.
 */
export function tablePage<R>(
  model: DataTableModel<R>,
  sort: TableSort | null,
  limit: number,
): DataTableModel<R> {
  if (model.rows.length <= limit) return model;
  return {
    ...model,
    rows: sortedRows(model, sort).slice(0, limit),
    note: msg(model.locale, 'tableNote', { shown: limit, n: model.rows.length }),
  };
}

/** Core's table controller, whose CSV holds every row of the model even when a page of it is shown. */
export class GridTable extends DataTableController<GridRow> {
  /** The whole table, set before each render. */
  all: DataTableModel<GridRow> | undefined;

  override download(model: DataTableModel<GridRow>): boolean {
    return super.download(this.all ?? model);
  }
}
