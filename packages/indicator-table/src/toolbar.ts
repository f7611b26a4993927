/**
 * The toolbar above the table (search, area and status filters, the card layout's sort select,
 * the CSV button and the count) and the loading skeleton, which draws the same toolbar, disabled,
 * over placeholder rows, so that nothing above the rows moves when the data arrives.
 */
import { localizedTextWithLang, t, type SupportedLocale } from '@safety-widgets/core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { renderTableAbout } from './about.js';
import { statusLabel } from './csv.js';
import { msg } from './messages.js';
import { COLUMNS } from './row-template.js';
import { SORT_KEYS } from './sort.js';
import { ROW_STATUSES, type AreaSummary } from './table-model.js';

/** Placeholder rows of the loading skeleton: table rows, or cards in the card layout. */
export const SKELETON_ROWS = { table: 8, cards: 3 } as const;

/** What the toolbar shows. */
export interface ToolbarModel {
  readonly locale: SupportedLocale;
  readonly cards: boolean;
  /** The feed's areas (none while loading). */
  readonly areas: readonly AreaSummary[];
  readonly area: string;
  readonly status: string;
  /** `column:direction`, or `''` for feed order. */
  readonly sort: string;
  readonly query: string;
  /** Rows shown and rows in the feed; null while loading. */
  readonly count: { readonly shown: number; readonly total: number } | null;
}

/** What the toolbar's controls do. */
export interface ToolbarHandlers {
  readonly onSearch?: (event: Event) => void;
  readonly onAreaChange?: (event: Event) => void;
  readonly onStatusChange?: (event: Event) => void;
  readonly onSortSelect?: (event: Event) => void;
  readonly onCsv?: () => void;
}

const downloadIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <path
    d="M7.25 1.5h1.5v7.19l2.47-2.47 1.06 1.06L8 11.56 3.72 7.28l1.06-1.06 2.47 2.47ZM2 13h12v1.5H2Z"
  ></path>
</svg>`;

/**
 * The toolbar. While loading (`count` null) every control is disabled and the count line says
 * the data is loading; the layout is the same, so it does not move when the rows arrive.
 */
export function renderToolbar(m: ToolbarModel, h: ToolbarHandlers = {}): TemplateResult {
  const { locale } = m;
  const loading = m.count === null;
  return html`<div class="toolbar" part="toolbar">
    <label class="field search" data-interactive>
      <span>${msg(locale, 'search')}</span>
      <input
        type="search"
        part="search"
        autocomplete="off"
        spellcheck="false"
        placeholder=${msg(locale, 'searchPlaceholder')}
        ?disabled=${loading}
        .value=${live(m.query)}
        @input=${h.onSearch}
      />
    </label>
    <label class="field" data-interactive>
      <span>${msg(locale, 'area')}</span>
      <select part="filter area-filter" ?disabled=${loading} @change=${h.onAreaChange}>
        <option value="" ?selected=${m.area === ''}>${msg(locale, 'allAreas')}</option>
        ${m.areas.map((a) => {
          const name = localizedTextWithLang(a.name, locale);
          return html`<option value=${a.id} ?selected=${a.id === m.area} lang=${name.lang}>
            ${name.text}
          </option>`;
        })}
      </select>
    </label>
    <label class="field" data-interactive>
      <span>${msg(locale, 'status')}</span>
      <select part="filter status-filter" ?disabled=${loading} @change=${h.onStatusChange}>
        <option value="" ?selected=${m.status === ''}>${msg(locale, 'allStatuses')}</option>
        ${ROW_STATUSES.map(
          (s) => html`<option value=${s} ?selected=${s === m.status}>${statusLabel(s, locale)}</option>`,
        )}
      </select>
    </label>
    ${m.cards ? renderSortSelect(m, h) : nothing}
    <button
      type="button"
      class="button csv"
      part="csv-button"
      data-interactive
      ?disabled=${loading || m.count?.shown === 0}
      @click=${h.onCsv}
    >
      ${downloadIcon}<span>${msg(locale, 'csv')}</span>
    </button>
    <p class="count" part="count" role="status">
      ${m.count ? msg(locale, 'count', { shown: m.count.shown, n: m.count.total }) : t(locale, 'loading')}
    </p>
  </div>`;
}

/** The card layout's "Sort by" select (the column headers are hidden there). */
function renderSortSelect(m: ToolbarModel, h: ToolbarHandlers): TemplateResult {
  const { locale } = m;
  return html`<label class="field" data-interactive>
    <span>${msg(locale, 'sortBy')}</span>
    <select part="filter sort-select" ?disabled=${m.count === null} @change=${h.onSortSelect}>
      <option value="" ?selected=${m.sort === ''}>${msg(locale, 'feedOrder')}</option>
      ${SORT_KEYS.flatMap((key) =>
        (['asc', 'desc'] as const).map((dir) => {
          const column = msg(locale, COLUMNS.find((c) => c.key === key)!.label);
          return html`<option value=${`${key}:${dir}`} ?selected=${m.sort === `${key}:${dir}`}>
            ${msg(locale, dir === 'asc' ? 'sort.asc' : 'sort.desc', { column })}
          </option>`;
        }),
      )}
    </select>
  </label>`;
}

/**
 * The loading state: the toolbar (disabled, its count line saying "Loading safety data…"), then
 * a box shaped like the table — caption, column headers and `SKELETON_ROWS` placeholder rows or
 * cards — so that the toolbar and the top of the table stay where they are when the data
 * arrives. `sizer` is the element's width probe (it decides the card layout before data comes).
 */
export function renderSkeleton(locale: SupportedLocale, cards: boolean, sizer: unknown): TemplateResult {
  const rows = cards ? SKELETON_ROWS.cards : SKELETON_ROWS.table;
  return html`<div
    class="widget skeleton-widget ${cards ? 'cards' : 'grid'}"
    part="state skeleton"
    aria-busy="true"
  >
    ${sizer}
    ${renderToolbar({ locale, cards, areas: [], area: '', status: '', sort: '', query: '', count: null })}
    ${renderTableAbout(locale, null)}
    <div class="scroller" aria-hidden="true">
      <div class="skeleton-caption"><span class="bone"></span></div>
      ${
        cards
          ? nothing
          : html`<div class="skeleton-head">
              ${COLUMNS.map((c) => html`<span class=${c.numeric ? 'num' : ''}>${msg(locale, c.label)}</span>`)}
            </div>`
      }
      <div class="skeleton-group"><span class="bone"></span></div>
      ${Array.from({ length: rows }, () =>
        cards
          ? html`<div class="skeleton-card">
              <span class="bone bone-name"></span>
              ${Array.from({ length: 3 }, () => html`<span class="bone"></span><span class="bone"></span>`)}
            </div>`
          : html`<div class="skeleton-row">
              ${COLUMNS.map((c) => html`<span class="bone ${c.numeric ? 'num' : ''}"></span>`)}
            </div>`,
      )}
    </div>
  </div>`;
}
