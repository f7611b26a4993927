/** Styles of `<safety-grid-map>` (after core's tokens, host reset and state styles). */
import { css } from 'lit';

export const gridMapStyles = css`
  :host {
    /* Choropleth: six purples (neither the risk colours nor good/poor), light = low. */
    --_choro-0: var(--safety-color-choropleth-1, #f2f0f7);
    --_choro-1: var(--safety-color-choropleth-2, #dadaeb);
    --_choro-2: var(--safety-color-choropleth-3, #bcbddc);
    --_choro-3: var(--safety-color-choropleth-4, #9e9ac8);
    --_choro-4: var(--safety-color-choropleth-5, #756bb1);
    --_choro-5: var(--safety-color-choropleth-6, #54278f);
    --_map-no-data: var(--safety-color-map-no-data, #e8eaed);
    --_map-context: var(--safety-color-map-context, #eef0f2);
    --_map-water: var(--safety-color-map-background, var(--_surface-alt));
    --_grid-line: var(--safety-color-grid-line, #ffffff);
  }

  :host([theme='dark']) {
    --_choro-0: var(--safety-color-choropleth-1, #2b2541);
    --_choro-1: var(--safety-color-choropleth-2, #3d3466);
    --_choro-2: var(--safety-color-choropleth-3, #54488e);
    --_choro-3: var(--safety-color-choropleth-4, #7264b5);
    --_choro-4: var(--safety-color-choropleth-5, #9d91d9);
    --_choro-5: var(--safety-color-choropleth-6, #d4ccf7);
    --_map-no-data: var(--safety-color-map-no-data, #262c34);
    --_map-context: var(--safety-color-map-context, #161b22);
    --_grid-line: var(--safety-color-grid-line, #0d1117);
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --_choro-0: var(--safety-color-choropleth-1, #2b2541);
      --_choro-1: var(--safety-color-choropleth-2, #3d3466);
      --_choro-2: var(--safety-color-choropleth-3, #54488e);
      --_choro-3: var(--safety-color-choropleth-4, #7264b5);
      --_choro-4: var(--safety-color-choropleth-5, #9d91d9);
      --_choro-5: var(--safety-color-choropleth-6, #d4ccf7);
      --_map-no-data: var(--safety-color-map-no-data, #262c34);
      --_map-context: var(--safety-color-map-context, #161b22);
      --_grid-line: var(--safety-color-grid-line, #0d1117);
    }
  }

  .frame {
    display: flex;
    flex-direction: column;
    gap: var(--_space-sm);
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

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-sm) var(--_space-md);
  }

  .toolbar label {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
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

  input[type='checkbox'] {
    width: 16px;
    height: 16px;
    margin: 0;
    accent-color: var(--_accent);
  }

  .map {
    position: relative;
    width: 100%;
    aspect-ratio: var(--safety-map-aspect-ratio, var(--_content-aspect, 3 / 2));
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
    stroke-width: 0.75px;
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
    fill: var(--_map-no-data);
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

  .mark path {
    stroke: var(--_risk-outline);
    stroke-width: 1px;
    vector-effect: non-scaling-stroke;
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

  .mark text,
  .count text {
    font-size: 10px;
    font-weight: 600;
    fill: var(--_fg);
    paint-order: stroke;
    stroke: var(--_surface);
    stroke-width: 3px;
    stroke-linejoin: round;
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

  .zoom {
    position: absolute;
    top: var(--_space-sm);
    inset-inline-end: var(--_space-sm);
    display: flex;
    flex-direction: column;
    gap: 2px;
  }

  .zoom button {
    display: grid;
    place-items: center;
    width: 32px;
    height: 32px;
    padding: 0;
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_fg);
    font-size: 18px;
    line-height: 1;
    cursor: pointer;
  }

  .zoom button:hover,
  .toolbar button:hover,
  .more:hover {
    border-color: var(--_fg);
  }

  .zoom svg {
    width: 16px;
    height: 16px;
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
    width: 14px;
    height: 14px;
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
    background: var(--_map-no-data);
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
    width: 14px;
    height: 14px;
    overflow: visible;
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

  .twin:not(.visually-hidden) {
    /* A narrow container scrolls the table sideways rather than squeezing its figures. */
    overflow-x: auto;
  }

  .twin td.num {
    white-space: nowrap;
  }

  .twin table {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--_font-size-sm);
    font-variant-numeric: tabular-nums;
  }

  .twin caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: var(--_space-xs);
  }

  .twin th,
  .twin td {
    padding: 4px var(--_space-sm);
    border-bottom: 1px solid var(--_border);
    text-align: start;
    font-weight: 400;
  }

  .twin thead th {
    color: var(--_muted);
    font-weight: 600;
  }

  .twin .num {
    text-align: end;
  }

  .twin tr.is-selected th,
  .twin tr.is-selected td {
    background: var(--_surface-alt);
    font-weight: 600;
  }

  .twin th button {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }

  .twin-footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-sm);
    margin-top: var(--_space-xs);
  }

  .twin-footer p {
    margin: 0;
    color: var(--_muted);
  }

  .notes {
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
  }

  .probe {
    position: absolute;
    width: 0;
    height: 0;
    overflow: hidden;
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
