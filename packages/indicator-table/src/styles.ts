/**
 * Styles of `<safety-indicator-table>`: the toolbar, the table (sticky header, area header rows,
 * status chips, sparklines), the card layout for narrow containers (`.cards`), compact rows,
 * dark theme through the tokens and forced colours.
 */
import { css } from 'lit';

export const tableStyles = css`
  :host {
    --_table-max-height: var(--safety-table-max-height, 36em);
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
    font-size: var(--_font-size-sm);
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
    min-height: 32px;
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

  .count {
    flex: 1 0 100%;
    margin: 0;
    color: var(--_muted);
    font-size: var(--_font-size-sm);
  }

  /* Table ----------------------------------------------------------------------------------- */

  .scroller {
    position: relative;
    max-height: var(--_table-max-height);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    scroll-padding-top: 3em;
    overscroll-behavior: contain;
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
    font-size: var(--_font-size-sm);
    font-weight: 400;
    color: var(--_muted);
  }

  caption .badge {
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
    position: sticky;
    top: 0;
    z-index: 2;
    background: var(--_header-surface);
    color: var(--_muted);
    font-size: var(--_font-size-sm);
    font-weight: 600;
    border-bottom: 1px solid var(--_border-strong);
    vertical-align: bottom;
  }

  thead th.num {
    text-align: end;
  }

  .sort {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 2px;
    max-width: 100%;
    min-height: 28px;
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

  .sort-icon {
    flex: none;
    width: 12px;
    height: 12px;
    fill: currentColor;
    opacity: 0.35;
  }

  th[aria-sort] {
    color: var(--_fg);
  }

  th[aria-sort] .sort-icon {
    opacity: 1;
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
    font-size: var(--_font-size-sm);
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

  tr.row th {
    font-weight: 500;
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
    font-size: var(--_font-size-xs);
    line-height: 1.2;
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

  .score-bar {
    display: block;
    height: 3px;
    margin-top: 3px;
    margin-inline-start: auto;
    width: 100%;
    max-width: 4em;
    border-radius: 2px;
    background: var(--_border);
    overflow: hidden;
  }

  .score-bar > span {
    display: block;
    height: 100%;
    background: var(--_fg);
    opacity: 0.6;
  }

  .sparkline {
    display: block;
    width: 64px;
    height: 20px;
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
    padding: 1px 6px 1px 4px;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: var(--_font-size-sm);
    line-height: 1.4;
    white-space: nowrap;
  }

  .status-icon {
    display: inline-grid;
    place-items: center;
    width: 1.2em;
    height: 1.2em;
    border-radius: 50%;
    font-weight: 700;
    font-size: 0.85em;
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

  /* The loading skeleton drawn as table rows: bars for the columns. */
  .skeleton > .bone:not(.bone-title) {
    width: 100%;
    height: 1.5em;
    background: linear-gradient(
      90deg,
      var(--_skeleton) 0 28%,
      transparent 28% 34%,
      var(--_skeleton) 34% 46%,
      transparent 46% 52%,
      var(--_skeleton) 52% 62%,
      transparent 62% 68%,
      var(--_skeleton) 68% 78%,
      transparent 78% 84%,
      var(--_skeleton) 84% 100%
    );
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
    font-size: var(--_font-size-xs);
  }

  .cards .score-bar {
    margin-inline-start: 0;
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
    tr.row:focus-visible {
      outline-color: Highlight;
    }
  }
`;
