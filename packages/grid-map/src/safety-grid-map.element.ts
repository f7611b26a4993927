import {
  SafetyElement,
  aboutData,
  aboutStyles,
  dataTableStyles,
  emit,
  formatNumber,
  localizedTextWithLang,
  renderAbout,
  renderKeyHint,
  renderSyntheticBadge,
  type Feed,
  type FeedState,
  type SupportedLocale,
  whenIdle,
} from '@safety-widgets/core';
import { html, nothing, svg, type CSSResultArray, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import { mapAbout, type BreaksRule } from './about-text.js';
import { parseBreaks, rangeLabel, type Classes } from './classes.js';
import {
  counterName,
  figureText,
  gridAnnouncement,
  gridCounts,
  gridName,
  subdistrictName,
  type Words,
} from './grid-text.js';
import { keyCommand } from './keyboard.js';
import {
  classesOf,
  colorsOf,
  countersOf,
  domainFiguresOf,
  figuresOf,
  mapModelOf,
  metricDefsOf,
} from './feed-derived.js';
import { gridOfPointIn, type MapModel } from './map-model.js';
import { MapSize } from './map-size.js';
import { MAP_TEXTS, msg } from './messages.js';
import {
  metricLabel,
  rateMode,
  resolveMetric,
  type GridFigure,
  type MetricDef,
  type RateMode,
} from './metrics.js';
import { stepInDirection } from './navigation.js';
import { GridPaths, dotPattern, hatchPattern, paintGrids, sizeCanvas, type PaintStyle } from './paint.js';
import { markLayer, shapeFor } from './mark-groups.js';
import { renderMapSkeleton } from './skeleton.js';
import { PanZoom } from './pan-zoom.js';
import { framePoints, pointMarks, visibleLayerIds, type FramePoint } from './points.js';
import { formatCount, privacyThreshold, type GridCounter } from './privacy.js';
import { PATH_SCALE } from './projection.js';
import { rankGrids, rankedCount, type RankedGrid } from './ranking.js';
import { gridMapStyles } from './styles.js';
import { listFormat, renderLegend } from './legend.js';
import { geometryWarning, renderNotes } from './notes.js';
import { renderToolbar } from './toolbar.js';
import { GridTable, gridTableModel, tablePage } from './table.js';
import { renderTooltip } from './tooltip.js';
import { composeView, fitView, toFrame, toScreen, type View } from './view.js';

/** Which renderer draws the grids. */
export type GridMapRenderer = 'auto' | 'svg' | 'canvas';

/** Rows of the ranked list shown at first (and added by "Show more"). */
const LIST_PAGE = 100;
/** Zoom factor of the buttons and the + / − keys. */
const ZOOM_STEP = 1.6;
/**
 * What the first picture does not need (the description block's text, the spatial index) is done
 * in idle time once it is painted, with 10 ms of idle time ahead, and within a second at the latest.
 */
const AFTER_PAINT = { afterPaint: true, timeout: 1000, minimum: 10 } as const;
/** Sensitive per-grid count labels are drawn on the map only up to this many grids. */
const MAX_COUNT_LABELS = 300;

interface Memo {
  deps: readonly unknown[];
  value: unknown;
}

/** Everything the last render drew, for the event handlers. */
interface ViewModel {
  feed: Feed;
  model: MapModel;
  def: MetricDef | undefined;
  figures: readonly GridFigure[];
  /** The figure over the whole feed (what chooses the breaks; `figures` itself for the whole district). */
  domain: readonly GridFigure[];
  classes: Classes | undefined;
  colors: Int8Array;
  rule: BreaksRule;
  view: View;
  canvas: boolean;
  mode: RateMode;
  threshold: number;
  // Made on first use: the first picture needs none of them (the tooltip, the keyboard, the table
  // and the layer counts do).
  /** The grids in ranked order (ties and names ordered by the locale's collation). */
  readonly ranking: readonly RankedGrid[];
  /** Each grid's name (never its id) and its sub-district's, in the map's language. */
  readonly names: readonly Words[];
  readonly subdistricts: readonly Words[];
  /** Counts per grid of the feed's layers and categories. */
  readonly counters: readonly GridCounter[];
}

/**
 * The management grids of a district as a choropleth of one figure, with the sub-district
 * boundaries, the district outline, optional neighbouring districts for context, and point
 * layers (fire stations, emergency points, risk sources by level; sensitive layers such as
 * cameras only as counts per grid).
 *
 * Keyboard: the map is one tab stop. Arrow keys move to the neighbouring grid in that
 * direction, Enter (or Space) selects it, Escape clears, `+` / `-` zoom and `0` resets the
 * view; while the map has keyboard focus these keys are written over its bottom edge, and the
 * description block ("About this map") says them too, with what the map shows and how its
 * classes are chosen. The map's data table (every grid with its figure, class and rank;
 * sortable, downloadable as CSV) is shown with the toolbar's table button. Past
 * `canvas-threshold` grids the map draws to a canvas and hit-tests with a spatial index,
 * keeping the DOM small.
 *
 * A page can keep the reader's view in its URL: `metric`, `rate` and `selected` are attributes it
 * sets, and `safety-metric-change` and `safety-grid-select` carry what to write back.
 *
 * Privacy: a layer or event category marked `sensitive` in the feed is never drawn at a
 * point; it is counted per grid, and counts below `privacy-threshold` (default 3) are shown as
 * "<3" (in the tooltip, the list and the map colours), with a note saying so.
 *
 * @tagname safety-grid-map
 * @summary A district's grids as a choropleth with point layers; keyboard navigable, canvas past a threshold, privacy-preserving.
 *
 * @attr breaks - Class bounds for the figure the page sets with `metric` and `rate`: 2 to 7 increasing numbers, comma-separated (`0,20,40,60,80,100` is five classes). Default: chosen for the metric (see the README): a score or percentage 0–20–40–60–80–100, other figures from zero to the next 1, 2 or 5 × 10ⁿ above the largest value in the whole feed, so that a district and its sub-districts share breaks. Bad values are refused with a note and a console warning, and the automatic breaks are used. Values outside the bounds join the first or last class (`< 20`, `≥ 80`). A figure the reader picks in the toolbar gets the automatic breaks.
 * @attr metric - The figure to colour by: a key of the grids' `metrics` (`cases`, `alerts110`, `fraud`, `fires`, `disputes`, `cameras`…) or `category:<id>` for the count of that event category's cases per grid. Default `cases`, else the first.
 * @attr rate - `count` (default) or `per-10k` to show figures per 10,000 residents of each grid.
 * @attr subdistrict - Id of a sub-district to show alone (e.g. `meisha`).
 * @attr context - Boolean: draw the neighbouring districts in grey for context.
 * @attr layers - Point layers to show: layer ids or kinds, separated by commas (`risk-source,fire-station,emergency-point,camera`); empty for none. Default: none, so the choropleth is the message (the legend has a switch for every layer). A sensitive layer listed here is shown as counts per grid, never as points.
 * @attr privacy-threshold - Sensitive counts below this are shown as "<n" (default 3).
 * @attr selected - Id of the selected grid (reflected; set by a click or Enter, or by the page).
 * @attr renderer - `auto` (default: SVG up to `canvas-threshold` grids, canvas beyond), `svg` or `canvas`.
 * @attr canvas-threshold - Grid count above which `auto` draws to a canvas (default 1500).
 * @attr list - Boolean: show the data table of grids (also the toolbar's "Ranked list of grids" button).
 *
 * @fires {CustomEvent<{ metric: string; rate: 'count' | 'per-10k' }>} safety-metric-change - The reader picked another figure or switched per 10,000 residents on or off in the toolbar; `detail: { metric, rate }` are the values of the `metric` and `rate` attributes that show the same view (for the page's URL). Setting either from script fires nothing.
 * @fires {CustomEvent<{ id: string | null; subdistrict: string | null; name: string | null }>} safety-grid-select - The user selected a grid (click, Enter or Space, or its name in the list) or cleared the selection (Escape); `detail: { id, subdistrict, name }`: the grid's id, the id of its sub-district and its name in the map's language, so a page can narrow other widgets (or switch to the sub-district's feed) without reading the feed itself; all three are null when the selection was cleared. Setting `selected` from script fires nothing.
 *
 * @csspart header - The place name and badges above the map.
 * @csspart toolbar - The figure picker, the per-10,000 switch and the list button.
 * @csspart map - The map box (set its size with `--safety-map-aspect-ratio` or a height).
 * @csspart tooltip - The tooltip of the grid under the pointer or the keyboard focus.
 * @csspart zoom-controls - The zoom in, zoom out and reset buttons.
 * @csspart legend - The class breaks, the layer switches and the privacy note.
 * @csspart privacy-note - The note about sensitive layers and categories.
 * @csspart list - The box of the data table of grids (core's `data-table` and `download` parts inside).
 * @csspart data-table - The data table: its CSV download button and the scrolling, sortable table.
 * @csspart download - The table's "Download CSV" button.
 * @csspart key-hint - The keyboard instructions shown over the map's bottom edge while it has keyboard focus.
 * @csspart about - The description block ("About this map"), collapsed by default.
 * @csspart about-summary - Its summary control.
 * @csspart note - Notes under the map (grids that could not be drawn).
 * @csspart breaks - The note saying the page's `breaks` could not be used (also `note`).
 * @csspart geometry - The note counting grids whose outline has no area or crosses itself (also `note`).
 *
 * @cssprop --safety-color-choropleth-1 - Lowest class colour (the palette runs to `--safety-color-choropleth-6`; fewer classes use an even spread of it).
 * @cssprop --safety-color-choropleth-2 - Second palette colour.
 * @cssprop --safety-color-choropleth-3 - Third palette colour.
 * @cssprop --safety-color-choropleth-4 - Fourth palette colour.
 * @cssprop --safety-color-choropleth-5 - Fifth palette colour.
 * @cssprop --safety-color-choropleth-6 - Highest class colour.
 * @cssprop --safety-color-map-no-data - Fill of grids without data.
 * @cssprop --safety-color-map-context - Fill of neighbouring districts.
 * @cssprop --safety-color-map-background - Background of the map (sea and land outside the district).
 * @cssprop --safety-color-grid-line - Borders between grids.
 * @cssprop --safety-map-aspect-ratio - Width / height of the map box (default 3 / 2); the loading skeleton takes the same size.
 * @cssprop --safety-map-max-height - Largest height of the map box (default 80vh).
 *
 * @example
 * <safety-grid-map src="feeds/yantian.json" metric="cases" rate="per-10k" context></safety-grid-map>
 */
export class SafetyGridMap extends SafetyElement {
  protected static override texts = [MAP_TEXTS];

  static override styles = [
    ...(SafetyElement.styles as CSSResultArray),
    aboutStyles,
    dataTableStyles,
    gridMapStyles,
  ];

  /** The figure to colour by (a grid metric key, or `category:<id>`). */
  @property() metric?: string;

  /** `count` or `per-10k`. */
  @property() rate: string = 'count';

  /** Class bounds for the page's figure (`0,20,40,60,80,100`); unset: chosen for the metric. */
  @property() breaks?: string;

  /** Id of a sub-district to show alone. */
  @property() subdistrict?: string;

  /** Draw the neighbouring districts in grey. */
  @property({ type: Boolean }) context = false;

  /** Point layers to show (ids or kinds, comma-separated); unset = none (the legend switches each on). */
  @property() layers?: string;

  /** Sensitive counts below this are shown as "<n". */
  @property({ attribute: 'privacy-threshold' }) privacyThreshold: number | string = 3;

  /** Id of the selected grid. */
  @property({ reflect: true }) selected?: string;

  /** `auto`, `svg` or `canvas`. */
  @property() renderer: GridMapRenderer = 'auto';

  /** Grid count above which `renderer="auto"` draws to a canvas. */
  @property({ attribute: 'canvas-threshold', type: Number }) canvasThreshold = 1500;

  /** Show the ranked list of grids. */
  @property({ type: Boolean, reflect: true }) list = false;

  @state() private zoomTransform: View = { k: 1, x: 0, y: 0 };
  @state() private hoverId?: string;
  @state() private hoverAt: readonly [number, number] = [0, 0];
  @state() private activeId?: string;
  @state() private tip: 'hover' | 'focus' | undefined;
  @state() private announcement = '';
  @state() private listLimit = LIST_PAGE;
  /** The reader picked the figure in the toolbar: the page's `breaks` are not for it. */
  @state() private readerPicked = false;
  /** The "Map layers" disclosure is open (from the start when the page shows layers). */
  @state() private layersOpen = false;
  /**
   * The first picture is painted: what is not in it is written now, in idle time after the paint
   * (or at once when the reader focuses something or opens a disclosure): the description block's
   * text (the block is closed) and the notes about grid outlines that cross themselves or have no
   * area (found by checks the drawing does not need).
   */
  @state() private settled = false;
  /** Work scheduled for after the paint (the rest of the widget, then the spatial index). */
  private afterPaintSettle: (() => void) | undefined;
  private afterPaintIndex: (() => void) | undefined;
  /** The spatial index built (or being built) after a paint. */
  private warmIndex: unknown;
  private picking = false;

  protected override droppedKinds = ['grids'] as const;
  protected override droppedLabel = 'grids' as const;

  private readonly table = new GridTable(this);
  private readonly memos = new Map<string, Memo>();
  private vm: ViewModel | undefined;
  private surface: HTMLDivElement | undefined;
  private canvas: HTMLCanvasElement | undefined;
  private probe: HTMLElement | undefined;
  private readonly panZoom = new PanZoom((view, byUser) => {
    this.zoomTransform = view;
    if (byUser && this.tip === 'hover') this.tip = undefined;
  });
  private paintedKey: readonly unknown[] = [];
  private paintStyle: { key: string; style: PaintStyle } | undefined;
  private warnedFor: unknown;
  /** Whether the last render merged points into counted marks (the legend then explains them). */
  private merged = false;
  /** Merged marks of the last render whose count found no free place. */
  private unlabelled = 0;
  private readonly media: MediaQueryList[] = [];
  private readonly onMedia = () => {
    this.paintStyle = undefined;
    this.requestUpdate();
  };

  /** The map box's size, from ResizeObserver entries (the skeleton's box while loading). */
  private readonly size = new MapSize(this);
  /** The size of the map's own small print: the probe is 1em square (12 px by default). */
  private readonly textSize = new MapSize(this, { width: 12, height: 12 });

  /** Zooms in one step around the centre. */
  zoomIn(): void {
    this.zoomBy(ZOOM_STEP);
  }

  /** Zooms out one step around the centre. */
  zoomOut(): void {
    this.zoomBy(1 / ZOOM_STEP);
  }

  /** Back to the whole district (or sub-district). */
  resetZoom(): void {
    this.panZoom.reset();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page before the work after the paint was done: schedule it again.
    this.scheduleAfterPaint();
    if (typeof matchMedia === 'function') {
      for (const q of ['(prefers-color-scheme: dark)', '(forced-colors: active)']) {
        const m = matchMedia(q);
        m.addEventListener?.('change', this.onMedia);
        this.media.push(m);
      }
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.afterPaintSettle?.();
    this.afterPaintIndex?.();
    this.afterPaintSettle = this.afterPaintIndex = undefined;
    this.warmIndex = undefined;
    for (const m of this.media.splice(0)) m.removeEventListener?.('change', this.onMedia);
  }

  // Data -------------------------------------------------------------------------------------------

  /**
   * Recomputes `fn` only when one of `deps` changed (by identity). With `same`, a new value equal to
   * the last one is dropped for the last one, so that what depends on it is not made again.
   */
  private memo<T>(slot: string, deps: readonly unknown[], fn: () => T, same?: (a: T, b: T) => boolean): T {
    const m = this.memos.get(slot);
    if (m && m.deps.length === deps.length && m.deps.every((d, i) => Object.is(d, deps[i])))
      return m.value as T;
    let value = fn();
    if (m && same?.(m.value as T, value)) value = m.value as T;
    this.memos.set(slot, { deps, value });
    return value;
  }

  /** The model of `feed` (shared with every map showing it); the last one carries its projections on. */
  private modelFor(feed: Feed): MapModel {
    const previous = this.vm?.model;
    return mapModelOf(feed, this.subdistrict, previous);
  }

  protected override isEmpty(feed: Feed): boolean {
    return this.modelFor(feed).grids.length === 0;
  }

  protected override emptyMessage(): string | undefined {
    const id = this.subdistrict?.trim();
    const feed = this.state.feed;
    if (id && feed && feed.grids.features.length > 0) return msg(this.locale, 'emptySubdistrict', { id });
    return msg(this.locale, 'emptyGrids');
  }

  protected override render(): unknown {
    // Loading: a skeleton of the map's own size, not core's bars.
    const state = this.state;
    if (!state.feed && state.status === 'loading' && !state.error)
      return renderMapSkeleton(this.locale, this.size.ref);
    return super.render();
  }

  /** The page's `breaks`, when usable (a bad value is warned about once and ignored). */
  private parsedBreaks(): readonly number[] | undefined {
    const parsed = this.memo('breaks', [this.breaks], () => {
      const result = parseBreaks(this.breaks);
      if (result && !result.ok)
        console.warn(
          `[safety-widgets] <${this.localName}> breaks="${String(this.breaks).slice(0, 80)}" not used: ${result.reason}. Automatic class breaks are used instead.`,
        );
      return result;
    });
    return parsed?.ok ? parsed.bounds : undefined;
  }

  private get rateModeValue(): RateMode {
    return rateMode(this.rate);
  }

  private viewModel(feed: Feed): ViewModel {
    const model = this.modelFor(feed);
    const threshold = privacyThreshold(this.privacyThreshold);
    const mode = this.rateModeValue;
    const def = resolveMetric(metricDefsOf(feed), this.metric);
    const last = this.vm;
    const params = { def, mode, threshold };
    const figures = figuresOf(feed, model, params, last?.figures);
    // Breaks for the metric across the whole feed, not the sub-district's grids alone.
    const domain = model.subdistrict ? domainFiguresOf(feed, model, params, last?.domain) : figures;
    const bounds = this.readerPicked ? undefined : this.parsedBreaks();
    const { classes, rule } = classesOf(figures, domain, {
      key: def?.key ?? '',
      perTenK: mode === 'per-10k',
      ...(bounds ? { bounds } : {}),
    });
    const colors = colorsOf(figures, classes, last?.colors);
    const locale = this.locale;
    const { width, height } = this.size.value;
    const base = this.memo('base', [model.viewBox, width, height], () =>
      fitView(model.viewBox, width, height, 12),
    );
    const view = composeView(base, this.zoomTransform);
    const canvas =
      this.renderer === 'canvas' ||
      (this.renderer !== 'svg' && model.grids.length > (Number(this.canvasThreshold) || 1500));
    const memo = <T>(
      slot: string,
      deps: readonly unknown[],
      fn: () => T,
      same?: (a: T, b: T) => boolean,
    ): T => this.memo(slot, deps, fn, same);
    return {
      feed,
      model,
      def,
      figures,
      domain,
      classes,
      colors,
      rule,
      view,
      canvas,
      mode,
      threshold,
      get counters() {
        return countersOf(feed, model);
      },
      get names() {
        // A new version with the same names keeps the same array (the ranking is not made again).
        return memo(
          'names',
          [model, locale],
          () => model.grids.map((g, i) => gridName(g.name, i, locale)),
          sameWords,
        );
      },
      get subdistricts() {
        return memo(
          'subdistricts',
          [model, feed, locale],
          () => model.grids.map((g) => subdistrictName(feed, g.subdistrict, locale)),
          sameWords,
        );
      },
      get ranking() {
        const names = this.names;
        return memo('ranking', [figures, names], () =>
          rankGrids(
            figures,
            names.map((n) => n.text),
            locale,
          ),
        );
      },
    };
  }

  // Rendering --------------------------------------------------------------------------------------

  protected override renderContent(feed: Feed, _state: FeedState): unknown {
    const vm = this.viewModel(feed);
    this.vm = vm;
    // The outlines' problems are checked once the first picture is painted.
    if (this.settled && this.warnedFor !== vm.model) {
      this.warnedFor = vm.model;
      const warning = geometryWarning(vm.model);
      if (warning) console.warn(`[safety-widgets] <${this.localName}> ${warning}`);
    }
    const locale = this.locale;
    const place = localizedTextWithLang(feed.place.name, locale);
    const title = this.subdistrictTitle(feed) ?? place;
    const synthetic = feed.synthetic || vm.model.grids.some((g) => g.synthetic);
    return html`<div class="frame" @focusin=${this.settleNow} @toggle=${this.settleNow}>
        <div class="header" part="header">
          <span class="place" lang=${title.lang}>${title.text}</span>
          ${synthetic ? renderSyntheticBadge(locale) : nothing} ${this.liveBadge()}
        </div>
        ${this.renderToolbar(vm, locale)} ${this.renderMap(vm, locale, title.text)}
        ${this.renderLegend(vm, locale)} ${this.renderAbout(vm, locale, title.text)}
        ${this.renderTable(vm, locale, title.text)}
      </div>
      ${renderNotes(
        locale,
        this.settled ? vm.model.problems : undefined,
        parseBreaks(this.breaks)?.ok === false ? String(this.breaks) : undefined,
      )}`;
  }

  /** The name of the sub-district shown alone, if one is. */
  private subdistrictTitle(feed: Feed): { text: string; lang: SupportedLocale } | undefined {
    const id = this.vm?.model.subdistrict;
    const sub = id ? feed.subdistricts.find((s) => s.id === id) : undefined;
    return sub ? localizedTextWithLang(sub.name, this.locale) : undefined;
  }

  private metricText(vm: ViewModel, locale: SupportedLocale): string {
    if (!vm.def) return '';
    const label = metricLabel(vm.def, locale).text;
    return vm.mode === 'per-10k' ? msg(locale, 'legendRate', { metric: label }) : label;
  }

  private renderToolbar(vm: ViewModel, locale: SupportedLocale): TemplateResult {
    return renderToolbar({
      locale,
      defs: metricDefsOf(vm.feed),
      metric: vm.def?.key,
      perTenK: vm.mode === 'per-10k',
      list: this.list,
      onMetric: this.onMetricChange,
      onRate: this.onRateChange,
      onZoom: this.onZoom,
      onList: this.toggleList,
    });
  }

  private renderMap(vm: ViewModel, locale: SupportedLocale, placeName: string): TemplateResult {
    const { model, view } = vm;
    const { width, height } = this.size.value;
    this.merged = false;
    // Path data is in frame units × PATH_SCALE (whole numbers): scale it back here. The hatch of
    // suppressed grids is drawn in the paths' user space: undo the scale to keep it 6 px wide.
    const s = view.k / PATH_SCALE;
    const matrix = `matrix(${s} 0 0 ${s} ${view.x} ${view.y})`;
    const ready = view.k > 0;
    const gridPaths =
      vm.canvas || !ready
        ? nothing
        : svg`<g class="grids">${repeat(
            model.grids,
            (g) => g.id,
            (g, i) => svg`<path class="grid ${colorClass(vm.colors[i] ?? -1)}" d=${g.cached.d}></path>`,
          )}</g>`;
    const highlight = (id: string | undefined, cls: string) => {
      const i = id === undefined ? undefined : model.byId.get(id);
      if (i === undefined) return nothing;
      const d = model.grids[i]!.cached.d;
      return cls === 'selected'
        ? svg`<path class="selected" d=${d}></path><path class="selected-inner" d=${d}></path>`
        : svg`<path class=${cls} d=${d}></path>`;
    };
    // The box's height follows its width (--safety-map-aspect-ratio, 3 / 2 by default), not the
    // data: the loading skeleton has the same size, so nothing moves when the data arrives.
    return html`<div class="map" part="map" ${ref(this.size.ref)}>
        ${vm.canvas ? html`<canvas class="paint" aria-hidden="true" ${ref(this.canvasRef)}></canvas>` : nothing}
        <svg class="vector" width=${width} height=${height} aria-hidden="true" focusable="false">
          <defs>
            <pattern
              id="suppressed"
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform=${`scale(${ready ? 1 / s : 1}) rotate(45)`}
            >
              <rect class="hatch-bg" width="6" height="6"></rect>
              <line class="hatch-line" x1="0" y1="0" x2="0" y2="6"></line>
            </pattern>
            <pattern
              id="no-data"
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform=${`scale(${ready ? 1 / s : 1})`}
            >
              <rect class="dots-bg" width="6" height="6"></rect>
              <circle class="dots-dot" cx="3" cy="3" r="1.1"></circle>
            </pattern>
          </defs>
          ${
            ready
              ? svg`<g transform=${matrix}>
                ${this.context ? model.neighbours.map((n) => svg`<path class="context" d=${n.cached.d}></path>`) : nothing}
                ${gridPaths}
                ${model.subdistricts.map((s) => svg`<path class="subdistrict" d=${s.cached.d}></path>`)}
                ${!model.subdistrict && model.outline ? svg`<path class="outline" d=${model.outline.d}></path>` : nothing}
                ${highlight(this.selected, 'selected')}
                ${this.tip === 'hover' ? highlight(this.hoverId, 'hover') : nothing}
                ${this.tip === 'focus' ? highlight(this.activeId, 'active') : nothing}
              </g>
              ${this.context ? this.renderContextLabels(vm, width, height) : nothing}
              ${this.renderCounts(vm)} ${this.renderMarks(vm, width, height)}`
              : nothing
          }
        </svg>
        <div
          class="surface"
          role="application"
          tabindex="0"
          aria-label=${msg(locale, 'mapLabel', { place: placeName, metric: this.metricText(vm, locale) })}
          aria-describedby="map-help"
          ${ref(this.surfaceRef)}
          @keydown=${this.onKeydown}
          @focus=${this.onFocus}
          @blur=${this.onBlur}
          @pointermove=${this.onPointerMove}
          @pointerleave=${this.onPointerLeave}
          @click=${this.onClick}
        ></div>
        ${renderKeyHint(msg(locale, 'keyHint'))} ${this.renderTooltip(vm, locale, width, height)}
        <i class="probe" aria-hidden="true" ${ref(this.probeRef)}></i>
      </div>
      <p id="map-help" class="visually-hidden">${msg(locale, 'mapHelp')}</p>
      <div class="visually-hidden" role="status">${this.announcement}</div>`;
  }

  /**
   * The size of the map's own text (counts, neighbours' names) in CSS px: the small-print token as
   * the probe's box gives it (read from ResizeObserver entries, not from style in an update), so it
   * follows the reader's default font size (12 px by default); never below 12.
   */
  private labelSize(): number {
    const size = this.textSize.value.width;
    return size >= 12 ? size : 12;
  }

  private renderContextLabels(vm: ViewModel, width: number, height: number): unknown {
    const locale = this.locale;
    const em = this.labelSize() / 12;
    return vm.model.neighbours.map((n) => {
      const shape = n.cached.shape;
      if (!shape) return nothing;
      // Label the part of the neighbour that is in view: the middle of its box, clamped to the view.
      const [bx0, by0] = toScreen(vm.view, shape.bbox[0], shape.bbox[1]);
      const [bx1, by1] = toScreen(vm.view, shape.bbox[2], shape.bbox[3]);
      const x0 = Math.max(bx0, 0);
      const x1 = Math.min(bx1, width);
      const y0 = Math.max(by0, 0);
      const y1 = Math.min(by1, height);
      const name = localizedTextWithLang(n.name, locale);
      // About as wide as the text (CJK characters are twice as wide as Latin ones).
      const half =
        (em * [...name.text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 12 : 6.5), 0) + 8) / 2;
      if (x1 - x0 < 2 * half || y1 - y0 < 16 * em) return nothing;
      const [lx, ly] = toScreen(vm.view, shape.label[0], shape.label[1]);
      const y = Math.min(Math.max(ly, y0 + 14 * em), y1 - 8 * em);
      const x = Math.min(Math.max(lx, x0 + half), x1 - half);
      if (x - half < x0 - 1) return nothing;
      return svg`<text class="context-label" x=${x} y=${y} lang=${name.lang}>${name.text}</text>`;
    });
  }

  /** Per-grid counts of the sensitive layers that are switched on. */
  private renderCounts(vm: ViewModel): unknown {
    const shown = visibleLayerIds(vm.feed, this.layers);
    // No sensitive layer shown: nothing to count (the counts are made on first use).
    if (!vm.feed.layers.some((l) => l.sensitive && shown.has(l.id))) return nothing;
    const sensitive = vm.counters.filter((c) => c.kind === 'layer' && c.sensitive && shown.has(c.id));
    if (sensitive.length === 0 || vm.model.grids.length > MAX_COUNT_LABELS) return nothing;
    const locale = this.locale;
    // Sized from the text's size (12 px by default), so the pills grow with the reader's text.
    const em = this.labelSize() / 12;
    return svg`<g class="counts">${sensitive.map((counter, row) =>
      vm.model.grids.map((g) => {
        const [x, y] = toScreen(vm.view, g.shape.label[0], g.shape.label[1]);
        const text = formatCount(counter.counts.get(g.id) ?? 0, locale, true, vm.threshold);
        const w = em * (8 + text.length * 7);
        const h = 16 * em;
        const dy = (row * 18 + 12) * em;
        return svg`<g class="count" transform="translate(${x} ${y + dy})"
          ><path d=${shapeFor('camera', undefined)} transform="translate(${-w / 2 - 13 * em} ${-6 * em}) scale(${0.75 * em})" class="count-glyph"></path
          ><rect x=${-w / 2} y=${-h / 2} width=${w} height=${h} rx=${h / 2}></rect><text>${text}</text></g>`;
      }),
    )}</g>`;
  }

  private renderMarks(vm: ViewModel, width: number, height: number): unknown {
    const points = this.memo('points', [vm.feed, vm.model, this.layers], (): FramePoint[] => {
      const shown = visibleLayerIds(vm.feed, this.layers);
      const gridOf = gridOfPointIn(vm.model);
      const keep = vm.model.subdistrict
        ? (p: Parameters<typeof gridOf>[0]) => gridOf(p) !== undefined
        : () => true;
      return framePoints(vm.feed, vm.model.frame, shown, keep);
    });
    this.merged = false;
    this.unlabelled = 0;
    if (points.length === 0) return nothing;
    const marks = this.memo('marks', [points, vm.view.k, vm.view.x, vm.view.y, width, height], () =>
      pointMarks(points, (x, y) => toScreen(vm.view, x, y), width, height),
    );
    this.merged = marks.some((m) => m.points > 1);
    // Written once per set of marks, not on every render (a hover renders too).
    const locale = this.locale;
    const fontSize = this.labelSize();
    const layer = this.memo('mark-layer', [marks, locale, fontSize], () =>
      markLayer(marks, width, height, (n) => formatNumber(n, locale), fontSize),
    );
    this.unlabelled = layer.unlabelled;
    // A surface-coloured halo under every mark, so that no mark (a blue one on a purple grid)
    // is lost on the colour under it; the counts go where they cover no mark and no count.
    return svg`<g class="marks">${layer.groups.map(
      (g) => svg`<g class="mark ${g.kind} ${g.level ?? ''}" data-marks=${g.marks}
        ><path class="halo" d=${g.d}></path><path d=${g.d}></path></g>`,
    )}<g class="mark-counts">${layer.labels.map(
      (l) => svg`<text x=${l.x} y=${l.y}>${l.text}</text>`,
    )}</g></g>`;
  }

  private renderTooltip(vm: ViewModel, locale: SupportedLocale, width: number, height: number): unknown {
    const id = this.tip === 'hover' ? this.hoverId : this.tip === 'focus' ? this.activeId : undefined;
    const i = id === undefined ? undefined : vm.model.byId.get(id);
    if (i === undefined || !(vm.view.k > 0)) return nothing;
    const grid = vm.model.grids[i]!;
    return renderTooltip({
      locale,
      id: grid.id,
      name: vm.names[i]!,
      subdistrict: vm.subdistricts[i]!,
      selected: this.selected === grid.id,
      metric: vm.def ? metricLabel(vm.def, locale) : undefined,
      figure: vm.figures[i]!,
      threshold: vm.threshold,
      population: grid.population,
      counts: gridCounts(vm.feed, vm.counters, vm.def?.key, grid.id, vm.threshold, locale),
      at: this.tip === 'hover' ? this.hoverAt : toScreen(vm.view, grid.shape.label[0], grid.shape.label[1]),
      width,
      height,
    });
  }

  /** Whether some grid has no data, and whether some count is hidden (the legend then says so). */
  private legendFlags(vm: ViewModel): { hasNoData: boolean; hasSuppressed: boolean } {
    return this.memo('legend-flags', [vm.figures], () => ({
      hasNoData: vm.figures.some((f) => !f.suppressed && f.shown === null),
      hasSuppressed: vm.figures.some((f) => f.suppressed),
    }));
  }

  private renderLegend(vm: ViewModel, locale: SupportedLocale): TemplateResult {
    return renderLegend({
      locale,
      feed: vm.feed,
      title: this.metricText(vm, locale),
      classes: vm.classes,
      ...this.legendFlags(vm),
      threshold: vm.threshold,
      sensitiveFigure: vm.def?.sensitive === true,
      shown: visibleLayerIds(vm.feed, this.layers),
      counters: vm.model.subdistrict ? vm.counters : undefined,
      layersOpen: this.layersOpen,
      merged: this.merged,
      unlabelled: this.unlabelled,
      onLayersToggle: this.onLayersToggle,
      onLayer: (id, on) => this.toggleLayer(id, on),
    });
  }

  /** The description block: what the map shows, how its classes are chosen, the data, the keys. */
  private renderAbout(vm: ViewModel, locale: SupportedLocale, place: string): TemplateResult {
    // Until then, the closed block with its summary only (the same size on screen).
    if (!this.settled)
      return renderAbout({ locale, title: msg(locale, 'aboutTitle'), what: nothing, data: nothing });
    const flags = this.legendFlags(vm);
    const about = this.memo(
      'about',
      [vm.classes, vm.rule, vm.feed, vm.def, vm.mode, flags, locale, place],
      () =>
        mapAbout({
          locale,
          place,
          metric: this.metricText(vm, locale),
          grids: vm.model.grids.length,
          ranges: vm.classes?.ranges.map((r) => rangeLabel(r, vm.classes!, locale)) ?? [],
          rule: vm.rule,
          perTenK: vm.mode === 'per-10k',
          hasNoData: flags.hasNoData,
          hasSuppressed: flags.hasSuppressed,
          threshold: vm.threshold,
          layers: vm.feed.layers.map((l) => localizedTextWithLang(l.name, locale).text),
          tableButton: msg(locale, 'showList'),
          list: (items) => listFormat(items, locale),
        }),
    );
    return renderAbout({
      locale,
      title: msg(locale, 'aboutTitle'),
      what: about.what,
      how: about.how,
      data: aboutData(vm.feed, locale),
      keys: about.keys,
    });
  }

  /**
   * The data table (core's sortable, downloadable table), shown with the toolbar's button: every
   * grid with its figure, class and rank, and a column per shown point layer. A large feed shows a
   * page of the sorted rows at a time (the CSV holds them all).
   */
  private renderTable(vm: ViewModel, locale: SupportedLocale, place: string): TemplateResult {
    return html`<section id="twin" class="twin" part="list" ?hidden=${!this.list}>
      ${this.list ? this.renderTableBody(vm, locale, place) : nothing}
    </section>`;
  }

  private renderTableBody(vm: ViewModel, locale: SupportedLocale, place: string): TemplateResult {
    const shown = visibleLayerIds(vm.feed, this.layers);
    // One sub-district shown (or only one in the feed): its name in every row says nothing.
    const first = vm.model.grids[0]?.subdistrict;
    const model = this.memo(
      'table',
      [
        vm.figures,
        vm.classes,
        vm.ranking,
        vm.names,
        vm.subdistricts,
        vm.counters,
        this.layers,
        this.selected,
      ],
      () =>
        gridTableModel({
          locale,
          place,
          metric: this.metricText(vm, locale),
          ids: vm.model.grids.map((g) => g.id),
          names: vm.names,
          subdistricts: vm.subdistricts,
          figures: vm.figures,
          mode: vm.mode,
          threshold: vm.threshold,
          classes: vm.classes,
          ranking: vm.ranking,
          layers: vm.counters
            .filter((c) => c.kind === 'layer' && shown.has(c.id))
            .map((counter) => ({ counter, name: counterName(vm.feed, counter, locale) })),
          subdistrictColumn: vm.model.grids.some((g) => g.subdistrict !== first),
          fileName: [
            vm.model.subdistrict ?? vm.feed.place.id,
            vm.def?.key ?? '',
            vm.mode === 'per-10k' ? 'per-10k' : '',
            vm.feed.asOf.slice(0, 10),
          ],
          nameCell: (row) =>
            html`<button
              type="button"
              class="pick"
              lang=${row.name.lang}
              data-grid=${row.id}
              aria-pressed=${this.selected === row.id ? 'true' : 'false'}
              @click=${() => this.selectGrid(row.id)}
            >
              ${row.name.text}
            </button>`,
        }),
    );
    this.table.all = model;
    const page = tablePage(model, this.table.sort, this.listLimit);
    const more = model.rows.length - page.rows.length;
    return html`${this.table.render(page)}
    ${
      more > 0
        ? html`<button type="button" class="more" @click=${this.showMore}>
            ${msg(locale, 'listMore', { n: Math.min(LIST_PAGE, more) })}
          </button>`
        : nothing
    }`;
  }

  // Canvas -----------------------------------------------------------------------------------------

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('theme')) this.paintStyle = undefined;
    this.safely(() => this.paint(), undefined);
    this.scheduleAfterPaint();
  }

  /** Once the map is drawn: the rest of the widget, then the spatial index, in idle time after the paint. */
  private scheduleAfterPaint(): void {
    const vm = this.vm;
    if (!vm || !(vm.view.k > 0)) return;
    if (!this.settled && !this.afterPaintSettle)
      this.afterPaintSettle = whenIdle(() => {
        this.afterPaintSettle = undefined;
        this.settled = true;
      }, AFTER_PAINT);
    const index = vm.model.index;
    if (this.warmIndex !== index) {
      this.warmIndex = index;
      this.afterPaintIndex?.();
      this.afterPaintIndex = whenIdle(() => {
        this.afterPaintIndex = undefined;
        this.safely(() => index.build(), undefined);
      }, AFTER_PAINT);
    }
  }

  /** The reader reached into the widget (focus, or a disclosure opened): the rest is written now. */
  private readonly settleNow = {
    handleEvent: () => {
      this.settled = true;
    },
    // `toggle` does not bubble: caught on the way down.
    capture: true,
  };

  private resolvePaintStyle(ctx: CanvasRenderingContext2D, dpr: number): PaintStyle {
    const dark = this.media[0]?.matches ?? false;
    const forced = this.media[1]?.matches ?? false;
    const key = `${this.theme ?? ''}|${dark}|${forced}|${dpr}`;
    if (this.paintStyle?.key === key) return this.paintStyle.style;
    const probe = this.probe;
    const read = (token: string) => {
      if (!probe) return '#888';
      probe.style.color = `var(${token})`;
      return getComputedStyle(probe).color;
    };
    const style: PaintStyle = {
      fills: [0, 1, 2, 3, 4, 5].map((i) => read(`--_choro-${i}`)),
      noData: dotPattern(ctx, read('--_map-no-data'), read('--_muted'), dpr),
      suppressed: hatchPattern(ctx, read('--_surface'), read('--_muted'), dpr),
      stroke: forced ? read('--_fg') : read('--_grid-line'),
    };
    this.paintStyle = { key, style };
    return style;
  }

  private paint(): void {
    const vm = this.vm;
    const canvas = this.canvas;
    if (!vm?.canvas || !canvas || !canvas.isConnected) return;
    const { width, height } = this.size.value;
    const dpr = Math.max(1, Math.min(3, globalThis.devicePixelRatio || 1));
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const resized = sizeCanvas(canvas, width, height, dpr);
    const style = this.resolvePaintStyle(ctx, dpr);
    // The index is the same object while the outlines are (a figures-only update keeps it).
    const key = [vm.model.index, vm.colors, vm.view.k, vm.view.x, vm.view.y, width, height, style];
    if (
      !resized &&
      key.length === this.paintedKey.length &&
      key.every((k, i) => Object.is(k, this.paintedKey[i]))
    )
      return;
    this.paintedKey = key;
    const { grids } = vm.model;
    const paths = this.memo(
      'paths',
      [vm.model.index, vm.colors],
      () =>
        new GridPaths(
          grids.length,
          (i) => vm.colors[i] ?? -1,
          (i) => grids[i]!.shape,
        ),
    );
    paintGrids(ctx, paths, vm.view, dpr, style);
  }

  // Interaction ------------------------------------------------------------------------------------

  private readonly canvasRef = (el?: Element) => {
    this.canvas = el instanceof HTMLCanvasElement ? el : undefined;
    this.paintedKey = [];
  };

  private readonly probeRef = (el?: Element) => {
    this.probe = el instanceof HTMLElement ? el : undefined;
    this.textSize.ref(el);
  };

  private readonly surfaceRef = (el?: Element) => {
    const surface = el instanceof HTMLDivElement ? el : undefined;
    if (surface === this.surface) return;
    this.surface = surface;
    this.panZoom.attach(surface);
    this.updateZoomExtent();
  };

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.updateZoomExtent();
    if (changed.has('metric') || changed.has('rate') || changed.has('subdistrict'))
      this.listLimit = LIST_PAGE;
    // The page's breaks are for the figure the page sets; one the reader picks gets its own.
    if (changed.has('metric') || changed.has('rate')) this.readerPicked = this.picking;
    if (changed.has('breaks')) this.readerPicked = false;
    if (changed.has('layers') && (this.layers ?? '').trim() !== '') this.layersOpen = true;
    this.picking = false;
  }

  private updateZoomExtent(): void {
    const { width, height } = this.size.value;
    // From this update's model (willUpdate runs before render sets `vm`).
    const feed = this.state.feed;
    const many = (feed ? this.safely(() => this.modelFor(feed).grids.length, 0) : 0) > 1000;
    this.panZoom.setLimits({ width, height, maxScale: many ? 40 : 12 });
  }

  private readonly onZoom = (by: 'in' | 'out' | 'reset') => {
    if (by === 'in') this.zoomIn();
    else if (by === 'out') this.zoomOut();
    else this.resetZoom();
  };

  private zoomBy(factor: number): void {
    this.panZoom.scaleBy(factor);
  }

  private pointerPosition(event: MouseEvent): [number, number] {
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  }

  private gridAt(vm: ViewModel, sx: number, sy: number): number {
    if (!(vm.view.k > 0)) return -1;
    const [x, y] = toFrame(vm.view, sx, sy);
    return vm.model.index.at(x, y);
  }

  private onPointerMove = (event: PointerEvent) => {
    this.safely(() => {
      const vm = this.vm;
      // A drag in progress pans the map: no hover (the pointer may be outside the map by now).
      if (!vm || this.surface?.hasPointerCapture(event.pointerId)) return;
      const [sx, sy] = this.pointerPosition(event);
      const i = this.gridAt(vm, sx, sy);
      const id = i >= 0 ? vm.model.grids[i]!.id : undefined;
      this.hoverAt = [sx, sy];
      this.hoverId = id;
      if (id !== undefined) this.tip = 'hover';
      else if (this.tip === 'hover') this.tip = undefined;
    }, undefined);
  };

  private onPointerLeave = () => {
    this.hoverId = undefined;
    if (this.tip === 'hover') this.tip = undefined;
  };

  private onClick = (event: MouseEvent) => {
    this.safely(() => {
      const vm = this.vm;
      // The second click of a double-click (which zooms) selects nothing more.
      if (!vm || event.detail > 1) return;
      const [sx, sy] = this.pointerPosition(event);
      const i = this.gridAt(vm, sx, sy);
      if (i >= 0) this.selectGrid(vm.model.grids[i]!.id, false);
    }, undefined);
  };

  private onFocus = () => {
    this.safely(() => {
      const vm = this.vm;
      if (!vm || !this.surface?.matches(':focus-visible')) return;
      const start = this.startGrid(vm);
      if (start === undefined) return;
      this.activeId = start;
      this.tip = 'focus';
      this.announceGrid(vm, start);
    }, undefined);
  };

  private onBlur = () => {
    if (this.tip === 'focus') this.tip = undefined;
  };

  /** Where keyboard navigation starts: the selected grid, the last one visited, or the one in the middle of the view. */
  private startGrid(vm: ViewModel): string | undefined {
    for (const id of [this.selected, this.activeId]) if (id !== undefined && vm.model.byId.has(id)) return id;
    const { width, height } = this.size.value;
    const i = this.gridAt(vm, width / 2, height / 2);
    if (i >= 0) return vm.model.grids[i]!.id;
    if (!(vm.view.k > 0)) return vm.model.grids[0]?.id;
    const [x, y] = toFrame(vm.view, width / 2, height / 2);
    const near = vm.model.index.nearest(x, y, 1);
    return near[0] !== undefined ? vm.model.grids[near[0]]!.id : vm.model.grids[0]?.id;
  }

  private onKeydown = (event: KeyboardEvent) => {
    this.safely(() => {
      const vm = this.vm;
      const command = vm && keyCommand(event);
      if (!vm || !command) return;
      if (command.kind === 'clear') {
        // (Removing the `selected` attribute leaves the property null, not undefined.)
        if (this.tip === undefined && this.selected == null) return;
        event.preventDefault();
        this.tip = undefined;
        this.hoverId = undefined;
        this.announcement = '';
        if (this.selected != null) {
          this.selected = undefined;
          emit(this, 'safety-grid-select', { id: null, subdistrict: null, name: null });
        }
        return;
      }
      event.preventDefault();
      if (command.kind === 'zoom') return this.onZoom(command.by);
      const current = this.activeId !== undefined ? vm.model.byId.get(this.activeId) : undefined;
      let next = this.tip === 'focus' && command.kind === 'select' ? this.activeId : undefined;
      if (current === undefined || this.tip !== 'focus') next = this.startGrid(vm);
      else if (command.kind === 'move') {
        const j = stepInDirection(vm.model.index, current, command.direction);
        next = j === undefined ? this.activeId : vm.model.grids[j]!.id;
      }
      if (next === undefined) return;
      this.activeId = next;
      this.tip = 'focus';
      if (command.kind === 'select') this.selectGrid(next, false);
      else this.keepInView(vm, next);
      this.announceGrid(vm, next, command.kind === 'select');
    }, undefined);
  };

  /** Pans so that grid `id` is in view. */
  private keepInView(vm: ViewModel, id: string): void {
    const i = vm.model.byId.get(id);
    if (i === undefined || !this.surface) return;
    const { width, height } = this.size.value;
    const [x, y] = toScreen(vm.view, vm.model.grids[i]!.shape.label[0], vm.model.grids[i]!.shape.label[1]);
    const margin = Math.min(48, width / 4, height / 4);
    const dx = x < margin ? margin - x : x > width - margin ? width - margin - x : 0;
    const dy = y < margin ? margin - y : y > height - margin ? height - margin - y : 0;
    if (dx === 0 && dy === 0) return;
    const k = this.zoomTransform.k;
    this.panZoom.translateBy(dx / k, dy / k);
  }

  /** Says the grid the keyboard moved to (or selected) in the live region: short, by its name. */
  private announceGrid(vm: ViewModel, id: string, selected = false): void {
    const i = vm.model.byId.get(id);
    if (i === undefined) return;
    // One sub-district shown: its name in every sentence says nothing.
    const sub = vm.model.subdistrict ? undefined : vm.subdistricts[i]!.text;
    this.announcement = gridAnnouncement({
      locale: this.locale,
      name: vm.names[i]!.text,
      subdistrict: sub,
      metric: this.metricText(vm, this.locale),
      value: figureText(vm.figures[i]!, vm.mode, vm.threshold, this.locale),
      rank: vm.ranking.find((r) => r.index === i)?.rank,
      ranked: rankedCount(vm.ranking),
      selected,
    });
  }

  private selectGrid(id: string, fromList = true): void {
    this.selected = id;
    this.activeId = id;
    const vm = this.vm;
    const i = vm?.model.byId.get(id);
    const grid = i === undefined ? undefined : vm!.model.grids[i];
    emit(this, 'safety-grid-select', {
      id,
      subdistrict: grid?.subdistrict ?? null,
      // Its name as the map shows it ("Unnamed grid 3" for a grid without one), never the id.
      name: i === undefined ? null : vm!.names[i]!.text,
    });
    if (fromList && vm) this.keepInView(vm, id);
  }

  private onMetricChange = (event: Event) => {
    this.picking = true;
    this.metric = (event.target as HTMLSelectElement).value;
    this.emitMetric();
  };

  private onRateChange = (event: Event) => {
    this.picking = true;
    this.rate = (event.target as HTMLInputElement).checked ? 'per-10k' : 'count';
    this.emitMetric();
  };

  /** Tells the page the figure the reader chose, as the attributes that show it (for its URL). */
  private emitMetric(): void {
    emit(this, 'safety-metric-change', { metric: this.metric ?? '', rate: this.rateModeValue });
  }

  private toggleList = () => {
    this.list = !this.list;
  };

  private showMore = () => {
    this.listLimit += LIST_PAGE;
  };

  private onLayersToggle = (event: Event) => {
    this.layersOpen = (event.target as HTMLDetailsElement).open;
  };

  private toggleLayer(id: string, on: boolean): void {
    const feed = this.state.feed;
    if (!feed) return;
    const shown = visibleLayerIds(feed, this.layers);
    if (on) shown.add(id);
    else shown.delete(id);
    this.layers = [...shown].join(',');
  }
}

function sameWords(a: readonly Words[], b: readonly Words[]): boolean {
  return a.length === b.length && a.every((w, i) => w.text === b[i]!.text && w.lang === b[i]!.lang);
}

function colorClass(c: number): string {
  return c >= 0 ? `c${c}` : c === -2 ? 'sup' : 'nd';
}

declare module '@safety-widgets/core' {
  interface SafetyEventMap {
    /**
     * The reader picked another figure, or switched per 10,000 residents, in the map's toolbar: the
     * `metric` and `rate` attribute values that show the same view (a page keeps them in its URL).
     */
    'safety-metric-change': { metric: string; rate: RateMode };
  }
}
