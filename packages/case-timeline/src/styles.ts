/** Styles of `<safety-case-timeline>` (after core's host reset, tokens and state styles). */
import { css } from 'lit';

/** Category colours: six, each at least 3:1 against the surface, with a public override each. */
const lightSeries = css`
  --_series-1: var(--safety-color-series-1, #0b61a4);
  --_series-2: var(--safety-color-series-2, #7e22ce);
  --_series-3: var(--safety-color-series-3, #15803d);
  --_series-4: var(--safety-color-series-4, #c2410c);
  --_series-5: var(--safety-color-series-5, #a16207);
  --_series-6: var(--safety-color-series-6, #475569);
  --_grid: var(--safety-color-grid, #e4e8ec);
`;

const darkSeries = css`
  --_series-1: var(--safety-color-series-1, #58a6ff);
  --_series-2: var(--safety-color-series-2, #c084fc);
  --_series-3: var(--safety-color-series-3, #4ade80);
  --_series-4: var(--safety-color-series-4, #fb923c);
  --_series-5: var(--safety-color-series-5, #facc15);
  --_series-6: var(--safety-color-series-6, #94a3b8);
  --_grid: var(--safety-color-grid, #262c34);
`;

export const timelineStyles = css`
  :host {
    ${lightSeries}
  }

  :host([theme='dark']) {
    ${darkSeries}
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkSeries}
    }
  }

  @media (forced-colors: active) {
    :host,
    :host([theme]) {
      --_series-1: CanvasText;
      --_series-2: CanvasText;
      --_series-3: CanvasText;
      --_series-4: CanvasText;
      --_series-5: CanvasText;
      --_series-6: CanvasText;
      --_grid: GrayText;
    }
  }

  .timeline {
    container-type: inline-size;
    display: flex;
    flex-direction: column;
    gap: var(--_space-md);
    padding: var(--_space-lg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_fg);
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space-xs) var(--_space-md);
  }

  .title {
    margin: 0;
    font-size: var(--_font-size-lg);
    font-weight: 600;
    line-height: 1.3;
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
  }

  .summary {
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: 2px;
  }

  .summary p {
    margin: 0;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space-sm) var(--_space-lg);
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  legend,
  .field > span {
    display: block;
    padding: 0;
    margin-bottom: 2px;
    color: var(--_muted);
    font-size: var(--_font-size-sm);
  }

  .segmented {
    display: inline-flex;
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    overflow: hidden;
  }

  .segmented label {
    position: relative;
    display: inline-flex;
  }

  .segmented input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }

  .segmented span {
    display: inline-flex;
    align-items: center;
    min-height: 32px;
    min-width: 2.75em;
    justify-content: center;
    padding: 0 var(--_space-sm);
    background: var(--_surface);
    color: var(--_fg);
  }

  .segmented label + label span {
    border-inline-start: 1px solid var(--_border-strong);
  }

  .segmented input:checked + span {
    background: var(--_fg);
    color: var(--_surface);
    font-weight: 600;
  }

  .segmented input:focus-visible + span {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: -4px;
  }

  .segmented input:disabled + span {
    color: var(--_muted);
    cursor: not-allowed;
  }

  .interval-note {
    margin: 0.25rem 0 0;
    max-width: 24rem;
    color: var(--_muted);
    font-size: max(0.8125em, 12px);
  }

  .check {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    min-height: 32px;
    cursor: pointer;
  }

  .check input {
    width: 16px;
    height: 16px;
    margin: 0;
    accent-color: var(--_accent);
  }

  .range {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space-sm);
  }

  .field {
    display: flex;
    flex-direction: column;
  }

  input[type='date'] {
    min-height: 32px;
    padding: 0 var(--_space-xs);
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_fg);
  }

  button {
    min-height: 32px;
    padding: 0 var(--_space-md);
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    color: var(--_fg);
    cursor: pointer;
  }

  button:hover:not(:disabled) {
    border-color: var(--_fg);
  }

  button:disabled {
    color: var(--_muted);
    cursor: not-allowed;
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs) var(--_space-sm);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .legend button {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    text-align: start;
    padding: 0 var(--_space-sm);
    border-radius: 999px;
    background: var(--_surface);
  }

  .legend button[aria-pressed='false'] {
    border-style: dashed;
    color: var(--_muted);
    background: var(--_surface-alt);
  }

  .legend button[aria-pressed='false'] .swatch {
    opacity: 0.35;
  }

  .legend button[aria-pressed='false'] .name {
    text-decoration: line-through;
  }

  .legend .total {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .swatch {
    flex: none;
    width: 24px;
    height: 12px;
    overflow: visible;
  }

  .swatch line {
    stroke: currentColor;
    stroke-width: 2;
  }

  .swatch path {
    fill: currentColor;
    stroke: currentColor;
    stroke-width: 0.5;
  }

  .plot {
    position: relative;
    height: var(--safety-timeline-height, calc(var(--_font-size) * 20));
    min-height: 160px;
    border-radius: var(--_radius);
    touch-action: pan-y;
  }

  @container (max-width: 480px) {
    .plot {
      height: var(--safety-timeline-height, calc(var(--_font-size) * 16));
    }

    /* On a phone the summary would push the chart below the fold: it follows the chart there
       (the chart's aria-describedby still points at it). */
    .summary {
      order: 1;
    }

    .caption,
    .notes,
    .events,
    .table-wrap {
      order: 2;
    }

    /* Long period labels ("Week of Sep 25, 2017 (from Oct 1, 2017)") wrap, so the counts beside
       them stay in view rather than off to the right of the scroll box. */
    th[scope='row'] {
      min-width: 7em;
      white-space: normal;
    }
  }

  .plot:focus-visible {
    outline-offset: 4px;
  }

  canvas {
    display: block;
    width: 100%;
    height: 100%;
  }

  .probe {
    position: absolute;
    width: 0;
    height: 0;
    overflow: hidden;
    forced-color-adjust: none;
  }

  .tooltip {
    position: absolute;
    z-index: 1;
    min-width: 11em;
    max-width: min(24em, 92%);
    padding: var(--_space-xs) var(--_space-sm);
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_fg);
    box-shadow: 0 2px 8px rgb(0 0 0 / 18%);
    font-size: var(--_font-size-sm);
    pointer-events: none;
  }

  .tooltip p {
    margin: 0;
  }

  .tooltip .when {
    font-weight: 600;
  }

  .tooltip ul {
    margin: 2px 0 0;
    padding: 0;
    list-style: none;
  }

  .tooltip li {
    display: flex;
    align-items: center;
    gap: 6px;
  }

  /* The marker takes the series colour from the li; the words keep the text colour. */
  .tooltip li .name,
  .tooltip li .n {
    color: var(--_fg);
  }

  .tooltip .n {
    margin-inline-start: auto;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }

  .tooltip .chg {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .tooltip .marked {
    margin-top: 4px;
    padding-top: 4px;
    border-top: 1px solid var(--_border);
  }

  /* After the rules above, so that it wins. On a phone a tooltip beside the cursor would cover
     most of the chart (a tap focuses the chart and keeps it open): it hangs under the chart
     instead, full width, over the caption. */
  @container (max-width: 480px) {
    .tooltip {
      top: calc(100% + 4px) !important;
      right: 0 !important;
      left: 0 !important;
      min-width: 0;
      max-width: none;
      font-size: var(--_font-size-xs);
    }
  }

  .shape {
    flex: none;
    width: 12px;
    height: 12px;
    fill: currentColor;
    stroke: currentColor;
    stroke-width: 0.5;
  }

  .caption {
    margin: 0;
    color: var(--_muted);
    font-size: var(--_font-size-sm);
  }

  .events summary {
    cursor: pointer;
    color: var(--_accent);
    font-size: var(--_font-size-sm);
  }

  .events ol {
    margin: var(--_space-xs) 0 0;
    padding-inline-start: 1.25em;
    font-size: var(--_font-size-sm);
  }

  .events time {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .table-wrap {
    max-height: 24em;
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  /* The table twin when not shown: far off-screen, so that content-visibility skips laying out
     its hundreds of cells, yet still in the accessibility tree for screen readers. */
  .table-wrap.offscreen {
    position: absolute;
    top: 0;
    left: -100000px;
    width: 40em;
    max-height: none;
    overflow: hidden;
    content-visibility: auto;
    contain-intrinsic-size: auto 40em auto 1px;
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--_font-size-sm);
    font-variant-numeric: tabular-nums;
  }

  caption {
    padding: var(--_space-xs) var(--_space-sm);
    text-align: start;
    color: var(--_muted);
  }

  th,
  td {
    padding: 4px var(--_space-sm);
    border-bottom: 1px solid var(--_border);
    text-align: end;
    white-space: nowrap;
  }

  thead th {
    position: sticky;
    top: 0;
    background: var(--_surface-alt);
    font-weight: 600;
  }

  th[scope='row'],
  thead th:first-child {
    text-align: start;
    font-weight: 400;
  }

  td.chg {
    color: var(--_muted);
  }

  .notes {
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
  }

  @media (forced-colors: active) {
    .timeline,
    .segmented,
    button,
    input[type='date'],
    .tooltip {
      border-color: CanvasText;
    }

    .segmented input:checked + span {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }

    .swatch,
    .shape {
      forced-color-adjust: none;
      color: CanvasText;
    }
  }
`;
