/**
 * The gauge's own UI strings and `msg()` to fill them in; the strings themselves are in
 * ./messages/<locale>.ts, loaded per language by core's `defineMessages` (a page downloads its own
 * language; the widget waits for it before it renders). The shared strings (loading, errors,
 * stale…) come from core's `t()`.
 */
import { defineMessages, type SupportedLocale } from '@safety-widgets/core';
import type en from './messages/en.js';

/** A message key of the gauge. */
export type GaugeMessageKey = keyof typeof en;

/** The widget's own texts, per language (its element waits for them: `static texts`). */
export const GAUGE_TEXTS = defineMessages<GaugeMessageKey>('score-gauge', {
  en: () => import('./messages/en.js'),
  'zh-CN': () => import('./messages/zh-CN.js'),
});

/**
 * A gauge string in `locale` with its `{placeholders}` filled in (numbers formatted for the
 * locale; a plural message picks its form from `n` by the locale's plural rules, through core's
 * `formatMessage`). A placeholder without a value stays visible as `{name}`.
 */
export function msg(
  locale: SupportedLocale,
  key: GaugeMessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return GAUGE_TEXTS.text(locale, key, params);
}
