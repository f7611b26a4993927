/**
 * The gauge's own UI strings in both locales, and `msg()` to fill them in. The shared strings
 * (loading, errors, stale…) come from core's `t()`.
 */
import { formatMessage, type Message, type SupportedLocale } from '@safety-widgets/core';

const en = {
  title: 'Safety index',
  areaTitle: '{area} index',
  meterLabel: 'Safety index, {place}',
  areaMeterLabel: '{area} index, {place}',
  areas: 'Safety areas',
  valueOf: '{value} of 100',
  points: '{score} of {max} points',
  areaPoints: '{area}: {score} of {max} points',
  areaGraded: '{area}: {score} of {max} points, {grade}',
  areaNoData: '{area}: no data',
  noEarlier: 'No earlier figure',
  noEarlierValue: 'no earlier figure to compare with',
  areaNoEarlier: 'No earlier figure to compare with',
  comparedPart: {
    one: '{compared} of {n} indicator has an earlier figure.',
    other: '{compared} of {n} indicators have an earlier figure.',
  },
  gradeKey: 'Areas:',
  gradeKeyItem: '{n} {grade}',
  gradeKeyNoData: '{n} no data',
  areaIndex: 'Index {index}',
  areaIndexNone: 'No area index: no indicator has data',
  targetsMet: '{met} of {n} targets met',
  changeUp: 'up {delta} on {period}',
  liveUp: '{title} now {value}, up {delta}.',
  liveDown: '{title} now {value}, down {delta}.',
  liveGrade: '{title} now {value}, {grade}.',
  changeDown: 'down {delta} on {period}',
  changeFlat: 'unchanged on {period}',
  'period.day': 'the previous day',
  'period.month': 'last month',
  'period.quarter': 'last quarter',
  'period.half': 'the previous half-year',
  'period.year': 'last year',
  'period.period': 'the previous period',
  vsPeriod: 'vs {period}',
  contribution: '{delta} of the change on {period}',
  asOf: 'As of {time}',
  moversTitle: 'What moved the score on {period}:',
  moversNone: 'No area moved the score on {period}.',
  noChange: 'There is no earlier figure to compare with, so no change is shown.',
  moreMover: '1 more area changed slightly.',
  moreMovers: '{n} more areas changed slightly.',
  lowCoverage: 'Based on {share} of the indicator weight: some indicators have no data.',
  gradesInvalid: 'The grade bands set for this gauge could not be read, so the default ones are used.',
  emptyAll: 'No indicator in this feed has data to score.',
  emptyArea: 'No indicator of {area} has data to score.',
  hint: 'Point at or focus an area for its points.',
} as const satisfies Record<string, Message>;

type Key = keyof typeof en;

const zh: { readonly [K in Key]: Message } = {
  title: '安全指数',
  areaTitle: '{area}指数',
  meterLabel: '{place}安全指数',
  areaMeterLabel: '{place}{area}指数',
  areas: '安全领域',
  valueOf: '{value}（满分100）',
  points: '{score}分（满分{max}分）',
  areaPoints: '{area}：{score}分（满分{max}分）',
  areaGraded: '{area}：{score}分（满分{max}分），{grade}',
  areaNoData: '{area}：暂无数据',
  noEarlier: '无上期数据',
  noEarlierValue: '无上期数据可比',
  areaNoEarlier: '无上期数据可比',
  comparedPart: { other: '{n}项指标中{compared}项有上期数据可比。' },
  gradeKey: '领域：',
  gradeKeyItem: '{grade}{n}个',
  gradeKeyNoData: '暂无数据{n}个',
  areaIndex: '指数 {index}',
  areaIndexNone: '无领域指数：各项指标均无数据',
  targetsMet: '{n}项指标中{met}项达标',
  changeUp: '较{period}上升{delta}',
  liveUp: '{title}现为{value}，上升{delta}。',
  liveDown: '{title}现为{value}，下降{delta}。',
  liveGrade: '{title}现为{value}，{grade}。',
  changeDown: '较{period}下降{delta}',
  changeFlat: '与{period}持平',
  'period.day': '前一日',
  'period.month': '上月',
  'period.quarter': '上季度',
  'period.half': '上一个半年',
  'period.year': '上年',
  'period.period': '上期',
  vsPeriod: '较{period}',
  contribution: '占较{period}变化的{delta}',
  asOf: '数据截至{time}',
  moversTitle: '较{period}变化的来源：',
  moversNone: '与{period}相比，各领域得分均无变化。',
  noChange: '暂无上期数据可供比较，因此不显示变化。',
  moreMover: '另有1个领域略有变化。',
  moreMovers: '另有{n}个领域略有变化。',
  lowCoverage: '仅依据{share}的指标权重计算：部分指标暂无数据。',
  gradesInvalid: '此仪表设置的评级区间无法识别，已改用默认区间。',
  emptyAll: '此数据源中没有可计分的指标数据。',
  emptyArea: '{area}没有可计分的指标数据。',
  hint: '指向或聚焦某一领域可查看其得分。',
};

/** The catalogue, by locale. */
export const GAUGE_MESSAGES: { readonly [L in SupportedLocale]: { readonly [K in Key]: Message } } = {
  en,
  'zh-CN': zh,
};

/** A message key of the gauge. */
export type GaugeMessageKey = Key;

/**
 * A gauge string in `locale` with its `{placeholders}` filled in (numbers formatted for the
 * locale; a plural message picks its form from `n` by the locale's plural rules, through core's
 * `formatMessage`). A placeholder without a value stays visible as `{name}`.
 */
export function msg(
  locale: SupportedLocale,
  key: GaugeMessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return formatMessage(locale, (GAUGE_MESSAGES[locale] ?? GAUGE_MESSAGES.en)[key], params);
}
