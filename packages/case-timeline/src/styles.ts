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
    /* Small text: core's small size, never under 12 px (0.857 × 14 px is 11.998 px). */
    --_small: max(12px, var(--_font-size-sm));
  }

  /* Dark on screen only, as core's tokens: print is light. */
  @media screen {
    :host([theme='dark']) {
      ${darkSeries}
    }
  }

  @media screen and (prefers-color-scheme: dark) {
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
    gap: var(--_space-sm);
    padding: var(--_space-lg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_fg);
    font-variant-numeric: tabular-nums;
  }

  /* Every box above and under the plot has a reserved height (min-height), the same in the
     loading skeleton (skeleton.ts), so the widget does not grow when its data arrives. */
  .head {
    min-height: calc(var(--_font-size-lg) * 1.3);
  }

  .title {
    margin: 0;
    font-size: var(--_font-size-lg);
    font-weight: 600;
    line-height: 1.3;
  }

  /* Two sentences: the span shown (total, peak, trend), then the comparison with a year earlier. */
  .headline {
    margin: 0;
    min-height: calc(var(--_font-size) * var(--_line-height) * 2);
    font-weight: 500;
  }

  .summary {
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding: var(--_space-xs) 0 0 1.1em;
  }

  .summary p {
    margin: 0;
  }

  .toolbar {
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
  }

  /* One row: interval, range, More; the panel "More" opens goes under it. With large text (a reader's
     default font size of 32 px) it wraps rather than clips. */
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-sm);
    min-height: 32px;
  }

  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space-sm) var(--_space-lg);
    padding: var(--_space-xs) 0;
  }

  .more[hidden] {
    display: none;
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
    font-size: var(--_small);
  }

  .segmented {
    display: inline-flex;
    flex-wrap: wrap;
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
    justify-content: center;
    box-sizing: border-box;
    min-height: 30px;
    min-width: 44px;
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

  /* Unavailable: greyed and dashed, with the reason in words under the row (aria-describedby). */
  .segmented input:disabled + span {
    color: var(--_muted);
    background: var(--_surface-alt);
    cursor: not-allowed;
  }

  .interval-note {
    margin: 0;
    color: var(--_muted);
    font-size: var(--_small);
  }

  select,
  input[type='date'],
  button {
    box-sizing: border-box;
    min-height: 32px;
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    color: var(--_fg);
    font: inherit;
  }

  select {
    min-height: 32px;
    max-width: 12em;
    padding: 0 var(--_space-xs);
    background: var(--_surface);
  }

  .pick {
    display: inline-flex;
    min-width: min(100%, 5.5em);
  }

  .pick select {
    width: 100%;
  }

  .more-toggle {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    margin-inline-start: auto;
  }

  .chevron {
    width: 0.75em;
    height: 0.75em;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    transition: transform 0.15s;
  }

  .more-toggle[aria-expanded='true'] .chevron {
    transform: rotate(180deg);
  }

  .check {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    min-height: 32px;
    cursor: pointer;
  }

  .check input {
    width: 24px;
    height: 24px;
    margin: 0;
    accent-color: var(--_accent);
  }

  .range {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space-sm);
  }

  .range > legend {
    width: 100%;
  }

  .field {
    display: flex;
    flex-direction: column;
  }

  input[type='date'] {
    padding: 0 var(--_space-xs);
    background: var(--_surface);
  }

  button {
    padding: 0 var(--_space-md);
    background: var(--_surface-alt);
    cursor: pointer;
  }

  button:hover:not(:disabled) {
    border-color: var(--_fg);
  }

  button:disabled {
    color: var(--_muted);
    cursor: not-allowed;
  }

  /* At most two rows of chips, reserved. */
  .legend {
    display: flex;
    flex-wrap: wrap;
    align-content: flex-start;
    gap: var(--_space-xs) var(--_space-xs);
    min-height: calc(32px * 2 + var(--_space-xs));
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .legend .chip {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    text-align: start;
    padding: 0 10px;
    border-radius: 999px;
    background: var(--_surface);
  }

  /* The snapshot's chips are a key, drawn as the buttons are. */
  span.chip {
    box-sizing: border-box;
    min-height: 32px;
    border: 1px solid var(--_border-strong);
  }

  .legend .off {
    border-style: dashed;
    color: var(--_muted);
    background: var(--_surface-alt);
  }

  /* A hidden category's swatch in the muted text colour (still 3:1), not faded below it. */
  .legend .off .swatch {
    color: var(--_muted) !important;
  }

  .legend .off .name {
    text-decoration: line-through;
  }

  .legend .total {
    color: var(--_muted);
  }

  .swatch {
    flex: none;
    width: 1.43em;
    height: 0.86em;
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

  /* The plot and the keyboard hint laid over its bottom edge while it has keyboard focus. */
  .plot-box {
    position: relative;
  }

  .plot {
    position: relative;
    height: var(--safety-timeline-height, calc(var(--_font-size) * 20));
    min-height: 160px;
    border-radius: var(--_radius);
    touch-action: pan-y;
  }

  .plot:focus-visible {
    outline-offset: 4px;
  }

  canvas {
    display: block;
    width: 100%;
    height: 100%;
  }

  /* A page narrower than the screen the chart was drawn for: the drawing shrinks to fit, whole. */
  @media print {
    .plot {
      height: auto;
      min-height: 0;
    }
    canvas {
      width: 100% !important;
      height: auto !important;
    }
  }

  /* Colours and the axis labels' size for the canvas (read by theme-colors.ts): small text, which
     follows the reader's default font size. */
  .probe {
    position: absolute;
    width: 0;
    height: 0;
    overflow: hidden;
    forced-color-adjust: none;
    font-size: var(--_small);
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
    font-size: var(--_small);
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
    font-weight: 600;
  }

  .tooltip .chg {
    color: var(--_muted);
  }

  .tooltip .marked {
    margin-top: 4px;
    padding-top: 4px;
    border-top: 1px solid var(--_border);
  }

  .foot {
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
  }

  .foot summary,
  .foot-line {
    display: flex;
    align-items: center;
    min-height: 32px;
  }

  .foot summary {
    display: list-item;
    line-height: max(32px, 1.5em);
    cursor: pointer;
    color: var(--_accent);
  }

  /* "About this chart" reads like the other disclosures under the chart. */
  .foot .about > summary {
    font-size: var(--_font-size);
    text-decoration: none;
  }

  /* Lines of 24 px, so the sample badge fits in a line and the height is the same as reserved. */
  .caption {
    margin: 0;
    min-height: 24px;
    line-height: max(24px, 1.5em);
    color: var(--_muted);
    font-size: var(--_small);
  }

  .caption .badge {
    vertical-align: top;
  }

  /* The loading skeleton: the same boxes, grey. */
  .loading .bone {
    height: 100%;
    max-width: 100%;
  }

  .loading .head,
  .loading .headline,
  .loading .caption,
  .loading .foot-line {
    display: flex;
    align-items: center;
  }

  .loading .b-title {
    width: 55%;
    height: 1.1em;
  }

  .loading .b-text {
    width: 85%;
    height: 0.9em;
  }

  .loading .b-seg {
    width: 13.5em;
  }

  .loading .b-pick {
    width: 7em;
  }

  .loading .b-more {
    width: 5em;
    margin-inline-start: auto;
  }

  .loading .controls .bone {
    height: 32px;
  }

  .loading .b-chip {
    width: 8em;
    height: 32px;
    border-radius: 999px;
  }

  .loading .b-line {
    width: 9em;
    height: 0.9em;
  }

  /* A phone (or any narrow container): larger touch targets, and a taller plot, at least half the widget. */
  @container (max-width: 480px) {
    .head {
      min-height: calc(var(--_font-size-lg) * 1.3 * 2);
    }

    .headline {
      min-height: calc(var(--_font-size) * var(--_line-height) * 4);
    }

    .controls {
      min-height: 46px;
    }

    select {
      min-height: 44px;
    }

    .loading .controls .bone {
      height: 44px;
    }

    .controls {
      gap: var(--_space-xs);
    }

    /* The range takes what the interval and "More" leave. */
    .pick {
      flex: 1 1 0;
    }

    .segmented span {
      min-height: 44px;
      min-width: 40px;
      padding: 0 4px;
    }

    .more-toggle {
      padding: 0 6px;
    }

    .more-toggle .chevron {
      display: none;
    }

    .more-toggle,
    .more button,
    .check,
    input[type='date'] {
      min-height: 44px;
    }

    /* One row of chips that scrolls sideways (the cut-off chip at the edge shows there are more),
       rather than three or four rows above the plot. */
    .legend {
      flex-wrap: nowrap;
      min-height: 44px;
      overflow-x: auto;
      overscroll-behavior-x: contain;
      scrollbar-width: none;
    }

    .legend li {
      flex: none;
    }

    .legend .chip {
      min-height: 44px;
      white-space: nowrap;
    }

    .loading .b-chip {
      flex: none;
      height: 44px;
      width: 7em;
    }

    .loading .b-seg {
      width: 12em;
    }

    .loading .b-pick {
      width: 5.5em;
    }

    /* The legend's totals are in "More figures" on a phone: the chips stay short. */
    .legend .total {
      display: none;
    }

    .plot {
      height: var(--safety-timeline-height, calc(var(--_font-size) * 42));
    }

    .caption {
      min-height: 48px;
    }

    .notes .note {
      padding: var(--_space-xs) var(--_space-sm);
      font-size: var(--_small);
    }
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
    }
  }

  .shape {
    flex: none;
    width: 0.86em;
    height: 0.86em;
    fill: currentColor;
    stroke: currentColor;
    stroke-width: 0.5;
  }

  .events ol {
    margin: var(--_space-xs) 0 0;
    padding-inline-start: 1.25em;
    font-size: var(--_small);
  }

  .events time {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
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
    select,
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
