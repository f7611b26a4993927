/**
 * The indicator table's own UI strings and `msg()` to fill them in; the strings themselves are in
 * ./messages/<locale>.ts, loaded per language by core's `defineMessages` (a page downloads its own
 * language; the widget waits for it before it renders). The shared strings (loading, errors,
 * stale…) come from core's `t()`.
 */
import { defineMessages, type SupportedLocale } from '@safety-widgets/core';
import type en from './messages/en.js';

/** A message key of the indicator table. */
export type TableMessageKey = keyof typeof en;

/** The widget's own texts, per language (its element waits for them: `static texts`). */
export const TABLE_TEXTS = defineMessages<TableMessageKey>('indicator-table', {
  en: () => import('./messages/en.js'),
  'zh-CN': () => import('./messages/zh-CN.js'),
});

/**
 * A table string in `locale` with its `{placeholders}` filled in (numbers formatted for the
 * locale; a plural message picks its form from `n` by the locale's plural rules, through core's
 * `formatMessage`). A placeholder without a value stays visible as `{name}`.
 *
 * Units from the feed are never put after a number in running text, where a count noun would have
 * to agree with it ("1 incidents"); they are written as a label ("Unit: incidents").
 *
 * @example msg('en', 'count', { shown: 3, n: 56 }) // 'Showing 3 of 56 indicators'
 * @example msg('en', 'count', { shown: 1, n: 1 }) // 'Showing 1 of 1 indicator'
 */
export function msg(
  locale: SupportedLocale,
  key: TableMessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return TABLE_TEXTS.text(locale, key, params);
}
