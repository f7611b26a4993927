/**
 * The data-table twin of the chart: the periods shown (the latest TABLE_MAX_ROWS of them) with each
 * shown category's count, the count a year earlier (with `yoy`) and the change. Always in the
 * accessibility tree; on screen only when asked for. A pure template of the view.
 */
import { formatNumber, NO_VALUE, type SupportedLocale } from '@safety-widgets/core';
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { msg } from './messages.js';
import { categoryName, changeShort, describeRange, periodLabel } from './text.js';
import type { TimelineData } from './timeline-data.js';
import type { TimelineView } from './timeline-view.js';
import { yearChange } from './yoy.js';

/** At most this many periods are listed in the data table (the latest ones). */
export const TABLE_MAX_ROWS = 150;

export interface TableInput {
  data: TimelineData;
  view: TimelineView;
  /** Indexes (in `data.categories`) of the categories shown. */
  shown: readonly number[];
  /** Selected days `[a, b]` and the periods `[k0, k1]` they touch. */
  a: number;
  b: number;
  k0: number;
  k1: number;
  locale: SupportedLocale;
  yoy: boolean;
  smallBase: number;
  /** Shown on screen (else off-screen, for screen readers only). */
  visible: boolean;
}

export function renderDataTable(f: TableInput): TemplateResult {
  const locale = f.locale;
  const { view, data } = f;
  const total = f.k1 - f.k0 + 1;
  const from = Math.max(f.k0, f.k1 - TABLE_MAX_ROWS + 1);
  const rows: number[] = [];
  for (let k = from; k <= f.k1; k++) rows.push(k);
  const names = f.shown.map((c) => categoryName(data.categories[c]!, locale));
  const caption = msg(locale, 'tableCaption', {
    interval: msg(locale, `unit.${view.interval}`),
    range: describeRange(f.a, f.b + 1, locale),
  });
  const visible = f.visible;
  // Everything a row's template depends on besides its own period and counts.
  const head = [view.interval, locale, f.yoy, f.smallBase, f.shown.join(',')].join('|');
  return html`<div
    class="table-wrap ${visible ? '' : 'offscreen'}"
    part="table"
    role="region"
    aria-label=${caption}
    tabindex=${visible ? '0' : '-1'}
  >
    <table>
      <caption>
        ${caption}
        ${
          rows.length < total
            ? html`<br /><span>${msg(locale, 'tableLimited', { shown: rows.length, total })}</span>`
            : nothing
        }
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg(locale, 'period')}</th>
          ${names.map(
            (name) =>
              html`<th scope="col">${name}</th>
                ${f.yoy ? html`<th scope="col">${msg(locale, 'yearEarlierLabel', { name })}</th>` : nothing}
                <th scope="col">
                  <span aria-hidden="true">${msg(locale, 'yoyShort')}</span
                  ><span class="visually-hidden">${msg(locale, 'change', { name })}</span>
                </th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${rows.map((k) => {
          // A row whose period and counts are unchanged is not formatted again (guard): a live
          // update changes the last row or two of up to 150.
          const deps: unknown[] = [view.starts[k], view.from[k], view.to[k], view.ends[k], head];
          for (const c of f.shown) deps.push(orNull(view.values[c]![k]!), orNull(view.previous[c]![k]!));
          return guard(
            deps,
            () =>
              html`<tr>
                <th scope="row">
                  ${periodLabel(view.starts[k]!, view.interval, locale, { from: view.from[k]!, to: view.to[k]!, end: view.ends[k]! })}
                </th>
                ${f.shown.map((c) => {
                  const v = view.values[c]![k]!;
                  const p = view.previous[c]![k]!;
                  return html`<td>${Number.isFinite(v) ? formatNumber(v, locale) : NO_VALUE}</td>
                    ${f.yoy ? html`<td>${Number.isFinite(p) ? formatNumber(p, locale) : NO_VALUE}</td>` : nothing}
                    <td class="chg">${changeShort(yearChange(v, p, f.smallBase), locale)}</td>`;
                })}
              </tr>`,
          );
        })}
      </tbody>
    </table>
  </div>`;
}

/** A count for a guard's dependencies: NaN (no data) as null, since NaN !== NaN. */
function orNull(n: number): number | null {
  return n === n ? n : null;
}
