/**
 * The table's lines as Lit templates: the columns, an area's header row and an indicator row
 * (with its sparkline). Pure functions of the view model and a row's precomputed display; the
 * element only decides which lines to draw.
 */
import { cssProps, sortIcon, type SupportedLocale } from '@safety-widgets/core';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { formatPoints } from './format.js';
import { msg, type TableMessageKey } from './messages.js';
import type { RowDisplay } from './row-display.js';
import type { SortKey, SortSpec } from './sort.js';
import { SPARK_H, SPARK_W, type TrendDisplay } from './trend.js';
import type { AreaSummary, IndicatorRow } from './table-model.js';

/** Columns, in order. */
export const COLUMNS: readonly { key: SortKey; label: TableMessageKey; numeric: boolean }[] = [
  { key: 'name', label: 'col.name', numeric: false },
  { key: 'value', label: 'col.value', numeric: true },
  { key: 'target', label: 'col.target', numeric: true },
  { key: 'city-average', label: 'col.city-average', numeric: true },
  { key: 'score', label: 'col.score', numeric: true },
  { key: 'trend', label: 'col.trend', numeric: false },
  { key: 'status', label: 'col.status', numeric: false },
];

/** How a line is drawn. */
export interface LineOptions {
  readonly locale: SupportedLocale;
  /** The card layout (explicit ARIA table roles, visible cell labels). */
  readonly cards: boolean;
  /** Line index in the windowed table (for `aria-rowindex`); undefined when every line is drawn. */
  readonly line?: number | undefined;
  /** Snapshot mode: a still picture, with no buttons and no row in the tab order. */
  readonly still?: boolean;
}

/** The ARIA role `r` in the card layout only (a real table needs none). */
const roleIn = (cards: boolean) => (r: string) => (cards ? r : undefined);

/**
 * The column headers: in the table layout each holds a sort button (core's sort icon, drawn in
 * the text colour), and the sorted one has `aria-sort`; the card layout hides them visually and
 * sorts from the toolbar's select.
 */
export function renderHead(
  sort: SortSpec | null,
  o: LineOptions & { readonly windowed: boolean; readonly onSort: (key: SortKey) => void },
): TemplateResult {
  const role = roleIn(o.cards);
  return html`<thead role=${ifDefined(role('rowgroup'))}>
    <tr role=${ifDefined(role('row'))} aria-rowindex=${ifDefined(o.windowed ? 1 : undefined)}>
      ${COLUMNS.map((c) => {
        const dir = sort?.key === c.key ? sort.dir : undefined;
        const label = msg(o.locale, c.label);
        return html`<th
          scope="col"
          part="header"
          class=${c.numeric ? 'num' : ''}
          role=${ifDefined(role('columnheader'))}
          data-label=${label}
          aria-sort=${ifDefined(dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined)}
        >
          ${
            o.cards
              ? label
              : o.still
                ? html`<span class="sort"><span class="sort-label">${label}</span></span>`
                : html`<button
                    type="button"
                    class="sort"
                    part="sort-button"
                    data-sort=${c.key}
                    @click=${() => o.onSort(c.key)}
                  >
                    <span class="sort-label">${label}</span>${sortIcon(dir)}
                  </button>`
          }
        </th>`;
      })}
    </tr>
  </thead>`;
}

/** An area's header row: its name, its subtotal and how many of its indicators meet their target. */
export function renderGroupRow(
  area: AreaSummary,
  name: { text: string; lang: string },
  o: LineOptions,
): TemplateResult {
  const role = roleIn(o.cards);
  const { locale } = o;
  const score = formatPoints(area.score, locale);
  const max = formatPoints(area.max, locale);
  return html`<tr
    class="group-row"
    part="group-row"
    data-key=${`g:${area.id}`}
    role=${ifDefined(role('row'))}
    aria-rowindex=${ifDefined(o.line === undefined ? undefined : o.line + 2)}
  >
    <th scope="rowgroup" colspan="4" class="group-name" role=${ifDefined(role('rowheader'))}>
      <span lang=${name.lang}>${name.text}</span>
    </th>
    <td class="num group-score" role=${ifDefined(role('cell'))}>
      <span class="label" aria-hidden="true">${msg(locale, 'col.score')}</span
      ><span aria-hidden="true">${score} / ${max}</span
      ><span class="visually-hidden"
        >${msg(locale, 'groupScore', { score, max, n: Number(area.max.toFixed(1)) })}</span
      >
    </td>
    <td colspan="2" class="group-met" role=${ifDefined(role('cell'))}>
      ${msg(locale, 'groupMet', { met: area.met, n: area.count })}
    </td>
  </tr>`;
}

/** The trend sparkline: lines through runs of known values, dots for lone ones, the newest dotted. */
export function renderSparkline(trend: TrendDisplay): TemplateResult {
  const last = trend.last;
  const lastIsDot = last !== null && trend.dots.some((p) => p.x === last.x && p.y === last.y);
  return html`<svg
    class="sparkline"
    part="sparkline"
    viewBox="0 0 ${SPARK_W} ${SPARK_H}"
    width=${SPARK_W}
    height=${SPARK_H}
    role="img"
    aria-label=${trend.label}
  >
    ${trend.d ? svg`<path d=${trend.d}></path>` : nothing}
    ${trend.dots.map((p) => svg`<circle class="dot" cx=${p.x} cy=${p.y} r="2"></circle>`)}
    ${last && !lastIsDot ? svg`<circle class="last" cx=${last.x} cy=${last.y} r="2"></circle>` : nothing}
  </svg>`;
}

/** The ⓘ of the details button, in the text colour. */
const infoIcon = svg`<svg class="info-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm0 1.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM7.1 7h1.8v4.5H7.1Zm.9-3a1.1 1.1 0 1 1 0 2.2A1.1 1.1 0 0 1 8 4Z"></path></svg>`;

/**
 * An indicator row: the name (a row header) and its unit, then one cell per column. Its
 * accessible name, read when the row has keyboard focus, is its name, unit, value and status.
 * After the name, an ⓘ button (in the tab order only in the row that is) opens the row's source
 * note and its trend in words under the name: nothing is left to a hover-only tooltip.
 */
export function renderRow(
  row: IndicatorRow,
  d: RowDisplay,
  o: LineOptions & { readonly tabbable: boolean; readonly open: boolean },
): TemplateResult {
  const role = roleIn(o.cards);
  const { locale, cards } = o;
  const label = (key: TableMessageKey) =>
    html`<span class="label" aria-hidden="true">${msg(locale, key)}</span>`;
  return html`<tr
    class="row"
    part=${cards ? 'row card' : 'row'}
    data-id=${row.id}
    data-key=${`r:${row.id}`}
    data-status=${row.status}
    tabindex=${ifDefined(o.still ? undefined : o.tabbable ? 0 : -1)}
    role=${ifDefined(role('row'))}
    aria-rowindex=${ifDefined(o.line === undefined ? undefined : o.line + 2)}
    aria-labelledby=${`n:${row.id}${d.unit ? ` u:${row.id}` : ''} v:${row.id} s:${row.id}`}
  >
    <th scope="row" part="cell name-cell" role=${ifDefined(role('rowheader'))}>
      <span class="name-line"
        ><span class="name" id=${`n:${row.id}`} lang=${d.nameLang}>${d.name}</span>${
          d.note || d.trend ? renderDetailsButton(row.id, locale, o) : nothing
        }</span
      >${d.unit ? html`<span class="unit" part="unit" id=${`u:${row.id}`}>${d.unit}</span>` : nothing}${
        o.open ? renderDetails(row.id, d) : nothing
      }
    </th>
    <td class="num" part="cell value-cell" role=${ifDefined(role('cell'))}>
      ${label('col.value')}
      <span id=${`v:${row.id}`}
        >${d.value}${
          d.synthetic
            ? html`<span class="synthetic-mark" part="synthetic">${msg(locale, 'synthetic')}</span>`
            : nothing
        }</span
      >
    </td>
    <td class="num" part="cell target-cell" role=${ifDefined(role('cell'))}>
      ${label('col.target')}
      <span
        >${
          d.targetSign
            ? html`<span class="target-sign" aria-hidden="true">${d.targetSign}</span
                ><span class="visually-hidden">${d.targetWords} </span>`
            : nothing
        }${d.target}</span
      >
    </td>
    <td class="num" part="cell city-average-cell" role=${ifDefined(role('cell'))}>
      ${label('col.city-average')}<span>${d.cityAverage}</span>
    </td>
    <td class="num" part="cell score-cell" role=${ifDefined(role('cell'))}>
      ${label('col.score')}
      <span>
        <span aria-hidden="true">${d.score}<span class="muted"> / ${d.weight}</span></span
        ><span class="visually-hidden">${d.scoreWords}</span>
        ${
          d.bar === null
            ? nothing
            : html`<span class="score-bar" aria-hidden="true"
                ><span style=${cssProps({ width: `${d.bar}%` })}></span
              ></span>`
        }
      </span>
    </td>
    <td part="cell trend-cell" role=${ifDefined(role('cell'))}>
      ${label('col.trend')}${
        d.trend
          ? renderSparkline(d.trend)
          : html`<span class="muted"
              ><span aria-hidden="true">—</span
              ><span class="visually-hidden">${msg(locale, 'noTrend')}</span></span
            >`
      }
    </td>
    <td part="cell status-cell" role=${ifDefined(role('cell'))}>
      ${label('col.status')}
      <span
        ><span class="status-chip" part="status" id=${`s:${row.id}`} data-status=${row.status}
          ><span class="status-icon" aria-hidden="true"><span>${d.statusIcon}</span></span
          >${d.statusLabel}</span
        ></span
      >
    </td>
  </tr>`;
}

/** The ⓘ button that opens a row's details (a disclosure: `aria-expanded`). */
function renderDetailsButton(
  id: string,
  locale: SupportedLocale,
  o: { readonly tabbable: boolean; readonly open: boolean },
): TemplateResult {
  return html` <button
    type="button"
    class="details-button"
    part="details-button"
    data-interactive
    data-details=${id}
    tabindex=${o.tabbable ? 0 : -1}
    aria-label=${msg(locale, 'details')}
    aria-expanded=${o.open ? 'true' : 'false'}
    aria-controls=${ifDefined(o.open ? `d:${id}` : undefined)}
  >
    ${infoIcon}
  </button>`;
}

/** A row's details, under its name: the source note and the trend in words. */
function renderDetails(id: string, d: RowDisplay): TemplateResult {
  return html`<span class="details" part="details" id=${`d:${id}`}
    >${d.note ? html`<span lang=${d.noteLang}>${d.note}</span>` : nothing}${
      d.trend ? html`<span>${d.trend.label}</span>` : nothing
    }</span
  >`;
}
