/**
 * The gauge's pieces of markup that depend only on its model and the locale: caption, grade,
 * change, time of the data, the ring's key and the summary of what moved the score. Pure
 * template functions (Lit templates, no state), so the element only puts them together.
 */
import {
  STATUS_CUES,
  formatDateTime,
  localizedTextWithLang,
  t,
  type LocalizedTextLike,
  type SupportedLocale,
} from '@safety-widgets/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { GaugeArea, GaugeModel } from './gauge-model.js';
import {
  areaIndexText,
  contributionText,
  pointsText,
  targetsText,
  changeArrow,
  compactTime,
  formatChange,
  gradeKey,
  moversSummary,
  noEarlierText,
  periodText,
  titleText,
} from './gauge-text.js';
import { gradeLabel, type Tone } from './grades.js';
import { msg } from './messages.js';

/** The class that sets `--_tone` for a grade's tone. */
export const toneClass = (tone: Tone | null): string => `tone-${tone ?? 'none'}`;

/** A name from the feed with the language it is in. */
export function named(text: LocalizedTextLike, locale: SupportedLocale): TemplateResult {
  const { text: value, lang } = localizedTextWithLang(text, locale);
  return lang === locale ? html`${value}` : html`<span lang=${lang}>${value}</span>`;
}

/** "Safety index · Yantian District". */
export function renderCaption(model: GaugeModel, locale: SupportedLocale): TemplateResult {
  return html`<p class="caption" part="caption">
    <span class="title">${titleText(model, locale)}</span><span class="sep" aria-hidden="true"> · </span
    ><span class="place">${named(model.place, locale)}</span>
  </p>`;
}

/** The grade: its glyph in its colour, and its name. */
export function renderGrade(model: GaugeModel, locale: SupportedLocale): TemplateResult | typeof nothing {
  if (model.grade === null) return nothing;
  return html`<span class="grade ${toneClass(model.tone)}" part="grade"
    ><span class="glyph" aria-hidden="true">${STATUS_CUES[model.tone ?? 'fair'].icon}</span
    ><span>${gradeLabel(model.grade, locale)}</span></span
  >`;
}

/**
 * The change: arrow, signed number and (with `withPeriod`) the period; with no earlier figure,
 * "No earlier figure" in words, with no arrow and no number.
 */
export function renderChange(
  model: GaugeModel,
  locale: SupportedLocale,
  withPeriod: boolean,
): TemplateResult {
  const change = model.change;
  if (!change) return html`<span class="change none" part="change">${noEarlierText(locale)}</span>`;
  const direction = change.rounded === 0 ? 'flat' : change.direction;
  return html`<span class="change ${direction}" part="change"
    ><span class="arrow" aria-hidden="true">${changeArrow(direction)}</span
    ><span class="delta">${formatChange(change.delta, locale)}</span>${
      withPeriod
        ? html`<span class="period"
            >${msg(locale, 'vsPeriod', { period: periodText(change.period, locale) })}</span
          >`
        : nothing
    }</span
  >`;
}

/**
 * "As of …": in full (date and time), or, with `compact`, short enough for one line
 * (`compactTime`); the `<time>` element carries the exact instant either way.
 */
export function renderAsOf(
  model: GaugeModel,
  locale: SupportedLocale,
  compact: boolean,
  now: number,
): TemplateResult {
  const [before = '', after = ''] = msg(locale, 'asOf').split('{time}');
  const time = compact
    ? compactTime(model.asOf, now, locale, model.timeZone)
    : formatDateTime(model.asOf, locale, model.timeZone);
  return html`<p class="as-of" part="as-of">${before}<time datetime=${model.asOf}>${time}</time>${after}</p>`;
}

/** The ring's key: each grade's glyph in its colour with the number of areas in words. */
export function renderGradeKey(model: GaugeModel, locale: SupportedLocale): TemplateResult | typeof nothing {
  const items = gradeKey(model, locale);
  if (items.length === 0) return nothing;
  return html`<p class="key" part="key">
    <span class="key-title">${msg(locale, 'gradeKey')}</span>${items.map(
      (item) =>
        html` <span class="key-item ${toneClass(item.tone)}"
          ><span class="glyph" aria-hidden="true">${item.glyph}</span>${item.text}</span
        >`,
    )}
  </p>`;
}

/** What moved the score: a lead, up to four rows, and which indicators were compared. */
export function renderSummary(model: GaugeModel, locale: SupportedLocale, hidden: boolean): TemplateResult {
  const summary = moversSummary(model, locale);
  return html`<div
    class="summary ${model.change ? 'has-change' : ''} ${hidden ? 'visually-hidden' : ''}"
    part="summary"
  >
    <p>${summary.lead}</p>
    ${
      summary.items.length > 0 || summary.more
        ? html`<ul>
            ${summary.items.map(
              (item) =>
                html`<li>
                  <span class="arrow ${item.direction}" aria-hidden="true"
                    >${changeArrow(item.direction)}</span
                  ><span class="name">${item.name}</span>
                  <span class="delta ${item.direction}">${item.delta}</span>
                </li>`,
            )}
            ${summary.more ? html`<li class="more">${summary.more}</li>` : nothing}
          </ul>`
        : nothing
    }
    ${summary.compared ? html`<p class="compared">${summary.compared}</p>` : nothing}
  </div>`;
}

/** With `area`: that area's points out of its weight. */
export function renderSubtotal(model: GaugeModel, locale: SupportedLocale): TemplateResult | typeof nothing {
  if (!model.subtotal) return nothing;
  return html`<span class="subtotal" part="subtotal">${pointsText(model.subtotal, locale)}</span>`;
}

/**
 * The detail of the area pointed at or focused (`id="area-detail"`, the segment's
 * `aria-describedby`): name, points ("No data" for an area none of whose indicators has data),
 * grade and index, targets met, and its share of the change.
 */
export function renderDetail(
  model: GaugeModel,
  area: GaugeArea | null,
  locale: SupportedLocale,
): TemplateResult {
  const tone = area?.tone ?? null;
  const contribution = area ? contributionText(area, model.change, locale) : null;
  return html`<div class="area-detail ${toneClass(tone)}" part="detail" id="area-detail" ?hidden=${!area}>
    ${
      area
        ? html`<span class="name">${named(area.name, locale)}</span>
            <span class="points"
              >${area.index === null ? t(locale, 'noData') : pointsText(area, locale)}</span
            >
            <span class="more"
              >${
                area.grade !== null
                  ? html`<span class="glyph" aria-hidden="true">${STATUS_CUES[tone ?? 'fair'].icon}</span>
                      ${gradeLabel(area.grade, locale)} · `
                  : nothing
              }${areaIndexText(area, locale)}</span
            >
            <span class="more targets">${targetsText(area, locale)}</span>
            ${contribution ? html`<span class="more contribution">${contribution}</span>` : nothing}`
        : nothing
    }
  </div>`;
}
