/**
 * The words of the map's description block (core's renderAbout): what it shows (the figure, its
 * classes and their ranges, no data and hidden counts, the point layers), how the classes are
 * chosen and what a rate and a rank are, and the keys. Pure, so every sentence is unit-tested.
 */
import type { SupportedLocale } from '@safety-widgets/core';
import { msg } from './messages.js';

/** Which rule chose the class breaks (see `metricClasses` in ./classes.ts). */
export type BreaksRule = 'page' | 'known' | 'auto' | 'values';

export interface MapAboutInput {
  readonly locale: SupportedLocale;
  readonly place: string;
  /** The figure as the legend names it. */
  readonly metric: string;
  /** How many grids are drawn. */
  readonly grids: number;
  /** The legend's ranges, in order ("0–49", "50–99"…). */
  readonly ranges: readonly string[];
  readonly rule: BreaksRule;
  readonly perTenK: boolean;
  /** Some grid has no data / a suppressed count (the sentence is said only then). */
  readonly hasNoData: boolean;
  readonly hasSuppressed: boolean;
  readonly threshold: number;
  /** The feed's point layers by name (none: no sentence about them). */
  readonly layers: readonly string[];
  /** The table's button text, as the reader sees it. */
  readonly tableButton: string;
  /** Joins names as a list in the locale ("a, b and c"). */
  readonly list: (items: readonly string[]) => string;
}

export interface MapAbout {
  readonly what: string;
  readonly how: string;
  readonly keys: string;
}

const RULE_KEY = {
  page: 'aboutBreaksPage',
  known: 'aboutBreaksKnown',
  auto: 'aboutBreaksAuto',
  values: 'aboutBreaksValues',
} as const;

export function mapAbout(a: MapAboutInput): MapAbout {
  const { locale } = a;
  const join = (parts: readonly string[]) => parts.filter(Boolean).join(locale === 'zh-CN' ? '' : ' ');
  const what = join([
    a.ranges.length > 0
      ? msg(locale, 'aboutWhat', {
          n: a.grids,
          place: a.place,
          metric: a.metric,
          classes: msg(locale, 'aboutClasses', { n: a.ranges.length }),
          ranges: a.list(a.ranges),
        })
      : '',
    a.hasNoData || a.ranges.length === 0 ? msg(locale, 'aboutNoData') : '',
    a.hasSuppressed ? msg(locale, 'aboutSuppressed', { n: a.threshold }) : '',
    a.layers.length > 0 ? msg(locale, 'aboutPoints', { names: a.list(a.layers) }) : '',
  ]);
  const how = join([
    msg(locale, RULE_KEY[a.rule]),
    a.perTenK ? msg(locale, 'aboutRate') : '',
    msg(locale, 'aboutRank', { table: a.tableButton }),
  ]);
  return { what, how, keys: msg(locale, 'aboutKeys', { keys: msg(locale, 'mapHelp') }) };
}
