/**
 * The timeline's own UI strings in both locales (the shared ones come from core's `t()`),
 * and `msg()` to look them up with `{placeholders}` filled in. Numbers passed as parameters
 * are formatted for the locale.
 */
import { formatMessage, type PluralMessage as Plural, type SupportedLocale } from '@safety-widgets/core';

const en = {
  title: 'Case counts over time',
  titleScope: 'Case counts over time: {place}',
  interval: 'Count by',
  'interval.day': 'Day',
  'interval.week': 'Week',
  'interval.month': 'Month',
  'interval.year': 'Year',
  'unit.day': 'day',
  'unit.week': 'week',
  'unit.month': 'month',
  'unit.year': 'year',
  intervalUnavailable: {
    one: '{intervals} is not available here: the feed counts these figures by longer periods.',
    other: '{intervals} are not available here: the feed counts these figures by longer periods.',
  },
  yoy: 'Compare with a year earlier',
  from: 'From',
  to: 'To',
  showAll: 'Show all dates',
  showTable: 'Show table',
  hideTable: 'Hide table',
  categories: 'Categories',
  chartLabel:
    'Chart of case counts by {interval}, {range}. Use the left and right arrow keys to move between periods; Home and End go to the first and last.',
  tableCaption: 'Case counts by {interval}, {range}',
  tableLimited:
    'The latest {shown} of {total} periods are listed; choose a shorter range or a longer interval to see the rest.',
  period: 'Period',
  change: '{name}: change on a year earlier',
  yearEarlierLabel: '{name}, a year earlier',
  partialTo: '{period} (to {date})',
  partialFrom: '{period} (from {date})',
  weekOf: 'Week of {date}',
  smallBase: 'small base',
  smallBaseShort: '{delta} (small base)',
  noComparison: 'no comparison',
  noDataShort: 'no data',
  annotations: { one: '{n} event marked on the timeline', other: '{n} events marked on the timeline' },
  basisSeries: 'Counts from the feed’s published series.',
  basisEvents: { one: 'Counted from {n} case.', other: 'Counted from {n} cases.' },
  basisMixed: {
    one: 'Counts from the feed’s series, with {n} newer case added.',
    other: 'Counts from the feed’s series, with {n} newer cases added.',
  },
  timeZone: 'Dates in {zone} time.',
  outOfRange: {
    one: '{n} count dated outside the feed’s dates (after its “as of” date or before 1970) was left out.',
    other: '{n} counts dated outside the feed’s dates (after its “as of” date or before 1970) were left out.',
  },
  recordedSince: {
    one: 'The counts end on {date}. {n} incident recorded since is not charted: the days after that are not fully counted.',
    other:
      'The counts end on {date}. {n} incidents recorded since are not charted: the days after that are not fully counted.',
  },
  unknownCategory: {
    one: '{n} event of a category the feed does not list was left out.',
    other: '{n} events of a category the feed does not list were left out.',
  },
  noCategories: 'No category is selected: choose one above to see its counts.',
  emptyScope: 'This feed has no case counts for {place}.',
  emptyAll: 'This feed has no case counts to show.',
  cursorNone: 'No data',
  yearEarlierValue: 'a year earlier {n}',
  // Summary sentences.
  summaryPercent: '{name}: {n} {range}, {direction} {pct} on a year earlier.',
  summarySame: '{name}: {n} {range}, the same as a year earlier.',
  summarySmallBase:
    '{name}: {n} {range}, {direction} from {prev} a year earlier (small base, so no percentage).',
  summaryNoComparison: '{name}: {n} {range}; there is no count for a year earlier to compare with.',
  summaryNoData: '{name}: no data {range}.',
  up: 'up',
  down: 'down',
  rangeIn: 'in {period}',
  rangeOn: 'on {date}',
  rangeFromTo: 'from {a} to {b}',
  firstHalf: 'the first half of {year}',
  secondHalf: 'the second half of {year}',
  quarter1: 'the first quarter of {year}',
  quarter2: 'the second quarter of {year}',
  quarter3: 'the third quarter of {year}',
  quarter4: 'the fourth quarter of {year}',
  rangeInputInvalid: 'Enter a date between {min} and {max}.',
  chart: 'chart',
  cursorValue: '{name} {n}',
  cursorValueChange: '{name} {n}, {change} on a year earlier',
  cursorNoData: '{name}: no data',
  withheldNote:
    '{names}: sensitive, so not shown for a single grid, where small counts over time could point at a household. The sub-district and the district show them.',
  cursorMarked: 'Marked: {titles}',
  yoyShort: 'YoY',
  yearEarlierShort: 'Year earlier',
  legendHint: 'Press a category to show or hide it.',
  rangeLabel: 'Dates',
} as const satisfies Record<string, string | Plural>;

/** Message keys of the timeline. */
export type TimelineMessageKey = keyof typeof en;

const zh: { readonly [K in TimelineMessageKey]: string | Plural } = {
  title: '案件数量走势',
  titleScope: '案件数量走势：{place}',
  interval: '统计周期',
  'interval.day': '日',
  'interval.week': '周',
  'interval.month': '月',
  'interval.year': '年',
  'unit.day': '日',
  'unit.week': '周',
  'unit.month': '月',
  'unit.year': '年',
  intervalUnavailable: '此处不能按{intervals}统计：数据源按更长的周期统计这些数字。',
  yoy: '对比上年同期',
  from: '起',
  to: '止',
  showAll: '显示全部日期',
  showTable: '显示表格',
  hideTable: '隐藏表格',
  categories: '类别',
  chartLabel:
    '按{interval}统计的案件数量图，{range}。用左右方向键在各周期间移动，Home 和 End 键跳到第一个和最后一个周期。',
  tableCaption: '按{interval}统计的案件数量，{range}',
  tableLimited:
    '仅列出最近 {shown} 个周期（共 {total} 个）；缩短日期范围或选择更长的统计周期可查看其余周期。',
  period: '周期',
  change: '{name}：比上年同期',
  yearEarlierLabel: '{name}（上年同期）',
  partialTo: '{period}（截至{date}）',
  partialFrom: '{period}（自{date}起）',
  weekOf: '{date}当周',
  smallBase: '基数小',
  smallBaseShort: '{delta}（基数小）',
  noComparison: '无可比数据',
  noDataShort: '无数据',
  annotations: '时间轴上标注的事件（{n} 项）',
  basisSeries: '数据来自数据源发布的统计序列。',
  basisEvents: '根据 {n} 起案件统计。',
  basisMixed: '数据来自数据源的统计序列，另加 {n} 起较新的案件。',
  timeZone: '日期按 {zone} 时区。',
  outOfRange: '{n} 条日期超出数据源范围（晚于数据日期或早于 1970 年）的数据未计入。',
  recordedSince: '计数截至{date}。此后记录的 {n} 起事件未绘入图表：此后各日没有完整计数。',
  unknownCategory: '{n} 起类别不在数据源类别列表中的事件未计入。',
  noCategories: '未选择任何类别：请在上方选择类别以查看数量。',
  emptyScope: '此数据源没有{place}的案件数量。',
  emptyAll: '此数据源没有可显示的案件数量。',
  cursorNone: '无数据',
  yearEarlierValue: '上年同期 {n}',
  summaryPercent: '{name}：{range}{n}起，比上年同期{direction}{pct}。',
  summarySame: '{name}：{range}{n}起，与上年同期持平。',
  summarySmallBase: '{name}：{range}{n}起，上年同期{prev}起（基数小，不计算百分比）。',
  summaryNoComparison: '{name}：{range}{n}起，无上年同期数据可比。',
  summaryNoData: '{name}：{range}无数据。',
  up: '上升',
  down: '下降',
  rangeIn: '{period}',
  rangeOn: '{date}',
  rangeFromTo: '{a}至{b}',
  firstHalf: '{year}年上半年',
  secondHalf: '{year}年下半年',
  quarter1: '{year}年第一季度',
  quarter2: '{year}年第二季度',
  quarter3: '{year}年第三季度',
  quarter4: '{year}年第四季度',
  rangeInputInvalid: '请输入 {min} 至 {max} 之间的日期。',
  chart: '图表',
  cursorValue: '{name} {n}',
  cursorValueChange: '{name} {n}，比上年同期 {change}',
  cursorNoData: '{name}：无数据',
  withheldNote:
    '{names}属于敏感信息，不按单个网格显示：小范围内随时间变化的少量计数可能指向具体住户。请查看所属街道或全区的数据。',
  cursorMarked: '标注：{titles}',
  yoyShort: '同比',
  yearEarlierShort: '上年同期',
  legendHint: '点击类别可显示或隐藏。',
  rangeLabel: '日期范围',
};

const catalogue: {
  readonly [L in SupportedLocale]: { readonly [K in TimelineMessageKey]: string | Plural };
} = { en, 'zh-CN': zh };

/**
 * A timeline string in `locale` with `{placeholders}` filled in; numbers are formatted for the
 * locale, and a plural message picks its form from `n`. A missing value stays visible as `{name}`.
 */
export function msg(
  locale: SupportedLocale,
  key: TimelineMessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return formatMessage(locale, (catalogue[locale] ?? catalogue.en)[key], params);
}
