/**
 * Notes under the map: class breaks the page set that could not be used, and grids whose outline
 * has no area or crosses itself; and the one console message per feed that lists those grids.
 */
import type { SupportedLocale } from '@safety-widgets/core';
import { html, nothing } from 'lit';
import type { GeometryReport, MapModel } from './map-model.js';
import { msg } from './messages.js';

/** A warning triangle (16 × 16, currentColor), as in core's notes; hidden from assistive technology. */
const warningIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <path d="M8 1 15.5 14.5H.5Zm0 3L3 13h10ZM7.25 6.5h1.5v3.5h-1.5Zm0 4.5h1.5v1.5h-1.5Z"></path>
</svg>`;

const note = (part: string, text: string) =>
  html`<div class="note" part="note ${part}">
    ${warningIcon}
    <p>${text}</p>
  </div>`;

/**
 * The notes: `problems` are the grids' geometry problems (undefined: not checked yet), `badBreaks`
 * the page's `breaks` when they could not be used.
 */
export function renderNotes(
  locale: SupportedLocale,
  problems: GeometryReport | undefined,
  badBreaks: string | undefined,
): unknown {
  const empty = problems?.empty.length ?? 0;
  const crossing = problems?.['self-intersecting'].length ?? 0;
  if (badBreaks === undefined && empty === 0 && crossing === 0) return nothing;
  return html`<div class="notes">
    ${
      badBreaks !== undefined
        ? note('breaks', msg(locale, 'breaksInvalid', { value: badBreaks.slice(0, 40) }))
        : nothing
    }
    ${empty > 0 ? note('geometry', msg(locale, 'geometryEmpty', { n: empty })) : nothing}
    ${crossing > 0 ? note('geometry', msg(locale, 'geometrySelfIntersecting', { n: crossing })) : nothing}
  </div>`;
}

/** The console message listing the grids with geometry problems, or undefined when there are none. */
export function geometryWarning(model: MapModel): string | undefined {
  const p = model.problems;
  const lines: string[] = [];
  if (p['winding-fixed'].length)
    lines.push(`rings reversed to d3-geo winding: ${p['winding-fixed'].join(', ')}`);
  if (p.empty.length) lines.push(`no area, not drawn: ${p.empty.join(', ')}`);
  if (p['self-intersecting'].length)
    lines.push(`outline crosses itself: ${p['self-intersecting'].join(', ')}`);
  return lines.length ? `grid geometry: ${lines.join('; ')}` : undefined;
}
