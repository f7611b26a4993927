/**
 * `<safety-score-gauge>`: the composite 0–100 safety index (or one area's index) as an arc
 * gauge, with its grade, its change against the previous period, and the areas behind it.
 * The thin place where its properties, controllers and templates meet: the model is in
 * ./gauge-model.ts, one render's view model in ./gauge-view-model.ts, the templates in
 * ./gauge-template.ts, ./parts.ts and ./ring.ts, the ring's keys and pointer in
 * ./gauge-interaction.ts and the arc's sweep in ./gauge-sweep.ts.
 */
import { ResizeController } from '@lit-labs/observers/resize-controller.js';
import {
  DataTableController,
  SafetyElement,
  aboutStyles,
  dataTableStyles,
  localizedTextWithLang,
  renderEmpty,
  renderError,
  type Feed,
  type FeedState,
  type FeedStatus,
  type GradeBand,
  t,
} from '@safety-widgets/core';
import { html, type CSSResultArray, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import './events.js';
import { GaugeInteraction } from './gauge-interaction.js';
import { gaugeModel, type GaugeArea, type GaugeModelResult } from './gauge-model.js';
import { GaugeSweep } from './gauge-sweep.js';
import { renderGauge, renderGradesNote } from './gauge-template.js';
import { gaugeSummary, liveChangeText } from './gauge-text.js';
import { buildGaugeViewModel } from './gauge-view-model.js';
import { resolveGrades, type ResolvedGrades } from './grades.js';
import { GAUGE_TEXTS, msg } from './messages.js';
import { sizeFor } from './size.js';
import { renderSkeleton } from './skeleton.js';
import { gaugeStyles } from './styles.js';
import { areaTable } from './table.js';

/** The longest attribute value quoted back in a message. */
const MAX_QUOTED = 60;
const quote = (text: string) =>
  JSON.stringify(text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text);

/**
 * The composite 0–100 safety index of a district as an arc gauge: value, grade, change against
 * the previous period (sign, arrow and colour), the time of the data, and a ring of the feed's
 * areas, each a segment as long as its weight and filled to the points it earned. Pointing at or
 * focusing an area shows its subtotal; Enter, Space or a click selects it.
 *
 * Data comes as for every Safety Widget: `.data`, `src`, `feed="id of a <safety-feed>"`, or an
 * enclosing `<safety-feed>` (these, `lang`, `theme` and `status` are core's `SafetyElement`'s); a new
 * feed updates the drawing in place. It follows the width of its box, from a 120 px tile to a 600 px
 * hero; `compact` puts the words beside a small dial for narrow sidebars.
 *
 * The arc's unfilled part is its track, the same depth all the way; each area's segment is
 * filled in the colour of its own grade, and a key under the dial ("Areas: ● 7 excellent ◐ 1 fair")
 * says the grades in words. With no earlier figure to compare with, the change reads "No earlier
 * figure" (no arrow, no number); an area with no data is "no data", never 0 points. While loading,
 * a placeholder of the gauge's own shape keeps its height, so nothing below moves when the data
 * arrives. In a small tile or the compact layout the ring is a picture rather than a row of
 * controls too small to touch (each segment of a full-size ring is a target at least 24 px deep,
 * 44 px at phone width); the key says what it shows.
 *
 * Screen readers get a `role="meter"` inside the shadow root whose name carries the reading
 * ("Safety index, Yantian District: 92.4 of 100, good, up 1.2 on last month": Chromium drops
 * `aria-valuetext`, which says "92.4 of 100"); the area ring is one tab stop (arrow keys, Home and
 * End move between areas, shown on screen while a segment has keyboard focus; Escape hides the
 * detail); a text summary says which areas moved the score. Under it, one control away each: the
 * areas as a sortable, downloadable table ("Areas as a table", core's DataTableController) and a
 * description block ("About this chart": what the index is, how it is computed, the grade bands,
 * coverage, the data's source and freshness, the keys). All type follows the reader's default
 * font size; at a large default size the grade and change move under the dial.
 *
 * It has no slots: everything it shows comes from the feed, and is only ever rendered as text.
 *
 * @tagname safety-score-gauge
 * @summary The composite 0–100 safety index as an arc gauge, with its grade, change and areas.
 *
 * @attr area - Id of one area (such as `fire`) to show that area's own 0–100 index instead of the composite. An id that is not in the feed shows an error naming the valid ids.
 * @attr grades - Grade bands as `name:min` pairs, e.g. `excellent:90,good:75,fair:60,poor:0` (the default). Invalid text shows a note and falls back to the default bands.
 * @attr compact - Compact layout for narrow sidebars: a small dial with the words beside it.
 *
 * @fires {CustomEvent<{ area: string }>} safety-area-select - An area was activated (click, Enter or Space); `detail.area` is the area's id. Bubbles, composed.
 *
 * @csspart gauge - The whole gauge (the card around everything).
 * @csspart caption - The title and place name above the dial.
 * @csspart dial - The box of the drawing and the reading over it.
 * @csspart track - The arc's background track.
 * @csspart arc - The value arc (filled in the grade's colour).
 * @csspart meter - The reading over the dial, the element with `role="meter"`.
 * @csspart value - The number.
 * @csspart grade - The grade (a glyph and its name).
 * @csspart change - The change against the previous period (arrow, signed number, period), or "No earlier figure".
 * @csspart subtotal - With `area`: the area's points out of its weight.
 * @csspart areas - The ring of area segments (`role="toolbar"`).
 * @csspart area - One area segment (`role="button"`).
 * @csspart area-track - An area segment's background.
 * @csspart area-fill - The part of an area segment earned.
 * @csspart detail - The detail of the area pointed at or focused.
 * @csspart as-of - The time of the data (one line in the compact layout).
 * @csspart key - The ring's key: how many areas are in each grade, in words beside each grade's glyph.
 * @csspart summary - The text summary of the areas that moved the score.
 * @csspart note - A note under the gauge (`note coverage`, `note config` for invalid grades, `note dropped`).
 * @csspart coverage - The note shown when the index rests on less than 90% of the indicator weight (also `note`).
 * @csspart config - The note saying the `grades` attribute was invalid and the default bands are used (also `note`).
 * @csspart badge - A stale, offline or sample-data badge.
 * @csspart table-box - The `<details>` holding the areas table; `table-summary` is its "Areas as a table" control.
 * @csspart table-summary - The control that shows the areas table.
 * @csspart data-table - The areas table's box (core's data table); `download` is its "Download CSV" button.
 * @csspart download - The table's "Download CSV" button.
 * @csspart about - The description block (`<details>`); `about-summary` is its "About this chart" control.
 * @csspart about-summary - The control that shows the description block.
 * @csspart key-hint - The keys, shown over the dial while an area segment has keyboard focus.
 * @csspart state - Any standard state (loading, error, empty); also `skeleton` (the loading placeholder, which is also `gauge`), `error`, `error-detail`, `retry`, `empty`.
 *
 * @cssprop --safety-color-good - Colour of the upper grades and of a rise (default green).
 * @cssprop --safety-color-fair - Colour of the middle grades.
 * @cssprop --safety-color-poor - Colour of the lowest grade and of a fall (default red).
 * @cssprop --safety-color-text - Text colour.
 * @cssprop --safety-color-muted - Secondary text.
 * @cssprop --safety-color-surface - Background of the gauge.
 * @cssprop --safety-color-surface-alt - Default colour of the tracks.
 * @cssprop --safety-color-border - Border of the card and the tracks.
 * @cssprop --safety-color-focus - Focus ring of an area segment.
 * @cssprop --safety-gauge-track - Fill of the arc's and the areas' tracks.
 * @cssprop --safety-gauge-track-edge - Outline of the tracks: what marks the part not earned (default `--safety-color-border-strong`, at least 3:1 against the surface; keep it so).
 * @cssprop --safety-gauge-sweep-duration - How long the arc sweeps to a new value (default 600ms; no sweep when the reader prefers reduced motion).
 * @cssprop --safety-font-family - Font stack.
 * @cssprop --safety-font-size - Body text size (default 0.875 × the reader's default font size: 14px at 16px).
 *
 * @example
 * ```html
 * <script type="module" src="https://cdn.jsdelivr.net/npm/@safety-widgets/embed@0/dist/safety-score-gauge.js"></script>
 * <safety-score-gauge src="/feeds/yantian.json" lang="en"></safety-score-gauge>
 * <safety-score-gauge src="/feeds/yantian.json" area="fire" grades="high:80,mid:60,low:0"></safety-score-gauge>
 * ```
 */
export class SafetyScoreGauge extends SafetyElement {
  protected static override texts = [GAUGE_TEXTS];

  static override styles = [
    ...(SafetyElement.styles as CSSResultArray),
    dataTableStyles,
    aboutStyles,
    gaugeStyles,
  ];

  /** Id of one area to show alone (its own 0–100 index); unset for the composite. */
  @property() area?: string;

  /** Grade bands, `name:min` pairs separated by commas: `excellent:90,good:75,fair:60,poor:0` by default. */
  @property() grades?: string;

  /** Compact layout for narrow sidebars: a small dial with the words beside it. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /**
   * The width of the element's box, followed as it changes. What is observed is a sizer of no
   * height at the top of the content, not the host: its size changes only with the width, so a
   * render that changes the gauge's height never makes the observer report again in the same
   * frame (which browsers report to the page as a "ResizeObserver loop" error).
   */
  private readonly width: ResizeController<number | undefined> = new ResizeController(this, {
    target: null,
    // The observer reports the first width itself; the controller's initial call (no entries)
    // would only request a second, identical update right after the first.
    skipInitial: true,
    callback: (entries): number | undefined =>
      entries[entries.length - 1]?.contentRect.width ?? this.width?.value,
  });

  /** The areas as a sortable, downloadable table (core's DataTableController keeps its sort). */
  private readonly table = new DataTableController<GaugeArea>(this);

  /** The ring's tab stop, focus and pointer, and Escape. */
  private readonly ring = new GaugeInteraction(this, () => this.currentAreas());

  /** The arc's sweep to a new value. */
  private readonly arc = new GaugeSweep(this);

  private resolvedGrades: ResolvedGrades = resolveGrades(undefined);
  private memo?: { feed: Feed; area: string | null; bands: readonly GradeBand[]; result: GaugeModelResult };
  private readonly warned = new Set<string>();

  /** The bands in use (the defaults when `grades` is missing or invalid). */
  get gradeBands(): readonly GradeBand[] {
    return this.resolvedGrades.bands;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('grades')) {
      this.resolvedGrades = resolveGrades(this.grades);
      if (this.resolvedGrades.error) this.warnOnce(this.resolvedGrades.error);
    }
    super.willUpdate(changed);
  }

  // Data -------------------------------------------------------------------------------------

  private get areaId(): string | null {
    const area = typeof this.area === 'string' ? this.area.trim() : '';
    return area === '' ? null : area;
  }

  /** The model for `feed`, computed once per feed, area and bands. */
  private result(feed: Feed): GaugeModelResult {
    const area = this.areaId;
    const bands = this.resolvedGrades.bands;
    const memo = this.memo;
    if (memo && memo.feed === feed && memo.area === area && memo.bands === bands) return memo.result;
    const result = gaugeModel(feed, { area, bands });
    this.memo = { feed, area, bands, result };
    if (!result.ok) this.warnOnce(unknownAreaMessage(result.area, result.validAreas));
    return result;
  }

  /** The ids of the areas the ring shows now, in order. */
  private currentAreas(): string[] {
    const feed = this.state.feed;
    const result = feed ? this.result(feed) : undefined;
    return result?.ok ? result.model.areas.map((a) => a.id) : [];
  }

  /** "Safety index now 95.2, up 0.1.": said by the shared announcer when a live update moves the value. */
  protected override describeLiveChange(previous: Feed, next: Feed): string | undefined {
    const before = gaugeModel(previous, { area: this.areaId, bands: this.resolvedGrades.bands });
    const after = this.result(next);
    return before.ok && after.ok ? liveChangeText(before.model, after.model, this.locale) : undefined;
  }

  /** The meter's reading and what moved the score (see `gaugeSummary`). */
  protected override summaryText(feed: Feed): string {
    const result = this.result(feed);
    return result.ok ? gaugeSummary(result.model, this.locale, t(this.locale, 'noData').toLowerCase()) : '';
  }

  protected override isEmpty(feed: Feed): boolean {
    const result = this.result(feed);
    return result.ok && result.model.value === null;
  }

  protected override widgetStatus(state: FeedState): FeedStatus {
    const status = super.widgetStatus(state);
    const feed = state.feed;
    if (feed && this.safely(() => !this.result(feed).ok, false)) return 'error';
    return status;
  }

  protected override emptyMessage(): string | undefined {
    const feed = this.state.feed;
    const result = feed ? this.result(feed) : undefined;
    const area = result?.ok ? result.model.area : null;
    return area
      ? msg(this.locale, 'emptyArea', { area: localizedTextWithLang(area.name, this.locale).text })
      : msg(this.locale, 'emptyAll');
  }

  // Drawing ----------------------------------------------------------------------------------

  private sizer(): TemplateResult {
    return html`<div class="sizer" ${this.width.target()}></div>`;
  }

  /** Before the first feed: a placeholder of the gauge's own shape and size (see ./skeleton.ts). */
  protected override render(): unknown {
    const state = this.state;
    if (state.feed || state.error || state.status === 'error' || state.status === 'offline')
      return super.render();
    return html`${this.sizer()}
    ${renderSkeleton({
      locale: this.locale,
      compact: this.compact,
      ring: this.areaId === null,
      size: sizeFor(this.width.value),
    })}`;
  }

  protected override renderContent(feed: Feed): unknown {
    const locale = this.locale;
    const result = this.result(feed);
    if (!result.ok) {
      this.arc.value = null;
      return renderError(
        { code: 'config', message: unknownAreaMessage(result.area, result.validAreas) },
        locale,
      );
    }
    const model = result.model;
    if (model.value === null) {
      this.arc.value = null;
      return html`${renderEmpty(locale, this.emptyMessage())}${renderGradesNote(locale, this.resolvedGrades.error)}`;
    }
    this.arc.value = model.value;
    const vm = buildGaugeViewModel({
      model,
      width: this.width.value,
      compact: this.compact,
      still: this.snapshot,
      base: parseFloat(getComputedStyle(this).getPropertyValue('--_base')),
      pointer: this.ring,
    });
    return renderGauge(feed, locale, vm, {
      sizer: this.sizer(),
      onKeyDown: this.ring.onKeyDown,
      onFocusIn: this.ring.onFocusIn,
      onFocusOut: this.ring.onFocusOut,
      onAreaClick: this.ring.onAreaClick,
      onAreaPointerEnter: this.ring.onAreaPointerEnter,
      onAreaPointerLeave: this.ring.onAreaPointerLeave,
      table: (m) => this.table.render(areaTable(m, locale)),
      liveBadge: () => this.liveBadge(),
      gradesError: this.resolvedGrades.error,
    });
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    console.warn(`[safety-widgets] <${this.localName}> ${message}`);
  }
}

/** The developer's message for an unknown `area`. */
export function unknownAreaMessage(area: string, validAreas: readonly string[]): string {
  const valid = validAreas.length > 0 ? validAreas.join(', ') : '(the feed has no areas)';
  return `area=${quote(area)} is not an area of this feed. Valid ids: ${valid}. Remove the attribute to show the composite index.`;
}
