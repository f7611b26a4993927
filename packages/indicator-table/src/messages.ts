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
  syntheticTitle: 'Synthetic value, made up for the sample data',
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
} as const satisfies Record<string, Message>;

/** Every message key of the table. */
export type TableMessageKey = keyof typeof en;

const zh: { readonly [K in TableMessageKey]: Message } = {
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
  syntheticTitle: '模拟数值，仅作示例数据',
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
