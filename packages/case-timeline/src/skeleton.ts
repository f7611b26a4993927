/**
 * The timeline's loading state: a skeleton shaped like the widget, in the same boxes with the same
 * reserved heights (title, two headline lines, controls row, two legend rows, the plot, the lines under it),
 * so the widget does not grow when its data arrives and nothing below it moves. Pure template.
 */
import { t, type SupportedLocale } from '@safety-widgets/core';
import { html, type TemplateResult } from 'lit';

const bone = (cls: string) => html`<span class="bone ${cls}" aria-hidden="true"></span>`;

export function renderTimelineSkeleton(locale: SupportedLocale): TemplateResult {
  return html`<section class="timeline loading" part="state skeleton" aria-busy="true">
    <span class="visually-hidden" role="status">${t(locale, 'loading')}</span>
    <div class="head">${bone('b-title')}</div>
    <div class="headline">${bone('b-text')}</div>
    <div class="toolbar">
      <div class="controls">${bone('b-seg')}${bone('b-pick')}${bone('b-more')}</div>
    </div>
    <div class="legend">${[0, 1, 2, 3, 4, 5].map(() => bone('b-chip'))}</div>
    <div class="plot">${bone('b-plot')}</div>
    <div class="foot">
      <div class="foot-line">${bone('b-line')}</div>
      <div class="caption">${bone('b-text')}</div>
      <div class="foot-line">${bone('b-line')}</div>
      <div class="foot-line">${bone('b-line')}</div>
      <div class="foot-line">${bone('b-line')}</div>
    </div>
  </section>`;
}
