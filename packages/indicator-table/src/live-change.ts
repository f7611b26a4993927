/**
 * What a live update changed in the rows the reader can see, in words for the shared announcer (at
 * most one announcement per 5 s, see core's Announcer): "Fires now 4 incidents." for one indicator,
 * "3 indicators changed, among them Fires, now 4 incidents." for more. Rows filtered out, and changes
 * that leave a value as it was, are not said; a value that became missing says "no data".
 */
import { localizedText, type Feed, type SupportedLocale } from '@safety-widgets/core';
import { formatValue } from './format.js';
import { msg } from './messages.js';

const same = (a: number | null | undefined, b: number | null | undefined) =>
  (a ?? null) === (b ?? null) || (Number.isNaN(a) && Number.isNaN(b));

export function liveChangeText(
  previous: Feed,
  next: Feed,
  locale: SupportedLocale,
  shown: ReadonlySet<string>,
): string | undefined {
  const before = new Map(previous.indicators.map((i) => [i.id, i.value]));
  const changed = next.indicators.filter(
    (i) => shown.has(i.id) && before.has(i.id) && !same(before.get(i.id), i.value),
  );
  const first = changed[0];
  if (!first) return undefined;
  const name = localizedText(first.name, locale);
  const value =
    typeof first.value === 'number'
      ? formatValue(first.value, first.unit, locale)
      : msg(locale, 'live.noData');
  return changed.length === 1
    ? msg(locale, 'live.one', { name, value })
    : msg(locale, 'live.many', { n: changed.length, name, value });
}
