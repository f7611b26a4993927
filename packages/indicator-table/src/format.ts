/**
 * How the table writes numbers: values with their unit (from the feed), targets with the way
 * that is better, scores out of the weight. Numbers go through core's Intl formatting.
 */
import {
  NO_VALUE,
  formatNumber,
  localizedText,
  type LocalizedText,
  type SupportedLocale,
} from '@safety-widgets/core';
import { msg } from './messages.js';

/** Units written straight after the number, in every column (`98%`). */
const SHORT_UNITS = new Set(['%', '‰', '‱', '°', '℃']);

/** The unit text in `locale` (trimmed), or `''`. */
export function unitText(unit: LocalizedText | null | undefined, locale: SupportedLocale): string {
  return localizedText(unit, locale).trim();
}

/** True for units such as `%` that are written straight after every number. */
export function isShortUnit(unit: string): boolean {
  return SHORT_UNITS.has(unit);
}

/** A number in the locale's style (at most 3 decimals), or `—` when missing. */
export function formatPlain(value: number | null | undefined, locale: SupportedLocale): string {
  return formatNumber(value, locale, { maximumFractionDigits: 3 });
}

/**
 * A value with its unit: `225 alerts`, `225起` (Chinese units follow the number without a
 * space), `98%`; a missing value is `—` without a unit. The unit is written as the feed gives it,
 * so an English count noun does not agree with the number (`1 incidents`): the table itself
 * writes numbers with `formatCompact` and the unit apart, as a label (`unitLabel`).
 */
export function formatValue(
  value: number | null | undefined,
  unit: LocalizedText | null | undefined,
  locale: SupportedLocale,
): string {
  const n = formatPlain(value, locale);
  if (n === NO_VALUE) return n;
  const u = unitText(unit, locale);
  if (!u) return n;
  if (isShortUnit(u) || (locale === 'zh-CN' && /^[\u3400-\u9fff]/.test(u))) return `${n}${u}`;
  return `${n} ${u}`;
}

/** A number with the unit only when it is a short one (`98%`, but `300` for "alerts"): targets and averages. */
export function formatCompact(
  value: number | null | undefined,
  unit: LocalizedText | null | undefined,
  locale: SupportedLocale,
): string {
  const n = formatPlain(value, locale);
  const u = unitText(unit, locale);
  return n !== NO_VALUE && isShortUnit(u) ? `${n}${u}` : n;
}

/** Points with at most one decimal (`2.1`), or `—`. */
export function formatPoints(value: number | null | undefined, locale: SupportedLocale): string {
  return formatNumber(value, locale, { maximumFractionDigits: 1 });
}

/**
 * The unit as a label, `Unit: incidents` / `单位：起`, for units that are not written after every
 * number (see `formatCompact`); `''` for a short unit such as `%` or no unit. A label needs no
 * agreement with a number, unlike `1 incidents`.
 */
export function unitLabel(unit: LocalizedText | null | undefined, locale: SupportedLocale): string {
  const u = unitText(unit, locale);
  return u && !isShortUnit(u) ? msg(locale, 'unit', { unit: u }) : '';
}
