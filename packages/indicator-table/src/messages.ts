/**
 * The table's own UI strings in both locales (the shared ones, such as "Loading…", come from
 * core's `t()`), and `msg()` to look them up with `{placeholders}` filled in. Every message that
 * counts something has plural forms, chosen by its `n` through core's `formatMessage`
 * (Intl.PluralRules). Units from the feed are never put after a number in running text, where a
 * count noun would have to agree with it ("1 incidents"); they are written as a label
 * ("Unit: incidents", "Trend (incidents): …").
 */
import { formatMessage, type Message, type SupportedLocale } from '@safety-widgets/core';

const en = {
  'live.one': '{name} now {value}.',
  'live.many': {
    one: '{n} indicator changed: {name}, now {value}.',
    other: '{n} indicators changed, among them {name}, now {value}.',
  },
  'live.noData': 'no data',
  caption: '{place}: safety indicators',
  asOf: 'as of {date}',
  'col.name': 'Indicator',
  'col.value': 'Value',
  'col.target': 'Target',
  'col.city-average': 'City average',
  'col.score': 'Score',
  'col.trend': 'Trend',
  'col.status': 'Status',
  'col.area': 'Area',
  'col.id': 'ID',
  'col.unit': 'Unit',
  'col.weight': 'Weight',
  'col.direction': 'Better when',
  'col.provenance': 'Provenance',
  'col.note': 'Note',
  'direction.higher': 'higher',
  'direction.lower': 'lower',
  targetAtLeast: 'at least',
  targetAtMost: 'at most',
  search: 'Search',
  searchPlaceholder: 'Name in Chinese or English',
  area: 'Area',
  allAreas: 'All areas',
  status: 'Status',
  allStatuses: 'All statuses',
  'status.no-target': 'No target',
  sortBy: 'Sort by',
  feedOrder: 'Feed order',
  'sort.asc': '{column}, ascending',
  'sort.desc': '{column}, descending',
  csv: 'Download CSV',
  count: { one: 'Showing {shown} of {n} indicator', other: 'Showing {shown} of {n} indicators' },
  range: { one: 'Showing row {first} of {total}', other: 'Showing rows {first}–{last} of {total}' },
  noMatch: 'No indicators match the search and filters.',
  clearFilters: 'Clear filters',
  emptyFeed: 'This feed has no indicators.',
  synthetic: 'synthetic',
  published: 'published',
  groupScore: { one: '{score} of {max} point', other: '{score} of {max} points' },
  groupMet: '{met} of {n} met',
  noTrend: 'No trend data',
  unit: 'Unit: {unit}',
  trendIn: 'Trend ({unit}): ',
  trendPlain: 'Trend: ',
  trendPoint: '{period}: {value}',
  trendSpan: 'from {first} ({firstPeriod}) to {last} ({lastPeriod})',
  trendMissing: { one: '{n} period with no data', other: '{n} periods with no data' },
  listSeparator: '; ',
  scoreOf: '{score} of {max}',
  details: 'Note and trend',
  'about.title': 'About this table',
  'about.what':
    "Every safety indicator of the place, grouped by area; each area's row shows its points and how many of its indicators meet their target.",
  'explain.name':
    'the indicator, its unit under it. The ⓘ button after a name shows its source note and its trend in figures.',
  'explain.value': 'the latest figure. "synthetic" marks a value made up for the sample data.',
  'explain.target': 'what the indicator should reach: ≥ at least, ≤ at most.',
  'explain.city-average': 'the same indicator across the whole city.',
  'explain.score':
    'points earned of the points the indicator is worth (its weight); the bar shows the share.',
  'explain.trend': 'the earlier periods, oldest on the left; a gap is a period with no data.',
  'explain.status': 'whether the value meets its target: ✓ met, ✕ not met, – no data or no target.',
  'about.how':
    'Score "1.7 / 2" means 1.7 of the indicator\'s 2 points were earned: its weight times how far the value reaches its target. Some indicators earn all their points only when the target is met, others earn part of them as the value comes closer. An area\'s "17.7 / 18" adds up the points of its indicators, and "8 of 9 met" counts those that meet their target. An indicator without a value earns nothing and says "No data"; it is never counted as 0.',
  'about.keys':
    "Tab reaches the search, the filters, Download CSV, the column sort buttons and then the rows. In the rows, ↑ and ↓ move one row, Home and End go to the first and last, Page Up and Page Down move ten; Enter or Space selects the row; Tab goes on to the row's ⓘ button (Enter opens its note).",
  keyHint: '↑ ↓ rows · Home / End first, last · Enter select · Tab then Enter: note',
} as const satisfies Record<string, Message>;

/** Every message key of the table. */
export type TableMessageKey = keyof typeof en;

const zh: { readonly [K in TableMessageKey]: Message } = {
  'live.one': '{name}现为{value}。',
  'live.many': '{n} 项指标有更新，其中{name}现为{value}。',
  'live.noData': '无数据',
  caption: '{place}安全指标',
  asOf: '截至{date}',
  'col.name': '指标',
  'col.value': '数值',
  'col.target': '目标',
  'col.city-average': '全市平均',
  'col.score': '得分',
  'col.trend': '趋势',
  'col.status': '状态',
  'col.area': '领域',
  'col.id': '编号',
  'col.unit': '单位',
  'col.weight': '权重',
  'col.direction': '方向',
  'col.provenance': '来源',
  'col.note': '说明',
  'direction.higher': '越高越好',
  'direction.lower': '越低越好',
  targetAtLeast: '不低于',
  targetAtMost: '不高于',
  search: '搜索',
  searchPlaceholder: '中文或英文名称',
  area: '领域',
  allAreas: '全部领域',
  status: '状态',
  allStatuses: '全部状态',
  'status.no-target': '无目标值',
  sortBy: '排序',
  feedOrder: '默认顺序',
  'sort.asc': '{column}，升序',
  'sort.desc': '{column}，降序',
  csv: '下载 CSV',
  count: '显示 {shown} / {n} 项指标',
  range: '显示第 {first}–{last} 行，共 {total} 行',
  noMatch: '没有符合搜索和筛选条件的指标。',
  clearFilters: '清除筛选',
  emptyFeed: '此数据源没有指标。',
  synthetic: '模拟',
  published: '公布',
  groupScore: '{score} / {max} 分',
  groupMet: '{met}/{n} 达标',
  noTrend: '无趋势数据',
  unit: '单位：{unit}',
  trendIn: '趋势（{unit}）：',
  trendPlain: '趋势：',
  trendPoint: '{period}：{value}',
  trendSpan: '从 {first}（{firstPeriod}）到 {last}（{lastPeriod}）',
  trendMissing: '{n} 个时期无数据',
  listSeparator: '；',
  scoreOf: '{score} / {max}',
  details: '说明和趋势',
  'about.title': '关于此表',
  'about.what': '本地区全部安全指标，按领域分组；领域行显示该领域的得分和达标指标数。',
  'explain.name': '指标名称，下方为单位。名称后的 ⓘ 按钮显示该指标的来源说明和各期数值。',
  'explain.value': '最新数值。“模拟”表示示例数据中的模拟数值。',
  'explain.target': '指标应达到的值：≥ 为不低于，≤ 为不高于。',
  'explain.city-average': '同一指标的全市水平。',
  'explain.score': '所得分数 / 该指标的分值（权重）；横条显示得分比例。',
  'explain.trend': '以往各期，最早的在左；空缺表示该期无数据。',
  'explain.status': '数值是否达到目标：✓ 达标，✕ 未达标，– 无数据或无目标值。',
  'about.how':
    '得分“1.7 / 2”表示该指标 2 分中得到 1.7 分：权重乘以数值达到目标的程度。有的指标只有达到目标才得满分，有的随数值接近目标逐步得分。领域行的“17.7 / 18”是该领域各指标得分之和，“8/9 达标”是达到目标的指标数。没有数值的指标不得分，显示“无数据”，绝不按 0 计算。',
  'about.keys':
    '按 Tab 依次到达搜索框、筛选、下载 CSV、各列排序按钮，然后是表格各行。在行中，↑ 和 ↓ 逐行移动，Home 和 End 到第一行和最后一行，Page Up 和 Page Down 一次移动十行；Enter 或空格选择该行；再按 Tab 到该行的 ⓘ 按钮（按 Enter 打开说明）。',
  keyHint: '↑ ↓ 逐行 · Home / End 首行、末行 · Enter 选择 · Tab 后 Enter：说明',
};

const MESSAGES: { readonly [L in SupportedLocale]: { readonly [K in TableMessageKey]: Message } } = {
  en,
  'zh-CN': zh,
};

/**
 * A table string in `locale` with `{placeholders}` filled in (numbers formatted for the
 * locale; a placeholder without a value stays visible as `{name}`); a message with plural forms
 * picks one by the number `n` (core's `formatMessage`, Intl.PluralRules).
 *
 * @example msg('en', 'count', { shown: 3, n: 56 }) // 'Showing 3 of 56 indicators'
 * @example msg('en', 'count', { shown: 1, n: 1 }) // 'Showing 1 of 1 indicator'
 */
export function msg(
  locale: SupportedLocale,
  key: TableMessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return formatMessage(locale, (MESSAGES[locale] ?? MESSAGES.en)[key], params);
}
