/**
 * `<safety-case-timeline>`: case counts over time per category, drawn with Chart.js in the
 * shadow root, with a year-earlier overlay, annotation markers, a date range, a keyboard
 * cursor, a text summary and a data-table twin.
 */
import {
  aboutStyles,
  cssProps,
  DataTableController,
  dataTableStyles,
  emit,
  renderKeyHint,
  renderLiveBadges,
  renderOfflineBadge,
  localizedText,
  NO_VALUE,
  renderEmpty,
  renderSyntheticBadge,
  SafetyElement,
  formatNumber,
  type Feed,
  type FeedState,
  whenIdle,
} from '@safety-widgets/core';
import { html, nothing, type CSSResultArray, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import type { EventColumns } from './bin-events.js';
import {
  Chart,
  chartConfig,
  chartOptions,
  overlayPlugin,
  POINT_STYLES,
  syncDatasets,
  type ChartColors,
  type ChartSettings,
  type LineDataset,
  type OverlayState,
  type TimelinePoint,
} from './chart.js';
import { INTERVALS, isInterval, isoFromDay, type Interval } from './dates.js';
import { shape, swatch } from './icons.js';
import { lines, markers } from './lines.js';
import { BrushController } from './brush.js';
import { renderTimelineAbout } from './about.js';
import { annotationShown, cursorInfo, describeCursor } from './cursor.js';
import { buildFigures, type Figures, type FiguresInput } from './figures.js';
import { TIMELINE_TEXTS, msg } from './messages.js';
import { timelineStyles } from './styles.js';
import { readChartColors, readFont, SERIES_COLORS } from './theme-colors.js';
import { timeTicks } from './ticks.js';
import { brushDays, presetOf, rangeFromInput, rangePresets, selectRange, type RangePreset } from './range.js';
import { PlotSizeController } from './plot-size.js';
import { cachedTimelineData, sharedTimelineData, sharedView, type DataKey } from './shared-data.js';
import { renderTimelineSkeleton } from './skeleton.js';
import { tableModel } from './table.js';
import {
  categoryName,
  changeShort,
  dayText,
  describeRange,
  dataNotes,
  intervalList,
  liveChangeText,
} from './text.js';
import { windowSum, type TimelineData } from './timeline-data.js';
import { periodIndexOf, type TimelineView } from './timeline-view.js';
import { viewState } from './view-state.js';
import { SMALL_BASE } from './yoy.js';

/** Live resources of every timeline on the page, for leak tests: charts and media listeners. */
const live = { charts: 0, mediaListeners: 0 };

/** How many Chart.js charts and media-query listeners timelines hold right now (0 when none is connected). */
export function caseTimelineStats(): { charts: number; mediaListeners: number } {
  return { ...live };
}

const MEDIA_QUERIES = ['(prefers-color-scheme: dark)', '(forced-colors: active)', '(prefers-contrast: more)'];

/** Everything one render decided, for `updated()` to draw. */
interface Frame {
  data: TimelineData;
  view: TimelineView;
  /** Indexes (in `data.categories`) of categories with data, and of those shown. */
  withData: number[];
  shown: number[];
  /** Selected days `[a, b]` (inclusive) and the periods `[k0, k1]` they touch. */
  a: number;
  b: number;
  k0: number;
  k1: number;
  /** The cursor's period, when it is inside `[k0, k1]`, else -1. */
  cursor: number;
  locale: 'zh-CN' | 'en';
  yoy: boolean;
  /** Whether a range was chosen with `start`/`end`. */
  ranged: boolean;
  /** The words above and under the chart, and which year-earlier lines are drawn (one view model). */
  figures: Figures;
}

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

  /** The period under the keyboard or pointer cursor (index into the view), or -1. */
  @state() private cursor = -1;
  @state() private pointerOver = false;
  @state() private focused = false;
  @state() private announcement = '';
  /** Whether the "More" panel (date fields, comparison, table) is open. */
  @state() private moreOpen = false;
  /** Categories the user showed or hid with the legend (id → shown). */
  @state() private toggled = new Map<string, boolean>();

  protected override droppedKinds = ['categories', 'series', 'events'] as const;
  protected override droppedLabel = 'items' as const;

  /**
   * The plot's size, from a ResizeObserver (Chart.js's own resizing does not see a host inside a
   * shadow root): the chart is drawn when the observer first reports the plot's size, after the
   * browser's layout and before its paint, and resized when it reports a change. Nothing here reads
   * a size while updating, so the first paint takes one layout, not a forced one and another.
   */
  private readonly plotSize = new PlotSizeController(this, () => this.onPlotResize());
  private chart: Chart<'line', TimelinePoint[]> | undefined;
  private chartKey = '';
  private chartSize = '';
  private colors: ChartColors | undefined;
  private frame: Frame | undefined;
  private overlay: OverlayState | undefined;
  /** A drag across the plot selecting dates. */
  private readonly brush = new BrushController();
  private readonly plugin = overlayPlugin(() => this.overlay);
  /** The data-table twin's sort and CSV download (core). */
  private readonly table = new DataTableController<number>(this);
  private media: { list: MediaQueryList; listener: () => void }[] = [];

  /** The feed last counted (the counts are shared with every timeline on the page, see shared-data.ts). */
  private countedFeed: Feed | undefined;
  /** The figures last built, and what they were built from. */
  private figuresMemo: { input: FiguresInput; figures: Figures } | undefined;
  /**
   * Whether the data-table twin is built: not in the first render (it would delay the first paint),
   * but after it in idle time, or at once when the reader opens the table or the keyboard reaches it.
   */
  private tableBuilt = false;
  private cancelTableBuild: (() => void) | undefined;
  /** What the table was last rendered from: kept while it is closed, so live updates skip it. */
  private tableDeps: unknown[] | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.listenToMedia();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.destroyChart();
    this.stopListeningToMedia();
    this.cancelTableBuild?.();
    this.cancelTableBuild = undefined;
  }

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

  /** The figures, built again only when what they are built from changed. */
  private figuresFor(input: FiguresInput): Figures {
    const m = this.figuresMemo;
    if (m && sameInput(m.input, input)) return m.figures;
    const figures = buildFigures(input);
    this.figuresMemo = { input, figures };
    return figures;
  }

  private shownByDefault(id: string): boolean {
    const list = trimmed(this.categories)
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return !list || list.length === 0 || list.includes(id);
  }

  private isShown(id: string): boolean {
    return this.toggled.get(id) ?? this.shownByDefault(id);
  }

  protected override isEmpty(feed: Feed): boolean {
    const data = this.dataFor(feed);
    return data.endDay <= data.firstDay || data.categories.every((c) => c.basis === 'none');
  }

  protected override emptyMessage(): string | undefined {
    const feed = this.state.feed;
    const place = feed ? this.scopeName(feed) : undefined;
    return place && (trimmed(this.grid) || trimmed(this.subdistrict))
      ? msg(this.locale, 'emptyScope', { place })
      : msg(this.locale, 'emptyAll');
  }

  /** The name of what is shown: the grid, the sub-district or the place. */
  private scopeName(feed: Feed): string {
    const locale = this.locale;
    const grid = trimmed(this.grid);
    if (grid) {
      const f = feed.grids.features.find((g) => g.id === grid);
      return f ? localizedText(f.properties.name, locale) || grid : grid;
    }
    const sd = trimmed(this.subdistrict);
    if (sd && sd !== feed.place.id) {
      const s = feed.subdistricts.find((x) => x.id === sd);
      return s ? localizedText(s.name, locale) || sd : sd;
    }
    return localizedText(feed.place.name, locale);
  }

  // Rendering -------------------------------------------------------------------------------------

  protected override render(): unknown {
    // renderContent sets the frame again; without it (loading, error, empty) there is no chart.
    this.frame = undefined;
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
    if (changed.has('categories') && changed.get('categories') !== undefined) this.toggled = new Map();
    if (changed.has('theme')) this.colors = undefined;
    // Opened from script after the first paint (`frame` is still the last render's): built now.
    if (changed.has('showTable') && this.showTable && !this.tableBuilt && this.frame) {
      this.cancelTableBuild?.();
      this.cancelTableBuild = undefined;
      this.tableBuilt = true;
    }
  }

  protected override renderContent(feed: Feed, _state: FeedState): unknown {
    const locale = this.locale;
    // The base class shows the empty state for a current feed; a stale one with nothing to draw comes here.
    if (this.isEmpty(feed)) return renderEmpty(locale, this.emptyMessage());
    const data = this.dataFor(feed);
    const view = this.viewFor(data);
    const { a, b, k0, k1 } = selectRange(data, view, this.start, this.end);
    const withData = data.categories.map((_, c) => c).filter((c) => data.categories[c]!.basis !== 'none');
    const shown = withData.filter((c) => this.isShown(data.categories[c]!.id));
    const cursor = this.cursor >= k0 && this.cursor <= k1 ? this.cursor : -1;
    const ranged = hasText(this.start) || hasText(this.end);
    const figures = this.figuresFor({
      data: data,
      view: view,
      shown: shown,
      a: a,
      b: b,
      k0: k0,
      k1: k1,
      ranged: ranged,
      yoy: this.yoy,
      smallBase: this.smallBase,
      locale: locale,
    });
    // Written out in full: the manifest analyzer lists shorthand properties here as module variables.
    const frame: Frame = {
      data: data,
      view: view,
      withData: withData,
      shown: shown,
      a: a,
      b: b,
      k0: k0,
      k1: k1,
      cursor: cursor,
      locale: locale,
      yoy: this.yoy,
      ranged: ranged,
      figures: figures,
    };
    this.frame = frame;

    const title = msg(locale, 'titleScope', { place: this.scopeName(feed) });
    const level = Math.min(6, Math.max(1, Math.round(Number(this.headingLevel)) || 2));
    return html`<section class="timeline">
      <div class="head" part="header">
        <div class="title" role="heading" aria-level=${level}>${title}</div>
      </div>
      <p class="headline" id="headline" part="headline">
        ${[figures.overview, figures.headline].filter(Boolean).join(locale === 'zh-CN' ? '' : ' ')}
      </p>
      ${this.renderToolbar(frame)} ${this.renderLegend(frame)}
      <div class="plot-box">
        <div
          class="plot"
          part="chart"
          tabindex="0"
          role="group"
          aria-roledescription=${msg(locale, 'chart')}
          aria-label=${msg(locale, 'chartName', {
            interval: msg(locale, `unit.${view.interval}`),
            range: describeRange(a, b + 1, locale),
          })}
          aria-describedby="keys"
          @keydown=${this.onKeydown}
          @focus=${this.onFocus}
          @blur=${this.onBlur}
          @pointerdown=${this.onPointerDown}
          @pointermove=${this.onPointerMove}
          @pointerup=${this.onPointerUp}
          @pointercancel=${this.onPointerCancel}
          @pointerleave=${this.onPointerLeave}
        >
          <canvas aria-hidden="true"></canvas>
          <span class="probe" aria-hidden="true"></span>
          ${this.renderTooltip(frame)}
        </div>
        ${renderKeyHint(msg(locale, 'keyHint'))}
        <span id="keys" hidden>${msg(locale, 'keysShort')}</span>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</p>
      <div class="foot">
        ${this.renderFoot(frame)} ${this.renderAnnotations(frame)} ${this.renderTable(frame)}
        ${renderTimelineAbout(feed, this.scopeName(feed), view.interval, this.smallBase, locale)}
      </div>
    </section>`;
  }

  /**
   * One compact row — the interval, the range and "More" — and the panel "More" opens: the date
   * fields, the comparison with a year earlier and the table. Intervals the data cannot be counted
   * by are disabled, with the reason in words under the row.
   */
  private renderToolbar(f: Frame): TemplateResult {
    const locale = f.locale;
    const lo = isoFromDay(f.data.firstDay);
    const hi = isoFromDay(f.data.endDay - 1);
    const unavailable = INTERVALS.filter((i) => !f.view.available.includes(i));
    const preset = presetOf(f.data, f.ranged, f.a, f.b);
    const presets = rangePresets(f.data);
    const label = (id: RangePreset, year: number) =>
      id === 'all'
        ? msg(locale, 'rangeAll')
        : id === 'year'
          ? msg(locale, 'rangeYear', { year: String(year) })
          : id === 'last12'
            ? msg(locale, 'rangeLast12')
            : msg(locale, 'rangeCustom');
    const field = (name: 'start' | 'end', day: number) =>
      html`<label class="field"
        ><span>${msg(locale, name === 'start' ? 'from' : 'to')}</span
        ><input
          type="date"
          name=${name}
          min=${lo}
          max=${hi}
          .value=${isoFromDay(day)}
          @change=${this.onRange}
      /></label>`;
    return html`<div class="toolbar" part="toolbar">
      <div class="controls">
        <fieldset class="interval">
          <legend class="visually-hidden">${msg(locale, 'interval')}</legend>
          <div class="segmented">
            ${INTERVALS.map((i) => {
              const disabled = unavailable.includes(i);
              return html`<label
                ><input
                  type="radio"
                  name="interval"
                  value=${i}
                  .checked=${f.view.interval === i}
                  ?disabled=${disabled}
                  aria-describedby=${disabled ? 'interval-note' : nothing}
                  @change=${this.onInterval}
                /><span>${msg(locale, `interval.${i}`)}</span></label
              >`;
            })}
          </div>
        </fieldset>
        <label class="pick"
          ><span class="visually-hidden">${msg(locale, 'rangePick')}</span
          ><select name="range" @change=${this.onPreset}>
            ${presets.map(
              (p) => html`<option value=${p.id} .selected=${preset === p.id}>${label(p.id, p.year)}</option>`,
            )}
            <option value="custom" .selected=${preset === 'custom'}>${msg(locale, 'rangeCustom')}</option>
          </select></label
        >
        <button
          type="button"
          class="more-toggle"
          aria-expanded=${this.moreOpen ? 'true' : 'false'}
          aria-controls="more"
          aria-label=${msg(locale, 'moreLabel')}
          @click=${this.onMoreToggle}
        >
          <span aria-hidden="true">${msg(locale, 'more')}</span>
          <svg class="chevron" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
            <path d="M2 4l4 4 4-4"></path>
          </svg>
        </button>
      </div>
      ${
        unavailable.length > 0
          ? html`<p class="interval-note" id="interval-note">
              ${msg(locale, 'intervalUnavailable', {
                n: unavailable.length,
                intervals: intervalList(unavailable, locale),
              })}
            </p>`
          : nothing
      }
      <div class="more" id="more" ?hidden=${!this.moreOpen}>
        <fieldset class="range">
          <legend>${msg(locale, 'customDates')}</legend>
          ${field('start', f.a)} ${field('end', f.b)}
        </fieldset>
        <label class="check"
          ><input
            type="checkbox"
            name="yoy"
            .checked=${this.yoy}
            @change=${this.onYoy}
          />${msg(locale, 'yoy')}</label
        >
      </div>
    </div>`;
  }

  private renderLegend(f: Frame): TemplateResult {
    const locale = f.locale;
    return html`<ul class="legend" part="legend" aria-label=${msg(locale, 'categories')}>
      ${f.withData.map((c) => {
        const cat = f.data.categories[c]!;
        const shown = this.isShown(cat.id);
        const total = windowSum(f.data, c, f.a, f.b + 1);
        return html`<li>
          <button
            type="button"
            part="legend-item"
            data-category=${cat.id}
            aria-pressed=${shown ? 'true' : 'false'}
            @click=${() => this.toggleCategory(cat.id)}
          >
            ${swatch(cat.slot)}<span class="name">${categoryName(cat, locale)}</span
            ><span class="total">${Number.isFinite(total) ? formatNumber(total, locale) : NO_VALUE}</span>
          </button>
        </li>`;
      })}
    </ul>`;
  }

  private renderTooltip(f: Frame): TemplateResult | typeof nothing {
    const k = f.cursor;
    if (k < 0 || !(this.pointerOver || this.focused) || !this.chart) return nothing;
    const x = this.chart.scales.x;
    const area = this.chart.chartArea;
    if (!x || !area) return nothing;
    const locale = f.locale;
    const info = cursorInfo(f, k, this.smallBase);
    const px = x.getPixelForValue(f.view.starts[k]!);
    const left = px > (area.left + area.right) / 2;
    const style = left
      ? { right: `${Math.max(0, this.chart.width - px + 12)}px`, top: `${area.top}px` }
      : { left: `${px + 12}px`, top: `${area.top}px` };
    return html`<div class="tooltip" part="tooltip" aria-hidden="true" style=${cssProps(style)}>
      <p class="when">${info.label}</p>
      <ul>
        ${info.rows.map(
          (r) =>
            html`<li style=${cssProps({ color: `var(--_series-${(r.cat.slot % SERIES_COLORS) + 1})` })}>
              ${shape(r.cat.slot)}<span class="name">${r.name}</span>
              <span class="n">${Number.isFinite(r.value) ? formatNumber(r.value, locale) : NO_VALUE}</span>
              ${
                r.change.kind === 'percent' || r.change.kind === 'small-base'
                  ? html`<span class="chg">${changeShort(r.change, locale)}</span>`
                  : nothing
              }
            </li>`,
        )}
      </ul>
      ${
        this.yoy
          ? html`<p class="chg">
              ${msg(locale, 'yearEarlierShort')}:
              ${info.rows.map((r) => (Number.isFinite(r.previous) ? formatNumber(r.previous, locale) : NO_VALUE)).join(' · ')}
            </p>`
          : nothing
      }
      ${
        info.marked.length > 0
          ? html`<div class="marked">
              ${info.marked.map((an) => html`<p>▲ ${localizedText(an.title, locale) || an.id}</p>`)}
            </div>`
          : nothing
      }
    </div>`;
  }

  /**
   * Under the chart: "More figures" (a sentence per category), the source line with the sample
   * badge and the stale or offline badge (placed here, under the chart, rather than over the title), and the notes on what the counts leave out (always visible: they say what is not drawn).
   */
  private renderFoot(f: Frame): TemplateResult {
    const locale = f.locale;
    const bases = new Set(f.withData.map((c) => f.data.categories[c]!.basis));
    const basis =
      bases.size === 1 && bases.has('series')
        ? msg(locale, 'basisSeries')
        : bases.size === 1 && bases.has('events')
          ? msg(locale, 'basisEvents', { n: f.data.eventsCounted })
          : msg(locale, 'basisMixed', { n: f.data.eventsCounted });
    const notes = dataNotes(f.data, locale);
    return html`<details class="figures" part="figures">
        <summary>${msg(locale, 'moreFigures')}</summary>
        <div class="summary" id="summary" part="summary">
          ${f.figures.sentences.map((s) => html`<p>${s}</p>`)}
        </div>
      </details>
      <p class="caption" part="caption">
        ${basis} ${msg(locale, 'timeZone', { zone: f.data.timeZone })}
        ${f.data.synthetic ? renderSyntheticBadge(locale) : nothing} ${this.liveBadge()}
      </p>
      ${
        notes.length > 0
          ? html`<div class="notes">
              ${notes.map((n) => html`<p class="note" part="note ${n.part}">${n.text}</p>`)}
            </div>`
          : nothing
      }`;
  }

  private renderAnnotations(f: Frame): TemplateResult | typeof nothing {
    const locale = f.locale;
    const list = f.data.annotations.filter(
      (an) => an.day >= f.a && an.day <= f.b && annotationShown(f, an.category),
    );
    if (list.length === 0) return nothing;
    return html`<details class="events" part="annotations">
      <summary>${msg(locale, 'annotations', { n: list.length })}</summary>
      <ol>
        ${list.map((an) => {
          const t = localizedText(an.title, locale) || an.id;
          return html`<li><time datetime=${isoFromDay(an.day)}>${dayText(an.day, locale)}</time> ${t}</li>`;
        })}
      </ol>
    </details>`;
  }

  /**
   * The data-table twin, in a disclosure under the chart (`show-table` opens it). Not built in the
   * first render: after the first paint, in idle time, or at once when the reader opens it or the
   * keyboard reaches its control. While it is closed it is not rendered again (live updates skip it);
   * opening it brings it up to date.
   */
  private renderTable(f: Frame): TemplateResult {
    const feed = this.state.feed!;
    let body: unknown = nothing;
    if (this.tableBuilt) {
      const place = trimmed(this.grid) ?? trimmed(this.subdistrict) ?? feed.place.id;
      const deps = [
        f.data,
        f.view,
        f.shown.join(),
        f.a,
        f.b,
        f.locale,
        this.yoy,
        this.smallBase,
        place,
        this.table.sort,
      ];
      if (this.showTable || !this.tableDeps) this.tableDeps = deps;
      body = guard(this.tableDeps, () =>
        this.table.render(
          tableModel({
            data: f.data,
            view: f.view,
            shown: f.shown,
            a: f.a,
            b: f.b,
            k0: f.k0,
            k1: f.k1,
            locale: f.locale,
            yoy: this.yoy,
            smallBase: this.smallBase,
            place: place,
          }),
        ),
      );
    }
    return html`<details
      class="data"
      part="table"
      ?open=${this.showTable}
      @toggle=${this.onTableToggle}
      @focusin=${this.buildTable}
    >
      <summary>${msg(f.locale, 'showTable')}</summary>
      ${body}
    </details>`;
  }

  /** Builds the data-table twin now (when the reader reaches it before the page was idle). */
  private buildTable(): void {
    this.cancelTableBuild?.();
    this.cancelTableBuild = undefined;
    if (this.tableBuilt) return;
    this.tableBuilt = true;
    this.requestUpdate();
  }

  /** After the first render with data: the table is built right after the paint when open, else when idle. */
  private scheduleTable(): void {
    if (this.tableBuilt || this.cancelTableBuild || !this.frame) return;
    const build = () => {
      this.cancelTableBuild = undefined;
      this.buildTable();
    };
    if (this.showTable) {
      // Open: the reader asked for it; only the first paint goes first.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const frame = requestAnimationFrame(() => (timer = setTimeout(build, 0)));
      this.cancelTableBuild = () => {
        cancelAnimationFrame(frame);
        clearTimeout(timer);
      };
    } else {
      this.cancelTableBuild = whenIdle(build);
    }
  }

  // Interaction -----------------------------------------------------------------------------------

  private onInterval(e: Event): void {
    const value = (e.target as HTMLInputElement).value;
    if (isInterval(value)) {
      this.interval = value;
      this.cursor = -1;
      this.viewChanged();
    }
  }

  private onYoy(e: Event): void {
    this.yoy = (e.target as HTMLInputElement).checked;
    this.viewChanged();
  }

  /** Tells the page what the reader chose, as the attribute values that show it again (for its URL). */
  private viewChanged(): void {
    const f = this.frame;
    const interval = isInterval(this.interval) ? this.interval : 'month';
    const categories = (f?.withData ?? []).map((c) => {
      const id = f!.data.categories[c]!.id;
      return { id, shown: this.isShown(id) };
    });
    emit(this, 'safety-view-change', viewState(interval, this, categories, this.yoy));
  }

  private onTableToggle(e: Event): void {
    this.showTable = (e.currentTarget as HTMLDetailsElement).open;
    if (this.showTable) this.buildTable();
  }

  private toggleCategory(id: string): void {
    const next = new Map(this.toggled);
    next.set(id, !this.isShown(id));
    this.toggled = next;
    this.viewChanged();
  }

  private onRange(e: Event): void {
    const f = this.frame;
    if (!f) return;
    const input = e.target as HTMLInputElement;
    this.setRange(...rangeFromInput(f.data, f, input.name === 'start' ? 'start' : 'end', input.value));
  }

  private onPreset(e: Event): void {
    const f = this.frame;
    const value = (e.target as HTMLSelectElement).value;
    if (!f) return;
    if (value === 'custom') {
      // The date fields are in the "More" panel: open it and go to the first.
      this.moreOpen = true;
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLInputElement>('input[name="start"]')?.focus(),
      );
      return;
    }
    const preset = rangePresets(f.data).find((p) => p.id === value);
    if (!preset) return;
    if (preset.id === 'all') this.showAll(f);
    else this.setRange(preset.a, preset.b);
  }

  private onMoreToggle(): void {
    this.moreOpen = !this.moreOpen;
  }

  private showAll(f: Frame): void {
    this.start = undefined;
    this.end = undefined;
    this.removeAttribute('start');
    this.removeAttribute('end');
    this.cursor = -1;
    emit(this, 'safety-range-change', {
      start: isoFromDay(f.data.firstDay),
      end: isoFromDay(f.data.endDay - 1),
    });
    this.viewChanged();
  }

  private setRange(a: number, b: number): void {
    this.start = isoFromDay(a);
    this.end = isoFromDay(b);
    this.cursor = -1;
    emit(this, 'safety-range-change', { start: this.start, end: this.end });
    this.viewChanged();
  }

  private onFocus(): void {
    const f = this.frame;
    this.focused = true;
    if (f && (this.cursor < f.k0 || this.cursor > f.k1)) this.cursor = f.k1;
  }

  private onBlur(): void {
    this.focused = false;
  }

  private onKeydown(e: KeyboardEvent): void {
    const f = this.frame;
    if (!f || f.view.starts.length === 0) return;
    let k = this.cursor < f.k0 || this.cursor > f.k1 ? f.k1 : this.cursor;
    switch (e.key) {
      case 'ArrowLeft':
        k -= 1;
        break;
      case 'ArrowRight':
        k += 1;
        break;
      case 'Home':
        k = f.k0;
        break;
      case 'End':
        k = f.k1;
        break;
      case 'PageUp':
        k -= 10;
        break;
      case 'PageDown':
        k += 10;
        break;
      case 'Escape':
        this.focused = false;
        return;
      default:
        return;
    }
    e.preventDefault();
    k = Math.min(Math.max(k, f.k0), f.k1);
    this.focused = true;
    this.cursor = k;
    this.announcement = describeCursor(cursorInfo(f, k, this.smallBase), f.locale);
  }

  /** x of a pointer event in the canvas, or undefined without a chart. */
  private pointerX(e: PointerEvent): number | undefined {
    const canvas = this.chart?.canvas;
    return canvas ? e.clientX - canvas.getBoundingClientRect().left : undefined;
  }

  /** A mouse or pen drag across the plot selects dates (the brush); touch is left to scrolling. */
  private onPointerDown(e: PointerEvent): void {
    const px = this.pointerX(e);
    const area = this.chart?.chartArea;
    if (px === undefined || !area || !this.brush.down(px, area, e.button, e.pointerType)) return;
    try {
      (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    } catch {
      // Capture is a nicety (dragging outside the plot); the brush works without it.
    }
  }

  private onPointerUp(e: PointerEvent): void {
    const chart = this.chart;
    const f = this.frame;
    const area = chart?.chartArea;
    const drag = area ? this.brush.up(this.pointerX(e), area) : (this.brush.cancel(), undefined);
    if (!chart || !f) return;
    if (!drag) {
      // A click, or a drag too short to select: no rectangle left behind.
      if (this.overlay) this.overlay.brush = undefined;
      chart.draw();
      return;
    }
    const x = chart.scales.x!;
    const [d0, d1] = drag.map((px) => x.getValueForPixel(px) ?? f.data.firstDay) as [number, number];
    // Whole periods, so the figures speak of the periods the chart draws.
    this.setRange(...brushDays(d0, d1, f.view.interval, f.data));
  }

  private onPointerCancel(): void {
    this.brush.cancel();
    if (this.overlay) this.overlay.brush = undefined;
    this.chart?.draw();
  }

  private onPointerMove(e: PointerEvent): void {
    const f = this.frame;
    const chart = this.chart;
    if (!f || !chart?.canvas || f.view.starts.length === 0) return;
    const px = this.pointerX(e) ?? 0;
    const area = chart.chartArea;
    if (this.brush.move(px, area)) {
      this.pointerOver = false;
      if (this.overlay) this.overlay.brush = this.brush.drag;
      chart.draw();
      return;
    }
    if (px < area.left - 8 || px > area.right + 8) {
      this.pointerOver = false;
      return;
    }
    const day = chart.scales.x!.getValueForPixel(px) ?? 0;
    let k = periodIndexOf(f.view, day);
    // The nearest period start, not just the one holding the day.
    const next = k + 1;
    if (next < f.view.starts.length && f.view.starts[next]! - day < day - f.view.starts[k]!) k = next;
    k = Math.min(Math.max(k, f.k0), f.k1);
    this.pointerOver = true;
    if (k !== this.cursor) this.cursor = k;
  }

  private onPointerLeave(): void {
    this.pointerOver = false;
  }

  // Chart -----------------------------------------------------------------------------------------

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.drawChart();
    this.scheduleTable();
  }

  /** The observer reported a new size of the plot: draw (or resize) the chart now, before the paint. */
  private onPlotResize(): void {
    this.drawChart();
    // The tooltip is placed from the chart's scales.
    if (this.cursor >= 0 && (this.pointerOver || this.focused)) this.requestUpdate();
  }

  private drawChart(): void {
    try {
      this.syncChart();
    } catch (error) {
      // A drawing failure must never reach the page; the data stays readable in the table.
      console.error(`[safety-widgets] <${this.localName}> could not draw its chart:`, error);
      this.destroyChart();
    }
  }

  private syncChart(): void {
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas');
    const plot = canvas?.parentElement;
    const f = this.frame;
    if (!canvas || !plot || !f || !this.isConnected || this.status === 'empty') {
      this.destroyChart();
      this.plotSize.observe(undefined);
      return;
    }
    if (this.chart && this.chart.canvas !== canvas) this.destroyChart();
    // The size comes from the resize observer: a new plot is drawn when it reports, after layout.
    // Hidden (display: none somewhere above): it reports 0 × 0, and again when shown.
    this.plotSize.observe(plot);
    if (!this.plotSize.known(plot)) return;
    const { width, height } = this.plotSize.size;

    const probe = plot.querySelector<HTMLElement>('.probe');
    if (!this.colors && probe) this.colors = readChartColors(probe);
    const colors = this.colors ?? fallbackColors;
    const { view, data } = f;
    const plotWidth = Math.max(1, width - 60);
    const settings = this.settings(f, colors, plotWidth);

    // What the options depend on, and what the lines do: a live update that only changes counts
    // keeps the options object, so Chart.js does not resolve every option again.
    const optionsKey = [
      view.interval,
      settings.min,
      settings.max,
      f.locale,
      settings.width,
      settings.font.family,
      settings.font.size,
      JSON.stringify(colors),
    ].join('|');
    const linesKey = `${f.shown.join(',')}|${f.figures.previousDrawn.join(',')}`;
    const size = `${width}x${height}`;
    const k = f.cursor;
    const cursorDay = k >= 0 && (this.pointerOver || this.focused) ? view.starts[k] : undefined;
    const brush = this.brush.drag;
    // Nothing drawn would change (a re-render for words only, or a feed version that counts the same).
    const drawKey = `${optionsKey}|${linesKey}|${size}|${f.k0}|${f.k1}|${k}|${cursorDay}|${brush ? `${brush.from},${brush.to}` : ''}`;
    if (this.chart && drawKey === this.drawKey && view === this.lastView && data === this.lastData) return;

    // Overlay: category markers, annotations and the cursor.
    this.overlay = {
      markers: markers(f, colors, plotWidth),
      annotations: data.annotations.filter((an) => annotationShown(f, an.category)).map((an) => an.day),
      cursorDay: cursorDay,
      cursorPoints:
        k >= 0
          ? f.shown.map((c) => ({
              y: view.values[c]![k]!,
              color: colors.series[data.categories[c]!.slot % SERIES_COLORS]!,
              style: POINT_STYLES[data.categories[c]!.slot % POINT_STYLES.length]!,
            }))
          : [],
      brush: brush,
      colors,
    };
    this.drawKey = drawKey;
    this.lastData = data;

    if (!this.chart) {
      // Chart.js takes its size from the canvas's width and height attributes (with none it would
      // read the canvas's size from the page, a forced layout, and draw a second time at the right
      // height): the size reported is given here, so the chart is drawn once.
      canvas.width = width;
      canvas.height = height;
      this.chart = new Chart(canvas, chartConfig(settings, this.plugin, lines(f, colors)));
      live.charts += 1;
      this.chartKey = optionsKey;
      this.linesKey = linesKey;
      this.lastView = view;
      this.chartSize = `${this.chart.width}x${this.chart.height}`;
      if (this.chartSize !== size) {
        this.chartSize = size;
        this.chart.resize(width, height);
      }
      return;
    }
    const chart = this.chart;
    const optionsChanged = optionsKey !== this.chartKey;
    const linesChanged = optionsChanged || linesKey !== this.linesKey || this.lastView !== view;
    if (optionsChanged) {
      chart.options = chartOptions(settings);
      this.chartKey = optionsKey;
    }
    if (linesChanged) {
      syncDatasets(chart.data.datasets as LineDataset[], lines(f, colors));
      this.linesKey = linesKey;
      this.lastView = view;
    }
    if (size !== this.chartSize) {
      this.chartSize = size;
      chart.resize(width, height);
    }
    if (linesChanged) chart.update('none');
    else chart.draw();
  }

  private lastView: TimelineView | undefined;
  private lastData: TimelineData | undefined;
  private linesKey = '';
  /** Everything the last drawing depended on besides the view and data objects. */
  private drawKey = '';

  /** What Chart.js needs to know of the frame: locale, colours, font, x range and ticks. */
  private settings(f: Frame, colors: ChartColors, plotWidth: number): ChartSettings {
    const first = f.view.starts[f.k0] ?? f.data.firstDay;
    const last = f.view.starts[f.k1] ?? f.data.firstDay;
    const font = readFont(this.renderRoot.querySelector('.probe') ?? this);
    // Room for a label of about 5 (zh-CN) or 6 characters at the labels' size: fewer ticks for larger text.
    const spacing = ((f.locale === 'zh-CN' ? 64 : 72) * font.size) / 12;
    const maxTicks = Math.max(2, Math.floor(plotWidth / spacing));
    return {
      locale: f.locale,
      colors: colors,
      font: font,
      min: first,
      max: last,
      ticks: timeTicks(first, last, maxTicks, f.view.interval),
      width: plotWidth,
    };
  }

  private destroyChart(): void {
    if (!this.chart) return;
    try {
      this.chart.destroy();
    } catch {
      // Destroying must not throw into the page.
    }
    this.chart = undefined;
    live.charts -= 1;
    this.chartKey = '';
    this.linesKey = '';
    this.chartSize = '';
    this.drawKey = '';
    this.lastView = undefined;
    this.lastData = undefined;
  }

  private listenToMedia(): void {
    if (this.media.length > 0 || typeof matchMedia !== 'function') return;
    for (const query of MEDIA_QUERIES) {
      const list = matchMedia(query);
      const listener = () => {
        this.colors = undefined;
        this.requestUpdate();
      };
      list.addEventListener('change', listener);
      this.media.push({ list, listener });
      live.mediaListeners += 1;
    }
  }

  private stopListeningToMedia(): void {
    for (const { list, listener } of this.media) {
      list.removeEventListener('change', listener);
      live.mediaListeners -= 1;
    }
    this.media = [];
  }
}

/** Whether two inputs of `buildFigures` are the same: the same objects and values, the same categories shown. */
function sameInput(a: FiguresInput, b: FiguresInput): boolean {
  return (
    a.data === b.data &&
    a.view === b.view &&
    a.a === b.a &&
    a.b === b.b &&
    a.k0 === b.k0 &&
    a.k1 === b.k1 &&
    a.ranged === b.ranged &&
    a.yoy === b.yoy &&
    a.smallBase === b.smallBase &&
    a.locale === b.locale &&
    a.shown.length === b.shown.length &&
    a.shown.every((c, i) => b.shown[i] === c)
  );
}

function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/** A string attribute or property, trimmed; undefined when empty or not a string. */
function trimmed(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

const fallbackColors: ChartColors = {
  text: '#1b1f24',
  muted: '#57606a',
  grid: '#e4e8ec',
  surface: '#ffffff',
  focus: '#0969da',
  series: ['#0b61a4', '#7e22ce', '#15803d', '#c2410c', '#a16207', '#475569'],
};
