import {
  SafetyElement,
  aboutStyles,
  dataTableStyles,
  emit,
  localizedTextWithLang,
  renderSyntheticBadge,
  type Feed,
  type FeedState,
  type SupportedLocale,
} from '@safety-widgets/core';
import { html, nothing, type CSSResultArray, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AfterPaint } from './after-paint.js';
import { CanvasPainter } from './canvas-painter.js';
import { parseBreaks } from './classes.js';
import { mapModelOf, metricDefsOf } from './feed-derived.js';
import { renderMapBox } from './map-box.js';
import { MapInteraction } from './map-interaction.js';
import type { MapModel } from './map-model.js';
import { NO_MARKS, labelFontSize, pointMarksOf } from './map-overlays.js';
import { MapSize } from './map-size.js';
import { LIST_PAGE, renderMapAbout, renderMapLegend, renderMapTable } from './map-templates.js';
import { mapViewModel, type GridMapRenderer, type MapViewModel } from './map-view-model.js';
import { MapZoom } from './map-zoom.js';
import { Memos } from './memos.js';
import { MAP_TEXTS, msg } from './messages.js';
import { rateMode, type RateMode } from './metrics.js';
import { geometryWarning, renderNotes } from './notes.js';
import { visibleLayerIds } from './points.js';
import { privacyThreshold } from './privacy.js';
import { renderMapSkeleton } from './skeleton.js';
import { gridMapStyles } from './styles.js';
import { GridTable } from './table.js';
import { mapSummary } from './summary-text.js';
import { renderToolbar } from './toolbar.js';

export type { GridMapRenderer } from './map-view-model.js';

// Where each part of the map lives: the data it draws in ./map-model.ts (feed → projected grids,
// shared by the maps of one feed version through ./feed-derived.ts) and ./map-view-model.ts (what
// one render draws); the templates in ./map-box.ts, ./map-overlays.ts, ./map-templates.ts and the
// modules they name; the behaviour in controllers: ./map-interaction.ts (pointer, keys, selection),
// ./map-zoom.ts (zoom and pan), ./canvas-painter.ts (the canvas), ./after-paint.ts (work after the
// first paint), ./map-size.ts (the box's size) and ./table.ts (the data table). The class below
// holds the properties and puts them together.

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

  @state() private listLimit = LIST_PAGE;
  /** The reader picked the figure in the toolbar: the page's `breaks` are not for it. */
  @state() private readerPicked = false;
  /** The "Map layers" disclosure is open (from the start when the page shows layers). */
  @state() private layersOpen = false;
  /** The figure or rate is being changed from the toolbar (by the reader, not the page). */
  private picking = false;

  protected override droppedKinds = ['grids'] as const;
  protected override droppedLabel = 'grids' as const;

  /** Values kept from one render to the next (names, ranking, marks, table…). */
  private readonly memos = new Memos();
  /** What the last render drew, for the controllers. */
  private vm: MapViewModel | undefined;
  /** The model whose geometry problems were written to the console. */
  private warnedFor: unknown;

  /** The map box's size, from ResizeObserver entries (the skeleton's box while loading). */
  private readonly size = new MapSize(this);
  /** The size of the map's own small print: the probe is 1em square (12 px by default). */
  private readonly textSize = new MapSize(this, { width: 12, height: 12 });
  private readonly table = new GridTable(this);
  private readonly painter = new CanvasPainter(this);
  private readonly afterPaint = new AfterPaint(
    this,
    () => this.vm,
    (fn) => this.safely(fn, undefined),
  );
  private readonly zoom = new MapZoom(
    this,
    () => ({ size: this.size.value, grids: this.gridCount() }),
    () => this.pointer.zoomedByUser(),
  );
  private readonly pointer = new MapInteraction(
    this,
    () => this.vm,
    () => this.size.value,
    this.zoom,
    (fn) => this.safely(fn, undefined),
  );

  /** The canvas colours of the last paint (what the pixel tests compare with). */
  private get paintStyle() {
    return this.painter.paintStyle;
  }

  /** Zooms in one step around the centre. */
  zoomIn(): void {
    this.zoom.zoom('in');
  }

  /** Zooms out one step around the centre. */
  zoomOut(): void {
    this.zoom.zoom('out');
  }

  /** Back to the whole district (or sub-district). */
  resetZoom(): void {
    this.zoom.zoom('reset');
  }

  // Data -------------------------------------------------------------------------------------------

  /** The model of `feed` (shared with every map showing it); the last one carries its projections on. */
  private modelFor(feed: Feed): MapModel {
    return mapModelOf(feed, this.subdistrict, this.vm?.model);
  }

  /** How many grids this update's model has (before render sets `vm`). */
  private gridCount(): number {
    const feed = this.state.feed;
    return feed ? this.safely(() => this.modelFor(feed).grids.length, 0) : 0;
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

  /** The page's `breaks`, when usable (a bad value is warned about once and ignored). */
  private parsedBreaks(): readonly number[] | undefined {
    const parsed = this.memos.memo('breaks', [this.breaks], () => {
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

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('metric') || changed.has('rate') || changed.has('subdistrict'))
      this.listLimit = LIST_PAGE;
    // The page's breaks are for the figure the page sets; one the reader picks gets its own.
    if (changed.has('metric') || changed.has('rate')) this.readerPicked = this.picking;
    if (changed.has('breaks')) this.readerPicked = false;
    if (changed.has('layers') && (this.layers ?? '').trim() !== '') this.layersOpen = true;
    this.picking = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('theme')) this.painter.restyle();
    this.safely(() => this.painter.paint(this.vm, this.size.value), undefined);
    this.afterPaint.schedule();
  }

  // Rendering --------------------------------------------------------------------------------------

  protected override render(): unknown {
    // Loading: a skeleton of the map's own size, not core's bars.
    const state = this.state;
    if (!state.feed && state.status === 'loading' && !state.error)
      return renderMapSkeleton(this.locale, this.size.ref);
    return super.render();
  }

  /** The view model for `feed` under the current options (what the next render draws). */
  private viewModel(feed: Feed): MapViewModel {
    const { width, height } = this.size.value;
    return mapViewModel(
      {
        feed,
        model: this.modelFor(feed),
        metric: this.metric,
        mode: this.rateModeValue,
        threshold: privacyThreshold(this.privacyThreshold),
        bounds: this.readerPicked ? undefined : this.parsedBreaks(),
        locale: this.locale,
        width,
        height,
        zoom: this.zoom.transform,
        renderer: this.renderer,
        canvasThreshold: this.canvasThreshold,
        last: this.vm,
      },
      this.memos,
    );
  }

  /** The map's name, highest and lowest grids and grids without data (see ./summary-text.ts). */
  protected override summaryText(feed: Feed): string {
    const vm = this.viewModel(feed);
    return mapSummary(vm, this.locale, this.titleOf(feed, vm).text);
  }

  /** Printing: a canvas is painted again in the printed colours before the page is laid out. */
  protected override printChanged(): void {
    this.painter.restyle();
    this.painter.paint(this.vm, this.size.value);
  }

  protected override renderContent(feed: Feed, _state: FeedState): unknown {
    const locale = this.locale;
    const { width, height } = this.size.value;
    const still = this.snapshot;
    const vm = this.viewModel(feed);
    this.vm = vm;
    const settled = this.afterPaint.settled;
    // The outlines' problems are checked once the first picture is painted.
    if (settled && this.warnedFor !== vm.model) {
      this.warnedFor = vm.model;
      const warning = geometryWarning(vm.model);
      if (warning) console.warn(`[safety-widgets] <${this.localName}> ${warning}`);
    }
    const title = this.titleOf(feed, vm);
    const synthetic = feed.synthetic || vm.model.grids.some((g) => g.synthetic);
    // The map's own text follows the reader's text size (the probe is 1em square), never below 12 px.
    const labelSize = labelFontSize(this.textSize.value.width);
    const marks =
      vm.view.k > 0 ? pointMarksOf(vm, this.layers, width, height, locale, labelSize, this.memos) : NO_MARKS;
    return html`<div class="frame" @focusin=${this.afterPaint.settleNow} @toggle=${this.afterPaint.settleNow}>
        <div class="header" part="header">
          <span class="place" lang=${title.lang}>${title.text}</span>
          ${synthetic ? renderSyntheticBadge(locale) : nothing} ${this.liveBadge()}
        </div>
        ${renderToolbar({
          locale,
          defs: metricDefsOf(feed),
          metric: vm.def?.key,
          perTenK: vm.mode === 'per-10k',
          list: this.list,
          onMetric: this.onMetricChange,
          onRate: this.onRateChange,
          onZoom: this.zoom.zoom,
          onList: this.toggleList,
        })}
        ${renderMapBox({
          vm,
          locale,
          place: title.text,
          width,
          height,
          context: this.context,
          layers: this.layers,
          em: labelSize / 12,
          marks,
          selected: this.selected,
          still,
          pointer: this.pointer,
          refs: {
            box: this.size.ref,
            canvas: this.painter.canvasRef,
            surface: this.zoom.surfaceRef,
            probe: this.probeRef,
          },
        })}
        ${renderMapLegend(vm, locale, this.memos, {
          layers: this.layers,
          layersOpen: this.layersOpen,
          marks,
          onLayersToggle: this.onLayersToggle,
          onLayer: this.toggleLayer,
          still,
        })}
        ${renderMapAbout(vm, locale, title.text, settled, this.memos)}
        ${renderMapTable(vm, locale, title.text, this.memos, {
          table: this.table,
          list: this.list,
          layers: this.layers,
          selected: this.selected,
          limit: still ? Infinity : this.listLimit,
          still,
          onPick: this.pickFromList,
          onMore: this.showMore,
        })}
      </div>
      ${renderNotes(
        locale,
        settled ? vm.model.problems : undefined,
        parseBreaks(this.breaks)?.ok === false ? String(this.breaks) : undefined,
      )}`;
  }

  /** The name of the sub-district shown alone, else the place's. */
  private titleOf(feed: Feed, vm: MapViewModel): { text: string; lang: SupportedLocale } {
    const id = vm.model.subdistrict;
    const sub = id ? feed.subdistricts.find((s) => s.id === id) : undefined;
    return localizedTextWithLang(sub ? sub.name : feed.place.name, this.locale);
  }

  // Handlers ---------------------------------------------------------------------------------------

  private readonly probeRef = (el?: Element) => {
    this.painter.setProbe(el);
    this.textSize.ref(el);
  };

  private readonly onMetricChange = (event: Event) => {
    this.picking = true;
    this.metric = (event.target as HTMLSelectElement).value;
    this.emitMetric();
  };

  private readonly onRateChange = (event: Event) => {
    this.picking = true;
    this.rate = (event.target as HTMLInputElement).checked ? 'per-10k' : 'count';
    this.emitMetric();
  };

  /** Tells the page the figure the reader chose, as the attributes that show it (for its URL). */
  private emitMetric(): void {
    emit(this, 'safety-metric-change', { metric: this.metric ?? '', rate: this.rateModeValue });
  }

  private readonly toggleList = () => {
    this.list = !this.list;
  };

  private readonly showMore = () => {
    this.listLimit += LIST_PAGE;
  };

  private readonly pickFromList = (id: string) => {
    this.pointer.select(id);
  };

  private readonly onLayersToggle = (event: Event) => {
    this.layersOpen = (event.target as HTMLDetailsElement).open;
  };

  private readonly toggleLayer = (id: string, on: boolean) => {
    const feed = this.state.feed;
    if (!feed) return;
    const shown = visibleLayerIds(feed, this.layers);
    if (on) shown.add(id);
    else shown.delete(id);
    this.layers = [...shown].join(',');
  };
}
