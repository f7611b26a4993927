/** The category marks beside names: a legend swatch (line and marker) and a tooltip's marker alone. */
import { cssProps } from '@safety-widgets/core';
import { html, type TemplateResult } from 'lit';
import { SHAPE_PATHS } from './chart.js';
import { SERIES_COLORS } from './theme-colors.js';

/** A legend swatch: a short line with the category's marker, in its colour. */
export function swatch(slot: number): TemplateResult {
  return html`<svg
    class="swatch"
    viewBox="0 0 24 12"
    aria-hidden="true"
    focusable="false"
    style=${cssProps({ color: `var(--_series-${(slot % SERIES_COLORS) + 1})` })}
  >
    <line x1="0" y1="6" x2="24" y2="6"></line>
    <path transform="translate(6 0)" d=${SHAPE_PATHS[slot % SHAPE_PATHS.length]!}></path>
  </svg>`;
}

/** A category's marker alone (tooltip rows). */
export function shape(slot: number): TemplateResult {
  return html`<svg class="shape" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
    <path d=${SHAPE_PATHS[slot % SHAPE_PATHS.length]!}></path>
  </svg>`;
}
