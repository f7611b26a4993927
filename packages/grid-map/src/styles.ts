/** Styles of `<safety-grid-map>` (after core's tokens, host reset and state styles). */
import { css } from 'lit';

export const gridMapStyles = css`
  :host {
    /* Choropleth: six purples (neither the risk colours nor good/poor), darker = more in the light
       theme. Every one has at least 3:1 against the surface and the map background (WCAG 1.4.11);
       neighbouring classes differ by lightness alone (about 1.3:1), so grids are parted by
       surface-coloured borders, which have 3:1 against every fill. */
    --_choro-0: var(--safety-color-choropleth-1, #9884bf);
    --_choro-1: var(--safety-color-choropleth-2, #846db5);
    --_choro-2: var(--safety-color-choropleth-3, #7257ac);
    --_choro-3: var(--safety-color-choropleth-4, #5e439d);
    --_choro-4: var(--safety-color-choropleth-5, #4b318a);
    --_choro-5: var(--safety-color-choropleth-6, #362070);
    --_map-no-data: var(--safety-color-map-no-data, #eceef1);
    --_map-context: var(--safety-color-map-context, #eef0f2);
    --_map-water: var(--safety-color-map-background, var(--_surface-alt));
    --_grid-line: var(--safety-color-grid-line, var(--_surface));
  }

  /* Dark on screen only, as core's tokens: print is light. */
  @media screen {
    :host([theme='dark']) {
      --_choro-0: var(--safety-color-choropleth-1, #6c5cb0);
      --_choro-1: var(--safety-color-choropleth-2, #8471c8);
      --_choro-2: var(--safety-color-choropleth-3, #9d89db);
      --_choro-3: var(--safety-color-choropleth-4, #b8a3f0);
      --_choro-4: var(--safety-color-choropleth-5, #d4c2ff);
      --_choro-5: var(--safety-color-choropleth-6, #efe8fe);
      --_map-no-data: var(--safety-color-map-no-data, #262c34);
      --_map-context: var(--safety-color-map-context, #1c2128);
    }
  }

  @media screen and (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --_choro-0: var(--safety-color-choropleth-1, #6c5cb0);
      --_choro-1: var(--safety-color-choropleth-2, #8471c8);
      --_choro-2: var(--safety-color-choropleth-3, #9d89db);
      --_choro-3: var(--safety-color-choropleth-4, #b8a3f0);
      --_choro-4: var(--safety-color-choropleth-5, #d4c2ff);
      --_choro-5: var(--safety-color-choropleth-6, #efe8fe);
      --_map-no-data: var(--safety-color-map-no-data, #262c34);
      --_map-context: var(--safety-color-map-context, #1c2128);
    }
  }

  /* The same card as the other widgets (border, radius, surface), so a map embedded on its own
     does not run flush to the edge of its frame. */
  .frame {
    display: flex;
    flex-direction: column;
    gap: var(--_space-sm);
    padding: var(--_space-md);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_fg);
    /* Phone sizes below (controls 44 px, legend 14 px) follow the widget's own width. */
    container-type: inline-size;
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs) var(--_space-sm);
  }

  .place {
    font-weight: 600;
    font-size: var(--_font-size-lg);
  }

  .header {
    min-height: 26px;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-sm) var(--_space-md);
  }

  .toolbar label {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs);
    /* Large text: the label and its control wrap inside the row, never wider than it. */
    max-width: 100%;
    min-width: 0;
  }

  select,
  .toolbar button,
  .more {
    min-height: 32px;
    max-width: 100%;
    padding: 2px var(--_space-sm);
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_fg);
  }

  .toolbar button,
  .more {
    cursor: pointer;
    background: var(--_surface-alt);
  }

  /* Every control at least 24 × 24 px (44 on a phone, below). */
  input[type='checkbox'] {
    flex: none;
    width: 24px;
    height: 24px;
    margin: 0;
    accent-color: var(--_accent);
  }

  .toolbar label,
  .legend label {
    min-height: 32px;
  }

  .map {
    position: relative;
    width: 100%;
    aspect-ratio: var(--safety-map-aspect-ratio, 3 / 2);
    min-height: 200px;
    max-height: var(--safety-map-max-height, 80vh);
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_map-water);
    forced-color-adjust: none;
  }

  .paint,
  .vector {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    pointer-events: none;
  }

  .surface {
    position: absolute;
    inset: 0;
    cursor: default;
    touch-action: pan-x pan-y;
    outline: none;
    border-radius: var(--_radius);
  }

  .surface:focus-visible {
    box-shadow: inset 0 0 0 var(--_focus-width) var(--_focus);
  }

  .grid {
    stroke: var(--_grid-line);
    stroke-width: 1.25px;
    vector-effect: non-scaling-stroke;
    stroke-linejoin: round;
  }

  .c0 {
    fill: var(--_choro-0);
  }
  .c1 {
    fill: var(--_choro-1);
  }
  .c2 {
    fill: var(--_choro-2);
  }
  .c3 {
    fill: var(--_choro-3);
  }
  .c4 {
    fill: var(--_choro-4);
  }
  .c5 {
    fill: var(--_choro-5);
  }
  .nd {
    fill: url(#no-data);
  }
  .dots-bg {
    fill: var(--_map-no-data);
  }
  .dots-dot {
    fill: var(--_muted);
  }
  .sup {
    fill: url(#suppressed);
  }
  .hatch-bg {
    fill: var(--_surface);
  }
  .hatch-line {
    stroke: var(--_muted);
    stroke-width: 2px;
  }

  .context {
    fill: var(--_map-context);
    stroke: var(--_border-strong);
    stroke-width: 0.75px;
    vector-effect: non-scaling-stroke;
  }

  .context-label {
    fill: var(--_muted);
    font-size: var(--_font-size-xs);
    /* A halo of the map's background, so a name that reaches over a grid stays legible. */
    paint-order: stroke;
    stroke: var(--_map-water);
    stroke-width: 3px;
    stroke-linejoin: round;
    text-anchor: middle;
  }

  .subdistrict {
    fill: none;
    stroke: var(--_fg);
    stroke-width: 1.5px;
    stroke-linejoin: round;
    vector-effect: non-scaling-stroke;
    /* stroke-opacity, not opacity: a group opacity rasterises as a separate layer, whose tiles
       showed as faint light boxes over the map in software rendering. */
    stroke-opacity: 0.8;
  }

  .outline {
    fill: none;
    stroke: var(--_fg);
    stroke-width: 2px;
    stroke-linejoin: round;
    vector-effect: non-scaling-stroke;
  }

  .hover,
  .selected,
  .active {
    fill: none;
    vector-effect: non-scaling-stroke;
    stroke-linejoin: round;
  }

  .hover {
    stroke: var(--_fg);
    stroke-width: 2px;
  }

  .selected {
    stroke: var(--_fg);
    stroke-width: 3.5px;
  }

  .selected-inner {
    fill: none;
    stroke: var(--_surface);
    stroke-width: 1.5px;
    vector-effect: non-scaling-stroke;
  }

  .active {
    stroke: var(--_focus);
    stroke-width: 3px;
    stroke-dasharray: 6 3;
  }

  /* Marks at low weight: small, with a surface-coloured halo under a thin outline, so that each
     stands out from any grid colour (a blue one on a dark purple grid too). */
  .mark path {
    stroke: var(--_risk-outline);
    stroke-width: 1px;
    stroke-linejoin: round;
    vector-effect: non-scaling-stroke;
  }

  .mark path.halo,
  .mark.fire-station path.halo,
  .mark.emergency-point path.halo,
  .mark.camera path.halo,
  .mark.other path.halo {
    fill: none;
    stroke: var(--_surface);
    stroke-width: 3.5px;
  }

  .mark.fire-station path {
    fill: var(--_fg);
    stroke: var(--_surface);
  }

  .mark.emergency-point path {
    fill: var(--_surface);
    stroke: var(--_fg);
    stroke-width: 1.25px;
  }

  .mark.camera path,
  .mark.other path {
    fill: var(--_muted);
    stroke: var(--_surface);
  }

  .mark.red path {
    fill: var(--_risk-red);
  }
  .mark.orange path {
    fill: var(--_risk-orange);
  }
  .mark.yellow path {
    fill: var(--_risk-yellow);
  }
  .mark.blue path {
    fill: var(--_risk-blue);
  }

  /* The map's own text is the small print, 12 px by default, growing with the reader's text. */
  .mark-counts text,
  .count text {
    font-size: var(--_font-size-xs);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    fill: var(--_fg);
    paint-order: stroke;
    stroke: var(--_surface);
    stroke-width: 3px;
    stroke-linejoin: round;
  }

  .mark-counts text {
    dominant-baseline: central;
  }

  .count rect {
    fill: var(--_surface);
    stroke: var(--_fg);
    stroke-width: 1px;
  }

  .count text {
    text-anchor: middle;
    dominant-baseline: central;
    stroke: none;
  }

  /* The zoom buttons sit at the end of the toolbar row, above the map: never over a grid. */
  .zoom {
    display: flex;
    gap: var(--_space-xs);
    margin-inline-start: auto;
  }

  .zoom button {
    display: grid;
    place-items: center;
    /* 32 px, and as tall as a line of text when the reader's text is larger. */
    width: max(32px, 2.25em);
    height: max(32px, 2.25em);
    padding: 0;
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_fg);
    line-height: 1;
    cursor: pointer;
  }

  .zoom button:hover,
  .toolbar button:hover,
  .more:hover {
    border-color: var(--_fg);
  }

  .zoom svg {
    width: 1.15em;
    height: 1.15em;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.75;
    stroke-linecap: round;
  }

  .tooltip {
    position: absolute;
    z-index: 2;
    max-width: min(280px, calc(100% - 16px));
    padding: var(--_space-xs) var(--_space-sm);
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_fg);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.18);
    font-size: var(--_font-size-sm);
    line-height: 1.4;
    pointer-events: none;
  }

  .tooltip p {
    margin: 0;
  }

  .tooltip .name {
    font-weight: 600;
  }

  .tooltip .sub,
  .tooltip .muted {
    color: var(--_muted);
  }

  .tooltip dl {
    display: grid;
    grid-template-columns: auto auto;
    gap: 0 var(--_space-sm);
    margin: var(--_space-xs) 0 0;
  }

  .tooltip dt {
    color: var(--_muted);
  }

  .tooltip dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    align-content: flex-start;
    gap: var(--_space-sm) var(--_space-xl);
    font-size: var(--_font-size-sm);
  }

  .legend-block {
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
    min-width: 0;
  }

  .legend-title {
    margin: 0;
    font-weight: 600;
  }

  .legend ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs) var(--_space-md);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .legend li,
  .legend label {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    font-variant-numeric: tabular-nums;
  }

  .swatch {
    flex: none;
    width: max(14px, 1em);
    height: max(14px, 1em);
    border: 1px solid var(--_border-strong);
    border-radius: 2px;
    forced-color-adjust: none;
  }

  .swatch.c0 {
    background: var(--_choro-0);
  }
  .swatch.c1 {
    background: var(--_choro-1);
  }
  .swatch.c2 {
    background: var(--_choro-2);
  }
  .swatch.c3 {
    background: var(--_choro-3);
  }
  .swatch.c4 {
    background: var(--_choro-4);
  }
  .swatch.c5 {
    background: var(--_choro-5);
  }
  .swatch.nd {
    background:
      radial-gradient(circle, var(--_muted) 0 1.1px, transparent 1.4px) 0 0 / 5px 5px,
      var(--_map-no-data);
  }
  .swatch.sup {
    background: repeating-linear-gradient(
      -45deg,
      var(--_surface) 0 2px,
      var(--_muted) 2px 3px,
      var(--_surface) 3px 5px
    );
  }

  .glyph {
    flex: none;
    width: max(14px, 1em);
    height: max(14px, 1em);
    overflow: visible;
  }

  .layers > summary {
    display: flex;
    align-items: center;
    gap: var(--_space-xs);
    min-height: 32px;
    font-weight: 600;
    cursor: pointer;
    list-style-position: inside;
  }

  .layers > summary::before {
    content: '';
    width: 0;
    height: 0;
    border-block: 5px solid transparent;
    border-inline-start: 7px solid currentColor;
    transition: transform var(--_motion);
  }

  .layers[open] > summary::before {
    transform: rotate(90deg);
  }

  .layers > summary::-webkit-details-marker {
    display: none;
  }

  .layers > summary {
    list-style: none;
  }

  .layers[open] {
    flex-basis: 100%;
  }

  .layers:not([open]) {
    gap: 0;
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  legend {
    padding: 0;
    margin-bottom: var(--_space-xs);
    font-weight: 600;
  }

  .legend-hint {
    margin: var(--_space-xs) 0 0;
    color: var(--_muted);
  }

  .privacy {
    flex-basis: 100%;
    margin: 0;
    padding: var(--_space-xs) var(--_space-sm);
    border-inline-start: 3px solid var(--_accent);
    background: var(--_surface-alt);
    color: var(--_fg);
  }

  /* The data table (core's DataTableController): the grid names select their grid. */
  .twin:not([hidden]) {
    display: grid;
    gap: var(--_space-sm);
    justify-items: start;
    min-width: 0;
  }

  .twin .data-table {
    justify-self: stretch;
    min-width: 0;
  }

  /* A narrow container scrolls the table sideways rather than breaking names and ranges. */
  .twin th,
  .twin td {
    white-space: nowrap;
  }

  .pick {
    min-height: 24px;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }

  .pick[aria-pressed='true'] {
    font-weight: 600;
    text-decoration-thickness: 2px;
  }

  .notes {
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
  }

  /* Reads the colours the canvas paints with, and the size of the map's own text (see labelSize). */
  /* 1em square: its size is the small print's (read from a ResizeObserver); its colour reads tokens. */
  .probe {
    position: absolute;
    top: 0;
    left: 0;
    width: 1em;
    height: 1em;
    overflow: hidden;
    visibility: hidden;
    pointer-events: none;
    font-size: var(--_font-size-xs);
  }

  /* Loading: the same boxes as the map (see skeleton.ts). */
  .map-skeleton .bone {
    display: inline-block;
    flex: none;
    height: 1em;
    width: auto;
  }

  .map-skeleton .sk-title {
    height: 24px;
    width: 40%;
  }

  .map-skeleton .sk-control {
    height: 32px;
  }

  .map-skeleton .sk-select {
    width: 240px;
  }

  .map-skeleton .sk-check {
    width: 170px;
  }

  .map-skeleton .sk-button {
    width: 150px;
  }

  .map-skeleton .sk-zoom {
    width: 32px;
  }

  /* About as wide as the controls' Chinese labels, so that the row wraps as the toolbar does. */
  .map-skeleton .sk-zh .sk-select {
    width: 150px;
  }

  .map-skeleton .sk-zh .sk-check {
    width: 112px;
  }

  .map-skeleton .sk-zh .sk-button {
    width: 142px;
  }

  .map-skeleton .sk-classes {
    width: min(100%, 360px);
  }

  .map-skeleton .sk-line {
    display: block;
    /* One line of legend text. */
    height: calc(1em * var(--_line-height));
  }

  .map-skeleton .sk-legend-title {
    width: 50%;
  }

  .map-skeleton .sk-swatches {
    width: 80%;
  }

  .map-skeleton .sk-summary {
    display: block;
    width: 30%;
    height: 32px;
  }

  /* The closed description block: one line of small print, at least 24 px. */
  .map-skeleton .sk-about {
    font-size: var(--_font-size-sm);
    line-height: var(--_line-height);
  }

  .map-skeleton .sk-about-summary {
    height: max(24px, calc(1em * var(--_line-height)));
    width: 9em;
    vertical-align: top;
  }

  /* Core's summary is 44 px tall on a phone-sized viewport. */
  @media (max-width: 480px) {
    .map-skeleton .sk-about-summary {
      height: max(44px, calc(1em * var(--_line-height)));
    }
  }

  .map-skeleton .sk-map {
    background: var(--_skeleton);
    animation: safety-pulse 1.4s ease-in-out infinite alternate;
  }

  /* On a phone: 44 px controls, 14 px legend text. */
  @container (max-width: 480px) {
    select,
    .toolbar button,
    .more,
    .zoom button,
    .toolbar label,
    .legend label,
    .layers > summary,
    .map-skeleton .sk-control,
    .map-skeleton .sk-summary {
      min-height: 44px;
    }

    .zoom button,
    .map-skeleton .sk-zoom {
      width: 44px;
      height: 44px;
    }

    .legend,
    .tooltip {
      font-size: var(--_font-size);
    }
  }

  @media (forced-colors: active) {
    .map {
      border-color: CanvasText;
    }
    .grid {
      stroke: CanvasText;
    }
    .hover,
    .selected,
    .active,
    .outline,
    .subdistrict {
      stroke: Highlight;
    }
    .zoom button,
    .toolbar button,
    .more,
    select {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
  }
`;
