/**
 * `<safety-score-gauge>`: the composite 0–100 safety index (or one area's index) as an arc
 * gauge, with its grade, its change against the previous period, and the areas behind it.
 */
import { ResizeController } from '@lit-labs/observers/resize-controller.js';
import {
  DataTableController,
  SafetyElement,
  aboutData,
  aboutStyles,
  dataTableStyles,
  emit,
  localizedTextWithLang,
  renderAbout,
  renderEmpty,
  renderError,
  renderKeyHint,
  renderSyntheticBadge,
  type Feed,
  type FeedState,
  type FeedStatus,
  type GradeBand,
  type SupportedLocale,
} from '@safety-widgets/core';
import { html, nothing, type CSSResultArray, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { gaugeAbout } from './about-text.js';
import './events.js';
import { frameStyle } from './frame-style.js';
import { gaugeModel, type GaugeArea, type GaugeModel, type GaugeModelResult } from './gauge-model.js';
import { coverageNote, formatScore, liveChangeText, meterName, valueOfText } from './gauge-text.js';
import { ARC_FRAME, RING_FRAME, valueArcPath } from './geometry.js';
import { resolveGrades, type ResolvedGrades } from './grades.js';
import { ringKey } from './keys.js';
import { GAUGE_TEXTS, msg } from './messages.js';
import { easeInOutCubic, parseDuration } from './motion.js';
import {
  renderAsOf,
  renderCaption,
  renderChange,
  renderGrade,
  renderDetail,
  renderGradeKey,
  renderSubtotal,
  renderSummary,
} from './parts.js';
import { renderDrawing } from './ring.js';
import { factsInside, sizeFor } from './size.js';
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
 * <script type="module" src="https://unpkg.com/@safety-widgets/score-gauge/dist/bundle/safety-score-gauge.js"></script>
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

  /** The area that is the ring's tab stop (the last one focused). */
  @state() private tabStop: string | null = null;
  /** The area that has keyboard focus now. */
  @state() private focused: string | null = null;
  /** The area under the pointer. */
  @state() private hovered: string | null = null;
  /** Escape hid the detail; pointing or focusing again shows it. */
  @state() private dismissed = false;

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

  private resolvedGrades: ResolvedGrades = resolveGrades(undefined);
  private memo?: { feed: Feed; area: string | null; bands: readonly GradeBand[]; result: GaugeModelResult };
  private readonly warned = new Set<string>();

  /** The value the arc is drawn for (after the last render), the value it shows mid-sweep, and the sweep's frame. */
  private arcValue: number | null = null;
  private drawnValue: number | null = null;
  private shownValue: number | null = null;
  private frame = 0;

  /** The bands in use (the defaults when `grades` is missing or invalid). */
  get gradeBands(): readonly GradeBand[] {
    return this.resolvedGrades.bands;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Escape hides the detail whether it came from focus or the pointer (WCAG 1.4.13).
    globalThis.addEventListener?.('keydown', this.onEscape);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener?.('keydown', this.onEscape);
    this.stopSweep();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('grades')) {
      this.resolvedGrades = resolveGrades(this.grades);
      if (this.resolvedGrades.error) this.warnOnce(this.resolvedGrades.error);
    }
    super.willUpdate(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.sweep();
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

  /** "Safety index now 95.2, up 0.1.": said by the shared announcer when a live update moves the value. */
  protected override describeLiveChange(previous: Feed, next: Feed): string | undefined {
    const before = gaugeModel(previous, { area: this.areaId, bands: this.resolvedGrades.bands });
    const after = this.result(next);
    return before.ok && after.ok ? liveChangeText(before.model, after.model, this.locale) : undefined;
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

  /** Before the first feed: a placeholder of the gauge's own shape and size (see ./skeleton.ts). */
  protected override render(): unknown {
    const state = this.state;
    if (state.feed || state.error || state.status === 'error' || state.status === 'offline')
      return super.render();
    return html`<div class="sizer" ${this.width.target()}></div>
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
      this.arcValue = null;
      return renderError(
        { code: 'config', message: unknownAreaMessage(result.area, result.validAreas) },
        locale,
      );
    }
    const model = result.model;
    if (model.value === null) {
      this.arcValue = null;
      return html`${renderEmpty(locale, this.emptyMessage())}${this.renderGradesNote(locale)}`;
    }
    this.arcValue = model.value;
    const size = sizeFor(this.width.value);
    const compact = this.compact;
    const active = this.activeArea(model);
    // The ring is a set of controls only where its segments can be 24 px targets: not in a
    // small tile or the compact dial, where it is a picture and the key says what it shows.
    const interactive = !compact && size !== 'xs';
    // The grade and the change sit inside the arc, except in a small tile, the compact layout, or
    // for a reader whose default text is large (its words would crowd the arc's opening).
    const inside = factsInside(size, compact, parseFloat(getComputedStyle(this).getPropertyValue('--_base')));
    const facts = html`${renderGrade(model, locale)}${renderChange(model, locale, inside)}${renderSubtotal(model, locale)}`;
    const detail = interactive ? renderDetail(model, active, locale) : nothing;
    const asOf = renderAsOf(model, locale, compact, Date.now());
    const key = renderGradeKey(model, locale);
    return html`<div class="sizer" ${this.width.target()}></div>
      <div class="gauge ${compact ? 'compact' : ''}" part="gauge" data-size=${size}>
        ${compact ? nothing : renderCaption(model, locale)}
        <div class="body">
          <div
            class="dial"
            part="dial"
            style=${frameStyle(model.areas.length > 0 ? RING_FRAME : ARC_FRAME)}
            @keydown=${this.onKeyDown}
            @focusin=${this.onFocusIn}
            @focusout=${this.onFocusOut}
          >
            ${renderDrawing(model, locale, {
              interactive,
              tabStop: this.tabStop,
              hovered: this.hovered,
              onClick: this.onAreaClick,
              onPointerEnter: this.onAreaPointerEnter,
              onPointerLeave: this.onAreaPointerLeave,
            })}
            <div
              class="readout ${active && inside ? 'dimmed' : ''}"
              part="meter"
              role="meter"
              aria-label=${meterName(model, locale)}
              aria-valuemin="0"
              aria-valuemax="100"
              aria-valuenow=${String(model.rounded)}
              aria-valuetext=${valueOfText(model, locale) ?? nothing}
            >
              <span class="value" part="value">${formatScore(model.rounded, locale)}</span>
              ${inside ? facts : nothing}
            </div>
            ${compact ? nothing : detail}
            ${interactive && model.areas.length > 0 ? renderKeyHint(msg(locale, 'keyHint')) : nothing}
          </div>
          ${
            compact
              ? html`<div class="side">${renderCaption(model, locale)} ${facts} ${asOf} ${key}</div>`
              : nothing
          }
        </div>
        ${inside || compact ? nothing : html`<div class="facts">${facts}</div>`}
        ${
          compact
            ? nothing
            : html`<div class="footer">
                  ${asOf}<span class="badge-slot ${size === 'xs' ? 'visually-hidden' : ''}"
                    >${feed.synthetic ? renderSyntheticBadge(locale) : nothing} ${this.liveBadge()}</span
                  >
                </div>
                ${key}`
        }
        ${renderSummary(model, locale, compact || size === 'xs')} ${this.renderCoverageNote(model, locale)}
        ${this.renderGradesNote(locale)}
        <details class="about table-box" part="table-box">
          <summary part="table-summary">${msg(locale, 'table')}</summary>
          ${this.table.render(areaTable(model, locale))}
        </details>
        ${renderAbout({ locale, ...gaugeAbout(model, locale, interactive), data: aboutData(feed, locale) })}
      </div>`;
  }

  private renderCoverageNote(model: GaugeModel, locale: SupportedLocale): TemplateResult | typeof nothing {
    const note = coverageNote(model, locale);
    return note ? html`<p class="note coverage" part="note coverage">${note}</p>` : nothing;
  }

  private renderGradesNote(locale: SupportedLocale): TemplateResult | typeof nothing {
    const error = this.resolvedGrades.error;
    if (!error) return nothing;
    return html`<div class="note config" part="note config">
      <div class="text">
        <p>${msg(locale, 'gradesInvalid')}</p>
        <p class="detail" lang="en">${error}</p>
      </div>
    </div>`;
  }

  // Interaction ------------------------------------------------------------------------------

  /** The area whose detail shows: the one pointed at, else the one focused, unless Escape hid it. */
  private activeArea(model: GaugeModel): GaugeArea | null {
    if (this.dismissed) return null;
    const id = this.hovered ?? this.focused;
    return id === null ? null : (model.areas.find((a) => a.id === id) ?? null);
  }

  private currentAreas(): string[] {
    const feed = this.state.feed;
    const result = feed ? this.result(feed) : undefined;
    return result?.ok ? result.model.areas.map((a) => a.id) : [];
  }

  private areaElement(id: string): SVGGElement | null {
    return this.renderRoot.querySelector<SVGGElement>(`g.area[data-area="${CSS.escape(id)}"]`);
  }

  private select(id: string): void {
    emit(this, 'safety-area-select', { area: id });
  }

  private onKeyDown(event: KeyboardEvent): void {
    const id = areaOf(event.target);
    if (id === null) return;
    const ids = this.currentAreas();
    const action = ringKey(event.key, ids.indexOf(id), ids.length);
    if (action === null) return;
    event.preventDefault();
    if (action === 'select') return this.select(id);
    const target = ids[action.move]!;
    this.tabStop = target;
    this.areaElement(target)?.focus();
  }

  private readonly onEscape = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || this.dismissed) return;
    if (this.focused !== null || this.hovered !== null) this.dismissed = true;
  };

  private onFocusIn(event: FocusEvent): void {
    const id = areaOf(event.target);
    if (id === null) return;
    this.tabStop = id;
    this.focused = id;
    this.dismissed = false;
  }

  private onFocusOut(): void {
    this.focused = null;
  }

  private onAreaPointerEnter(event: PointerEvent): void {
    const id = areaOf(event.currentTarget);
    if (id === null) return;
    this.hovered = id;
    this.dismissed = false;
  }

  private onAreaPointerLeave(event: PointerEvent): void {
    if (areaOf(event.currentTarget) === this.hovered) this.hovered = null;
  }

  private onAreaClick(event: MouseEvent): void {
    const id = areaOf(event.currentTarget);
    if (id === null) return;
    this.tabStop = id;
    this.select(id);
  }

  // Motion -----------------------------------------------------------------------------------

  /** Sweeps the arc from the value it showed to the new one, unless the reader prefers reduced motion. */
  private sweep(): void {
    const path = this.renderRoot.querySelector<SVGPathElement>('path.arc');
    const target = path ? this.arcValue : null;
    if (target === this.drawnValue) return;
    const from = this.shownValue ?? this.drawnValue;
    this.drawnValue = target;
    this.stopSweep();
    const duration = path && target !== null && from !== null ? this.sweepDuration() : 0;
    if (!path || target === null || from === null || duration <= 0) {
      this.shownValue = null;
      return;
    }
    const start = performance.now();
    const draw = (value: number) => path.setAttribute('d', valueArcPath(value));
    const step = (now: number) => {
      const t = (now - start) / duration;
      if (t >= 1) {
        this.shownValue = null;
        this.frame = 0;
        draw(target);
        return;
      }
      this.shownValue = from + (target - from) * easeInOutCubic(t);
      draw(this.shownValue);
      this.frame = requestAnimationFrame(step);
    };
    this.shownValue = from;
    draw(from);
    this.frame = requestAnimationFrame(step);
  }

  private stopSweep(): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.shownValue !== null && this.drawnValue !== null) {
      this.renderRoot?.querySelector('path.arc')?.setAttribute('d', valueArcPath(this.drawnValue));
    }
  }

  private sweepDuration(): number {
    if (typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches) return 0;
    return parseDuration(getComputedStyle(this).getPropertyValue('--_sweep'));
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    console.warn(`[safety-widgets] <${this.localName}> ${message}`);
  }
}

/** The area id of a segment (or an element inside one). */
function areaOf(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null;
  return target.closest('g.area')?.getAttribute('data-area') ?? null;
}

/** The developer's message for an unknown `area`. */
export function unknownAreaMessage(area: string, validAreas: readonly string[]): string {
  const valid = validAreas.length > 0 ? validAreas.join(', ') : '(the feed has no areas)';
  return `area=${quote(area)} is not an area of this feed. Valid ids: ${valid}. Remove the attribute to show the composite index.`;
}
