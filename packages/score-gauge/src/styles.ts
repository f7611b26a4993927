/**
 * Styles of `<safety-score-gauge>`, after the base element's (host reset, tokens, states).
 * Colours come only from the `--_*` tokens (themed by the page's `--safety-*` properties), plus
 * the gauge's own `--safety-gauge-*` properties; forced colours use system colours throughout.
 */
import { css } from 'lit';

export const gaugeStyles = css`
  :host {
    --_track: var(--safety-gauge-track, var(--_surface-alt));
    /* The unearned track's outline: at least 3:1 against the surface in light and dark (the track's
       fill alone is 1.06:1), so the part not earned is seen, not guessed. */
    --_track-edge: var(--safety-gauge-track-edge, var(--_border-strong));
    --_sweep: var(--safety-gauge-sweep-duration, 600ms);
    /* The small text size, never under 12 px (the core token works out at 11.998 px). */
    --_text-sm: max(12px, var(--_font-size-sm));
    /* Type inside the dial follows the dial (cqi) between bounds that follow the reader's default
       size (tokens, never px): at 32 px the words grow with everything else. */
    --_dial-text: clamp(var(--_text-sm), 5.6cqi, var(--_font-size-xl));
    --_dial-small: clamp(var(--_text-sm), 4.2cqi, calc(var(--_font-size) * 15 / 14));
    min-width: 0;
  }

  @media (prefers-reduced-motion: reduce) {
    :host {
      --_sweep: 0ms;
    }
  }

  :host([snapshot]) {
    --_sweep: 0ms;
  }

  .sizer {
    display: block;
    height: 0;
    visibility: hidden;
  }

  .gauge {
    display: flex;
    flex-direction: column;
    gap: var(--_space-sm);
    padding: var(--_space-md);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_fg);
    min-width: 0;
    overflow: hidden;
  }

  .gauge[data-size='xs'] {
    padding: var(--_space-sm);
    gap: var(--_space-xs);
  }

  .tone-good {
    --_tone: var(--_good);
  }
  .tone-fair {
    --_tone: var(--_fair);
  }
  .tone-poor {
    --_tone: var(--_poor);
  }
  .tone-none {
    --_tone: var(--_no-data);
  }

  /* Caption ------------------------------------------------------------------------------ */

  .caption {
    margin: 0;
    text-align: center;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }

  .caption .title {
    font-weight: 600;
  }

  .caption .place {
    color: var(--_muted);
  }

  .caption .sep {
    color: var(--_muted);
  }

  [data-size='xs'] .caption {
    font-size: var(--_text-sm);
  }

  /* Loading: the same rows with grey bars in line boxes of the text's own height. */
  .bone-line {
    margin: 0;
  }

  .bone-text {
    display: inline-block;
    max-width: 100%;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_skeleton);
    animation: gauge-pulse 1.4s ease-in-out infinite alternate;
  }

  .w35 {
    width: 35%;
  }
  .w45 {
    width: 45%;
  }
  .w55 {
    width: 55%;
  }
  .w70 {
    width: 70%;
  }

  .bone-track {
    fill: var(--_skeleton);
    stroke: none;
    animation: gauge-pulse 1.4s ease-in-out infinite alternate;
  }

  /* The table's and the description block's disclosure lines to come: as high as their summaries. */
  .bone-about {
    display: flex;
    align-items: center;
    min-block-size: 24px;
  }

  .loading .footer .as-of,
  .loading .key {
    width: 100%;
  }

  @keyframes gauge-pulse {
    from {
      opacity: 1;
    }
    to {
      opacity: 0.5;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .bone-text,
    .bone-track {
      animation: none;
    }
  }

  /* Narrow: the place under the title. */
  [data-size='xs'] .caption .sep,
  .compact .caption .sep {
    display: none;
  }

  [data-size='xs'] .caption > span,
  .compact .caption > span {
    display: block;
  }

  .compact .caption {
    text-align: start;
  }

  /* Dial --------------------------------------------------------------------------------- */

  .body {
    display: flex;
    justify-content: center;
    min-width: 0;
  }

  .dial {
    position: relative;
    width: 100%;
    max-width: 420px;
    container-type: inline-size;
  }

  svg {
    display: block;
    width: 100%;
    height: auto;
    overflow: visible;
  }

  .track {
    fill: var(--_track);
    stroke: var(--_track-edge);
    stroke-width: 1;
  }

  .arc {
    fill: var(--_tone);
  }

  .area {
    cursor: pointer;
    outline: none;
  }

  .area-hit {
    fill: transparent;
  }

  .area-track {
    fill: var(--_track);
    stroke: var(--_track-edge);
    stroke-width: 1;
  }

  .area-fill {
    fill: var(--_tone);
  }

  /* An area none of whose indicators has data: an outline, never an empty (0) segment. */
  .area.no-data .area-track {
    fill: none;
    stroke: var(--_no-data);
    stroke-dasharray: 2 2;
  }

  .area.hover .area-track {
    stroke: var(--_fg);
    stroke-width: 1.5;
  }

  .area:focus-visible .area-track,
  .area:focus-visible .area-fill {
    stroke: var(--_focus);
    stroke-width: 3;
  }

  /* What is drawn over the dial, inside the arc: the reading, or the detail of one area.
     --_inner-top and --_inner-width come from the drawing's frame (set on the dial). */
  .readout,
  .area-detail {
    position: absolute;
    top: var(--_inner-top, 33%);
    bottom: 0;
    left: 50%;
    transform: translateX(-50%);
    width: var(--_inner-width, 48%);
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    text-align: center;
    line-height: 1.2;
    min-width: 0;
  }

  /* Swapped at once with the detail (no cross-fade: two texts over each other are unreadable). */
  .readout {
    gap: 0.1em;
  }

  .readout.dimmed {
    opacity: 0;
  }

  .value {
    font-size: 16cqi;
    font-weight: 650;
    font-variant-numeric: tabular-nums;
    letter-spacing: -0.01em;
    line-height: 1.05;
  }

  .grade,
  .change {
    display: inline-flex;
    align-items: baseline;
    justify-content: center;
    flex-wrap: wrap;
    column-gap: 0.3em;
    font-size: var(--_dial-text);
    font-weight: 600;
    max-width: 100%;
  }

  .change.none {
    font-size: var(--_dial-small);
    font-weight: 400;
    color: var(--_muted);
  }

  .grade .glyph {
    color: var(--_tone);
  }

  .change {
    font-variant-numeric: tabular-nums;
  }

  .change .period {
    flex-basis: 100%;
    font-size: var(--_dial-small);
    font-weight: 400;
    color: var(--_muted);
  }

  .up {
    color: var(--_good);
  }
  .down {
    color: var(--_poor);
  }
  .flat {
    color: var(--_muted);
  }

  .subtotal {
    font-size: clamp(var(--_text-sm), 4.6cqi, var(--_font-size-lg));
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }

  .area-detail {
    gap: 0.15em;
    font-size: var(--_dial-small);
    /* It shows what the pointer is on: it must never take the pointer from the ring. */
    pointer-events: none;
  }

  .area-detail .glyph {
    color: var(--_tone);
  }

  /* A small tile has no room inside the arc: the detail covers the dial. */
  [data-size='xs'] .area-detail {
    top: 0;
    width: 100%;
    padding: var(--_space-xs);
    border-radius: var(--_radius);
    background: var(--_surface);
    border: 1px solid var(--_border);
  }

  [data-size='xs'] .area-detail .name {
    -webkit-line-clamp: 3;
  }

  [data-size='xs'] .value {
    font-size: 19cqi;
  }

  .facts {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    align-items: baseline;
    gap: 0 var(--_space-sm);
  }

  .facts .grade,
  .facts .change,
  .facts .subtotal {
    font-size: var(--_text-sm);
  }

  .area-detail .name {
    font-weight: 650;
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }

  .area-detail .points {
    font-size: clamp(var(--_font-size-sm), 5.4cqi, calc(var(--_font-size) * 22 / 14));
    font-weight: 650;
    font-variant-numeric: tabular-nums;
    line-height: 1.1;
  }

  .area-detail .more {
    color: var(--_muted);
  }

  /* Smaller gauges show less in the detail; the area's accessible name still gives its points. */
  [data-size='xs'] .area-detail .more,
  [data-size='sm'] .area-detail .contribution,
  [data-size='sm'] .area-detail .targets,
  [data-size='md'] .area-detail .targets {
    display: none;
  }

  /* The keys, on screen while a segment has keyboard focus (core's renderKeyHint shows it after a
     focused sibling; the focused segment is inside the SVG, so the dial says when). */
  .dial:has(.area:focus-visible) .key-hint {
    display: block;
  }

  .about {
    text-align: start;
  }

  /* Eight rows: the table flows with the card, no scroll box inside the page's scroll. */
  .table-box {
    container-type: inline-size;
  }

  .table-box .dt-scroll {
    max-block-size: none;
  }

  /* A table wider than a phone scrolls sideways; its caption stays in view and wraps there. */
  .table-box caption {
    position: sticky;
    inset-inline-start: 0;
    max-inline-size: 100cqi;
  }

  /* On a phone the disclosures, the sort buttons and the download button are 44 px targets. */
  @media (max-width: 480px) {
    .about summary,
    .bone-about,
    .dt-download,
    .dt-sort {
      min-block-size: 44px;
    }
  }

  /* Under the dial ------------------------------------------------------------------------ */

  /* The time of the data, and under it a slot as high as a badge, kept whether or not the feed is
     sample data: the gauge is as high while loading as when drawn. */
  .footer {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_space-xs);
    font-size: var(--_text-sm);
    color: var(--_muted);
    text-align: center;
  }

  /* Core's badges use --_font-size-sm (11.998 px); never under 12 px here. */
  .badge {
    font-size: var(--_text-sm);
  }

  /* One badge line, reserved even when empty; a stale or offline badge beside the sample badge
     wraps to a second line only where both do not fit. */
  .badge-slot {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: var(--_space-xs);
    min-height: calc(var(--_text-sm) * 1.4 + 6px);
  }

  .as-of {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }

  /* The date stays on one line unless it is wider than the gauge (large text, wide spacing). */
  .as-of time {
    display: inline-block;
    max-inline-size: 100%;
  }

  /* The ring's key: each grade's glyph in its colour, with the number of areas in words. */
  .key {
    margin: 0;
    text-align: center;
    font-size: var(--_text-sm);
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .key-item {
    white-space: nowrap;
    margin-inline-start: 0.3em;
    color: var(--_fg);
  }

  .key-item .glyph {
    color: var(--_tone);
    margin-inline-end: 0.25em;
  }

  /* What moved the score: a lead, at most four rows (one area each, the number at the end) and
     which indicators were compared. With a change it is kept as high as all of those, so that
     the loading placeholder (which reserves them) and the drawn gauge are the same height. */
  .summary {
    --_row: calc(var(--_text-sm) * var(--_line-height));
    font-size: var(--_text-sm);
    border-top: 1px solid var(--_border);
    padding-top: var(--_space-sm);
  }

  .summary.has-change {
    min-height: calc(1px + var(--_space-sm) + 6 * var(--_row) + 6 * var(--_space-xs));
  }

  .summary p {
    margin: 0;
  }

  .summary ul {
    list-style: none;
    margin: var(--_space-xs) 0 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
  }

  .summary li {
    display: flex;
    align-items: baseline;
    min-width: 0;
    overflow-wrap: anywhere;
  }

  .summary li .name {
    flex: 1 1 auto;
    min-width: 0;
  }

  .summary .compared {
    margin-top: var(--_space-xs);
    color: var(--_muted);
  }

  .summary .arrow {
    margin-inline-end: 0.35em;
  }

  .summary .delta {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    white-space: nowrap;
    margin-inline-start: var(--_space-sm);
  }

  .summary .more {
    color: var(--_muted);
  }

  .note {
    margin: 0;
  }

  /* The base element's stale/offline badge above the card and dropped-items note below it. */
  :host > .badge {
    margin-block-end: var(--_space-xs);
  }

  .gauge ~ .note {
    margin-block-start: var(--_space-xs);
  }

  /* Compact: dial on the left, words on the right, for narrow sidebars ------------------- */

  .compact .body {
    justify-content: flex-start;
    align-items: center;
    gap: var(--_space-md);
  }

  .compact .dial {
    flex: 0 0 auto;
    width: clamp(72px, 38%, 140px);
  }

  .compact .value {
    font-size: 19cqi;
  }

  .side {
    position: relative;
    flex: 1 1 auto;
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
    font-size: var(--_text-sm);
  }

  .side .grade,
  .side .change {
    justify-content: flex-start;
    font-size: var(--_text-sm);
  }

  .side .change .period {
    flex-basis: auto;
    font-size: var(--_text-sm);
  }

  .side .subtotal {
    font-size: var(--_text-sm);
  }

  .side .as-of {
    color: var(--_muted);
    font-size: var(--_text-sm);
  }

  .side .key {
    text-align: start;
  }

  /* Forced colours: every mark in a system colour, the arc filled, the track outlined. */
  @media (forced-colors: active) {
    .track,
    .area-track {
      forced-color-adjust: none;
      fill: Canvas;
      stroke: CanvasText;
      stroke-width: 1;
    }

    .arc,
    .area-fill {
      forced-color-adjust: none;
      fill: CanvasText;
    }

    .area-hit {
      forced-color-adjust: none;
      fill: transparent;
    }

    .area.hover .area-track,
    .area:focus-visible .area-track,
    .area:focus-visible .area-fill {
      stroke: Highlight;
      stroke-width: 3;
    }

    .gauge,
    .summary {
      border-color: CanvasText;
    }
  }
`;
