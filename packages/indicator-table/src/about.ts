/**
 * How to read the table, one control away (core's description block, collapsed): what each column
 * is, how a score such as "1.7 / 2" or an area's "17.7 / 18" is computed, what the statuses mean,
 * where the data comes from and how fresh it is, and the keys. Also the keys in short, shown on
 * screen while a row has keyboard focus (core's key hint).
 */
import {
  aboutData,
  renderAbout,
  renderKeyHint,
  t,
  type Feed,
  type SupportedLocale,
} from '@safety-widgets/core';
import { html, type TemplateResult } from 'lit';
import { msg, type TableMessageKey } from './messages.js';
import { COLUMNS } from './row-template.js';

/**
 * The description block. Without a feed (loading) its data line says the data is loading, so the
 * block is in place before the rows come and nothing below it moves when they do.
 */
export function renderTableAbout(locale: SupportedLocale, feed: Feed | null): TemplateResult {
  return renderAbout({
    locale,
    title: msg(locale, 'about.title'),
    what: html`${msg(locale, 'about.what')}
      <ul class="about-columns">
        ${COLUMNS.map(
          (c) =>
            html`<li>
              <b>${msg(locale, c.label)}</b>${locale === 'zh-CN' ? '：' : ': '}${msg(
                locale,
                `explain.${c.key}` as TableMessageKey,
              )}
            </li>`,
        )}
      </ul>`,
    how: msg(locale, 'about.how'),
    data: feed ? aboutData(feed, locale) : t(locale, 'loading'),
    keys: msg(locale, 'about.keys'),
  });
}

/**
 * The keys in short, shown while a row has keyboard focus: under the table, and stuck to the bottom
 * of the screen while the table runs past it, so it stays in view in a long table.
 */
export function renderRowKeyHint(locale: SupportedLocale): TemplateResult {
  return html`<div class="key-hint-anchor">${renderKeyHint(msg(locale, 'keyHint'))}</div>`;
}
