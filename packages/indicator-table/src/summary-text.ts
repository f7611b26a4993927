/**
 * The table's text alternative (the element's `summary`), in the words the table already shows:
 * its caption and date, the count of indicators shown, and how many of them have each status
 * ("Target met: 40, Target not met: 10, No data: 6"; an indicator without a value is "No data",
 * never 0).
 */
import { formatDate, localizedText, type Feed, type SupportedLocale } from '@safety-widgets/core';
import { statusLabel } from './csv.js';
import { msg } from './messages.js';
import { ROW_STATUSES, type IndicatorRow } from './table-model.js';

/** "Yantian District: safety indicators, as of Dec 4, 2017. Showing 56 of 56 indicators. Target met: 40, …". */
export function tableSummary(
  feed: Feed,
  rows: readonly IndicatorRow[],
  total: number,
  locale: SupportedLocale,
): string {
  const zh = locale === 'zh-CN';
  const stop = zh ? '。' : '.';
  const place = localizedText(feed.place.name, locale);
  const date = formatDate(feed.asOf, locale, feed.place.timeZone);
  const statuses = ROW_STATUSES.map((status) => ({
    status,
    n: rows.reduce((n, r) => n + (r.status === status ? 1 : 0), 0),
  }))
    .filter((s) => s.n > 0)
    .map((s) => msg(locale, 'statusCount', { status: statusLabel(s.status, locale), n: s.n }));
  return [
    `${msg(locale, 'caption', { place })}${zh ? '，' : ', '}${msg(locale, 'asOf', { date })}${stop}`,
    `${msg(locale, 'count', { shown: rows.length, n: total })}${stop}`,
    statuses.length > 0 ? `${statuses.join(zh ? '，' : ', ')}${stop}` : '',
  ]
    .filter(Boolean)
    .join(zh ? '' : ' ');
}
