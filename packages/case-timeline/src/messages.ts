/**
 * The timeline's own UI strings in both locales (the shared ones come from core's `t()`),
 * and `msg()` to look them up with `{placeholders}` filled in. Numbers passed as parameters
 * are formatted for the locale.
 */
import { formatMessage, type PluralMessage as Plural, type SupportedLocale } from '@safety-widgets/core';

const en = {
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
  showTable: 'Data table',
  categories: 'Categories',
  tableLimited:
    'The latest {shown} of {total} periods are listed; choose a shorter range or a longer interval to see the rest.',
  period: 'Period',
  change: '{name}: change on a year earlier',
  yearEarlierLabel: '{name}, a year earlier',
  partialTo: '{period} (to {date})',
  partialFrom: '{period} (from {date})',
  weekOf: 'Week of {date}',
  smallBaseShort: '{delta} (small base)',
  annotations: { one: '{n} event marked on the timeline', other: '{n} events marked on the timeline' },
  basisSeries: 'Counts from the feed’s published series.',
  basisEvents: { one: 'Counted from {n} case.', other: 'Counted from {n} cases.' },
  liveNewCases: { one: '{n} new case recorded since {time}.', other: '{n} new cases recorded since {time}.' },
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
  // Summary sentences.
  summaryPercent: '{name}: {n} {range}, {direction} {pct} on a year earlier.',
  summaryAboutSame: '{name}: {n} {range}, about the same as a year earlier ({prev}).',
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
  // The compact controls row and the figures on demand.
  rangePick: 'Range',
  rangeAll: 'All dates',
  rangeYear: '{year}',
  rangeLast12: '12 months',
  rangeCustom: 'Custom',
  customDates: 'Custom dates',
  more: 'More',
  moreLabel: 'More options: dates, comparison and table',
  moreFigures: 'More figures',
  headlineTogether: '{n} categories together',
  headlineCompared: '{n} of {total} categories with a count a year earlier',
  headlineNoData: 'No data {range} for the categories shown.',
  chartName: 'Case counts by {interval}, {range}',
  keyHint: '← → period · Home End first, last · Page Up Page Down 10 periods · Esc hide values',
  keysShort: 'Use the left and right arrow keys to move between periods.',
  aboutWhat:
    'How many cases of each category shown were recorded per {interval} in {place}. Each line is one category, told apart by its marker shape and its name in the legend (a button shows or hides it). A period the data covers only in part (the first, or the current one) is dotted and its marker hollow; a period with no count is a gap, never 0. Triangles on the time axis mark events such as campaigns, listed under “Events marked on the timeline”.',
  aboutHow:
    'YoY (year on year) compares a period with the same days one year earlier: November 2017 with November 2016, a chosen range with the same dates a year before. “Compare with a year earlier” (under More) draws those counts as dashed lines, only where a comparison is stated. When fewer than {smallBase} cases were counted a year earlier (a small base), the change is given in cases and marked “small base”, never as a percentage: on a few cases a percentage says more about chance than about safety. Sensitive categories are not charted for a single grid, where small counts could point at a household; the map and tables show such counts under 3 as “<3”.',
  aboutKeys:
    'Tab to the chart; the left and right arrow keys move between periods and say their counts, Home and End go to the first and last, Page Up and Page Down move 10 periods, Escape hides the values. The legend buttons show and hide categories. To choose dates, use the Range list or the custom dates under More (a drag across the chart does the same with a mouse). The table under More lists every figure and can be sorted and downloaded.',
  overviewTotal: { one: '{range}: {n} case in all', other: '{range}: {n} cases in all' },
  overviewPeak: 'the most in {period} ({n})',
  'trend.up': 'rising overall',
  'trend.down': 'falling overall',
  'trend.level': 'level overall',
} as const satisfies Record<string, string | Plural>;

/** Message keys of the timeline. */
export type TimelineMessageKey = keyof typeof en;

const zh: { readonly [K in TimelineMessageKey]: string | Plural } = {
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
  showTable: '数据表格',
  categories: '类别',
  tableLimited:
    '仅列出最近 {shown} 个周期（共 {total} 个）；缩短日期范围或选择更长的统计周期可查看其余周期。',
  period: '周期',
  change: '{name}：比上年同期',
  yearEarlierLabel: '{name}（上年同期）',
  partialTo: '{period}（截至{date}）',
  partialFrom: '{period}（自{date}起）',
  weekOf: '{date}当周',
  smallBaseShort: '{delta}（基数小）',
  annotations: '时间轴上标注的事件（{n} 项）',
  basisSeries: '数据来自数据源发布的统计序列。',
  basisEvents: '根据 {n} 起案件统计。',
  liveNewCases: '{time}以来新增{n}起案件。',
  basisMixed: '数据来自数据源的统计序列，另加 {n} 起较新的案件。',
  timeZone: '日期按 {zone} 时区。',
  outOfRange: '{n} 条日期超出数据源范围（晚于数据日期或早于 1970 年）的数据未计入。',
  recordedSince: '计数截至{date}。此后记录的 {n} 起事件未绘入图表：此后各日没有完整计数。',
  unknownCategory: '{n} 起类别不在数据源类别列表中的事件未计入。',
  noCategories: '未选择任何类别：请在上方选择类别以查看数量。',
  emptyScope: '此数据源没有{place}的案件数量。',
  emptyAll: '此数据源没有可显示的案件数量。',
  summaryPercent: '{name}：{range}{n}起，比上年同期{direction}{pct}。',
  summaryAboutSame: '{name}：{range}{n}起，与上年同期（{prev}起）基本持平。',
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
  rangePick: '范围',
  rangeAll: '全部日期',
  rangeYear: '{year}年',
  rangeLast12: '近12个月',
  rangeCustom: '自定义',
  customDates: '自定义日期',
  more: '更多',
  moreLabel: '更多选项：日期、同比和表格',
  moreFigures: '更多数字',
  headlineTogether: '{n}类合计',
  headlineCompared: '有上年同期数据的{n}类（共{total}类）合计',
  headlineNoData: '所选类别{range}无数据。',
  chartName: '按{interval}统计的案件数量，{range}',
  keyHint: '← → 周期 · Home End 第一个、最后一个 · PageUp PageDown 跳 10 个 · Esc 隐藏数值',
  keysShort: '用左右方向键在各周期间移动。',
  aboutWhat:
    '{place}每{interval}记录的各所选类别案件数量。每条线代表一个类别，以标记形状和图例中的名称区分（图例按钮可显示或隐藏该类别）。数据只覆盖部分日期的周期（第一个或当前周期）以虚线和空心标记表示；没有计数的周期留空，从不记为 0。时间轴上的三角形标注宣传活动等事件，列在“时间轴上标注的事件”中。',
  aboutHow:
    '同比：将一个周期与上一年的同一日期比较，如 2017年11月与 2016年11月，所选日期范围与上一年的同一日期范围。“对比上年同期”（在“更多”中）以虚线画出上年同期数量，仅在文字说明了比较时才画出。上年同期少于 {smallBase} 起时（基数小），变化以起数表示并注明“基数小”，不计算百分比：基数很小时，百分比反映的多是偶然而非治安变化。敏感类别不按单个网格显示，因为小范围的少量计数可能指向具体住户；地图和表格将少于 3 的此类计数显示为“<3”。',
  aboutKeys:
    '用 Tab 键移到图表；左右方向键在各周期间移动并读出数量，Home 和 End 跳到第一个和最后一个周期，PageUp 和 PageDown 跳 10 个周期，Esc 隐藏数值。图例按钮可显示或隐藏类别。选择日期请用“范围”列表或“更多”中的自定义日期（用鼠标在图上拖动也可选择）。“更多”中的表格列出全部数字，可排序和下载。',
  overviewTotal: '{range}共{n}起',
  overviewPeak: '{period}最多（{n}起）',
  'trend.up': '总体上升',
  'trend.down': '总体下降',
  'trend.level': '总体平稳',
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
