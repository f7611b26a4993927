/**
 * The gauge's drawing as template functions of its model and the ring's view state: the arc's
 * track, the value (clipped to the track: see ./geometry.ts) and the ring of areas, either a
 * picture or a toolbar of segments (one tab stop, roving tabindex). The element keeps the state
 * and the listeners; this module only draws.
 */
import type { SupportedLocale } from '@safety-widgets/core';
import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { GaugeArea, GaugeModel } from './gauge-model.js';
import { areaLabel } from './gauge-text.js';
import { ARC_FRAME, RING_FRAME, TRACK_PATH, valueArcPath } from './geometry.js';
import { msg } from './messages.js';
import { toneClass } from './parts.js';

/** What the ring needs of the element: its state and its listeners (called with the element as `this`). */
export interface RingView {
  /** A row of controls (else a picture: a small tile or the compact dial). */
  readonly interactive: boolean;
  /** The area that is the ring's tab stop (the last one focused), if any. */
  readonly tabStop: string | null;
  /** The area under the pointer. */
  readonly hovered: string | null;
  readonly onClick: (event: MouseEvent) => void;
  readonly onPointerEnter: (event: PointerEvent) => void;
  readonly onPointerLeave: (event: PointerEvent) => void;
}

/**
 * The track, the value and the ring. Ids are scoped to the shadow root, so several gauges on a
 * page never share a clip path.
 */
export function renderDrawing(model: GaugeModel, locale: SupportedLocale, view: RingView): TemplateResult {
  const ring = model.areas.length > 0;
  const controls = ring && view.interactive;
  return html`<svg
    viewBox=${(ring ? RING_FRAME : ARC_FRAME).viewBox}
    role=${controls ? 'none' : nothing}
    aria-hidden=${controls ? nothing : 'true'}
    focusable="false"
  >
    <defs>
      <clipPath id="track-clip"><path d=${TRACK_PATH}></path></clipPath>
      ${
        ring
          ? svg`<clipPath id="ring-clip">${model.areas.map((a) => svg`<path d=${a.segment.track}></path>`)}</clipPath>`
          : nothing
      }
    </defs>
    <g aria-hidden="true">
      <path class="track" part="track" d=${TRACK_PATH}></path>
      <path
        class="arc ${toneClass(model.tone)}"
        part="arc"
        clip-path="url(#track-clip)"
        d=${valueArcPath(model.value)}
      ></path>
    </g>
    ${ring ? renderRing(model, locale, view) : nothing}
  </svg>`;
}

const areaClass = (a: GaugeArea) => `area ${toneClass(a.tone)} ${a.index === null ? 'no-data' : ''}`;

const segmentPaths = (a: GaugeArea) =>
  svg`<path class="area-track" part="area-track" d=${a.segment.track}></path>
    <path class="area-fill" part="area-fill" clip-path="url(#ring-clip)" d=${a.segment.fill}></path>`;

/**
 * The ring. Focus and key listeners sit on the dial (an HTML element), not on the SVG group:
 * Chromium makes an SVG element with focus listeners focusable, which would add a second tab stop.
 * A segment's accessible name is all a screen reader says on focus ("Fire safety: 12 of 12
 * points, excellent"); the rest is in the table, one control away.
 */
function renderRing(model: GaugeModel, locale: SupportedLocale, view: RingView): SVGTemplateResult {
  if (!view.interactive) {
    return svg`<g class="areas" aria-hidden="true">${model.areas.map(
      (a) => svg`<g class=${areaClass(a)} data-area=${a.id}>${segmentPaths(a)}</g>`,
    )}</g>`;
  }
  const ids = model.areas.map((a) => a.id);
  const tabStop = view.tabStop !== null && ids.includes(view.tabStop) ? view.tabStop : ids[0];
  return svg`<g class="areas" part="areas" role="toolbar" aria-label=${msg(locale, 'areas')} aria-orientation="horizontal">
    ${repeat(
      model.areas,
      (a) => a.id,
      (a) => svg`<g
        class="${areaClass(a)} ${a.id === view.hovered ? 'hover' : ''}"
        part="area"
        role="button"
        tabindex=${a.id === tabStop ? '0' : '-1'}
        aria-label=${areaLabel(a, locale)}
        data-area=${a.id}
        @click=${view.onClick}
        @pointerenter=${view.onPointerEnter}
        @pointerleave=${view.onPointerLeave}
      ><path class="area-hit" d=${a.segment.hit}></path>${segmentPaths(a)}</g>`,
    )}
  </g>`;
}
