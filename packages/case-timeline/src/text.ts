/**
 * Words for what the timeline shows: period labels, date ranges, changes on a year earlier
 * and the summary sentences ("Fraud alerts: 225 in the first half of 2017, down 46% on a year
 * earlier."). Pure functions of the data and the locale (Intl through core's formatters).
 */
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatSignedNumber,
  localizedText,
  NO_VALUE,
  type SupportedLocale,
} from '@safety-widgets/core';
import { DAY_MS, dayFromYmd, ymdFromDay, yearEarlier, type Interval } from './dates.js';
import { msg } from './messages.js';
import { windowCovered, windowSum, type TimelineCategory, type TimelineData } from './timeline-data.js';
import { yearChange, type YearChange } from './yoy.js';

/** A day as a date: `Mar 15, 2017` / `2017年3月15日`. */
export function dayText(day: number, locale: SupportedLocale): string {
  return formatDate(day * DAY_MS, locale, 'UTC');
}

/** A month: `March 2017` / `2017年3月`. */
export function monthText(day: number, locale: SupportedLocale): string {
  return formatDate(day * DAY_MS, locale, 'UTC', { year: 'numeric', month: 'long' });
}

function monthOnly(day: number, locale: SupportedLocale): string {
  // zh-CN's long month is 十一月; 11月 matches the 2017年1月 beside it.
  return formatDate(day * DAY_MS, locale, 'UTC', { month: locale === 'zh-CN' ? 'numeric' : 'long' });
}

/** A year: `2017` / `2017年`. */
export function yearText(day: number, locale: SupportedLocale): string {
  return formatDate(day * DAY_MS, locale, 'UTC', { year: 'numeric' });
}

/** A category's name in `locale` (the other language if missing, else its id). */
export function categoryName(
  category: Pick<TimelineCategory, 'id' | 'name'>,
  locale: SupportedLocale,
): string {
  return localizedText(category.name, locale) || category.id;
}

/**
 * The label of the period starting at `start`: `Mar 15, 2017`, `Week of Mar 13, 2017`,
 * `March 2017`, `2017`. With `from`/`to` (the data's first day and the day after its last
 * inside the period), a partly covered period says so: `2017 (to Nov 30, 2017)`.
 */
export function periodLabel(
  start: number,
  interval: Interval,
  locale: SupportedLocale,
  cover?: { from: number; to: number; end: number },
): string {
  let label: string;
  switch (interval) {
    case 'day':
      label = dayText(start, locale);
      break;
    case 'week':
      label = msg(locale, 'weekOf', { date: dayText(start, locale) });
      break;
    case 'month':
      label = monthText(start, locale);
      break;
    case 'year':
      label = yearText(start, locale);
      break;
  }
  if (!cover || interval === 'day') return label;
  if (cover.to < cover.end)
    return msg(locale, 'partialTo', { period: label, date: dayText(cover.to - 1, locale) });
  if (cover.from > start)
    return msg(locale, 'partialFrom', { period: label, date: dayText(cover.from, locale) });
  return label;
}

/**
 * Days `[a, b)` in words, ready to follow a count: `in 2017`, `in the first half of 2017`,
 * `in the third quarter of 2017`, `in March 2017`, `from January to November 2017`,
 * `on Mar 15, 2017`, `from Jan 1, 2017 to Mar 15, 2017` (zh-CN: `2017年上半年`, …).
 */
export function describeRange(a: number, b: number, locale: SupportedLocale): string {
  if (b - a <= 1) return msg(locale, 'rangeOn', { date: dayText(a, locale) });
  const s = ymdFromDay(a);
  const e = ymdFromDay(b);
  const year = String(s.year);
  if (s.day === 1 && e.day === 1) {
    const months = (e.year - s.year) * 12 + (e.month - s.month);
    if (months === 12 && s.month === 1) return msg(locale, 'rangeIn', { period: yearText(a, locale) });
    if (months === 6 && s.month === 1)
      return msg(locale, 'rangeIn', { period: msg(locale, 'firstHalf', { year }) });
    if (months === 6 && s.month === 7)
      return msg(locale, 'rangeIn', { period: msg(locale, 'secondHalf', { year }) });
    if (months === 3 && (s.month - 1) % 3 === 0) {
      const q = `quarter${(s.month - 1) / 3 + 1}` as 'quarter1' | 'quarter2' | 'quarter3' | 'quarter4';
      return msg(locale, 'rangeIn', { period: msg(locale, q, { year }) });
    }
    if (months === 1) return msg(locale, 'rangeIn', { period: monthText(a, locale) });
    if (months > 1) {
      const last = dayFromYmd(e.year, e.month, 0);
      const sameYear = s.year === ymdFromDay(last).year;
      if (sameYear) {
        return locale === 'zh-CN'
          ? msg(locale, 'rangeFromTo', { a: monthText(a, locale), b: monthOnly(last, locale) })
          : msg(locale, 'rangeFromTo', { a: monthOnly(a, locale), b: monthText(last, locale) });
      }
      return msg(locale, 'rangeFromTo', { a: monthText(a, locale), b: monthText(last, locale) });
    }
  }
  return msg(locale, 'rangeFromTo', { a: dayText(a, locale), b: dayText(b - 1, locale) });
}

/** A change in a table cell or tooltip: `−46%`, `+2 (small base)`, or `—`. */
export function changeShort(change: YearChange, locale: SupportedLocale): string {
  switch (change.kind) {
    case 'percent':
      return formatSignedNumber(change.ratio, locale, { style: 'percent', maximumFractionDigits: 1 });
    case 'small-base':
      return msg(locale, 'smallBaseShort', { delta: formatSignedNumber(change.delta, locale) });
    default:
      return NO_VALUE;
  }
}

/** One summary sentence for a category's total over a range and its change on a year earlier. */
export function summarySentence(
  name: string,
  change: YearChange,
  range: string,
  locale: SupportedLocale,
): string {
  const n = change.current;
  switch (change.kind) {
    case 'no-data':
      return msg(locale, 'summaryNoData', { name, range });
    case 'no-comparison':
      return msg(locale, 'summaryNoComparison', { name, n, range });
    case 'small-base':
      if (change.direction === 'same') return msg(locale, 'summarySame', { name, n, range });
      return msg(locale, 'summarySmallBase', {
        name,
        n,
        range,
        prev: formatNumber(change.previous, locale),
        direction: msg(locale, change.direction === 'up' ? 'up' : 'down'),
      });
    case 'percent':
      if (change.direction === 'same') return msg(locale, 'summarySame', { name, n, range });
      // A change that rounds to 0.0% is not "down 0%": the counts differ, but not by a tenth of a percent.
      if (Math.abs(change.ratio) < 0.0005) {
        return msg(locale, 'summaryAboutSame', {
          name,
          n,
          range,
          prev: formatNumber(change.previous, locale),
        });
      }
      return msg(locale, 'summaryPercent', {
        name,
        n,
        range,
        direction: msg(locale, change.direction === 'up' ? 'up' : 'down'),
        pct: formatPercent(Math.abs(change.ratio), locale, { maximumFractionDigits: 1 }),
      });
  }
}

/** The total of category `c` over `[a, b)` and the change on the same days a year earlier. */
export function rangeChange(
  data: TimelineData,
  c: number,
  a: number,
  b: number,
  smallBase?: number,
): YearChange {
  const current = windowSum(data, c, a, b);
  const pa = yearEarlier(a);
  const pb = yearEarlier(b);
  const previous = windowCovered(data, c, pa, pb) ? windowSum(data, c, pa, pb) : Number.NaN;
  return yearChange(current, previous, smallBase);
}

/**
 * The text summary of days `[a, b)` (clipped to the data) for the categories at `indexes`:
 * one sentence each, e.g. `Fraud alerts: 225 in the first half of 2017, down 46% on a year earlier.`
 */
export function summarize(
  data: TimelineData,
  indexes: readonly number[],
  a: number,
  b: number,
  locale: SupportedLocale,
  smallBase?: number,
): string[] {
  const from = Math.max(a, data.firstDay);
  const to = Math.min(b, data.endDay);
  if (!(from < to)) return [];
  const range = describeRange(from, to, locale);
  return indexes.map((c) => {
    const cat = data.categories[c];
    if (!cat) return '';
    return summarySentence(
      categoryName(cat, locale),
      rangeChange(data, c, from, to, smallBase),
      range,
      locale,
    );
  });
}

/** Interval names as a list in the locale: `Day and Week`, `日、周`. */
export function intervalList(intervals: readonly Interval[], locale: SupportedLocale): string {
  const names = intervals.map((i) => msg(locale, `interval.${i}`));
  if (locale === 'zh-CN') return names.join('、');
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The notes under the chart on what the counts leave out, in order, each with its part name:
 * incidents recorded after the counts end, categories withheld in a grid, counts dated outside the
 * feed's dates, events of unlisted categories. Empty when nothing is left out.
 */
export function dataNotes(data: TimelineData, locale: SupportedLocale): { part: string; text: string }[] {
  const { outOfRange, unknownCategory, recordedSince } = data.notes;
  const withheld = data.categories.filter((c) => c.withheld);
  const notes: { part: string; text: string }[] = [];
  if (recordedSince > 0)
    notes.push({
      part: 'recorded-since',
      text: msg(locale, 'recordedSince', { n: recordedSince, date: dayText(data.endDay - 1, locale) }),
    });
  if (withheld.length > 0)
    notes.push({
      part: 'withheld',
      text: msg(locale, 'withheldNote', {
        names: withheld.map((c) => categoryName(c, locale)).join(locale === 'zh-CN' ? '、' : ', '),
      }),
    });
  if (outOfRange > 0)
    notes.push({ part: 'out-of-range', text: msg(locale, 'outOfRange', { n: outOfRange }) });
  if (unknownCategory > 0)
    notes.push({ part: 'unknown-category', text: msg(locale, 'unknownCategory', { n: unknownCategory }) });
  return notes;
}

/** A category's change over the range the figures speak of (see `figures.ts`). */
export interface CategoryChange {
  /** Index in `data.categories`. */
  c: number;
  change: YearChange;
}

/** Whether a change states a comparison with a year earlier (a percentage or a small-base difference). */
export function compares(change: YearChange): boolean {
  return change.kind === 'percent' || change.kind === 'small-base';
}

/**
 * The one sentence above the chart: the most important figure of the days in `range`.
 * - One category: its own summary sentence.
 * - Several: their total and its change on a year earlier (`6 categories together: 15,024 from
 *   January to November 2017, down 10% on a year earlier.`). Categories with no data in the range
 *   are left out of the total, never counted as 0. When only some of them have a count a year
 *   earlier, the total and change are of those (`4 of 6 categories with a count a year earlier: …`),
 *   so that the sentence never compares a total with a smaller one; when none has, it says so.
 * - None selected, or no data at all: says so.
 */
export function headlineSentence(
  rows: readonly CategoryChange[],
  data: Pick<TimelineData, 'categories'>,
  range: string,
  locale: SupportedLocale,
  smallBase?: number,
): string {
  if (rows.length === 0) return msg(locale, 'noCategories');
  if (rows.length === 1) {
    const { c, change } = rows[0]!;
    return summarySentence(categoryName(data.categories[c]!, locale), change, range, locale);
  }
  const counted = rows.filter((r) => Number.isFinite(r.change.current));
  if (counted.length === 0) return msg(locale, 'headlineNoData', { range });
  if (counted.length === 1) return headlineSentence(counted, data, range, locale, smallBase);
  const compared = counted.filter((r) => compares(r.change));
  const sum = (list: readonly CategoryChange[], key: 'current' | 'previous') =>
    list.reduce((total, r) => total + r.change[key], 0);
  if (compared.length === 0 || compared.length === counted.length) {
    const current = sum(counted, 'current');
    const previous = compared.length === 0 ? Number.NaN : sum(counted, 'previous');
    return summarySentence(
      msg(locale, 'headlineTogether', { n: counted.length }),
      yearChange(current, previous, smallBase),
      range,
      locale,
    );
  }
  return summarySentence(
    msg(locale, 'headlineCompared', { n: compared.length, total: counted.length }),
    yearChange(sum(compared, 'current'), sum(compared, 'previous'), smallBase),
    range,
    locale,
  );
}

/**
 * What a live update added, for the widget's announcer: "3 new cases recorded since 14:05." /
 * "14:05以来新增3起案件。". Undefined when no case was added to what is counted (nothing to hear).
 */
export function liveChangeText(
  before: Pick<TimelineData, 'eventsCounted'>,
  after: Pick<TimelineData, 'eventsCounted'>,
  since: string,
  timeZone: string,
  locale: SupportedLocale,
): string | undefined {
  const added = after.eventsCounted - before.eventsCounted;
  if (!(added > 0)) return undefined;
  const time = formatDateTime(since, locale, timeZone, { timeStyle: 'short' });
  return msg(locale, 'liveNewCases', { n: added, time });
}
