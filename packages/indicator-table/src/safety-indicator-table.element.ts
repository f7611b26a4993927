/**
 * `<safety-indicator-table>`: every indicator of a feed in a real, sortable, filterable table,
 * grouped by area, with a card layout for narrow containers and windowed rendering for long feeds.
 */
import { ResizeController } from '@lit-labs/observers/resize-controller.js';
import {
  aboutStyles,
  cssProps,
  downloadText,
  SafetyElement,
  emit,
  formatDate,
  localizedTextWithLang,
  renderSyntheticBadge,
  type Feed,
  type SupportedLocale,
} from '@safety-widgets/core';
import { html, nothing, type CSSResultArray, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { renderRowKeyHint, renderTableAbout } from './about.js';
import { indicatorsCsv, indicatorsCsvFileName } from './csv.js';
import './events.js';
import { parseStatus } from './filter.js';
import { rowsInTableOrder, type RowGroup } from './group.js';
import { liveChangeText } from './live-change.js';
import { WINDOW_THRESHOLD, isWindowed, visibleRowRange, type RowRange } from './layout.js';
import { TABLE_TEXTS, msg } from './messages.js';
import { rowDisplay, type RowDisplay } from './row-display.js';
import { COLUMNS, renderGroupRow, renderHead, renderRow } from './row-template.js';
import { formatSort, nameRanks, nextSort, parseSort, type SortKey, type SortSpec } from './sort.js';
import { tableStyles } from './styles.js';
import { buildTableView, rowKeyTarget, windowBodies, type BodyEntry, type TableView } from './table-view.js';
import { renderSkeleton, renderToolbar } from './toolbar.js';
import { buildTableModel, type IndicatorRow, type TableModel } from './view-model.js';
import { computeOffsets, windowSlots, type WindowSlot } from './windowing.js';

export { WINDOW_THRESHOLD };

/** Containers narrower than this (px) get the card layout. */
export const CARD_BREAKPOINT = 480;
/** Extra px rendered above and below the visible part when windowing. */
const OVERSCAN = 480;

/**
 * Every safety indicator of a feed in one accessible table: indicator, value with its unit,
 * target, city average, score out of the weight, a trend sparkline and the status (met, not met,
 * no data — with an icon and text as well as colour), grouped by area with each area's subtotal.
 * Sort by any column, filter by area and status, search by name in Chinese or English, download
 * what is shown as CSV. In a container narrower than 480 px the rows become cards. Up to 300 rows
 * (`WINDOW_THRESHOLD`) the rows flow with the page: the element is as tall as its rows and has
 * no scroll box of its own. Beyond that only the rows in view are rendered, in a scroll box with
 * a visible scrollbar and a visible "Showing rows 1–12 of 5,000", so thousands of indicators stay
 * smooth.
 *
 * Data comes from `src`, `feed`, `.data` or an enclosing `<safety-feed>` (see `SafetyElement`).
 * Live updates change rows in place: sort, filters, search, scroll position and keyboard focus
 * are kept.
 *
 * Keyboard: Tab reaches the search, the filters, the CSV button, "About this table", the column
 * sort buttons and then the table's current row; ↑/↓ move between rows, Home/End go to the
 * first/last row, PageUp/PageDown by ten, Enter or Space selects the row, and Tab goes on to the
 * row's ⓘ button, which shows its source note and its trend in words. While a row has keyboard
 * focus the keys are shown on screen.
 *
 * Reading aids: a collapsed description block ("About this table": each column, how a score is
 * computed, the statuses, the data's source and freshness, the keys). Text follows the reader's
 * default font size; at large sizes the table's box scrolls sideways as a focusable region named
 * by the caption, and cards reflow.
 *
 * It has no slots: everything it shows comes from the feed, and is only ever rendered as text.
 *
 * @tagname safety-indicator-table
 * @summary Sortable, filterable table of a district's safety indicators, grouped by area.
 *
 * @attr area - Id of an area to show (preselects the area filter); empty for all areas.
 * @attr status-filter - Show only indicators with this status: `met`, `not-met`, `no-data` or `no-target`.
 * @attr sort - Column and direction, e.g. `score:desc`, `name`, `city-average:asc`. Columns: `name`, `value`, `target`, `city-average`, `score`, `trend` (relative change since the previous period), `status`. Missing values sort last. Empty: feed order.
 * @attr query - Search text (matches the Chinese or English name, whatever the language shown).
 * @attr compact - Denser rows.
 *
 * @fires {CustomEvent<{ id: string }>} safety-indicator-select - A row was activated (click, Enter or Space); `detail.id` is the indicator id. Bubbles, composed.
 * @fires {CustomEvent<{ sort: string; area: string; statusFilter: string; query: string }>} safety-table-view-change - The reader changed the sort, a filter or the search. `detail: { sort, area, statusFilter, query }` are the values of the `sort`, `area`, `status-filter` and `query` attributes that show the same view (for the page's URL). Setting them from script fires nothing. Bubbles, composed.
 *
 * @csspart widget - The box around toolbar and table.
 * @csspart toolbar - The search, filters, sort (card layout) and CSV button.
 * @csspart search - The search input.
 * @csspart filter - The area and status selects (also `area-filter`, `status-filter`), and the sort select of the card layout (`sort-select`).
 * @csspart area-filter - The area select (also `filter`).
 * @csspart status-filter - The status select (also `filter`).
 * @csspart sort-select - The sort select of the card layout (also `filter`).
 * @csspart csv-button - The "Download CSV" button.
 * @csspart count - "Showing 12 of 56 indicators" (a polite live region; "Loading safety data…" while loading).
 * @csspart range - Beyond 300 rows: which rows are in the scroll box, "Showing rows 41–52 of 5,000".
 * @csspart scroller - The box around the table; beyond 300 rows it scrolls (its `max-height` is `--safety-table-max-height`).
 * @csspart table - The `<table>`.
 * @csspart caption - The caption: place name and date of the data.
 * @csspart header - A column header cell.
 * @csspart sort-button - The sort button in a column header.
 * @csspart group - An area's `<tbody>`.
 * @csspart group-row - An area's header row (name, subtotal, how many met their target).
 * @csspart row - An indicator row (also `card` in the card layout).
 * @csspart card - An indicator row in the card layout.
 * @csspart cell - Any cell of an indicator row (also `name-cell`, `value-cell`, …, `status-cell`).
 * @csspart name-cell - The indicator's name (also `cell`; the row's header cell).
 * @csspart value-cell - The value (also `cell`).
 * @csspart target-cell - The target (also `cell`).
 * @csspart city-average-cell - The city average (also `cell`).
 * @csspart score-cell - The score out of the weight (also `cell`).
 * @csspart trend-cell - The trend sparkline and change (also `cell`).
 * @csspart status-cell - The status chip (also `cell`).
 * @csspart unit - The unit under an indicator's name ("Unit: alerts"; none for `%`).
 * @csspart details-button - The ⓘ button after an indicator's name (`aria-expanded`): opens its details.
 * @csspart details - An indicator's details under its name: its source note and its trend in words.
 * @csspart about - The description block ("About this table", a `<details>`); `about-summary` is its control.
 * @csspart key-hint - The keys, shown on screen while a row has keyboard focus.
 * @csspart status - The status chip (icon and text).
 * @csspart sparkline - The trend sparkline `<svg>`.
 * @csspart synthetic - The "synthetic" marker on a synthetic value.
 * @csspart no-match - The "No indicators match" message.
 * @csspart clear-button - Its "Clear filters" button.
 * @csspart state - Any standard state (loading, error, empty); also `skeleton` (the loading state: the toolbar, disabled, over placeholder rows), `error`, `empty`.
 * @csspart error-detail - The developer-facing message of the error state.
 * @csspart retry - The retry button of the error state.
 * @csspart badge - The stale, offline or synthetic-data badge.
 * @csspart note - The note counting indicators dropped from a bad feed.
 *
 * @cssprop --safety-table-max-height - Beyond 300 rows: height of the scrolling box (default the smaller of 36em and 80% of the viewport); `none` lets the page scroll the rows. Up to 300 rows the rows flow with the page whatever it says.
 * @cssprop --safety-table-header-surface - Background of the sticky column headers.
 * @cssprop --safety-table-group-surface - Background of the area header rows.
 * @cssprop --safety-table-row-hover - Background of a row under the pointer.
 * @cssprop --safety-sparkline-color - Stroke of the trend sparklines (default: the accent colour).
 * @cssprop --safety-color-synthetic - Colour of the "synthetic" marker (default: muted text).
 * @cssprop --safety-color-met - Status colour of a met target.
 * @cssprop --safety-color-not-met - Status colour of a missed target.
 * @cssprop --safety-color-no-data - Status colour of no data / no target.
 * @cssprop --safety-color-accent - Accent colour (sparklines, links).
 * @cssprop --safety-color-text - Text colour.
 * @cssprop --safety-color-muted - Secondary text (labels, units, subtotals).
 * @cssprop --safety-color-surface - Background.
 * @cssprop --safety-color-surface-alt - Background of headers, area rows and buttons.
 * @cssprop --safety-color-border - Borders and row rules.
 * @cssprop --safety-color-focus - Focus ring.
 * @cssprop --safety-font-family - Font stack.
 * @cssprop --safety-font-size - Body text size (default 0.875 of the reader's default font size: 14px at 16px, 28px at 32px). Leave it unset so text follows the reader.
 *
 * @example
 * ```html
 * <script type="module" src="https://unpkg.com/@safety-widgets/indicator-table/dist/bundle/safety-indicator-table.js"></script>
 * <safety-indicator-table src="/feeds/yantian.json" sort="score:desc" lang="zh-CN"></safety-indicator-table>
 * ```
 */
export class SafetyIndicatorTable extends SafetyElement {
  protected static override texts = [TABLE_TEXTS];

  static override styles = [...(SafetyElement.styles as CSSResultArray), aboutStyles, tableStyles];

  /** Id of the area to show; empty for all. */
  @property() area?: string;

  /** Status to show (`met`, `not-met`, `no-data`, `no-target`); empty for all. */
  @property({ attribute: 'status-filter' }) statusFilter?: string;

  /** Sort as `column:direction` (`score:desc`); empty for feed order. */
  @property() sort?: string;

  /** Search text, matched against the Chinese and English names. */
  @property() query?: string;

  /** Denser rows. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** The row that Tab reaches (roving tabindex) and that ↑/↓ move from. */
  @state() private activeId: string | null = null;

  /** Rows whose details (source note, trend in words) are open. */
  @state() private openDetails: ReadonlySet<string> = new Set();

  /** The table is wider than its box (large text, a narrow column): the box is a focusable, named region. */
  @state() private sideways = false;

  /** Windowed: the rows in the scroll box, for "Showing rows 41–52 of 5,000". */
  @state() private range: RowRange | null = null;

  /**
   * Follows the container's width through a zero-height sizer element, not the host: the host's
   * height changes when the layout switches, which would make a ResizeObserver loop.
   */
  private readonly resize: ResizeController<number | undefined> = new ResizeController<number | undefined>(
    this,
    {
      target: null,
      // The observer reports the first width itself before paint; the controller's initial call
      // (no entries) would only request a second, identical update right after the first.
      skipInitial: true,
      callback: (entries): number | undefined => entries[0]?.contentRect.width ?? this.resize?.value,
    },
  );

  private readonly displayCache = new WeakMap<IndicatorRow, Map<SupportedLocale, RowDisplay>>();
  private modelCache: {
    feed: Feed;
    model: TableModel;
    ranks: Map<SupportedLocale, Map<string, number>>;
  } | null = null;
  private viewCache: { key: unknown[]; view: TableView } | null = null;
  /** Measured heights of lines by key (only used when windowing). */
  private heights = new Map<string, number>();
  private heightsMode: 'table' | 'cards' | null = null;
  /** Visible part of the lines, px from the first line (windowing). */
  private viewTop = 0;
  private viewBottom = 800;
  private frame = 0;
  /** Windowed: offsets of the lines as last drawn (see `computeOffsets`). */
  private offsets: Float64Array | null = null;
  /** The row that had focus before an update, to give it back if the DOM moved it. */
  private focusBeforeUpdate: string | null = null;

  /** "Fires now 4 incidents.": said by the shared announcer when a live update changes a shown row. */
  protected override describeLiveChange(previous: Feed, next: Feed): string | undefined {
    const shown = new Set(rowsInTableOrder(this.view(next, this.locale).groups).map((r) => r.id));
    return liveChangeText(previous, next, this.locale, shown);
  }

  protected override isEmpty(feed: Feed): boolean {
    return feed.indicators.length === 0;
  }

  protected override emptyMessage(): string {
    return msg(this.locale, 'emptyFeed');
  }

  /**
   * While loading, the toolbar (disabled) over rows of placeholders, instead of the shared
   * skeleton, so the toolbar and the top of the table stay put when the data arrives (an offline
   * widget with no data yet keeps the shared skeleton and its badge).
   */
  protected override render(): unknown {
    const state = this.state;
    if (!state.feed && !state.error && state.status !== 'error' && state.status !== 'offline') {
      return renderSkeleton(
        this.locale,
        this.cards,
        html`<div class="sizer" aria-hidden="true" ${this.resize.target()}></div>`,
      );
    }
    return super.render();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('scroll', this.onScroll, { passive: true, capture: true });
    window.addEventListener('resize', this.onScroll, { passive: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('scroll', this.onScroll, { capture: true });
    window.removeEventListener('resize', this.onScroll);
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** True when the container is narrow enough for cards. */
  private get cards(): boolean {
    const width = this.resize.value;
    return typeof width === 'number' && width > 0 && width < CARD_BREAKPOINT;
  }

  // View model ---------------------------------------------------------------------------------

  private model(feed: Feed): TableModel {
    if (this.modelCache?.feed !== feed) {
      this.modelCache = { feed, model: buildTableModel(feed), ranks: new Map() };
    }
    return this.modelCache.model;
  }

  private ranks(locale: SupportedLocale): Map<string, number> {
    const cache = this.modelCache!;
    let ranks = cache.ranks.get(locale);
    if (!ranks) cache.ranks.set(locale, (ranks = nameRanks(cache.model.rows, locale)));
    return ranks;
  }

  private get sortSpec(): SortSpec | null {
    return parseSort(this.sort);
  }

  private view(feed: Feed, locale: SupportedLocale): TableView {
    const model = this.model(feed);
    const sort = this.sortSpec;
    const key = [model, locale, this.area ?? '', this.statusFilter ?? '', this.query ?? '', formatSort(sort)];
    if (this.viewCache && this.viewCache.key.every((k, i) => k === key[i])) return this.viewCache.view;
    const filter = { area: this.area, status: parseStatus(this.statusFilter), query: this.query };
    const ranks = sort?.key === 'name' ? this.ranks(locale) : undefined;
    const view = buildTableView(model, filter, sort, locale, ranks);
    this.viewCache = { key, view };
    return view;
  }

  // Rendering ----------------------------------------------------------------------------------

  protected override renderContent(feed: Feed): TemplateResult {
    const locale = this.locale;
    const view = this.view(feed, locale);
    const cards = this.cards;
    const windowed = isWindowed(view.shown);
    const range = windowed ? this.range : null;
    return html`<div class="widget ${cards ? 'cards' : 'grid'}" part="widget">
      <div class="sizer" aria-hidden="true" ${this.resize.target()}></div>
      ${renderToolbar(
        {
          locale,
          cards,
          areas: view.model.areas,
          area: this.area ?? '',
          status: parseStatus(this.statusFilter) ?? '',
          sort: formatSort(this.sortSpec),
          query: this.query ?? '',
          count: { shown: view.shown, total: view.model.rows.length },
        },
        {
          onSearch: this.onSearch,
          onAreaChange: this.onAreaChange,
          onStatusChange: this.onStatusChange,
          onSortSelect: this.onSortSelect,
          onCsv: () =>
            downloadText(
              this.renderRoot,
              indicatorsCsvFileName(feed.place.id, feed.asOf),
              indicatorsCsv(rowsInTableOrder(view.groups), view.model, locale),
            ),
        },
      )}
      ${renderTableAbout(locale, feed)}
      ${
        view.lines.length === 0
          ? this.renderNoMatch(locale)
          : html`${
                windowed
                  ? html`<p class="range" part="range" id="range">
                      ${
                        range
                          ? msg(locale, 'range', {
                              first: range.first,
                              last: range.last,
                              total: view.shown,
                              n: range.last - range.first + 1,
                            })
                          : nothing
                      }
                    </p>`
                  : nothing
              }
              <div
                class="scroller ${windowed ? 'windowed' : 'flow'}"
                part="scroller"
                role=${ifDefined(this.sideways ? 'region' : undefined)}
                aria-labelledby=${ifDefined(this.sideways ? 'caption' : undefined)}
                tabindex=${ifDefined(this.sideways ? 0 : undefined)}
                aria-describedby=${ifDefined(windowed ? 'range' : undefined)}
                @scroll=${this.onScroll}
              >
                ${this.renderTable(feed, view, locale, cards, windowed)}
              </div>
              ${renderRowKeyHint(locale)}`
      }
    </div>`;
  }

  private renderNoMatch(locale: SupportedLocale): TemplateResult {
    return html`<div class="no-match" part="no-match">
      <p>${msg(locale, 'noMatch')}</p>
      <button type="button" class="button" part="clear-button" @click=${this.clearFilters}>
        ${msg(locale, 'clearFilters')}
      </button>
    </div>`;
  }

  private renderTable(
    feed: Feed,
    view: TableView,
    locale: SupportedLocale,
    cards: boolean,
    windowed: boolean,
  ): TemplateResult {
    const place = localizedTextWithLang(feed.place.name, locale);
    const sort = this.sortSpec;
    const slots = windowed ? this.slots(view, cards) : null;
    const role = (r: string) => (cards ? r : undefined);
    return html`<table
      part="table"
      role=${ifDefined(role('table'))}
      aria-labelledby=${ifDefined(cards ? 'caption' : undefined)}
      aria-rowcount=${ifDefined(windowed ? view.lines.length + 1 : undefined)}
      ?data-windowed=${windowed}
    >
      <caption part="caption" id="caption">
        <span lang=${place.lang}>${msg(locale, 'caption', { place: place.text })}</span>
        <span class="as-of"
          >${msg(locale, 'asOf', { date: formatDate(feed.asOf, locale, feed.place.timeZone) })}</span
        >
        ${feed.synthetic ? renderSyntheticBadge(locale) : nothing} ${this.liveBadge()}
      </caption>
      <colgroup>
        ${COLUMNS.map((c) => html`<col class="c-${c.key}" />`)}
      </colgroup>
      ${renderHead(sort, { locale, cards, windowed, onSort: this.sortBy })}
      ${slots ? this.renderWindowed(view, slots, locale, cards) : this.renderAll(view, locale, cards)}
    </table>`;
  }

  /** Every group and row (short tables). */
  private renderAll(view: TableView, locale: SupportedLocale, cards: boolean): unknown {
    const active = this.tabbableRow(view, null);
    return repeat(
      view.groups,
      (g) => g.area.id,
      (g) =>
        this.renderGroupBody(
          g,
          [{ kind: 'group' as const }, ...g.rows.map((row) => ({ kind: 'row' as const, row }))],
          locale,
          cards,
          active,
          null,
        ),
    );
  }

  /** The slots of a long table: spacers, and tbodies holding only the lines in view. */
  private renderWindowed(
    view: TableView,
    slots: WindowSlot[],
    locale: SupportedLocale,
    cards: boolean,
  ): unknown {
    const bodies = windowBodies(view.lines, slots);
    const active = this.tabbableRow(view, slots);
    const spacerRole = cards ? 'presentation' : undefined;
    return repeat(
      bodies,
      (b) => b.key,
      (b) =>
        b.kind === 'spacer'
          ? html`<tbody class="spacer-body" aria-hidden="true" role=${ifDefined(spacerRole)}>
              <tr class="spacer">
                <td colspan=${COLUMNS.length} style=${cssProps({ height: `${b.height}px` })}></td>
              </tr>
            </tbody>`
          : this.renderGroupBody(b.group, b.entries, locale, cards, active, b.headerLine),
    );
  }

  private renderGroupBody(
    group: RowGroup,
    entries: readonly BodyEntry[],
    locale: SupportedLocale,
    cards: boolean,
    active: string | null,
    headerLine: number | null,
  ): TemplateResult {
    const role = (r: string) => (cards ? r : undefined);
    const area = group.area;
    const name = localizedTextWithLang(area.name, locale);
    return html`<tbody part="group" data-area=${area.id} role=${ifDefined(role('rowgroup'))}>
      ${repeat(
        entries,
        (e) => (e.kind === 'group' ? 'g' : e.kind === 'row' ? `r:${e.row.id}` : e.key),
        (e) => {
          if (e.kind === 'spacer') {
            return html`<tr class="spacer" aria-hidden="true" role=${ifDefined(role('presentation'))}>
              <td colspan=${COLUMNS.length} style=${cssProps({ height: `${e.height}px` })}></td>
            </tr>`;
          }
          if (e.kind === 'group') {
            return renderGroupRow(area, name, { locale, cards, line: headerLine ?? undefined });
          }
          return renderRow(e.row, this.display(e.row, locale), {
            locale,
            cards,
            tabbable: e.row.id === active,
            open: this.openDetails.has(e.row.id),
            line: e.line,
          });
        },
      )}
    </tbody>`;
  }

  /** The row's texts in `locale`, computed once per row (the model makes new rows for a new feed). */
  private display(row: IndicatorRow, locale: SupportedLocale): RowDisplay {
    let byLocale = this.displayCache.get(row);
    if (!byLocale) this.displayCache.set(row, (byLocale = new Map()));
    let d = byLocale.get(locale);
    if (!d) byLocale.set(locale, (d = rowDisplay(row, locale)));
    return d;
  }

  // Windowing ----------------------------------------------------------------------------------

  /** Typical height of a line not measured yet: the median of those measured (robust to outliers). */
  private estimate(kind: 'group' | 'row', cards: boolean): number {
    const prefix = kind === 'group' ? 'g:' : 'r:';
    const sample: number[] = [];
    for (const [key, h] of this.heights) {
      if (key.startsWith(prefix)) sample.push(h);
      if (sample.length >= 101) break;
    }
    if (sample.length > 0) return sample.sort((a, b) => a - b)[sample.length >> 1]!;
    if (kind === 'group') return cards ? 56 : 52;
    return cards ? 170 : this.compact ? 32 : 44;
  }

  private slots(view: TableView, cards: boolean): WindowSlot[] {
    const mode = cards ? 'cards' : 'table';
    if (this.heightsMode !== mode) {
      this.heights.clear();
      this.heightsMode = mode;
    }
    const rowH = this.estimate('row', cards);
    const groupH = this.estimate('group', cards);
    const offsets = computeOffsets(view.lines.length, (i) => {
      const line = view.lines[i]!;
      return this.heights.get(line.key) ?? (line.kind === 'group' ? groupH : rowH);
    });
    this.offsets = offsets;
    const keep: number[] = [];
    const activeLine = this.activeId === null ? undefined : view.lineOfRow.get(this.activeId);
    if (activeLine !== undefined) keep.push(activeLine);
    return windowSlots({
      offsets,
      viewTop: this.viewTop,
      viewBottom: this.viewBottom,
      overscan: OVERSCAN,
      keep,
      headerOf: (i) => view.headerOf[i] ?? 0,
    });
  }

  /** The row that is in the tab order: the active one if shown, else the first row drawn. */
  private tabbableRow(view: TableView, slots: WindowSlot[] | null): string | null {
    if (this.activeId !== null && view.lineOfRow.has(this.activeId)) return this.activeId;
    if (!slots) return view.groups[0]?.rows[0]?.id ?? null;
    for (const slot of slots) {
      const line = slot.kind === 'line' ? view.lines[slot.index] : undefined;
      if (line?.kind === 'row') return line.row.id;
    }
    return null;
  }

  /** Schedules a check of the windowed table against the scroll position and measured heights. */
  private readonly onScroll = (): void => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.syncWindow();
    });
  };

  /** Measures the lines drawn and where the table is in view; re-renders when other lines are needed. */
  private syncWindow(): void {
    const table = (this.renderRoot as ShadowRoot).querySelector('table');
    if (!table?.hasAttribute('data-windowed')) return;
    const measured = this.measureLines(table);
    const moved = this.measureView(table);
    if (measured || moved) this.requestUpdate();
  }

  /**
   * Reads the visible part of the lines and which rows are in it (for the range line); true when
   * it moved enough to need other lines.
   */
  private measureView(table: HTMLTableElement): boolean {
    const scroller = table.parentElement;
    const firstBody = table.tBodies[0];
    if (!scroller || !firstBody) return false;
    const s = scroller.getBoundingClientRect();
    const head = this.cards ? 0 : (table.tHead?.getBoundingClientRect().height ?? 0);
    const top = Math.max(s.top + head, 0);
    const bottom = Math.min(s.bottom, window.innerHeight || s.bottom);
    const origin = firstBody.getBoundingClientRect().top;
    const viewTop = top - origin;
    const viewBottom = Math.max(viewTop, bottom - origin);
    const view = this.viewCache?.view;
    const range =
      this.offsets && view ? visibleRowRange(this.offsets, view.rowNumbers, viewTop, viewBottom) : null;
    if (range?.first !== this.range?.first || range?.last !== this.range?.last) this.range = range;
    if (
      Math.abs(viewTop - this.viewTop) <= OVERSCAN / 4 &&
      Math.abs(viewBottom - this.viewBottom) <= OVERSCAN / 4
    ) {
      return false;
    }
    this.viewTop = viewTop;
    this.viewBottom = viewBottom;
    return true;
  }

  /** Measures the lines drawn (height = distance to the next row drawn), for windowing. */
  private measureLines(table: HTMLTableElement): boolean {
    const trs = [...table.querySelectorAll<HTMLTableRowElement>('tbody > tr')];
    let changed = false;
    for (let i = 0; i < trs.length; i++) {
      const tr = trs[i]!;
      const key = tr.dataset.key;
      if (!key) continue;
      const top = tr.getBoundingClientRect().top;
      const next = trs[i + 1];
      const height = next ? next.getBoundingClientRect().top - top : tr.getBoundingClientRect().height;
      if (!(height > 0)) continue;
      const old = this.heights.get(key);
      if (old === undefined || Math.abs(old - height) > 0.5) {
        this.heights.set(key, height);
        changed = true;
      }
    }
    return changed;
  }

  // Lifecycle ----------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const focused = (this.renderRoot as ShadowRoot | undefined)?.activeElement;
    this.focusBeforeUpdate =
      focused instanceof HTMLTableRowElement && focused.dataset.id ? focused.dataset.id : null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Keep keyboard focus on its row: a live update may have moved the row's node.
    const id = this.focusBeforeUpdate;
    this.focusBeforeUpdate = null;
    if (id !== null) {
      const row = this.rowElement(id);
      if (row && (this.renderRoot as ShadowRoot).activeElement !== row) row.focus({ preventScroll: true });
    }
    // A table wider than its box (large text, a narrow column) scrolls sideways: its box is then
    // a focusable region named by the caption.
    const scroller = (this.renderRoot as ShadowRoot).querySelector('.scroller');
    const sideways = !!scroller && scroller.scrollWidth > scroller.clientWidth + 1;
    if (sideways !== this.sideways) this.sideways = sideways;
    // Windowed: measure the new lines and check the view once they are laid out.
    this.onScroll();
  }

  // Interaction --------------------------------------------------------------------------------

  private rowElement(id: string): HTMLTableRowElement | null {
    const rows = (this.renderRoot as ShadowRoot).querySelectorAll<HTMLTableRowElement>('tr.row');
    for (const row of rows) if (row.dataset.id === id) return row;
    return null;
  }

  /**
   * The reader changed the view in the toolbar or a column header: tells the page, which may keep
   * it in its URL (`safety-table-view-change`; setting the properties from script fires nothing).
   */
  private setView(view: Partial<Pick<this, 'sort' | 'area' | 'statusFilter' | 'query'>>): void {
    Object.assign(this, view);
    emit(this, 'safety-table-view-change', {
      sort: this.sort ?? '',
      area: this.area ?? '',
      statusFilter: this.statusFilter ?? '',
      query: this.query ?? '',
    });
  }

  private readonly sortBy = (key: SortKey): void =>
    this.setView({ sort: formatSort(nextSort(this.sortSpec, key)) });

  private readonly onSortSelect = (event: Event): void =>
    this.setView({ sort: (event.target as HTMLSelectElement).value });

  private readonly onSearch = (event: Event): void =>
    this.setView({ query: (event.target as HTMLInputElement).value });

  private readonly onAreaChange = (event: Event): void =>
    this.setView({ area: (event.target as HTMLSelectElement).value });

  private readonly onStatusChange = (event: Event): void =>
    this.setView({ statusFilter: (event.target as HTMLSelectElement).value });

  private readonly clearFilters = async (): Promise<void> => {
    this.setView({ area: '', statusFilter: '', query: '' });
    await this.updateComplete;
    (this.renderRoot as ShadowRoot).querySelector<HTMLInputElement>('input[type="search"]')?.focus();
  };

  /** The row a keyboard or pointer event is about, if any. */
  private rowOf(event: Event): HTMLTableRowElement | null {
    for (const node of event.composedPath()) {
      if (node === this) break;
      if (node instanceof HTMLTableRowElement && node.classList.contains('row')) return node;
    }
    return null;
  }

  private select(id: string): void {
    emit(this, 'safety-indicator-select', { id });
  }

  private readonly onTableClick = (event: MouseEvent): void => {
    const row = this.rowOf(event);
    if (!row?.dataset.id) return;
    this.activeId = row.dataset.id;
    const details = (event.target as Element).closest?.('[data-details], .details');
    // The ⓘ button opens or closes the row's details; a click in them selects nothing.
    if (details instanceof HTMLButtonElement) this.toggleDetails(row.dataset.id);
    else if (!details) this.select(row.dataset.id);
  };

  private toggleDetails(id: string): void {
    const open = new Set(this.openDetails);
    if (!open.delete(id)) open.add(id);
    this.openDetails = open;
  }

  private readonly onTableFocusIn = (event: FocusEvent): void => {
    const row = this.rowOf(event);
    if (row?.dataset.id && row.dataset.id !== this.activeId) this.activeId = row.dataset.id;
  };

  private readonly onTableKeyDown = (event: KeyboardEvent): void => {
    const row = this.rowOf(event);
    if (!row?.dataset.id || event.target !== row || event.altKey || event.ctrlKey || event.metaKey) return;
    const id = row.dataset.id;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (!event.repeat) this.select(id);
      return;
    }
    const view = this.viewCache?.view;
    if (!view) return;
    const rows = rowsInTableOrder(view.groups);
    const target = rowKeyTarget(
      event.key,
      rows.findIndex((r) => r.id === id),
      rows.length,
    );
    if (target === null) return;
    event.preventDefault();
    const next = rows[target];
    if (next) void this.focusRow(next.id);
  };

  /** Makes `id` the active row, renders it if windowed away, focuses it and scrolls it into view. */
  async focusRow(id: string): Promise<void> {
    this.activeId = id;
    await this.updateComplete;
    const row = this.rowElement(id);
    if (!row) return;
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    // Row events are delegated from the shadow root, so they survive re-rendering the table.
    const root = this.renderRoot;
    root.addEventListener('click', this.onTableClick as EventListener);
    root.addEventListener('focusin', this.onTableFocusIn as EventListener);
    root.addEventListener('keydown', this.onTableKeyDown as EventListener);
  }
}
