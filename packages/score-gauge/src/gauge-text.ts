/**
 * The gauge's words, from its model: the meter's name and value text, each area's accessible
 * name, the change with its sign and arrow, and the summary of the areas that moved the score.
 * Pure functions of the model and the locale.
 */
import {
  STATUS_CUES,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatSignedNumber,
  localizedText,
  type ChangeDirection,
  type SupportedLocale,
} from '@safety-widgets/core';
import type { GaugeArea, GaugeChange, GaugeModel } from './gauge-model.js';
import { gradeLabel, type Tone } from './grades.js';
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
  parts.push(model.change ? changeSentence(model.change, locale) : msg(locale, 'noEarlierValue'));
  return parts.join(locale === 'zh-CN' ? '，' : ', ');
}

/**
 * The meter's accessible name with its reading: "Safety index, Yantian District: 92.4 of 100,
 * good, up 1.2 on last month" / "盐田区安全指数：92.4（满分100），良好，较上月上升1.2".
 *
 * The reading is in the name, not only in `aria-valuetext`: Chromium (156) does not pass
 * `aria-valuetext` of any range role (meter, progressbar, slider, spinbutton, nor a native
 * `<meter>`) into its accessibility tree, so a screen reader there hears the bare number (see
 * docs/accessibility/score-gauge.md). `aria-valuetext` keeps only "92.4 of 100", so a browser that
 * does pass it repeats no more than the number.
 */
export function meterName(model: GaugeModel, locale: SupportedLocale): string {
  const reading = valueText(model, locale);
  const label = meterLabel(model, locale);
  return reading === null ? label : msg(locale, 'meterName', { label, reading });
}

/** "92.4 of 100" / "92.4（满分100）": the meter's `aria-valuetext`. Null when there is no value. */
export function valueOfText(model: GaugeModel, locale: SupportedLocale): string | null {
  return model.rounded === null
    ? null
    : msg(locale, 'valueOf', { value: formatScore(model.rounded, locale) });
}

/** "10.5 of 12 points" / "10.5分（满分12分）". */
export function pointsText(area: Pick<GaugeArea, 'score' | 'max'>, locale: SupportedLocale): string {
  return msg(locale, 'points', {
    score: formatPoints(area.score, locale),
    max: formatPoints(area.max, locale),
  });
}

/**
 * An area segment's accessible name, with its grade in words: "Fire safety: 10.5 of 12 points,
 * excellent"; "Fire safety: no data" when none of its indicators could be scored (never
 * "0 of 12 points").
 */
export function areaLabel(area: GaugeArea, locale: SupportedLocale): string {
  const params = {
    area: name(area.name, locale),
    score: formatPoints(area.score, locale),
    max: formatPoints(area.max, locale),
  };
  if (area.index === null) return msg(locale, 'areaNoData', params);
  if (area.grade === null) return msg(locale, 'areaPoints', params);
  return msg(locale, 'areaGraded', { ...params, grade: gradeInSentence(area.grade, locale) });
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

/**
 * An area's share of the change: "+0.4 of the change on last month"; "No earlier figure to
 * compare with" when none of its indicators has one (not "+0.0"); null without a change.
 */
export function contributionText(
  area: GaugeArea,
  change: GaugeChange | null,
  locale: SupportedLocale,
): string | null {
  if (!change) return null;
  if (area.contribution === null) return msg(locale, 'areaNoEarlier');
  return msg(locale, 'contribution', {
    delta: formatChange(area.contribution, locale),
    period: periodText(change.period, locale),
  });
}

/** "As of Dec 4, 2017, 9:00 AM" in the place's time zone. */
export function asOfText(model: GaugeModel, locale: SupportedLocale): string {
  return msg(locale, 'asOf', { time: formatDateTime(model.asOf, locale, model.timeZone) });
}

/** The year of an instant in a time zone (the browser's when unknown or invalid). */
function yearIn(time: number, timeZone: string | undefined): string {
  try {
    return new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(time);
  } catch {
    return new Intl.DateTimeFormat('en', { year: 'numeric' }).format(time);
  }
}

/**
 * The time of the data in few enough characters for one line of the compact layout: day and
 * time in the current year ("Dec 7, 11:54 PM" / "12月7日 23:54"), the date alone for an older
 * one ("Dec 4, 2017" / "2017年12月4日"), both in the place's time zone. `now` in ms.
 */
export function compactTime(
  asOf: string,
  now: number,
  locale: SupportedLocale,
  timeZone: string | undefined,
): string {
  const time = Date.parse(asOf);
  const thisYear = Number.isFinite(time) && yearIn(time, timeZone) === yearIn(now, timeZone);
  return formatDateTime(
    asOf,
    locale,
    timeZone,
    thisYear
      ? {
          month: 'short',
          day: 'numeric',
          hour: locale === 'zh-CN' ? '2-digit' : 'numeric',
          minute: '2-digit',
        }
      : { dateStyle: 'medium' },
  );
}

/** The change against nothing: "No earlier figure" (never an arrow, never 0). */
export function noEarlierText(locale: SupportedLocale): string {
  return msg(locale, 'noEarlier');
}

/**
 * "Compared where there is an earlier figure: 14 of 56 indicators." when some scored
 * indicators have no earlier figure (they are left out of the change); null otherwise.
 */
export function comparedNote(change: GaugeChange | null, locale: SupportedLocale): string | null {
  if (!change || change.notCompared <= 0) return null;
  return msg(locale, 'comparedPart', { compared: change.compared, n: change.compared + change.notCompared });
}

/** One entry of the ring's key: a grade's tone, its glyph, and "8 excellent" / "优秀8个". */
export interface GradeKeyItem {
  tone: Tone | null;
  glyph: string;
  text: string;
}

/** The ring's key: how many areas are in each grade, in words beside each colour. */
export function gradeKey(model: GaugeModel, locale: SupportedLocale): GradeKeyItem[] {
  return model.gradeCounts.map(({ grade, tone, count }) => ({
    tone: grade === null ? null : tone,
    glyph: STATUS_CUES[grade === null ? 'no-data' : (tone ?? 'fair')].icon,
    text:
      grade === null
        ? msg(locale, 'gradeKeyNoData', { n: count })
        : msg(locale, 'gradeKeyItem', { n: count, grade: gradeInSentence(grade, locale) }),
  }));
}

/** At most this many areas are listed in the summary; the rest are counted. */
export const MAX_MOVERS = 4;

/** The summary of what moved the score. */
export interface MoversSummary {
  /** The lead sentence, or the whole summary when nothing is listed. */
  lead: string;
  /** At most `MAX_MOVERS` rows: the largest movers, the last one giving way to `more` when some are left out. */
  items: { id: string; name: string; delta: string; direction: ChangeDirection }[];
  /** "2 more areas changed slightly." when some were left out. */
  more: string | null;
  /** Which indicators the change compares, when not all: see `comparedNote`. */
  compared: string | null;
}

/** Which areas moved the score (from the scoring's change contributions), largest first. */
export function moversSummary(model: GaugeModel, locale: SupportedLocale): MoversSummary {
  const change = model.change;
  if (!change) return { lead: msg(locale, 'noChange'), items: [], more: null, compared: null };
  const period = periodText(change.period, locale);
  const compared = comparedNote(change, locale);
  if (change.movers.length === 0)
    return { lead: msg(locale, 'moversNone', { period }), items: [], more: null, compared };
  // Rows stay at MAX_MOVERS (the summary's height is reserved while loading): with more movers
  // than that, the last row says how many more there are.
  const listed = change.movers.slice(0, change.movers.length > MAX_MOVERS ? MAX_MOVERS - 1 : MAX_MOVERS);
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
    compared,
  };
}

/** Coverage below this gets a visible note (scoring leaves unscored weight out of the index). */
export const LOW_COVERAGE = 0.9;

/** "Based on 85% of the indicator weight…" when coverage is low, else null. */
export function coverageNote(model: GaugeModel, locale: SupportedLocale): string | null {
  if (model.coverage === null || model.coverage >= LOW_COVERAGE) return null;
  return msg(locale, 'lowCoverage', { share: formatPercent(model.coverage, locale) });
}

/**
 * What a live update changed, for the widget's announcer: "Safety index now 95.2, up 0.1." /
 * "安全指数现为95.2，上升0.1。", or "… now 79.8, good." when only the grade moved. Undefined when the
 * shown value and grade are the same (nothing the reader could perceive changed) or either has no value.
 */
export function liveChangeText(
  before: GaugeModel,
  after: GaugeModel,
  locale: SupportedLocale,
): string | undefined {
  if (before.rounded === null || after.rounded === null) return undefined;
  const title = titleText(after, locale);
  const value = formatScore(after.rounded, locale);
  const delta = Math.round((after.rounded - before.rounded) * 10) / 10;
  if (delta !== 0) {
    return msg(locale, delta > 0 ? 'liveUp' : 'liveDown', {
      title,
      value,
      delta: formatScore(Math.abs(delta), locale),
    });
  }
  if (after.grade !== null && after.grade !== before.grade) {
    return msg(locale, 'liveGrade', { title, value, grade: gradeInSentence(after.grade, locale) });
  }
  return undefined;
}

/**
 * The gauge's text alternative (the element's `summary`): the meter's name with its reading, what
 * moved the score, and the coverage note: "Safety index, Yantian District: 92.4 of 100, good, up
 * 1.2 on last month. What moved the score on last month: Fire safety +0.4, Public order −0.2." A
 * model with no value is "…: no data".
 */
export function gaugeSummary(model: GaugeModel, locale: SupportedLocale, noData: string): string {
  const zh = locale === 'zh-CN';
  const stop = zh ? '。' : '.';
  if (model.rounded === null) return `${meterLabel(model, locale)}${zh ? '：' : ': '}${noData}${stop}`;
  const movers = moversSummary(model, locale);
  const items = movers.items.map((m) => `${m.name} ${m.delta}`).join(zh ? '，' : ', ');
  return [
    `${meterName(model, locale)}${stop}`,
    items ? `${movers.lead}${zh ? '' : ' '}${items}${stop}` : movers.lead,
    movers.more,
    movers.compared,
    coverageNote(model, locale),
  ]
    .filter(Boolean)
    .join(zh ? '' : ' ');
}
