/**
 * `<safety-indicator-table>`: every indicator of a feed in a real, sortable, filterable table,
 * grouped by area, with a card layout for narrow containers and windowed rendering for long feeds.
 * The thin place where its properties, controllers and templates meet: the model is in
 * ./table-model.ts, one render's view model in ./table-view-model.ts (memos in ./table-memos.ts),
 * the templates in ./table-template.ts, ./row-template.ts and ./toolbar.ts, the rows' keys and
 * clicks in ./table-interaction.ts and windowing in ./table-windowing.ts.
 */
import { ResizeController } from '@lit-labs/observers/resize-controller.js';
import { aboutStyles, downloadText, SafetyElement, emit, type Feed } from '@safety-widgets/core';
import { html, type CSSResultArray, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { indicatorsCsv, indicatorsCsvFileName } from './csv.js';
import './events.js';
import { rowsInTableOrder } from './group.js';
import { liveChangeText } from './live-change.js';
import { WINDOW_THRESHOLD, isWindowed } from './layout.js';
import { TABLE_TEXTS, msg } from './messages.js';
import { formatSort, nextSort, parseSort, type SortKey } from './sort.js';
import { tableStyles } from './styles.js';
import { TableInteraction } from './table-interaction.js';
import { TableMemos } from './table-memos.js';
import { renderTableWidget } from './table-template.js';
import { buildTableViewModel, type TableView } from './table-view-model.js';
import { TableWindowing } from './table-windowing.js';
import { tableSummary } from './summary-text.js';
import { renderSkeleton } from './toolbar.js';

export { WINDOW_THRESHOLD };

/** Containers narrower than this (px) get the card layout. */
export const CARD_BREAKPOINT = 480;

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
 * <script type="module" src="https://cdn.jsdelivr.net/npm/@safety-widgets/embed@0/dist/safety-indicator-table.js"></script>
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

  /** The table is wider than its box (large text, a narrow column): the box is a focusable, named region. */
  @state() private sideways = false;

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

  private readonly memos = new TableMemos();
  private readonly rows = new TableInteraction(this, () => this.memos.lastView);
  private readonly windowing = new TableWindowing(this, () => ({
    view: this.memos.lastView,
    cards: this.cards,
  }));

  /** "Fires now 4 incidents.": said by the shared announcer when a live update changes a shown row. */
  protected override describeLiveChange(previous: Feed, next: Feed): string | undefined {
    const shown = new Set(rowsInTableOrder(this.view(next).groups).map((r) => r.id));
    return liveChangeText(previous, next, this.locale, shown);
  }

  /** The caption and date, the count shown and the count of each status (see ./summary-text.ts). */
  protected override summaryText(feed: Feed): string {
    const view = this.view(feed);
    return tableSummary(feed, rowsInTableOrder(view.groups), view.model.rows.length, this.locale);
  }

  /** Printing (or done printing): a long table draws every row (or the rows in view) at once. */
  protected override printChanged(): void {
    if (!this.long) return;
    this.requestUpdate();
    this.performUpdate();
  }

  /** Whether the last render had more rows than are drawn at once on screen (see `WINDOW_THRESHOLD`). */
  private long = false;

  protected override isEmpty(feed: Feed): boolean {
    return feed.indicators.length === 0;
  }

  protected override emptyMessage(): string {
    return msg(this.locale, 'emptyFeed');
  }

  /** True when the container is narrow enough for cards. */
  private get cards(): boolean {
    const width = this.resize.value;
    return typeof width === 'number' && width > 0 && width < CARD_BREAKPOINT;
  }

  private sizer(): TemplateResult {
    return html`<div class="sizer" aria-hidden="true" ${this.resize.target()}></div>`;
  }

  /** The rows shown for `feed` under the current attributes, in the current language. */
  private view(feed: Feed): TableView {
    return this.memos.view(feed, this.locale, this);
  }

  /**
   * While loading, the toolbar (disabled) over rows of placeholders, instead of the shared
   * skeleton, so the toolbar and the top of the table stay put when the data arrives (an offline
   * widget with no data yet keeps the shared skeleton and its badge).
   */
  protected override render(): unknown {
    const state = this.state;
    if (!state.feed && !state.error && state.status !== 'error' && state.status !== 'offline') {
      return renderSkeleton(this.locale, this.cards, this.sizer());
    }
    return super.render();
  }

  protected override renderContent(feed: Feed): TemplateResult {
    const locale = this.locale;
    const view = this.view(feed);
    const cards = this.cards;
    const activeId = this.rows.activeId;
    // A still picture (snapshot mode, print) shows every row.
    const whole = this.snapshot || this.printing;
    this.long = isWindowed(view.shown);
    const slots =
      !whole && this.long ? this.windowing.slots(view, { cards, compact: this.compact }, activeId) : null;
    const vm = buildTableViewModel({
      feed,
      view,
      locale,
      cards,
      area: this.area,
      statusFilter: this.statusFilter,
      sort: this.sort,
      query: this.query,
      slots,
      range: this.windowing.range,
      activeId,
      openDetails: this.rows.openDetails,
      sideways: this.sideways,
      still: this.snapshot,
    });
    return renderTableWidget(feed, vm, {
      sizer: this.sizer(),
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
      onScroll: this.windowing.onScroll,
      onSort: this.sortBy,
      onClearFilters: this.clearFilters,
      display: (row) => this.memos.display(row, locale),
      liveBadge: () => this.liveBadge(),
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A table wider than its box (large text, a narrow column) scrolls sideways: its box is then
    // a focusable region named by the caption.
    const scroller = (this.renderRoot as ShadowRoot).querySelector('.scroller');
    const sideways = !!scroller && scroller.scrollWidth > scroller.clientWidth + 1;
    if (sideways !== this.sideways) this.sideways = sideways;
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
    this.setView({ sort: formatSort(nextSort(parseSort(this.sort), key)) });

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

  /** Makes `id` the active row, renders it if windowed away, focuses it and scrolls it into view. */
  async focusRow(id: string): Promise<void> {
    return this.rows.focusRow(id);
  }
}
