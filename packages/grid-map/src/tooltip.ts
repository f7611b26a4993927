/**
 * The tooltip of the grid under the pointer or the keyboard focus: its name, sub-district, the
 * figure and its rate, residents, and its count of every layer and sensitive category. Hidden from
 * assistive technology: the live region says the same in a sentence.
 */
import { cssProps, formatNumber, type SupportedLocale } from '@safety-widgets/core';
import { html, nothing, type TemplateResult } from 'lit';
import { RATE_FORMAT, plainValue, type Words } from './grid-text.js';
import { msg } from './messages.js';
import type { GridFigure } from './metrics.js';
import { formatCount } from './privacy.js';

export interface TooltipModel {
  readonly locale: SupportedLocale;
  readonly id: string;
  readonly name: Words;
  readonly subdistrict: Words;
  readonly selected: boolean;
  readonly metric: Words | undefined;
  readonly figure: GridFigure;
  readonly threshold: number;
  readonly population: number | null | undefined;
  readonly counts: readonly { label: string; value: string; lang: SupportedLocale }[];
  /** Where it points (CSS px in the map box), and the box's size. */
  readonly at: readonly [number, number];
  readonly width: number;
  readonly height: number;
}

export function renderTooltip(m: TooltipModel): TemplateResult {
  const { locale, figure: f } = m;
  const [px, py] = m.at;
  const half = Math.min(140, m.width / 2);
  const x = Math.min(Math.max(px, half), m.width - half);
  const below = py < m.height / 2;
  const style = cssProps({
    left: `${x}px`,
    top: `${py}px`,
    transform: `translate(-50%, ${below ? '16px' : 'calc(-100% - 16px)'})`,
  });
  return html`<div
    class="tooltip"
    part="tooltip"
    style=${style}
    data-grid=${m.id}
    aria-hidden="true"
    data-interactive
  >
    <p class="name" lang=${m.name.lang}>${m.name.text}</p>
    <p class="sub" lang=${m.subdistrict.lang}>
      ${m.subdistrict.text}${m.selected ? ` · ${msg(locale, 'selected')}` : ''}
    </p>
    <dl>
      ${
        m.metric
          ? html`<dt lang=${m.metric.lang}>${m.metric.text}</dt>
              <dd>
                ${f.suppressed ? formatCount(f.value, locale, true, m.threshold) : plainValue(f.value, locale)}
              </dd>
              ${
                f.rate !== null
                  ? html`<dt>${msg(locale, 'perTenKShort')}</dt>
                      <dd>${formatNumber(f.rate, locale, RATE_FORMAT)}</dd>`
                  : nothing
              }`
          : nothing
      }
      <dt>${msg(locale, 'population')}</dt>
      <dd>${plainValue(m.population, locale)}</dd>
      ${m.counts.map(
        (c) =>
          html`<dt lang=${c.lang}>${c.label}</dt>
            <dd>${c.value}</dd>`,
      )}
    </dl>
  </div>`;
}
