/**
 * The controls above the chart: one compact row — the interval, the range and "More" — and the
 * panel "More" opens (the date fields and the comparison with a year earlier). Intervals the data
 * cannot be counted by are disabled, with the reason in words under the row. Template of the model.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { INTERVALS, isoFromDay } from './dates.js';
import { msg } from './messages.js';
import { presetOf, rangePresets, type RangePreset } from './range.js';
import { intervalList } from './text.js';
import type { TimelineViewModel } from './timeline-view-model.js';

/** What the toolbar shows besides the model: whether the "More" panel is open. */
export interface ToolbarState {
  moreOpen: boolean;
}

/** What the toolbar's controls call (Lit calls them with the element as `this`). */
export interface ToolbarHandlers {
  /** A radio of the interval changed. */
  interval: (e: Event) => void;
  /** The range picker changed (a preset, or "custom"). */
  preset: (e: Event) => void;
  /** A date field changed. */
  range: (e: Event) => void;
  /** The year-earlier checkbox changed. */
  yoy: (e: Event) => void;
  /** "More" was pressed. */
  more: (e: Event) => void;
}

export function renderToolbar(
  f: TimelineViewModel,
  state: ToolbarState,
  on: ToolbarHandlers,
): TemplateResult {
  const locale = f.locale;
  const lo = isoFromDay(f.data.firstDay);
  const hi = isoFromDay(f.data.endDay - 1);
  const unavailable = INTERVALS.filter((i) => !f.view.available.includes(i));
  const preset = presetOf(f.data, f.ranged, f.a, f.b);
  const presets = rangePresets(f.data);
  const label = (id: RangePreset, year: number) =>
    id === 'all'
      ? msg(locale, 'rangeAll')
      : id === 'year'
        ? msg(locale, 'rangeYear', { year: String(year) })
        : id === 'last12'
          ? msg(locale, 'rangeLast12')
          : msg(locale, 'rangeCustom');
  const field = (name: 'start' | 'end', day: number) =>
    html`<label class="field"
      ><span>${msg(locale, name === 'start' ? 'from' : 'to')}</span
      ><input type="date" name=${name} min=${lo} max=${hi} .value=${isoFromDay(day)} @change=${on.range}
    /></label>`;
  return html`<div class="toolbar" part="toolbar" data-interactive>
    <div class="controls">
      <fieldset class="interval">
        <legend class="visually-hidden">${msg(locale, 'interval')}</legend>
        <div class="segmented">
          ${INTERVALS.map((i) => {
            const disabled = unavailable.includes(i);
            return html`<label
              ><input
                type="radio"
                name="interval"
                value=${i}
                .checked=${f.view.interval === i}
                ?disabled=${disabled}
                aria-describedby=${disabled ? 'interval-note' : nothing}
                @change=${on.interval}
              /><span>${msg(locale, `interval.${i}`)}</span></label
            >`;
          })}
        </div>
      </fieldset>
      <label class="pick"
        ><span class="visually-hidden">${msg(locale, 'rangePick')}</span
        ><select name="range" @change=${on.preset}>
          ${presets.map(
            (p) => html`<option value=${p.id} .selected=${preset === p.id}>${label(p.id, p.year)}</option>`,
          )}
          <option value="custom" .selected=${preset === 'custom'}>${msg(locale, 'rangeCustom')}</option>
        </select></label
      >
      <button
        type="button"
        class="more-toggle"
        aria-expanded=${state.moreOpen ? 'true' : 'false'}
        aria-controls="more"
        aria-label=${msg(locale, 'moreLabel')}
        @click=${on.more}
      >
        <span aria-hidden="true">${msg(locale, 'more')}</span>
        <svg class="chevron" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          <path d="M2 4l4 4 4-4"></path>
        </svg>
      </button>
    </div>
    ${
      unavailable.length > 0
        ? html`<p class="interval-note" id="interval-note">
            ${msg(locale, 'intervalUnavailable', {
              n: unavailable.length,
              intervals: intervalList(unavailable, locale),
            })}
          </p>`
        : nothing
    }
    <div class="more" id="more" ?hidden=${!state.moreOpen}>
      <fieldset class="range">
        <legend>${msg(locale, 'customDates')}</legend>
        ${field('start', f.a)} ${field('end', f.b)}
      </fieldset>
      <label class="check"
        ><input type="checkbox" name="yoy" .checked=${f.yoy} @change=${on.yoy} />${msg(locale, 'yoy')}</label
      >
    </div>
  </div>`;
}
