/**
 * The toolbar above the map: the figure picker (grid figures and event categories in groups), the
 * per-10,000 switch, the zoom buttons (off the map) and the button that shows the data table.
 */
import type { SupportedLocale } from '@safety-widgets/core';
import { html, type TemplateResult } from 'lit';
import { msg } from './messages.js';
import { metricLabel, type MetricDef } from './metrics.js';

export interface ToolbarModel {
  readonly locale: SupportedLocale;
  readonly defs: readonly MetricDef[];
  readonly metric: string | undefined;
  readonly perTenK: boolean;
  readonly list: boolean;
  readonly onMetric: (event: Event) => void;
  readonly onRate: (event: Event) => void;
  readonly onZoom: (by: 'in' | 'out' | 'reset') => void;
  readonly onList: () => void;
}

const ZOOM = [
  ['in', 'zoomIn', 'M3 8h10M8 3v10'],
  ['out', 'zoomOut', 'M3 8h10'],
  ['reset', 'resetView', 'M3 8.5A5 5 0 1 0 4.6 4.8M4.2 1.8v3.3h3.3'],
] as const;

export function renderToolbar(m: ToolbarModel): TemplateResult {
  const { locale, defs } = m;
  const grid = defs.filter((d) => d.source === 'grid');
  const events = defs.filter((d) => d.source === 'category');
  const option = (d: MetricDef) =>
    html`<option value=${d.key} ?selected=${d.key === m.metric}>${metricLabel(d, locale).text}</option>`;
  return html`<div class="toolbar" part="toolbar" data-interactive>
    <label
      >${msg(locale, 'metric')}
      <select @change=${m.onMetric}>
        ${
          grid.length && events.length
            ? html`<optgroup label=${msg(locale, 'groupGrid')}>${grid.map(option)}</optgroup>
                <optgroup label=${msg(locale, 'groupEvents')}>${events.map(option)}</optgroup>`
            : defs.map(option)
        }
      </select></label
    >
    <label
      ><input type="checkbox" .checked=${m.perTenK} @change=${m.onRate} />${msg(locale, 'perTenK')}</label
    >
    <div class="zoom" part="zoom-controls">
      ${ZOOM.map(
        ([by, label, d]) =>
          html`<button
            type="button"
            aria-label=${msg(locale, label)}
            title=${msg(locale, label)}
            @click=${() => m.onZoom(by)}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true"><path d=${d}></path></svg>
          </button>`,
      )}
    </div>
    <button type="button" aria-expanded=${m.list ? 'true' : 'false'} aria-controls="twin" @click=${m.onList}>
      ${msg(locale, m.list ? 'hideList' : 'showList')}
    </button>
  </div>`;
}
