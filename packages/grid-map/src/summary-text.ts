/**
 * The map's text alternative (the element's `summary`), from the words its surface, table and live
 * region already use: the map's name (place and figure), the grids with the highest and the lowest
 * figure as the ranked list orders them, and how many grids have no data (never counted as 0).
 */
import type { SupportedLocale } from '@safety-widgets/core';
import { figureText } from './grid-text.js';
import { listFormat } from './legend.js';
import { metricText, type MapViewModel } from './map-view-model.js';
import { msg } from './messages.js';

/** At most this many grids are named for the highest or the lowest figure (ties share it). */
const NAMED = 3;

/** "Map of the grids of Yantian District, coloured by Cases. Highest: … (96). Lowest: … (3). 2 grids have no data." */
export function mapSummary(
  vm: Pick<MapViewModel, 'figures' | 'ranking' | 'names' | 'mode' | 'threshold' | 'def'>,
  locale: SupportedLocale,
  place: string,
): string {
  const zh = locale === 'zh-CN';
  const ranked = vm.ranking.filter((r) => r.rank !== undefined);
  const value = (index: number) => figureText(vm.figures[index]!, vm.mode, vm.threshold, locale);
  /** The grids sharing the figure of ranked grid `at` (the first or the last), named. */
  const sharing = (at: number, key: 'summaryHigh' | 'summaryLow') => {
    const shown = vm.figures[ranked[at]!.index]!.shown;
    const same = ranked.filter((r) => vm.figures[r.index]!.shown === shown);
    const names = same.slice(0, NAMED).map((r) => vm.names[r.index]!.text);
    const more = same.length - names.length;
    if (more > 0) names.push(msg(locale, 'summaryMore', { n: more }));
    return msg(locale, key, { grids: listFormat(names, locale), value: value(ranked[at]!.index) });
  };
  const parts = [`${msg(locale, 'mapLabel', { place, metric: metricText(vm, locale) })}${zh ? '。' : '.'}`];
  if (ranked.length > 0) parts.push(sharing(0, 'summaryHigh'));
  const lowest = ranked.length - 1;
  if (lowest > 0 && vm.figures[ranked[lowest]!.index]!.shown !== vm.figures[ranked[0]!.index]!.shown)
    parts.push(sharing(lowest, 'summaryLow'));
  const missing = vm.figures.filter((f) => !f.suppressed && f.shown === null).length;
  if (missing > 0) parts.push(msg(locale, 'summaryNoData', { n: missing }));
  return parts.join(zh ? '' : ' ');
}
