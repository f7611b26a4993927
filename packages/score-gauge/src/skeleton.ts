/**
 * The gauge's loading placeholder, shaped like the gauge it stands for: the same card, the
 * same rows (caption, dial, time, key, summary) with the same classes and line boxes, and the
 * arc and ring drawn as grey tracks. It has the height the drawn gauge will have at the same
 * width and attributes (`compact`, `area`), so nothing below it moves when the data arrives.
 */
import { t, type SupportedLocale } from '@safety-widgets/core';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { ARC_FRAME, RING_BAND_PATH, RING_FRAME, TRACK_PATH } from './geometry.js';
import { frameStyle } from './frame-style.js';
import type { GaugeSize } from './size.js';

/** What the placeholder needs to know of the gauge to come. */
export interface SkeletonOptions {
  locale: SupportedLocale;
  /** The `compact` layout. */
  compact: boolean;
  /** Whether the ring of areas will be drawn (the composite: no `area` attribute). */
  ring: boolean;
  /** The size class of the box. */
  size: GaugeSize;
}

/** Widths of the grey bars, as classes (no inline styles: pages with a strict CSP refuse them). */
type Width = 35 | 45 | 55 | 70;

/** A grey bar as wide as `width` % of its line, in a line box of the text's own height. */
const bar = (width: Width) => html`<span class="bone-text w${width}">&nbsp;</span>`;

/** A line of text to come (also the two disclosure lines, the table's and the description's). */
const line = (cls: string, width: Width) =>
  html`<p class="${cls} bone-line" aria-hidden="true">${bar(width)}</p>`;

/** The loading placeholder (`part="gauge state skeleton"`, `aria-busy`, "Loading…" for screen readers). */
export function renderSkeleton({ locale, compact, ring, size }: SkeletonOptions): TemplateResult {
  const frame = ring ? RING_FRAME : ARC_FRAME;
  const inside = !compact && size !== 'xs';
  const dial = html`<div class="dial" style=${frameStyle(frame)} aria-hidden="true">
    <svg viewBox=${frame.viewBox} focusable="false">
      <path class="track bone-track" d=${TRACK_PATH}></path>
      ${ring ? svg`<path class="track bone-track" d=${RING_BAND_PATH}></path>` : nothing}
    </svg>
  </div>`;
  return html`<div
    class="gauge loading ${compact ? 'compact' : ''}"
    part="gauge state skeleton"
    aria-busy="true"
    data-size=${size}
  >
    <span class="visually-hidden" role="status">${t(locale, 'loading')}</span>
    ${compact ? nothing : line('caption', 55)}
    <div class="body">
      ${dial}
      ${
        compact
          ? html`<div class="side" aria-hidden="true">
              <p class="caption bone-line">${bar(70)}${bar(55)}</p>
              <p class="grade bone-line">${bar(45)}</p>
              <p class="change bone-line">${bar(35)}</p>
              ${ring ? nothing : line('subtotal', 45)} ${line('as-of', 70)}
              ${ring ? line('key', 55) : nothing}
            </div>`
          : nothing
      }
    </div>
    ${inside || compact ? nothing : html`<div class="facts" aria-hidden="true">${line('grade', 45)}</div>`}
    ${
      compact
        ? nothing
        : html`<div class="footer" aria-hidden="true">
            ${line('as-of', 55)}<span class="badge-slot"></span>
          </div>`
    }
    ${ring && !compact ? line('key', 35) : nothing}
    ${
      compact || size === 'xs'
        ? nothing
        : html`<div class="summary has-change" aria-hidden="true">${line('lead', 70)}</div>`
    }
    ${line('about bone-about', 35)} ${line('about bone-about', 35)}
  </div>`;
}
