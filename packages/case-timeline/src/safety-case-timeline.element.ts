/**
 * `<safety-case-timeline>`: case counts over time per category, drawn with Chart.js in the
 * shadow root, with a year-earlier overlay, annotation markers, a date range, a keyboard
 * cursor, a text summary and a data-table twin.
 */
import {
  aboutStyles,
  dataTableStyles,
  renderLiveBadges,
  renderOfflineBadge,
  SafetyElement,
  type Feed,
  type FeedState,
} from '@safety-widgets/core';
import { html, type CSSResultArray, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { renderTimelineAbout } from './about.js';
import type { EventColumns } from './bin-events.js';
import { TimelineChartController, type ChartInput } from './chart-controller.js';
import { CursorController } from './cursor-controller.js';
import { isInterval, type Interval } from './dates.js';
import { headlineText } from './figures.js';
import { renderAnnotations, renderFoot, renderTableDisclosure } from './foot.js';
import { renderLegend } from './legend.js';
import { TIMELINE_TEXTS, msg } from './messages.js';
import { renderPlot } from './plot.js';
import { PlotPointer } from './plot-pointer.js';
import { cachedTimelineData, sharedTimelineData, sharedView, type DataKey } from './shared-data.js';
import { renderTimelineSkeleton } from './skeleton.js';
import { timelineStyles } from './styles.js';
import { tableModel } from './table.js';
import { TableTwinController } from './table-twin.js';
import { liveChangeText } from './text.js';
import type { TimelineData } from './timeline-data.js';
import {
  timelineViewModel,
  figuresMemo,
  headingLevel,
  scopeId,
  scopeName,
  trimmed,
  type TimelineViewModel,
} from './timeline-view-model.js';
import type { TimelineView } from './timeline-view.js';
import { renderToolbar } from './toolbar.js';
import { renderTooltip } from './tooltip.js';
import { ViewControlsController } from './view-controls.js';
import { SMALL_BASE } from './yoy.js';

export { caseTimelineStats } from './chart-controller.js';

/**
 * Case counts over time — 110 alerts, criminal cases, fraud alerts, fires, disputes — per day,
 * week, month or year, with the same period a year earlier, campaign markers and a date range.
 *
 * Counts come from the feed's `series` for the place (or the `subdistrict`/`grid` asked for),
 * and from its incident `events` for days no series covers, so events arriving after the last
 * series day extend the chart in place. Raw events too many for a feed can be given as typed
 * arrays in `eventColumns`. A change on a base under `small-base` cases a year earlier is given
 * as a difference in cases ("+2 (small base)"), never as a bare percentage.
 *
 * One sentence above the chart gives the headline figure (the total of the categories shown and its
 * change on a year earlier); "More figures" under it gives a sentence per category. The words and
 * the dashed year-earlier lines come from one view model: a category's dashed line is drawn only
 * when its figures state the comparison. Controls are one row — interval, range, "More" (date
 * fields, comparison, table); a drag across the plot selects whole periods.
 *
 * Keyboard: the legend's buttons show and hide categories; the chart is focusable, and Left/Right,
 * Home/End and Page Up/Page Down move a cursor across periods whose values are announced; the keys
 * are shown over the chart while it has keyboard focus. Under the chart: the data table (sortable,
 * downloadable) and "About this chart" (what is counted, YoY and small bases, the data, the keys).
 *
 * A page can keep the reader's view in its URL: `interval`, `start`, `end`, `categories` and `yoy`
 * are attributes, and `safety-view-change` carries their new values when the reader changes them.
 *
 * @tagname safety-case-timeline
 * @summary Case counts over time with a year-earlier comparison, annotations and a date range (Chart.js).
 *
 * @attr interval - Period to count by: `day`, `week`, `month` (default) or `year`. A longer one is used when the feed's series cannot be split (a monthly series is not shown by day).
 * @attr yoy - Present to draw the same period a year earlier as dashed lines.
 * @attr start - First day shown, `YYYY-MM-DD` (default: the first day with data).
 * @attr end - Last day shown, `YYYY-MM-DD` (default: the last day with data).
 * @attr subdistrict - Id of a sub-district: show only its counts (its series, else its events).
 * @attr grid - Id of a grid: show only its counts (its series, else its events); wins over `subdistrict`. Categories the feed marks `sensitive` are withheld in a grid, with a note.
 * @attr categories - Comma-separated ids of the categories shown at first (default: all); the legend changes it.
 * @attr show-table - Present to open the data table (sortable, downloadable as CSV) under the chart; the reader opens and closes it with its "Data table" control.
 * @attr small-base - Counts a year earlier below this give a difference, not a percentage (default 10).
 * @attr heading-level - Level of the title heading (default 2).
 *
 * @fires {CustomEvent<{ start: string; end: string }>} safety-range-change - The user changed the dates shown; `detail` is `{ start, end }` as `YYYY-MM-DD`.
 * @fires {CustomEvent<{ interval: 'day' | 'week' | 'month' | 'year'; start: string | null; end: string | null; categories: string | null; yoy: boolean }>} safety-view-change - The user changed the interval, the dates, the categories shown or the comparison; `detail` is `{ interval, start, end, categories, yoy }`, the values of the attributes of the same names that show this view again (null: remove the attribute), for the page to keep in its URL. Setting attributes from script fires nothing.
 *
 * @csspart header - The title.
 * @csspart headline - The one sentence above the chart: the most important figure of the dates shown (the chart's description).
 * @csspart figures - "More figures" under the chart: a sentence per category.
 * @csspart summary - Those sentences, one per category shown.
 * @csspart toolbar - One row (interval, range, "More") and the panel "More" opens (date fields, comparison, table).
 * @csspart legend - The category buttons.
 * @csspart legend-item - One category button (`aria-pressed` says whether it is shown).
 * @csspart chart - The focusable chart area (its name is short: what is counted, by what, over which dates).
 * @csspart tooltip - The values at the cursor.
 * @csspart caption - Where the counts come from and the time zone, with the sample-data badge.
 * @csspart note - A note under the chart on what is not counted (also `withheld`, `recorded-since`, `out-of-range`, `unknown-category`).
 * @csspart recorded-since - The note counting incidents recorded after the counts end (also `note`).
 * @csspart withheld - The note on sensitive categories withheld in a grid (also `note`).
 * @csspart out-of-range - The note counting cases dated outside the feed's dates (also `note`).
 * @csspart unknown-category - The note counting events of categories the feed does not list (also `note`).
 * @csspart annotations - The list of events marked on the timeline.
 * @csspart table - The "Data table" disclosure under the chart (core's `data-table` and `download` parts inside).
 * @csspart key-hint - The keyboard instructions shown over the chart's bottom edge while it has keyboard focus.
 * @csspart about - The "About this chart" description block (`about-summary`: its control): what is counted, year-on-year and small bases, the data's source and freshness, the keys.
 *
 * @cssprop --safety-timeline-height - Height of the chart (default 20 × the font size; 42 × in containers up to 480 px wide, so the plot is at least half the widget on a phone).
 * @cssprop --safety-color-series-1 - Colour of the first category.
 * @cssprop --safety-color-series-2 - Colour of the second category.
 * @cssprop --safety-color-series-3 - Colour of the third category.
 * @cssprop --safety-color-series-4 - Colour of the fourth category.
 * @cssprop --safety-color-series-5 - Colour of the fifth category.
 * @cssprop --safety-color-series-6 - Colour of the sixth category.
 * @cssprop --safety-color-grid - Colour of the chart's grid lines.
 *
 * @example
 * <safety-feed id="district" src="https://example.org/feeds/yantian.json"></safety-feed>
 * <safety-case-timeline feed="district" interval="month" yoy categories="fraud,fire"></safety-case-timeline>
 */
export class SafetyCaseTimeline extends SafetyElement {
  protected static override texts = [TIMELINE_TEXTS];

  static override styles = [
    ...(SafetyElement.styles as CSSResultArray),
    dataTableStyles,
    aboutStyles,
    timelineStyles,
  ];

  /** Period to count by: `day`, `week`, `month` or `year`. */
  @property() interval: Interval = 'month';

  /** Draw the same period a year earlier (dashed). */
  @property({ type: Boolean, reflect: true }) yoy = false;

  /** First day shown (`YYYY-MM-DD`); the date inputs change it. */
  @property() start?: string;

  /** Last day shown (`YYYY-MM-DD`); the date inputs change it. */
  @property() end?: string;

  /** Id of a sub-district whose counts to show. */
  @property() subdistrict?: string;

  /** Id of a grid whose counts to show (wins over `subdistrict`); sensitive categories are withheld there. */
  @property() grid?: string;

  /** Comma-separated ids of the categories shown at first (default: all). */
  @property() categories?: string;

  /** Open the "Data table" disclosure under the chart (the reader opens and closes it too). */
  @property({ type: Boolean, attribute: 'show-table', reflect: true }) showTable = false;

  /** Counts a year earlier below this give a difference in cases, not a percentage. */
  @property({ type: Number, attribute: 'small-base' }) smallBase = SMALL_BASE;

  /** Level of the title heading (1–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /**
   * Raw incidents as typed arrays (`{ time: Float64Array, category, categories, grid?, grids? }`),
   * counted like the feed's events: for data too large to send as feed events (a million events
   * are counted in tens of milliseconds). Needs a feed too, for the place, time zone and category
   * names. Anything else is ignored with a console warning.
   */
  @property({ attribute: false }) eventColumns?: EventColumns;

  protected override droppedKinds = ['categories', 'series', 'events'] as const;
  protected override droppedLabel = 'items' as const;

  /** The Chart.js chart: drawn after each render and when the plot's size is reported (chart-controller.ts). */
  private readonly chart = new TimelineChartController(
    this,
    () => this.chartInput(),
    () => this.onPlotResize(),
  );
  /** The keyboard and pointer cursor: its period, the keys and what they announce (cursor-controller.ts). */
  private readonly cursor = new CursorController(this, {
    model: () => this.model,
    smallBase: () => this.smallBase,
  });
  /** Hovering and dragging across the plot (plot-pointer.ts). */
  private readonly pointer = new PlotPointer(this.chart, {
    model: () => this.model,
    hover: (k) => this.cursor.hover(k),
    select: (a, b) => this.controls.select(a, b),
  });
  /** The reader's choices: interval, dates, categories, comparison (view-controls.ts). */
  private readonly controls = new ViewControlsController(this, {
    model: () => this.model,
    resetCursor: () => this.cursor.reset(),
  });
  /** The data-table twin, built after the first paint (table-twin.ts). */
  private readonly tableTwin = new TableTwinController(this);
  /** What the last render showed (timeline-view-model.ts); undefined while loading, in error or empty. */
  private model: TimelineViewModel | undefined;
  /** The figures, built again only when what they are built from changed. */
  private readonly figuresFor = figuresMemo();
  /** The feed last counted (the counts are shared with every timeline on the page, see shared-data.ts). */
  private countedFeed: Feed | undefined;

  // Data ------------------------------------------------------------------------------------------

  /** "3 new cases recorded since 14:05.": said by the shared announcer when a live update adds cases. */
  protected override describeLiveChange(previous: Feed, next: Feed): string | undefined {
    const before = cachedTimelineData(previous, this.dataKey());
    if (!before) return undefined;
    const after = this.dataFor(next);
    return liveChangeText(before, after, previous.asOf, after.timeZone, this.locale);
  }

  /**
   * The day counts of this timeline's scope: counted once per feed version for the whole page, and
   * not again when a new version leaves what they are counted from unchanged.
   */
  private dataFor(feed: Feed): TimelineData {
    const data = sharedTimelineData(feed, this.dataKey(), this.countedFeed, this.localName);
    this.countedFeed = feed;
    return data;
  }

  /** What the counts depend on besides the feed. */
  private dataKey(): DataKey {
    return { grid: trimmed(this.grid), subdistrict: trimmed(this.subdistrict), columns: this.eventColumns };
  }

  private viewFor(data: TimelineData): TimelineView {
    return sharedView(data, isInterval(this.interval) ? this.interval : 'month');
  }

  protected override isEmpty(feed: Feed): boolean {
    const data = this.dataFor(feed);
    return data.endDay <= data.firstDay || data.categories.every((c) => c.basis === 'none');
  }

  protected override emptyMessage(): string | undefined {
    const feed = this.state.feed;
    const place = feed ? scopeName(feed, this, this.locale) : undefined;
    return place && (trimmed(this.grid) || trimmed(this.subdistrict))
      ? msg(this.locale, 'emptyScope', { place })
      : msg(this.locale, 'emptyAll');
  }

  // Rendering -------------------------------------------------------------------------------------

  protected override render(): unknown {
    // renderContent sets the model again; without it (loading, error, empty) there is no chart.
    this.model = undefined;
    const state = this.state;
    if (!state.feed && state.status !== 'error' && !state.error) {
      // Loading: a skeleton of the widget's own shape and size (core's is a few grey lines).
      const skeleton = renderTimelineSkeleton(this.locale);
      return state.status === 'offline'
        ? html`${renderLiveBadges(renderOfflineBadge(this.locale))}${skeleton}`
        : skeleton;
    }
    return super.render();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('categories') && changed.get('categories') !== undefined) this.controls.forgetToggles();
    if (changed.has('theme')) this.chart.forgetColors();
    // Opened from script after the first paint (`model` is still the last render's): built now.
    if (changed.has('showTable') && this.showTable) this.tableTwin.opened(this.model !== undefined);
  }

  /** The view model for `feed` under the current options (what the next render shows). */
  private viewModel(feed: Feed): TimelineViewModel {
    const data = this.dataFor(feed);
    const view = this.viewFor(data);
    // Written out in full: the manifest analyzer lists shorthand properties here as module variables.
    return timelineViewModel(
      {
        data: data,
        view: view,
        start: this.start,
        end: this.end,
        isShown: (id) => this.controls.isShown(id),
        cursor: this.cursor.period,
        yoy: this.yoy,
        smallBase: this.smallBase,
        locale: this.locale,
      },
      this.figuresFor,
    );
  }

  /** The headline above the chart: the span shown, its totals and the change on a year earlier. */
  protected override summaryText(feed: Feed): string {
    return headlineText(this.viewModel(feed));
  }

  /** Printing: the chart is drawn again in the printed colours before the page is laid out. */
  protected override printChanged(): void {
    this.chart.forgetColors();
    this.chart.draw();
  }

  protected override renderContent(feed: Feed, _state: FeedState): unknown {
    const locale = this.locale;
    const still = this.snapshot;
    const m = this.viewModel(feed);
    const view = m.view;
    this.model = m;
    const place = scopeName(feed, this, locale);
    const title = msg(locale, 'titleScope', { place });
    const said = this.cursor.announcement;
    const tooltipAt =
      m.cursor >= 0 && this.cursor.shown ? this.chart.placement(view.starts[m.cursor]!) : undefined;
    return html`<section class="timeline">
      <div class="head" part="header">
        <div class="title" role="heading" aria-level=${headingLevel(this.headingLevel)}>${title}</div>
      </div>
      <p class="headline" id="headline" part="headline">${headlineText(m)}</p>
      ${renderToolbar(m, this.controls, this.controls)} ${renderLegend(m, this.controls.toggle, still)}
      ${renderPlot(
        m,
        renderTooltip(m, tooltipAt, this.smallBase),
        {
          keydown: this.cursor.keydown,
          focus: this.cursor.focus,
          blur: this.cursor.blur,
          pointerdown: this.pointer.down,
          pointermove: this.pointer.move,
          pointerup: this.pointer.up,
          pointercancel: this.pointer.cancel,
          pointerleave: this.pointer.leave,
        },
        still,
      )}
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${said}</p>
      <div class="foot">
        ${renderFoot(m, this.liveBadge())} ${renderAnnotations(m)} ${this.renderTable(m, feed)}
        ${renderTimelineAbout(feed, place, view.interval, this.smallBase, locale)}
      </div>
    </section>`;
  }

  /** The "Data table" disclosure with the data-table twin (built after the first paint, see table-twin.ts). */
  private renderTable(m: TimelineViewModel, feed: Feed): TemplateResult {
    const place = scopeId(feed, this);
    const deps = [m.data, m.view, m.shown.join(), m.a, m.b, m.locale, this.yoy, this.smallBase, place];
    const table = this.tableTwin.render(deps, this.showTable, () =>
      tableModel({
        data: m.data,
        view: m.view,
        shown: m.shown,
        a: m.a,
        b: m.b,
        k0: m.k0,
        k1: m.k1,
        locale: m.locale,
        yoy: this.yoy,
        smallBase: this.smallBase,
        place: place,
      }),
    );
    return renderTableDisclosure(m, this.showTable, table, {
      toggle: this.onTableToggle,
      focusin: this.onTableFocus,
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.chart.draw();
    this.tableTwin.schedule(this.model !== undefined, this.showTable);
  }

  // Chart -----------------------------------------------------------------------------------------

  /** What the chart draws now (nothing without a model or when empty). */
  private chartInput(): ChartInput | undefined {
    const model = this.model;
    if (!model || this.status === 'empty') return undefined;
    return { model: model, cursorShown: this.cursor.shown, brush: this.pointer.brush.drag };
  }

  /** The chart was drawn for a new plot size: the tooltip is placed from the chart's scales. */
  private onPlotResize(): void {
    if (this.cursor.period >= 0 && this.cursor.shown) this.requestUpdate();
  }

  // Interaction -----------------------------------------------------------------------------------

  private onTableToggle(e: Event): void {
    this.showTable = (e.currentTarget as HTMLDetailsElement).open;
    if (this.showTable) this.tableTwin.build();
  }

  /** The keyboard reached the table's control before the page was idle: the table is built now. */
  private onTableFocus(): void {
    this.tableTwin.build();
  }
}
