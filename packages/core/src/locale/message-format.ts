/**
 * Filling in a message: plural forms by the locale's rules, `{placeholders}` with numbers formatted
 * for the locale. Used by every package's strings (see ./catalogue.ts).
 */
import { formatNumber } from './format.js';
import type { SupportedLocale } from './resolve.js';

/** A message: plain text, or plural forms chosen by the `n` parameter (Intl.PluralRules). */
export type Message = string | PluralMessage;

/** Plural forms by `Intl.PluralRules` category; `other` is required and is the fallback. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const pluralRules = new Map<SupportedLocale, Intl.PluralRules>();
function pluralCategory(locale: SupportedLocale, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(n);
}

/**
 * A message in `locale` with its `{placeholders}` filled in: the one helper behind every widget's
 * strings. Numbers are formatted for the locale; a plural message picks its form from `n` by the
 * locale's `Intl.PluralRules` (falling back to `other`). A placeholder with no value stays visible
 * as `{name}` rather than disappearing. Values are inserted as text.
 *
 * @example formatMessage('en', { one: '{n} case', other: '{n} cases' }, { n: 1 }) // '1 case'
 */
export function formatMessage(
  locale: SupportedLocale,
  message: Message,
  values: Readonly<Record<string, string | number>> = {},
): string {
  let text: string;
  if (typeof message === 'string') {
    text = message;
  } else {
    const n = values.n;
    text = (typeof n === 'number' ? message[pluralCategory(locale, n)] : undefined) ?? message.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = values[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(v, locale) : v;
  });
}
