/**
 * The tooltip at the cursor: the period, each shown category's count (with its change on a year
 * earlier), the counts a year earlier when they are drawn, and the events marked in the period.
 * Hidden from screen readers: the live region says the same (`describeCursor`). Template of the model.
 */
import { cssProps, formatNumber, localizedText, NO_VALUE } from '@safety-widgets/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { ChartPlacement } from './chart-controller.js';
import { cursorInfo } from './cursor.js';
import { shape } from './icons.js';
import { msg } from './messages.js';
import { changeShort } from './text.js';
import { SERIES_COLORS } from './theme-colors.js';
import type { TimelineViewModel } from './timeline-view-model.js';

/** Space between the cursor line and the tooltip, in pixels. */
const GAP_PX = 12;

/**
 * Where the tooltip goes: beside the cursor line, on the side with more room (left of a cursor in
 * the plot's right half), at the top of the plot area.
 */
export function tooltipStyle(p: ChartPlacement): Record<string, string> {
  const top = `${p.area.top}px`;
  return p.px > (p.area.left + p.area.right) / 2
    ? { right: `${Math.max(0, p.width - p.px + GAP_PX)}px`, top }
    : { left: `${p.px + GAP_PX}px`, top };
}

/** The tooltip of the cursor's period, placed at `placement` (nothing without a cursor or a placement). */
export function renderTooltip(
  f: TimelineViewModel,
  placement: ChartPlacement | undefined,
  smallBase: number,
): TemplateResult | typeof nothing {
  const k = f.cursor;
  if (k < 0 || !placement) return nothing;
  const locale = f.locale;
  const info = cursorInfo(f, k, smallBase);
  return html`<div
    class="tooltip"
    part="tooltip"
    aria-hidden="true"
    data-interactive
    style=${cssProps(tooltipStyle(placement))}
  >
    <p class="when">${info.label}</p>
    <ul>
      ${info.rows.map(
        (r) =>
          html`<li style=${cssProps({ color: `var(--_series-${(r.cat.slot % SERIES_COLORS) + 1})` })}>
            ${shape(r.cat.slot)}<span class="name">${r.name}</span>
            <span class="n">${Number.isFinite(r.value) ? formatNumber(r.value, locale) : NO_VALUE}</span>
            ${
              r.change.kind === 'percent' || r.change.kind === 'small-base'
                ? html`<span class="chg">${changeShort(r.change, locale)}</span>`
                : nothing
            }
          </li>`,
      )}
    </ul>
    ${
      f.yoy
        ? html`<p class="chg">
            ${msg(locale, 'yearEarlierShort')}:
            ${info.rows.map((r) => (Number.isFinite(r.previous) ? formatNumber(r.previous, locale) : NO_VALUE)).join(' · ')}
          </p>`
        : nothing
    }
    ${
      info.marked.length > 0
        ? html`<div class="marked">
            ${info.marked.map((an) => html`<p>▲ ${localizedText(an.title, locale) || an.id}</p>`)}
          </div>`
        : nothing
    }
  </div>`;
}
