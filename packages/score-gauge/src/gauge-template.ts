/**
 * The gauge as Lit templates of its view model (./gauge-view-model.ts): the dial (drawing, meter
 * reading, detail, key hint), the facts, the footer, the summary and notes, the areas' data table
 * and the description block. The parts they are made of are in ./parts.ts and ./ring.ts; the
 * element's controllers keep the state and the handlers.
 */
import {
  aboutData,
  renderAbout,
  renderKeyHint,
  renderSyntheticBadge,
  type Feed,
  type SupportedLocale,
} from '@safety-widgets/core';
import { html, nothing, type TemplateResult } from 'lit';
import { gaugeAbout } from './about-text.js';
import { frameStyle } from './frame-style.js';
import type { GaugeModel } from './gauge-model.js';
import { coverageNote, formatScore, meterName, valueOfText } from './gauge-text.js';
import type { GaugeViewModel } from './gauge-view-model.js';
import { msg } from './messages.js';
import {
  renderAsOf,
  renderCaption,
  renderChange,
  renderDetail,
  renderGrade,
  renderGradeKey,
  renderSubtotal,
  renderSummary,
} from './parts.js';
import { renderDrawing } from './ring.js';

/** What the templates need from the element besides the view model. */
export interface GaugeHandlers {
  /** The zero-height element whose width the element follows (its resize target). */
  readonly sizer: TemplateResult;
  /** The dial's keys and focus. */
  readonly onKeyDown: (event: KeyboardEvent) => void;
  readonly onFocusIn: (event: FocusEvent) => void;
  readonly onFocusOut: () => void;
  /** A ring segment's click and pointer. */
  readonly onAreaClick: (event: MouseEvent) => void;
  readonly onAreaPointerEnter: (event: PointerEvent) => void;
  readonly onAreaPointerLeave: (event: PointerEvent) => void;
  /** The areas' data table, drawn (core's DataTableController keeps its sort). */
  readonly table: (model: GaugeModel) => unknown;
  /** The stale or offline badge, placed in the footer (called only when the footer is drawn). */
  readonly liveBadge: () => unknown;
  /** The developer's message for an invalid `grades`, if it is. */
  readonly gradesError: string | null;
}

/** The gauge for a feed whose model has a value. */
export function renderGauge(
  feed: Feed,
  locale: SupportedLocale,
  vm: GaugeViewModel,
  h: GaugeHandlers,
): TemplateResult {
  const { model, compact, size, inside, interactive, active } = vm;
  const facts = html`${renderGrade(model, locale)}${renderChange(model, locale, inside)}${renderSubtotal(model, locale)}`;
  const detail = interactive ? renderDetail(model, active, locale) : nothing;
  const asOf = renderAsOf(model, locale, compact, Date.now());
  const key = renderGradeKey(model, locale);
  return html`${h.sizer}
    <div class="gauge ${compact ? 'compact' : ''}" part="gauge" data-size=${size}>
      ${compact ? nothing : renderCaption(model, locale)}
      <div class="body">
        <div
          class="dial"
          part="dial"
          style=${frameStyle(vm.frame)}
          @keydown=${h.onKeyDown}
          @focusin=${h.onFocusIn}
          @focusout=${h.onFocusOut}
        >
          ${renderDrawing(model, locale, {
            interactive,
            tabStop: vm.tabStop,
            hovered: vm.hovered,
            onClick: h.onAreaClick,
            onPointerEnter: h.onAreaPointerEnter,
            onPointerLeave: h.onAreaPointerLeave,
          })}
          <div
            class="readout ${active && inside ? 'dimmed' : ''}"
            part="meter"
            role="meter"
            aria-label=${meterName(model, locale)}
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=${String(model.rounded)}
            aria-valuetext=${valueOfText(model, locale) ?? nothing}
          >
            <span class="value" part="value">${formatScore(model.rounded, locale)}</span>
            ${inside ? facts : nothing}
          </div>
          ${compact ? nothing : detail}
          ${interactive && model.areas.length > 0 ? renderKeyHint(msg(locale, 'keyHint')) : nothing}
        </div>
        ${
          compact
            ? html`<div class="side">${renderCaption(model, locale)} ${facts} ${asOf} ${key}</div>`
            : nothing
        }
      </div>
      ${inside || compact ? nothing : html`<div class="facts">${facts}</div>`}
      ${
        compact
          ? nothing
          : html`<div class="footer">
                ${asOf}<span class="badge-slot ${size === 'xs' ? 'visually-hidden' : ''}"
                  >${feed.synthetic ? renderSyntheticBadge(locale) : nothing} ${h.liveBadge()}</span
                >
              </div>
              ${key}`
      }
      ${renderSummary(model, locale, compact || size === 'xs')} ${renderCoverageNote(model, locale)}
      ${renderGradesNote(locale, h.gradesError)}
      <details class="about table-box" part="table-box">
        <summary part="table-summary">${msg(locale, 'table')}</summary>
        ${h.table(model)}
      </details>
      ${renderAbout({ locale, ...gaugeAbout(model, locale, interactive), data: aboutData(feed, locale) })}
    </div>`;
}

function renderCoverageNote(model: GaugeModel, locale: SupportedLocale): TemplateResult | typeof nothing {
  const note = coverageNote(model, locale);
  return note ? html`<p class="note coverage" part="note coverage">${note}</p>` : nothing;
}

/** The note that `grades` is invalid and the default bands are used, with the developer's message. */
export function renderGradesNote(
  locale: SupportedLocale,
  error: string | null,
): TemplateResult | typeof nothing {
  if (!error) return nothing;
  return html`<div class="note config" part="note config">
    <div class="text">
      <p>${msg(locale, 'gradesInvalid')}</p>
      <p class="detail" lang="en">${error}</p>
    </div>
  </div>`;
}
