/**
 * The description block every widget carries (Chartability's "explain how to read it"): collapsed
 * by default, one control away, and the same for every widget. It says what the figure is, how it
 * is computed, where the data comes from and how fresh it is, and the keyboard instructions — so a
 * sighted keyboard user, a slow reader and a screen-reader user all find them in the same place.
 *
 * @csspart about - The `<details>` block.
 * @csspart about-summary - Its "About this chart" control.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Feed } from '../feed/types.js';
import { formatDateTime, formatDate } from '../locale/format.js';
import { localizedText, t } from '../locale/messages.js';
import type { SupportedLocale } from '../locale/resolve.js';

export interface AboutModel {
  readonly locale: SupportedLocale;
  /** The control's text; defaults to "About this chart". */
  readonly title?: string;
  /** What the figure shows. */
  readonly what: unknown;
  /** How it is computed (the composite, grades, year-on-year, small bases…). */
  readonly how?: unknown;
  /** Where the data comes from and how fresh it is; `aboutData()` writes it from the feed. */
  readonly data: unknown;
  /** The keyboard instructions, or nothing for a widget with no keys of its own. */
  readonly keys?: unknown;
}

/** The description block. */
export function renderAbout(m: AboutModel): TemplateResult {
  const { locale } = m;
  const row = (key: 'about.what' | 'about.how' | 'about.data' | 'about.keys', body: unknown) =>
    body === undefined || body === nothing || body === ''
      ? nothing
      : html`<dt>${t(locale, key)}</dt>
          <dd>${body}</dd>`;
  return html`<details class="about" part="about">
    <summary part="about-summary">${m.title ?? t(locale, 'about.title')}</summary>
    <dl>
      ${row('about.what', m.what)}${row('about.how', m.how)}${row('about.data', m.data)}${row('about.keys', m.keys)}
    </dl>
  </details>`;
}

/**
 * Where a feed's data comes from and how fresh it is, in words: the source (and its publication
 * date), the time of the figures, how often they are updated, and whether any are synthetic.
 */
export function aboutData(feed: Feed, locale: SupportedLocale): TemplateResult {
  const s = feed.source;
  const name = localizedText(s.name, locale);
  const published = s.published ? formatDate(s.published, locale) : undefined;
  const every = Math.round(feed.expectedUpdateSeconds / 60);
  return html`${t(locale, 'source', { name })}${published ? ` (${published})` : nothing}.
  ${t(locale, 'about.asOf', { time: formatDateTime(feed.asOf, locale) })}
  ${every >= 1 ? t(locale, 'about.every', { n: every }) : nothing}
  ${feed.synthetic ? `${t(locale, 'synthetic')}.` : nothing}
  ${s.note ? localizedText(s.note, locale) : nothing}`;
}

/**
 * A line of keyboard instructions shown on screen while the chart it describes has keyboard focus
 * (`:focus-visible`), laid over the chart's bottom edge so nothing moves. Place it right after the
 * focusable element, inside a box with `position: relative`; it stays in the description block too.
 *
 * @csspart key-hint - The on-screen keyboard instructions.
 */
export function renderKeyHint(text: string): TemplateResult {
  return html`<p class="key-hint" part="key-hint" aria-hidden="true" data-interactive>${text}</p>`;
}

/** Styles of the description block and the keyboard hint; include them in the widget's `static styles`. */
export const aboutStyles = css`
  .about {
    font-size: var(--_font-size-sm);
    color: var(--_fg);
  }
  .about summary {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    min-block-size: 24px;
    cursor: pointer;
    color: var(--_accent);
  }
  @media (max-width: 480px) {
    .about summary {
      min-block-size: 44px;
    }
  }
  .about dl {
    margin: var(--_space-xs) 0 0;
    display: grid;
    gap: var(--_space-xs);
  }
  .about dt {
    font-weight: 600;
  }
  .about dd {
    margin: 0;
  }
  .key-hint {
    position: absolute;
    inset-inline-start: var(--_space-xs);
    inset-block-end: var(--_space-xs);
    z-index: 2;
    max-inline-size: calc(100% - 2 * var(--_space-xs));
    margin: 0;
    padding: 2px var(--_space-sm);
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_fg);
    font-size: var(--_font-size-sm);
    pointer-events: none;
    display: none;
  }
  :focus-visible ~ .key-hint {
    display: block;
  }
`;
