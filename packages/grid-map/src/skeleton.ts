/**
 * The map's loading state, shaped like the map: the header, the toolbar row, the map box (sized by
 * the same rule as the drawn map: its width and `--safety-map-aspect-ratio`, 3 / 2 by default), the
 * legend's title and classes, the closed "Map layers" disclosure and the closed "About this map". So the widget takes its final
 * size while it loads, and nothing around it moves when the data arrives.
 */
import { t, type SupportedLocale } from '@safety-widgets/core';
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';

/**
 * The skeleton. `mapRef` is given the map box: the map measures it while it loads, so that it can
 * draw at once, at the right size, when the data arrives.
 */
export function renderMapSkeleton(locale: SupportedLocale, mapRef?: (el?: Element) => void): TemplateResult {
  return html`<div class="map-skeleton" part="state skeleton" aria-busy="true">
    <span class="visually-hidden" role="status">${t(locale, 'loading')}</span>
    <div class="frame ${locale === 'zh-CN' ? 'sk-zh' : ''}" aria-hidden="true">
      <div class="header"><span class="bone sk-title"></span></div>
      <div class="toolbar">
        <span class="bone sk-control sk-select"></span>
        <span class="bone sk-control sk-check"></span>
        <span class="zoom">
          <span class="bone sk-control sk-zoom"></span><span class="bone sk-control sk-zoom"></span
          ><span class="bone sk-control sk-zoom"></span>
        </span>
        <span class="bone sk-control sk-button"></span>
      </div>
      <div class="map sk-map" ${mapRef ? ref(mapRef) : nothing}></div>
      <div class="legend">
        <div class="legend-block sk-classes">
          <span class="bone sk-line sk-legend-title"></span>
          <span class="bone sk-line sk-swatches"></span>
        </div>
        <div class="legend-block"><span class="bone sk-summary"></span></div>
      </div>
      <div class="sk-about"><span class="bone sk-about-summary"></span></div>
    </div>
  </div>`;
}
