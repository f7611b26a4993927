/**
 * The grid map's own UI strings and `msg()` to fill them in; the strings themselves are in
 * ./messages/<locale>.ts, loaded per language by core's `defineMessages` (a page downloads its own
 * language; the widget waits for it before it renders). The shared strings (loading, errors,
 * stale…) come from core's `t()`.
 */
import { defineMessages, type SupportedLocale } from '@safety-widgets/core';
import type en from './messages/en.js';

/** A message key of the grid map. */
export type MessageKey = keyof typeof en;

/** The widget's own texts, per language (its element waits for them: `static texts`). */
export const MAP_TEXTS = defineMessages<MessageKey>('grid-map', {
  en: () => import('./messages/en.js'),
  'zh-CN': () => import('./messages/zh-CN.js'),
});

/** True when the catalogue has a label for grid metric `key` (`metric.<key>`). */
export function hasMetricLabel(locale: SupportedLocale, key: string): boolean {
  return MAP_TEXTS.has(locale, `metric.${key}`);
}

/**
 * A grid-map string in `locale` with its `{placeholders}` filled in (numbers formatted for the
 * locale; a plural message picks its form from `n` by the locale's plural rules, through core's
 * `formatMessage`). A placeholder without a value stays visible as `{name}`.
 */
export function msg(
  locale: SupportedLocale,
  key: MessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return MAP_TEXTS.text(locale, key, params);
}
