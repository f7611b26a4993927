/**
 * The legend: a button per category with data (its swatch, name and total over the dates shown)
 * that shows or hides it; `aria-pressed` says whether it is shown. Template of the model.
 */
import { formatNumber, NO_VALUE } from '@safety-widgets/core';
import { html, type TemplateResult } from 'lit';
import { swatch } from './icons.js';
import { msg } from './messages.js';
import { categoryName } from './text.js';
import { windowSum } from './timeline-data.js';
import type { TimelineViewModel } from './timeline-view-model.js';

/**
 * The legend; `toggle` is called with the id of the category whose button was pressed. With `still`
 * (snapshot mode) the chips are a key, not buttons.
 */
export function renderLegend(
  f: TimelineViewModel,
  toggle: (id: string) => void,
  still = false,
): TemplateResult {
  const locale = f.locale;
  return html`<ul class="legend" part="legend" aria-label=${msg(locale, 'categories')} data-scroll>
    ${f.withData.map((c) => {
      const cat = f.data.categories[c]!;
      const shown = f.shown.includes(c);
      const total = windowSum(f.data, c, f.a, f.b + 1);
      const chip = html`${swatch(cat.slot)}<span class="name">${categoryName(cat, locale)}</span
        ><span class="total">${Number.isFinite(total) ? formatNumber(total, locale) : NO_VALUE}</span>`;
      return html`<li>
        ${
          still
            ? html`<span class="chip ${shown ? '' : 'off'}" part="legend-item" data-category=${cat.id}
                >${chip}</span
              >`
            : html`<button
                type="button"
                class="chip ${shown ? '' : 'off'}"
                part="legend-item"
                data-category=${cat.id}
                aria-pressed=${shown ? 'true' : 'false'}
                @click=${() => toggle(cat.id)}
              >
                ${chip}
              </button>`
        }
      </li>`;
    })}
  </ul>`;
}
