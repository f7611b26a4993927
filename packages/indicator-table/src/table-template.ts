/**
 * The table widget as Lit templates of its view model (./table-view-model.ts): the toolbar, the
 * description block, the range line of a windowed table, the scroll box with the table (caption,
 * column headers, one tbody per area or spacer) and the key hint, or the "No indicators match"
 * message. The element's controllers keep the state and the handlers; rows and headers are drawn by
 * ./row-template.ts.
 */
import { cssProps, localizedTextWithLang, renderSyntheticBadge, type Feed } from '@safety-widgets/core';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { renderRowKeyHint, renderTableAbout } from './about.js';
import { msg } from './messages.js';
import type { RowDisplay } from './row-display.js';
import { COLUMNS, renderGroupRow, renderHead, renderRow } from './row-template.js';
import type { SortKey } from './sort.js';
import type { IndicatorRow } from './table-model.js';
import type { BodyEntry, TableBody, TableViewModel } from './table-view-model.js';
import { renderToolbar, type ToolbarHandlers } from './toolbar.js';

/** What the templates need from the element besides the view model. */
export interface TableHandlers extends ToolbarHandlers {
  /** The zero-height element whose width the element follows (its resize target). */
  readonly sizer: TemplateResult;
  /** Scrolling the scroll box (windowing checks what is in view). */
  readonly onScroll: () => void;
  /** A column header's sort button. */
  readonly onSort: (key: SortKey) => void;
  /** The "Clear filters" button. */
  readonly onClearFilters: () => void;
  /** A row's texts in the view model's language. */
  readonly display: (row: IndicatorRow) => RowDisplay;
  /** The stale or offline badge, placed in the caption (called only when the caption is drawn). */
  readonly liveBadge: () => unknown;
}

/** The whole widget for a feed with data. */
export function renderTableWidget(feed: Feed, vm: TableViewModel, h: TableHandlers): TemplateResult {
  const { locale, view, windowed, range } = vm;
  // A still picture has no scroll box to name: the table shows whole.
  const sideways = vm.sideways && !vm.still;
  return html`<div class="widget ${vm.cards ? 'cards' : 'grid'}" part="widget">
    ${h.sizer} ${renderToolbar(vm.toolbar, h)} ${renderTableAbout(locale, feed)}
    ${
      view.lines.length === 0
        ? renderNoMatch(vm, h)
        : html`${
              windowed
                ? html`<p class="range" part="range" id="range">
                    ${
                      range
                        ? msg(locale, 'range', {
                            first: range.first,
                            last: range.last,
                            total: view.shown,
                            n: range.last - range.first + 1,
                          })
                        : nothing
                    }
                  </p>`
                : nothing
            }
            <div
              class="scroller ${windowed ? 'windowed' : 'flow'}"
              part="scroller"
              data-scroll
              role=${ifDefined(sideways ? 'region' : undefined)}
              aria-labelledby=${ifDefined(sideways ? 'caption' : undefined)}
              tabindex=${ifDefined(sideways ? 0 : undefined)}
              aria-describedby=${ifDefined(windowed ? 'range' : undefined)}
              @scroll=${h.onScroll}
            >
              ${renderTable(vm, h)}
            </div>
            ${renderRowKeyHint(locale)}`
    }
  </div>`;
}

function renderNoMatch(vm: TableViewModel, h: TableHandlers): TemplateResult {
  return html`<div class="no-match" part="no-match">
    <p>${msg(vm.locale, 'noMatch')}</p>
    <button type="button" class="button" part="clear-button" @click=${h.onClearFilters}>
      ${msg(vm.locale, 'clearFilters')}
    </button>
  </div>`;
}

function renderTable(vm: TableViewModel, h: TableHandlers): TemplateResult {
  const { locale, cards, windowed } = vm;
  const role = (r: string) => (cards ? r : undefined);
  return html`<table
    part="table"
    role=${ifDefined(role('table'))}
    aria-labelledby=${ifDefined(cards ? 'caption' : undefined)}
    aria-rowcount=${ifDefined(windowed ? vm.view.lines.length + 1 : undefined)}
    ?data-windowed=${windowed}
  >
    <caption part="caption" id="caption">
      <span lang=${vm.place.lang}>${msg(locale, 'caption', { place: vm.place.text })}</span>
      <span class="as-of">${msg(locale, 'asOf', { date: vm.asOf })}</span>
      ${vm.synthetic ? renderSyntheticBadge(locale) : nothing} ${h.liveBadge()}
    </caption>
    <colgroup>
      ${COLUMNS.map((c) => html`<col class="c-${c.key}" />`)}
    </colgroup>
    ${renderHead(vm.sort, { locale, cards, windowed, still: vm.still, onSort: h.onSort })}
    ${repeat(
      vm.bodies,
      (b) => b.key,
      (b) => renderBody(b, vm, h),
    )}
  </table>`;
}

/** A spacer tbody (windowed), or an area's tbody. */
function renderBody(b: TableBody, vm: TableViewModel, h: TableHandlers): TemplateResult {
  if (b.kind === 'spacer') {
    return html`<tbody
      class="spacer-body"
      aria-hidden="true"
      role=${ifDefined(vm.cards ? 'presentation' : undefined)}
    >
      <tr class="spacer">
        <td colspan=${COLUMNS.length} style=${cssProps({ height: `${b.height}px` })}></td>
      </tr>
    </tbody>`;
  }
  const { locale, cards } = vm;
  const role = (r: string) => (cards ? r : undefined);
  const area = b.group.area;
  const name = localizedTextWithLang(area.name, locale);
  return html`<tbody part="group" data-area=${area.id} role=${ifDefined(role('rowgroup'))}>
    ${repeat(
      b.entries,
      (e: BodyEntry) => (e.kind === 'group' ? 'g' : e.kind === 'row' ? `r:${e.row.id}` : e.key),
      (e: BodyEntry) => {
        if (e.kind === 'spacer') {
          return html`<tr class="spacer" aria-hidden="true" role=${ifDefined(role('presentation'))}>
            <td colspan=${COLUMNS.length} style=${cssProps({ height: `${e.height}px` })}></td>
          </tr>`;
        }
        if (e.kind === 'group') {
          return renderGroupRow(area, name, { locale, cards, line: b.headerLine ?? undefined });
        }
        return renderRow(e.row, h.display(e.row), {
          locale,
          cards,
          tabbable: e.row.id === vm.tabbable,
          still: vm.still,
          open: vm.openDetails.has(e.row.id),
          line: e.line,
        });
      },
    )}
  </tbody>`;
}
