/**
 * Under the chart: "More figures" (a sentence per category), the source line with the sample-data
 * badge and the stale or offline badge (placed here, under the chart, rather than over the title),
 * the notes on what the counts leave out (always visible: they say what is not drawn), the list of
 * events marked, and the "Data table" disclosure. Templates of the model.
 */
import { localizedText, renderSyntheticBadge } from '@safety-widgets/core';
import { html, nothing, type TemplateResult } from 'lit';
import { annotationShown } from './cursor.js';
import { isoFromDay } from './dates.js';
import { msg } from './messages.js';
import { dataNotes, dayText } from './text.js';
import type { TimelineViewModel } from './timeline-view-model.js';

/** Where the counts come from, in words: the feed's series, its events, or both. */
export function basisText(f: Pick<TimelineViewModel, 'data' | 'withData' | 'locale'>): string {
  const bases = new Set(f.withData.map((c) => f.data.categories[c]!.basis));
  if (bases.size === 1 && bases.has('series')) return msg(f.locale, 'basisSeries');
  if (bases.size === 1 && bases.has('events'))
    return msg(f.locale, 'basisEvents', { n: f.data.eventsCounted });
  return msg(f.locale, 'basisMixed', { n: f.data.eventsCounted });
}

/** "More figures", the source line (with `liveBadge`, the stale or offline badge) and the notes. */
export function renderFoot(f: TimelineViewModel, liveBadge: unknown): TemplateResult {
  const locale = f.locale;
  const notes = dataNotes(f.data, locale);
  return html`<details class="figures" part="figures">
      <summary>${msg(locale, 'moreFigures')}</summary>
      <div class="summary" id="summary" part="summary">
        ${f.figures.sentences.map((s) => html`<p>${s}</p>`)}
      </div>
    </details>
    <p class="caption" part="caption">
      ${basisText(f)} ${msg(locale, 'timeZone', { zone: f.data.timeZone })}
      ${f.data.synthetic ? renderSyntheticBadge(locale) : nothing} ${liveBadge}
    </p>
    ${
      notes.length > 0
        ? html`<div class="notes">
            ${notes.map((n) => html`<p class="note" part="note ${n.part}">${n.text}</p>`)}
          </div>`
        : nothing
    }`;
}

/** The events marked on the timeline within the dates shown (of categories shown), or nothing. */
export function renderAnnotations(f: TimelineViewModel): TemplateResult | typeof nothing {
  const locale = f.locale;
  const list = f.data.annotations.filter(
    (an) => an.day >= f.a && an.day <= f.b && annotationShown(f, an.category),
  );
  if (list.length === 0) return nothing;
  return html`<details class="events" part="annotations">
    <summary>${msg(locale, 'annotations', { n: list.length })}</summary>
    <ol>
      ${list.map((an) => {
        const t = localizedText(an.title, locale) || an.id;
        return html`<li><time datetime=${isoFromDay(an.day)}>${dayText(an.day, locale)}</time> ${t}</li>`;
      })}
    </ol>
  </details>`;
}

/** What the "Data table" disclosure calls (Lit calls them with the element as `this`). */
export interface TableDisclosureHandlers {
  /** The disclosure opened or closed. */
  toggle: (e: Event) => void;
  /** The keyboard reached it (build the table now). */
  focusin: (e: Event) => void;
}

/** The "Data table" disclosure (`show-table` opens it) around `table`, the data-table twin. */
export function renderTableDisclosure(
  f: Pick<TimelineViewModel, 'locale'>,
  open: boolean,
  table: unknown,
  on: TableDisclosureHandlers,
): TemplateResult {
  return html`<details class="data" part="table" ?open=${open} @toggle=${on.toggle} @focusin=${on.focusin}>
    <summary>${msg(f.locale, 'showTable')}</summary>
    ${table}
  </details>`;
}
