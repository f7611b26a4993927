/**
 * The map box: the canvas (past the canvas threshold), the SVG (patterns, neighbours, grids,
 * boundaries, highlights, then what is written over them), the focusable surface that takes the
 * pointer and the keys, the key hint, the tooltip and the live region. A template of a plain model:
 * the element's controllers keep the state and the handlers.
 */
import { renderKeyHint, type SupportedLocale } from '@safety-widgets/core';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import { gridCounts } from './grid-text.js';
import { metricText, type MapViewModel } from './map-view-model.js';
import { msg } from './messages.js';
import { metricLabel } from './metrics.js';
import {
  contextLabels,
  countPills,
  renderContextLabels,
  renderCounts,
  renderMarks,
  type PointMarks,
} from './map-overlays.js';
import { PATH_SCALE } from './projection.js';
import { renderTooltip } from './tooltip.js';
import { toScreen } from './view.js';

/** A `ref` callback. */
type Ref = (el?: Element) => void;

/** The surface's listeners (pointer, focus and keys). */
export interface SurfaceHandlers {
  readonly keydown: (event: KeyboardEvent) => void;
  readonly focus: () => void;
  readonly blur: () => void;
  readonly pointermove: (event: PointerEvent) => void;
  readonly pointerleave: () => void;
  readonly click: (event: MouseEvent) => void;
}

/** What the map box shows of the reader's pointer and keys (./map-interaction.ts keeps it). */
export interface MapPointerView {
  /** The grid under the pointer, while its tooltip shows. */
  readonly hover: string | undefined;
  /** The grid the keys are on, while its tooltip shows. */
  readonly active: string | undefined;
  /** The grid the tooltip is for, and where the pointer is (undefined: at the grid's label point). */
  readonly tooltipGrid: {
    readonly id: string | undefined;
    readonly at: readonly [number, number] | undefined;
  };
  /** What the live region says. */
  readonly announcement: string;
  readonly on: SurfaceHandlers;
}

export interface MapBoxModel {
  readonly vm: MapViewModel;
  readonly locale: SupportedLocale;
  /** The place's name (the district or the sub-district shown), for the surface's label. */
  readonly place: string;
  readonly width: number;
  readonly height: number;
  /** Draw the neighbouring districts (and their names). */
  readonly context: boolean;
  /** The `layers` attribute (the sensitive ones shown as counts per grid). */
  readonly layers: string | undefined;
  /** The map's text size over 12 px. */
  readonly em: number;
  readonly marks: PointMarks;
  /** The selected grid. */
  readonly selected: string | null | undefined;
  /** Snapshot mode: the surface is a picture (`role="img"`), not a control. */
  readonly still?: boolean;
  readonly pointer: MapPointerView;
  readonly refs: { readonly box: Ref; readonly canvas: Ref; readonly surface: Ref; readonly probe: Ref };
}

/** A grid's class colour as its path's class name. */
export function colorClass(c: number): string {
  return c >= 0 ? `c${c}` : c === -2 ? 'sup' : 'nd';
}

export function renderMapBox(m: MapBoxModel): TemplateResult {
  const { vm, locale, width, height } = m;
  const { model, view } = vm;
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
  const highlight = (id: string | null | undefined, cls: string) => {
    const i = id == null ? undefined : model.byId.get(id);
    if (i === undefined) return nothing;
    const d = model.grids[i]!.cached.d;
    return cls === 'selected'
      ? svg`<path class="selected" d=${d}></path><path class="selected-inner" d=${d}></path>`
      : svg`<path class=${cls} d=${d}></path>`;
  };
  // The box's height follows its width (--safety-map-aspect-ratio, 3 / 2 by default), not the
  // data: the loading skeleton has the same size, so nothing moves when the data arrives.
  return html`<div class="map" part="map" ${ref(m.refs.box)}>
      ${vm.canvas ? html`<canvas class="paint" aria-hidden="true" ${ref(m.refs.canvas)}></canvas>` : nothing}
      <svg
        class="vector"
        width=${width}
        height=${height}
        viewBox="0 0 ${width} ${height}"
        aria-hidden="true"
        focusable="false"
      >
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
              ${m.context ? model.neighbours.map((n) => svg`<path class="context" d=${n.cached.d}></path>`) : nothing}
              ${gridPaths}
              ${model.subdistricts.map((s) => svg`<path class="subdistrict" d=${s.cached.d}></path>`)}
              ${!model.subdistrict && model.outline ? svg`<path class="outline" d=${model.outline.d}></path>` : nothing}
              ${highlight(m.selected, 'selected')}
              ${highlight(m.pointer.hover, 'hover')}
              ${highlight(m.pointer.active, 'active')}
            </g>
            ${m.context ? renderContextLabels(contextLabels(model.neighbours, view, width, height, m.em, locale)) : nothing}
            ${renderCounts(countPills(vm, m.layers, m.em, locale), m.em)} ${renderMarks(m.marks.layer)}`
            : nothing
        }
      </svg>
      <div
        class="surface"
        role=${m.still ? 'img' : 'application'}
        tabindex=${m.still ? nothing : '0'}
        aria-label=${msg(locale, 'mapLabel', { place: m.place, metric: metricText(vm, locale) })}
        aria-describedby=${m.still ? nothing : 'map-help'}
        ${ref(m.refs.surface)}
        @keydown=${m.pointer.on.keydown}
        @focus=${m.pointer.on.focus}
        @blur=${m.pointer.on.blur}
        @pointermove=${m.pointer.on.pointermove}
        @pointerleave=${m.pointer.on.pointerleave}
        @click=${m.pointer.on.click}
      ></div>
      ${renderKeyHint(msg(locale, 'keyHint'))}
      ${renderGridTooltip(vm, locale, m.pointer.tooltipGrid, m.selected, width, height)}
      <i class="probe" aria-hidden="true" ${ref(m.refs.probe)}></i>
    </div>
    <p id="map-help" class="visually-hidden">${msg(locale, 'mapHelp')}</p>
    <div class="visually-hidden" role="status">${m.pointer.announcement}</div>`;
}

/**
 * The tooltip of grid `id` (the one under the pointer, at `at`, or the one the keys are on, at its
 * label point when `at` is undefined), or nothing when it is not drawn.
 */
export function renderGridTooltip(
  vm: MapViewModel,
  locale: SupportedLocale,
  { id, at }: MapPointerView['tooltipGrid'],
  selected: string | null | undefined,
  width: number,
  height: number,
): unknown {
  const i = id === undefined ? undefined : vm.model.byId.get(id);
  if (i === undefined || !(vm.view.k > 0)) return nothing;
  const grid = vm.model.grids[i]!;
  return renderTooltip({
    locale,
    id: grid.id,
    name: vm.names[i]!,
    subdistrict: vm.subdistricts[i]!,
    selected: selected === grid.id,
    metric: vm.def ? metricLabel(vm.def, locale) : undefined,
    figure: vm.figures[i]!,
    threshold: vm.threshold,
    population: grid.population,
    counts: gridCounts(vm.feed, vm.counters, vm.def?.key, grid.id, vm.threshold, locale),
    at: at ?? toScreen(vm.view, grid.shape.label[0], grid.shape.label[1]),
    width,
    height,
  });
}
