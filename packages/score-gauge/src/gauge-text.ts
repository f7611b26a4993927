/**
 * The gauge's words, from its model: the meter's name and value text, each area's accessible
 * name, the change with its sign and arrow, and the summary of the areas that moved the score.
 * Pure functions of the model and the locale.
 */
import {
  formatDateTime,
  formatNumber,
  formatPercent,
  formatSignedNumber,
  localizedText,
  type ChangeDirection,
  type SupportedLocale,
} from '@safety-widgets/core';
import type { GaugeArea, GaugeChange, GaugeModel } from './gauge-model.js';
import { gradeLabel } from './grades.js';
import { msg } from './messages.js';
import type { ComparisonPeriod } from './period.js';

const ONE_DECIMAL: Intl.NumberFormatOptions = { minimumFractionDigits: 1, maximumFractionDigits: 1 };

/** A score with one decimal: `98.6`. */
export function formatScore(value: number | null, locale: SupportedLocale): string {
  return formatNumber(value, locale, ONE_DECIMAL);
}

/** Points: one decimal at most, none for whole numbers (`12`, `10.5`). */
export function formatPoints(value: number, locale: SupportedLocale): string {
  return formatNumber(Math.round(value * 10) / 10, locale, { maximumFractionDigits: 1 });
}

/** A change with its sign, one decimal, U+2212 for minus: `+3.2`, `−0.4`, `0.0`. */
export function formatChange(delta: number, locale: SupportedLocale): string {
  return formatSignedNumber(Math.round(delta * 10) / 10, locale, ONE_DECIMAL);
}

/** The arrow shown with a change: ▲ up, ▼ down, ▶ flat (always with the signed number as text). */
export function changeArrow(direction: ChangeDirection): string {
  return direction === 'up' ? '▲' : direction === 'down' ? '▼' : '▶';
}

/** The direction of an area's contribution at one decimal. */
export function contributionDirection(delta: number): ChangeDirection {
  const rounded = Math.round(delta * 10) / 10;
  return rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'flat';
}

/** "last month" / "上月". */
export function periodText(period: ComparisonPeriod, locale: SupportedLocale): string {
  return msg(locale, `period.${period}`);
}

/** Name of the area or place for `locale`, falling back to the other language. */
const name = (text: Parameters<typeof localizedText>[0], locale: SupportedLocale) =>
  localizedText(text, locale);

/** The title above the gauge: "Safety index" or "Fire safety index". */
export function titleText(model: GaugeModel, locale: SupportedLocale): string {
  return model.area
    ? msg(locale, 'areaTitle', { area: name(model.area.name, locale) })
    : msg(locale, 'title');
}

/** The meter's accessible name: "Safety index, Yantian District" / "盐田区安全指数". */
export function meterLabel(model: GaugeModel, locale: SupportedLocale): string {
  const place = name(model.place, locale);
  return model.area
    ? msg(locale, 'areaMeterLabel', { area: name(model.area.name, locale), place })
    : msg(locale, 'meterLabel', { place });
}

/** A grade as a word in a sentence: lower case for the default English grades. */
function gradeInSentence(grade: string, locale: SupportedLocale): string {
  const label = gradeLabel(grade, locale);
  return locale === 'en' && label !== grade ? label.toLowerCase() : label;
}

/** "up 1.2 on last month" / "较上月上升1.2". */
export function changeSentence(change: GaugeChange, locale: SupportedLocale): string {
  const period = periodText(change.period, locale);
  const size = formatScore(Math.abs(change.rounded), locale);
  if (change.direction === 'flat' || change.rounded === 0) return msg(locale, 'changeFlat', { period });
  return msg(locale, change.direction === 'up' ? 'changeUp' : 'changeDown', { delta: size, period });
}

/**
 * The meter's `aria-valuetext`: "92.4 of 100, good, up 1.2 on last month" /
 * "92.4（满分100），良好，较上月上升1.2". Null when there is no value.
 */
export function valueText(model: GaugeModel, locale: SupportedLocale): string | null {
  if (model.rounded === null) return null;
  const parts = [msg(locale, 'valueOf', { value: formatScore(model.rounded, locale) })];
  if (model.grade !== null) parts.push(gradeInSentence(model.grade, locale));
  if (model.change) parts.push(changeSentence(model.change, locale));
  return parts.join(locale === 'zh-CN' ? '，' : ', ');
}

/** "10.5 of 12 points" / "10.5分（满分12分）". */
export function pointsText(area: Pick<GaugeArea, 'score' | 'max'>, locale: SupportedLocale): string {
  return msg(locale, 'points', {
    score: formatPoints(area.score, locale),
    max: formatPoints(area.max, locale),
  });
}

/** An area segment's accessible name: "Fire safety: 10.5 of 12 points". */
export function areaLabel(area: GaugeArea, locale: SupportedLocale): string {
  return msg(locale, 'areaPoints', {
    area: name(area.name, locale),
    score: formatPoints(area.score, locale),
    max: formatPoints(area.max, locale),
  });
}

/** "Area index 98.4" or that none could be computed. */
export function areaIndexText(area: GaugeArea, locale: SupportedLocale): string {
  return area.index === null
    ? msg(locale, 'areaIndexNone')
    : msg(locale, 'areaIndex', { index: formatScore(area.index, locale) });
}

/** "4 of 5 targets met". */
export function targetsText(area: GaugeArea, locale: SupportedLocale): string {
  return msg(locale, 'targetsMet', { met: area.met, n: area.indicatorCount });
}

/** An area's share of the change: "+0.4 of the change on last month"; null without a change. */
export function contributionText(
  area: GaugeArea,
  change: GaugeChange | null,
  locale: SupportedLocale,
): string | null {
  if (area.contribution === null || !change) return null;
  return msg(locale, 'contribution', {
    delta: formatChange(area.contribution, locale),
    period: periodText(change.period, locale),
  });
}

/** "As of Dec 4, 2017, 9:00 AM" in the place's time zone. */
export function asOfText(model: GaugeModel, locale: SupportedLocale): string {
  return msg(locale, 'asOf', { time: formatDateTime(model.asOf, locale, model.timeZone) });
}

/** At most this many areas are listed in the summary; the rest are counted. */
export const MAX_MOVERS = 4;

/** The summary of what moved the score. */
export interface MoversSummary {
  /** The lead sentence, or the whole summary when nothing is listed. */
  lead: string;
  items: { id: string; name: string; delta: string; direction: ChangeDirection }[];
  /** "2 more areas changed slightly." when some were left out. */
  more: string | null;
}

/** Which areas moved the score (from the scoring's change contributions), largest first. */
export function moversSummary(model: GaugeModel, locale: SupportedLocale): MoversSummary {
  const change = model.change;
  if (!change) return { lead: msg(locale, 'noChange'), items: [], more: null };
  const period = periodText(change.period, locale);
  if (change.movers.length === 0)
    return { lead: msg(locale, 'moversNone', { period }), items: [], more: null };
  const listed = change.movers.slice(0, MAX_MOVERS);
  const rest = change.movers.length - listed.length;
  return {
    lead: msg(locale, 'moversTitle', { period }),
    items: listed.map((m) => ({
      id: m.id,
      name: name(m.name, locale),
      delta: formatChange(m.delta, locale),
      direction: contributionDirection(m.delta),
    })),
    more: rest > 1 ? msg(locale, 'moreMovers', { n: rest }) : rest === 1 ? msg(locale, 'moreMover') : null,
  };
}

/** Coverage below this gets a visible note (scoring leaves unscored weight out of the index). */
export const LOW_COVERAGE = 0.9;

/** "Based on 85% of the indicator weight…" when coverage is low, else null. */
export function coverageNote(model: GaugeModel, locale: SupportedLocale): string | null {
  if (model.coverage === null || model.coverage >= LOW_COVERAGE) return null;
  return msg(locale, 'lowCoverage', { share: formatPercent(model.coverage, locale) });
}
