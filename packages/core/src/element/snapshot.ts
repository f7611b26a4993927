/**
 * A widget as a still picture of itself: `snapshot` mode (an image rendered by a feed service, for
 * articles, newsletters and print) and the printed page share one set of rules, written here once.
 *
 * Widgets mark what only makes sense to a reader at a screen with `data-interactive` (toolbars,
 * buttons, zoom and reset, tooltips, key hints, stale and offline badges), and a box that scrolls
 * with `data-scroll`. In snapshot mode and in print, marked elements, every `<summary>` and every
 * closed `<details>` (its summary is all it shows) are not drawn, scroll boxes show all they hold,
 * nothing moves, and a line under the widget says where the data comes from and how recent it is
 * (`footerText`).
 *
 * @csspart footer - The source and time of the data, shown in snapshot mode and in print only.
 */
import { css, html, type TemplateResult } from 'lit';
import type { Feed } from '../feed/types.js';
import { formatDateTime } from '../locale/format.js';
import { localizedText, t } from '../locale/messages.js';
import type { SupportedLocale } from '../locale/resolve.js';

/**
 * The footer line: "Source: {the feed's `source.name`} · Data as of {`asOf`, date and time in the
 * place's time zone}" (zh-CN: "来源：… · 数据截至 …"). A feed whose source has no name is named by
 * its place, with "Sample data, partly synthetic" when the feed says it is synthetic.
 */
export function footerText(feed: Feed, locale: SupportedLocale): string {
  let source = localizedText(feed.source?.name, locale).trim();
  if (!source) {
    const place = localizedText(feed.place?.name, locale).trim();
    source = feed.synthetic ? `${place} (${t(locale, 'synthetic')})` : place;
  }
  const time = formatDateTime(feed.asOf, locale, feed.place?.timeZone);
  return t(locale, 'footer', { source, time });
}

/** The footer line (`part="footer"`), drawn under every widget with data; seen only in snapshot mode and print. */
export function renderFooter(feed: Feed, locale: SupportedLocale): TemplateResult {
  return html`<p class="footer-line" part="footer">${footerText(feed, locale)}</p>`;
}

/** Text as one plain line: control characters (new lines, tabs…) and runs of white space become one space. */
export function plainText(text: string): string {
  return text.replace(/[\p{Cc}\s]+/gu, ' ').trim();
}

/** What is hidden in a still picture. */
const HIDDEN = css`
  display: none !important;
`;

/** What a scroll box does in a still picture: shows all it holds (a row that scrolled sideways wraps). */
const EXPANDED = css`
  overflow: visible !important;
  max-block-size: none !important;
  flex-wrap: wrap !important;
`;

/** The rules of snapshot mode and print; part of every widget's styles (see SafetyElement). */
export const snapshotStyles = css`
  .footer-line {
    display: none;
    margin: 0;
    padding: var(--_space-xs) var(--_space-md);
    color: var(--_muted);
    font-size: var(--_font-size-sm);
  }

  :host([snapshot]) {
    --_motion: 0ms;
  }
  :host([snapshot]) *,
  :host([snapshot]) ::before,
  :host([snapshot]) ::after {
    animation: none !important;
    transition: none !important;
  }
  :host([snapshot]) [data-interactive],
  :host([snapshot]) summary,
  :host([snapshot]) details:not([open]) {
    ${HIDDEN}
  }
  :host([snapshot]) [data-scroll] {
    ${EXPANDED}
  }
  :host([snapshot]) .footer-line {
    display: block;
  }

  @media print {
    :host {
      --_motion: 0ms;
      /* Not clipped at a page's end: the widget breaks across pages like the page's own content. */
      contain: none;
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    *,
    ::before,
    ::after {
      animation: none !important;
      transition: none !important;
    }
    [data-interactive],
    summary,
    details:not([open]) {
      ${HIDDEN}
    }
    [data-scroll] {
      ${EXPANDED}
    }
    .footer-line {
      display: block;
    }
    /* Sort arrows are for a reader who can sort. */
    .sort-icon {
      display: none;
    }
    tr,
    li {
      break-inside: avoid;
    }
  }
`;
