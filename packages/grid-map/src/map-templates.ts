/**
 * The parts of the map widget under the map box, as functions of the view model (./map-view-model.ts)
 * and of what the element keeps (which disclosures are open, how many rows are shown): the legend,
 * the description block ("About this map") and the data table. Their own templates are in
 * ./legend.ts, core's `renderAbout` and core's DataTableController (./table.ts); these fill them in.
 */
import { aboutData, localizedTextWithLang, renderAbout, type SupportedLocale } from '@safety-widgets/core';
import { html, nothing, type TemplateResult } from 'lit';
import { mapAbout } from './about-text.js';
import { rangeLabel } from './classes.js';
import { counterName } from './grid-text.js';
import { listFormat, renderLegend } from './legend.js';
import type { PointMarks } from './map-overlays.js';
import { legendFlags, metricText, type MapViewModel } from './map-view-model.js';
import type { Memos } from './memos.js';
import { msg } from './messages.js';
import { visibleLayerIds } from './points.js';
import { gridTableModel, tablePage, type GridTable } from './table.js';

/** Rows of the ranked list shown at first (and added by "Show more"). */
export const LIST_PAGE = 100;

/** What the legend needs besides the view model. */
export interface MapLegendOptions {
  /** The `layers` attribute. */
  readonly layers: string | undefined;
  readonly layersOpen: boolean;
  readonly marks: PointMarks;
  readonly onLayersToggle: (event: Event) => void;
  readonly onLayer: (id: string, on: boolean) => void;
  /** Snapshot mode (see `LegendModel.still`). */
  readonly still?: boolean;
}

/** The legend: the classes, the layer switches and the privacy note. */
export function renderMapLegend(
  vm: MapViewModel,
  locale: SupportedLocale,
  memos: Memos,
  o: MapLegendOptions,
): TemplateResult {
  return renderLegend({
    locale,
    feed: vm.feed,
    title: metricText(vm, locale),
    classes: vm.classes,
    ...legendFlags(vm, memos),
    threshold: vm.threshold,
    sensitiveFigure: vm.def?.sensitive === true,
    shown: visibleLayerIds(vm.feed, o.layers),
    counters: vm.model.subdistrict ? vm.counters : undefined,
    layersOpen: o.layersOpen,
    merged: o.marks.merged,
    unlabelled: o.marks.unlabelled,
    onLayersToggle: o.onLayersToggle,
    onLayer: o.onLayer,
    still: o.still,
  });
}

/**
 * The description block: what the map shows, how its classes are chosen, the data, the keys. Until
 * `settled` (the first picture painted), the closed block with its summary only (the same size on
 * screen).
 */
export function renderMapAbout(
  vm: MapViewModel,
  locale: SupportedLocale,
  place: string,
  settled: boolean,
  memos: Memos,
): TemplateResult {
  if (!settled)
    return renderAbout({ locale, title: msg(locale, 'aboutTitle'), what: nothing, data: nothing });
  const flags = legendFlags(vm, memos);
  const about = memos.memo(
    'about',
    [vm.classes, vm.rule, vm.feed, vm.def, vm.mode, flags, locale, place],
    () =>
      mapAbout({
        locale,
        place,
        metric: metricText(vm, locale),
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

/** What the data table needs besides the view model. */
export interface MapTableOptions {
  readonly table: GridTable;
  /** Shown (the toolbar's table button, or the `list` attribute). */
  readonly list: boolean;
  /** The `layers` attribute: a column per shown point layer. */
  readonly layers: string | undefined;
  readonly selected: string | null | undefined;
  /** Rows shown (a page of a large feed's sorted rows; the CSV holds them all). */
  readonly limit: number;
  /** A grid's name in the table was pressed. */
  readonly onPick: (id: string) => void;
  readonly onMore: () => void;
  /** Snapshot mode: grid names as text, not buttons. */
  readonly still?: boolean;
}

/**
 * The data table (core's sortable, downloadable table), shown with the toolbar's button: every
 * grid with its figure, class and rank, and a column per shown point layer. A large feed shows a
 * page of the sorted rows at a time (the CSV holds them all).
 */
export function renderMapTable(
  vm: MapViewModel,
  locale: SupportedLocale,
  place: string,
  memos: Memos,
  o: MapTableOptions,
): TemplateResult {
  return html`<section id="twin" class="twin" part="list" ?hidden=${!o.list}>
    ${o.list ? renderTableBody(vm, locale, place, memos, o) : nothing}
  </section>`;
}

function renderTableBody(
  vm: MapViewModel,
  locale: SupportedLocale,
  place: string,
  memos: Memos,
  o: MapTableOptions,
): TemplateResult {
  const shown = visibleLayerIds(vm.feed, o.layers);
  // One sub-district shown (or only one in the feed): its name in every row says nothing.
  const first = vm.model.grids[0]?.subdistrict;
  const model = memos.memo(
    'table',
    [
      vm.figures,
      vm.classes,
      vm.ranking,
      vm.names,
      vm.subdistricts,
      vm.counters,
      o.layers,
      o.selected,
      o.still,
    ],
    () =>
      gridTableModel({
        locale,
        place,
        metric: metricText(vm, locale),
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
          o.still
            ? html`<span lang=${row.name.lang}>${row.name.text}</span>`
            : html`<button
                type="button"
                class="pick"
                lang=${row.name.lang}
                data-grid=${row.id}
                aria-pressed=${o.selected === row.id ? 'true' : 'false'}
                @click=${() => o.onPick(row.id)}
              >
                ${row.name.text}
              </button>`,
      }),
  );
  o.table.all = model;
  const page = tablePage(model, o.table.sort, o.limit);
  const more = model.rows.length - page.rows.length;
  return html`${o.table.render(page)}
  ${
    more > 0
      ? html`<button type="button" class="more" data-interactive @click=${o.onMore}>
          ${msg(locale, 'listMore', { n: Math.min(LIST_PAGE, more) })}
        </button>`
      : nothing
  }`;
}
