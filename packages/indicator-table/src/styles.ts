/**
 * Styles of `<safety-indicator-table>`: the toolbar, the table (area header rows, status chips,
 * sparklines), the rows flowing with the page or, windowed, in a scroll box with a sticky header
 * and a visible scrollbar, the card layout for narrow containers (`.cards`), compact rows, the
 * loading skeleton, dark theme through the tokens and forced colours. Small text is never under
 * 12 px, controls are at least 32 px tall (44 px in the card layout, which is what phones get),
 * and numbers use tabular figures.
 */
import { css } from 'lit';

export const tableStyles = css`
  :host {
    --_table-max-height: var(--safety-table-max-height, min(36em, 80vh));
    /* Secondary text: core's small size (never under 12 px, and growing with the reader's size). */
    --_text-sm: var(--_font-size-sm);
    --_control-size: 32px;
    --_header-surface: var(--safety-table-header-surface, var(--_surface-alt));
    --_group-surface: var(--safety-table-group-surface, var(--_surface-alt));
    --_row-hover: var(--safety-table-row-hover, var(--_surface-alt));
    --_sparkline: var(--safety-sparkline-color, var(--_accent));
    --_synthetic: var(--safety-color-synthetic, var(--_muted));
    --_cell-pad-block: var(--_space-sm);
    --_cell-pad-inline: var(--_space-sm);
  }

  :host([compact]) {
    --_cell-pad-block: 3px;
    --_cell-pad-inline: 6px;
  }

  .badge + .widget {
    margin-top: var(--_space-sm);
  }

  .widget {
    display: flex;
    flex-direction: column;
    gap: var(--_space-sm);
    min-width: 0;
    font-variant-numeric: tabular-nums;
  }

  /* Phones (the card layout): controls of 44 px, the size a finger needs. */
  .widget.cards {
    --_control-size: 44px;
  }

  .sizer {
    height: 0;
    margin-bottom: calc(-1 * var(--_space-sm));
    visibility: hidden;
  }

  /* Toolbar --------------------------------------------------------------------------------- */

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space-sm) var(--_space-md);
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
    font-size: var(--_text-sm);
    color: var(--_muted);
  }

  .field.search {
    flex: 1 1 14em;
  }

  .field.search input {
    width: 100%;
  }

  input,
  select,
  .button {
    min-height: var(--_control-size);
    min-width: var(--_control-size);
    padding: 4px var(--_space-sm);
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_fg);
    font-size: var(--_font-size);
  }

  select {
    max-width: 16em;
  }

  /* Fixed widths, so the toolbar does not move when the areas arrive with the data. */
  .grid select[part~='area-filter'] {
    width: 16em;
  }

  .grid select[part~='status-filter'] {
    width: 10em;
  }

  .button {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    background: var(--_surface-alt);
    cursor: pointer;
  }

  .button:hover:not(:disabled) {
    border-color: var(--_fg);
  }

  .button:disabled {
    cursor: not-allowed;
    color: var(--_muted);
    border-color: var(--_border);
  }

  .button .icon {
    width: 1em;
    height: 1em;
    fill: currentColor;
  }

  input:disabled,
  select:disabled {
    cursor: progress;
    opacity: 0.6;
  }

  .count,
  .range {
    flex: 1 0 100%;
    margin: 0;
    color: var(--_muted);
    font-size: var(--_text-sm);
  }

  /* "Showing rows 41–52 of 5,000": the cue that the box scrolls and how far. */
  .range {
    min-height: 1.5em;
    margin-bottom: calc(-1 * var(--_space-xs));
    color: var(--_fg);
  }

  /* Table ----------------------------------------------------------------------------------- */

  .scroller {
    position: relative;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  /* Up to 300 rows the rows flow with the page: no box of their own to scroll (only sideways,
     when the container is narrower than the table). */
  .scroller.flow {
    overflow-x: auto;
    overflow-y: hidden;
  }

  /* Windowed: a box that scrolls, with a scrollbar that is always drawn (not an overlay that
     hides until touched) and the wheel passing on to the page at either end. */
  .scroller.windowed {
    max-height: var(--_table-max-height);
    overflow: auto;
    overflow-y: scroll;
    scroll-padding-top: 3em;
  }

  .scroller.windowed::-webkit-scrollbar {
    width: 12px;
    height: 12px;
  }

  .scroller.windowed::-webkit-scrollbar-track {
    background: var(--_surface-alt);
  }

  .scroller.windowed::-webkit-scrollbar-thumb {
    min-height: 32px;
    border: 2px solid var(--_surface-alt);
    border-radius: 6px;
    background: var(--_muted);
  }

  @supports not selector(::-webkit-scrollbar) {
    .scroller.windowed {
      scrollbar-width: auto;
      scrollbar-color: var(--_muted) var(--_surface-alt);
    }
  }

  table {
    width: 100%;
    /* Fixed columns (rows are windowed, so widths must not follow the rows in view); below this
       width the table scrolls sideways. */
    min-width: 44em;
    table-layout: fixed;
    border-collapse: separate;
    border-spacing: 0;
    font-variant-numeric: tabular-nums;
  }

  caption {
    padding: var(--_space-sm) var(--_space-md);
    text-align: start;
    font-size: var(--_font-size-lg);
    font-weight: 600;
    caption-side: top;
  }

  caption .as-of {
    white-space: nowrap;
    font-size: var(--_text-sm);
    font-weight: 400;
    color: var(--_muted);
  }

  caption .badge {
    /* Core's badge is 12/14 of the base size, a hair under 12 px. */
    font-size: var(--_text-sm);
    margin-inline-start: var(--_space-sm);
    font-weight: 400;
    vertical-align: 0.1em;
  }

  col.c-name {
    width: 25%;
  }
  col.c-value {
    width: 13%;
  }
  col.c-target {
    width: 12%;
  }
  col.c-city-average {
    width: 13%;
  }
  col.c-score {
    width: 11%;
  }
  col.c-trend {
    width: 10%;
  }
  col.c-status {
    width: 16%;
  }

  th,
  td {
    padding: var(--_cell-pad-block) var(--_cell-pad-inline);
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: middle;
    font-weight: 400;
    overflow-wrap: anywhere;
  }

  .num {
    text-align: end;
  }

  thead th {
    background: var(--_header-surface);
    color: var(--_muted);
    font-size: var(--_text-sm);
    font-weight: 600;
    border-bottom: 1px solid var(--_border-strong);
    vertical-align: bottom;
  }

  thead th.num {
    text-align: end;
  }

  /* The column headers stay in view while the windowed box scrolls. */
  .windowed thead th {
    position: sticky;
    top: 0;
    z-index: 2;
  }

  .sort {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 2px;
    max-width: 100%;
    min-height: 28px;
    min-width: 24px;
    margin: -4px -4px;
    padding: 2px 4px;
    border: 0;
    border-radius: calc(var(--_radius) / 2);
    background: none;
    color: inherit;
    font-weight: inherit;
    cursor: pointer;
    text-align: inherit;
  }

  .sort:hover {
    color: var(--_fg);
    background: var(--_surface);
  }

  /* A narrow column wraps between words, or puts the icon under the label; it never breaks a
     word ("Targ / et"): break-word, unlike the cells' anywhere, keeps whole words in min-content. */
  .sort-label {
    overflow-wrap: break-word;
  }

  /* Core's sort icon, in the header's text colour (never faded: at least 3:1 like the text). */
  .sort-icon {
    flex: none;
    width: 0.75em;
    height: 0.75em;
    fill: currentColor;
  }

  th[aria-sort] {
    color: var(--_fg);
  }

  /* Printed, the headers are text (a page repeats them, and Chromium draws no button in a repeat). */
  @media print {
    thead th[data-label]::before {
      content: attr(data-label);
    }
    button.sort {
      display: none;
    }
  }

  /* Area header rows */
  tr.group-row > * {
    background: var(--_group-surface);
    border-top: 1px solid var(--_border);
    font-weight: 600;
  }

  tbody:first-of-type tr.group-row > * {
    border-top: 0;
  }

  .group-name {
    font-size: var(--_font-size);
  }

  .group-score,
  .group-met {
    font-weight: 400;
    font-size: var(--_text-sm);
    color: var(--_muted);
  }

  /* Indicator rows */
  tr.row {
    cursor: pointer;
  }

  tr.row:hover > * {
    background: var(--_row-hover);
  }

  tr.row:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: calc(-1 * var(--_focus-width));
  }

  /* Room for the key hint at the bottom of the screen when a key brings a row into view. */
  tr.row {
    scroll-margin-block: 3.5em;
  }

  /* The ⓘ after a name: opens the row's source note and trend in words. */
  .details-button {
    display: inline-grid;
    place-items: center;
    min-width: 24px;
    min-height: 24px;
    margin: -4px 0 -4px 2px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: none;
    color: var(--_accent);
    vertical-align: middle;
    cursor: pointer;
  }

  .details-button:hover {
    background: var(--_surface-alt);
  }

  .info-icon {
    width: 1.15em;
    height: 1.15em;
    fill: currentColor;
  }

  .details {
    display: block;
    margin-top: var(--_space-xs);
    padding-inline-start: var(--_space-sm);
    border-inline-start: 2px solid var(--_border-strong);
    color: var(--_fg);
    font-size: var(--_text-sm);
    font-weight: 400;
    cursor: auto;
  }

  .details > span {
    display: block;
  }

  .details > span + span {
    margin-top: var(--_space-xs);
    color: var(--_muted);
  }

  .about-columns {
    margin: var(--_space-xs) 0 0;
    padding-inline-start: 1.25em;
  }

  /* On a phone the description block's control is a 44 px target too. */
  .cards .about summary {
    min-height: 44px;
  }

  /* The keys, shown while a row has keyboard focus: under the table, stuck to the bottom of the
     screen while the table runs past it (rows keep a scroll margin, so the hint never covers the
     focused row). */
  .key-hint-anchor {
    display: none;
    position: sticky;
    bottom: 0;
    z-index: 3;
    padding-block: var(--_space-xs);
  }

  .key-hint-anchor .key-hint {
    position: static;
    display: inline-block;
    max-width: 100%;
  }

  .widget:has(tr.row:focus-visible) .key-hint-anchor {
    display: block;
  }

  tr.row th {
    font-weight: 500;
  }

  /* The unit, as a label under the name ("Unit: alerts"): never after a number, where an English
     count noun would have to agree with it. */
  .unit {
    display: block;
    color: var(--_muted);
    font-size: var(--_text-sm);
    font-weight: 400;
  }

  tr.spacer td {
    padding: 0;
    border: 0;
  }

  .unit-note {
    color: var(--_muted);
  }

  .synthetic-mark {
    display: inline-block;
    margin-inline-start: 4px;
    padding: 0 4px;
    border: 1px dashed var(--_synthetic);
    border-radius: 3px;
    color: var(--_synthetic);
    font-size: var(--_text-sm);
    line-height: 1.4;
    vertical-align: 1px;
    white-space: nowrap;
  }

  .target-sign {
    color: var(--_muted);
    margin-inline-end: 2px;
  }

  .muted {
    color: var(--_muted);
  }

  /* The share of the points earned: the earned part in the text colour on a track of the strong
     border colour (3:1 against each other and against the surface, light and dark). */
  .score-bar {
    display: block;
    height: 3px;
    margin-top: 3px;
    margin-inline-start: auto;
    width: 100%;
    max-width: 4em;
    border-radius: 2px;
    background: var(--_border-strong);
    overflow: hidden;
  }

  .score-bar > span {
    display: block;
    height: 100%;
    background: var(--_fg);
  }

  /* Sized in em, so it grows with the text (its stroke does not scale). */
  .sparkline {
    display: block;
    width: 4.6em;
    height: 1.4em;
    overflow: visible;
  }

  .sparkline path {
    fill: none;
    stroke: var(--_sparkline);
    stroke-width: 1.5;
    stroke-linecap: round;
    stroke-linejoin: round;
    vector-effect: non-scaling-stroke;
  }

  .sparkline circle {
    fill: var(--_sparkline);
  }

  .status-chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    max-width: 100%;
    padding: 1px 6px 1px 4px;
    border: 1px solid currentColor;
    border-radius: 0.75em;
    font-size: var(--_text-sm);
    line-height: 1.4;
  }

  .status-icon {
    display: inline-grid;
    place-items: center;
    /* Sized by its glyph (at least 1.25em square), so the glyph never overflows the circle. */
    min-width: 1.25em;
    min-height: 1.25em;
    border-radius: 50%;
    font-weight: 700;
    line-height: normal;
  }

  .status-chip[data-status='met'] {
    color: var(--_met);
  }
  .status-chip[data-status='not-met'] {
    color: var(--_not-met);
  }
  .status-chip[data-status='no-data'],
  .status-chip[data-status='no-target'] {
    color: var(--_no-data);
    border-style: dashed;
  }
  .status-chip[data-status='met'] .status-icon,
  .status-chip[data-status='not-met'] .status-icon {
    background: currentColor;
  }
  .status-chip[data-status='met'] .status-icon > span,
  .status-chip[data-status='not-met'] .status-icon > span {
    color: var(--_surface);
  }

  .label {
    display: none;
  }

  /* Loading: the real toolbar, disabled, over placeholder rows shaped like the table's. ------ */

  .skeleton-widget .bone {
    display: block;
    height: 0.9em;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_skeleton);
    animation: safety-pulse 1.4s ease-in-out infinite alternate;
  }

  .skeleton-caption {
    padding: var(--_space-sm) var(--_space-md);
  }

  .skeleton-caption .bone {
    width: min(24em, 60%);
    height: 1.5em;
  }

  .skeleton-head,
  .skeleton-row {
    display: grid;
    grid-template-columns: 25% 13% 12% 13% 11% 10% 16%;
    align-items: center;
  }

  .skeleton-head {
    background: var(--_header-surface);
    color: var(--_muted);
    font-size: var(--_text-sm);
    font-weight: 600;
    border-bottom: 1px solid var(--_border-strong);
  }

  .skeleton-head > *,
  .skeleton-row > * {
    margin: 0 var(--_cell-pad-inline);
    padding: var(--_cell-pad-block) 0;
    overflow: hidden;
    white-space: nowrap;
  }

  .skeleton-head > .num {
    text-align: end;
  }

  .skeleton-group {
    padding: var(--_space-sm) var(--_cell-pad-inline);
    background: var(--_group-surface);
  }

  .skeleton-group .bone {
    width: 10em;
    height: 1.2em;
  }

  .skeleton-row {
    /* A typical row: two lines of name, or one with the unit under it. */
    min-height: 3.2em;
    border-bottom: 1px solid var(--_border);
  }

  .skeleton-row > .bone {
    padding: 0;
    height: 1em;
  }

  .skeleton-row > .bone.num {
    width: 60%;
    justify-self: end;
  }

  .skeleton-card {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: var(--_space-md);
    margin: var(--_space-sm);
    padding: var(--_space-md);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .skeleton-card .bone {
    height: 2.2em;
  }

  .skeleton-card .bone-name {
    grid-column: 1 / -1;
    width: 70%;
    height: 1.2em;
  }

  @media (prefers-reduced-motion: reduce) {
    .skeleton-widget .bone {
      animation: none;
    }
  }

  /* No match -------------------------------------------------------------------------------- */

  .no-match {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-sm) var(--_space-md);
    padding: var(--_space-lg);
    border: 1px dashed var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .no-match p {
    margin: 0;
  }

  /* Cards: the same table, one card per indicator, for narrow containers ---------------------- */

  .cards table,
  .cards tbody,
  .cards tr,
  .cards caption {
    display: block;
    min-width: 0;
    width: auto;
  }

  .cards thead {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .cards thead th {
    position: static;
  }

  .cards tbody {
    padding: 0 var(--_space-sm);
  }

  .cards tr.group-row {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_space-sm);
    margin: 0 calc(-1 * var(--_space-sm));
    padding: var(--_space-sm) var(--_space-md);
    background: var(--_group-surface);
    border-top: 1px solid var(--_border);
    border-bottom: 1px solid var(--_border);
  }

  .cards tr.group-row > * {
    display: block;
    padding: 0;
    border: 0;
    background: none;
  }

  .cards tr.group-row > th {
    flex: 1 1 100%;
  }

  .cards tr.row {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 2px var(--_space-md);
    margin: var(--_space-sm) 0 0;
    padding: var(--_space-sm) var(--_space-md);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .cards tbody > tr.row:last-child {
    margin-bottom: var(--_space-sm);
  }

  .cards tr.row > * {
    display: flex;
    flex-direction: column;
    padding: 2px 0;
    border: 0;
    text-align: start;
    background: none;
  }

  .cards tr.row > th {
    grid-column: 1 / -1;
    font-weight: 600;
  }

  .cards tr.row:hover > * {
    background: none;
  }

  .cards tr.row:hover {
    background: var(--_row-hover);
  }

  /* Two controls a row in cards: three native selects side by side would clip their options. */
  .cards .field {
    flex: 1 1 10em;
  }

  .cards .field.search {
    flex-basis: 100%;
  }

  .cards select {
    width: 100%;
    max-width: none;
  }

  /* The button keeps its own width, so the sort select beside it gets the rest ("Score, descending"). */
  .cards .csv {
    flex: 0 1 auto;
    justify-content: center;
  }

  .cards tr.group-row .label {
    display: inline;
    margin-inline-end: 4px;
  }

  .cards .label {
    display: block;
    color: var(--_muted);
    font-size: var(--_text-sm);
  }

  .cards .score-bar {
    margin-inline-start: 0;
  }

  /* A phone: the name and, at the card's end, the ⓘ as a 44 px target. */
  .cards .name-line {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-sm);
  }

  .cards .details-button {
    flex: none;
    min-width: 44px;
    min-height: 44px;
    margin: 0;
  }

  .cards tr.spacer {
    display: block;
  }

  .cards tr.spacer td {
    display: block;
  }

  @media (forced-colors: active) {
    .status-chip,
    .synthetic-mark,
    .cards tr.row {
      border-color: CanvasText;
    }
    .status-chip[data-status='met'] .status-icon,
    .status-chip[data-status='not-met'] .status-icon {
      forced-color-adjust: none;
      background: CanvasText;
    }
    .status-chip[data-status='met'] .status-icon > span,
    .status-chip[data-status='not-met'] .status-icon > span {
      color: Canvas;
    }
    .sparkline path {
      stroke: CanvasText;
    }
    .sparkline circle {
      fill: CanvasText;
    }
    .score-bar > span {
      forced-color-adjust: none;
      background: CanvasText;
    }
    .score-bar {
      forced-color-adjust: none;
      background: GrayText;
    }
    tr.row:focus-visible {
      outline-color: Highlight;
    }
  }
`;
