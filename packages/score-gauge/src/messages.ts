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
  meterName: '{label}: {reading}',
  table: 'Areas as a table',
  tableCaption: '{title}, {place}: points by area',
  colArea: 'Area',
  colEarned: 'Earned',
  colPossible: 'Possible',
  colGrade: 'Grade',
  colChange: 'Change',
  colWithData: 'With data',
  colIndicators: 'Indicators',
  aboutWhat:
    "{title} of {place}: one number from 0 to 100 that sums up {n} weighted indicators in {areas} areas, with its grade and its change on the previous figure. The ring around the arc has one segment per area, as long as the area's weight and filled to the points it earned; the part not filled is what was not earned.",
  aboutWhatArea:
    '{title} of {place}: one number from 0 to 100 that sums up the {n} weighted indicators of this area, with its grade and its change on the previous figure.',
  aboutHow:
    'Each indicator earns its weight in points times its attainment, from 0 (far from its target) to 1 (target reached). The index is the points earned divided by the weight of the indicators that have data, times 100; indicators without data are left out, never counted as 0. Grades: {bands}. The arc carries no threshold ticks: the grade is written beside the number.',
  aboutBand: '{grade} from {min}',
  aboutBandLowest: '{grade} below {max}',
  aboutCoverage: 'Scored: {share} of the indicator weight has data.',
  aboutCompared: {
    one: '{compared} of {n} indicator has an earlier figure; the change compares that one only.',
    other: '{compared} of {n} indicators have an earlier figure; the change compares those only.',
  },
  aboutComparedAll: 'Every scored indicator has an earlier figure to compare with.',
  aboutNoEarlier: 'No indicator has an earlier figure, so no change is shown.',
  aboutKeys:
    "Tab moves to the ring of areas (one stop). Left and Right arrow keys (or Up and Down) move between areas, Home and End go to the first and last; the area's points show in the middle of the dial. Enter or Space selects the area; Escape hides its points. The table below lists every area at once.",
  aboutKeysNone: 'The gauge has no keys of its own; the table below lists every area.',
  keyHint: '\u2190 \u2192 areas \u00b7 Home/End \u00b7 Enter selects \u00b7 Esc hides',
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
  meterName: '{label}：{reading}',
  table: '以表格查看各领域',
  tableCaption: '{place}{title}：各领域得分',
  colArea: '领域',
  colEarned: '得分',
  colPossible: '满分',
  colGrade: '评级',
  colChange: '占变化',
  colWithData: '有数据指标',
  colIndicators: '指标数',
  aboutWhat:
    '{place}{title}：用0到100的一个数概括{areas}个领域的{n}项加权指标，并给出评级和较上期的变化。弧外的圆环每个领域一段，长度为该领域的权重，填充部分为其得分，未填充部分为未得分。',
  aboutWhatArea: '{place}{title}：用0到100的一个数概括该领域的{n}项加权指标，并给出评级和较上期的变化。',
  aboutHow:
    '每项指标的得分为其权重乘以达成度（0为远未达标，1为达到目标）。指数为所得分数除以有数据指标的权重之和再乘以100；无数据的指标不计入，绝不按0计算。评级：{bands}。弧上没有分级刻度，评级以文字写在数字旁。',
  aboutBand: '{grade}（{min}分及以上）',
  aboutBandLowest: '{grade}（低于{max}分）',
  aboutCoverage: '计分依据：{share}的指标权重有数据。',
  aboutCompared: { other: '{n}项指标中{compared}项有上期数据，变化仅比较这些指标。' },
  aboutComparedAll: '所有计分指标均有上期数据可比。',
  aboutNoEarlier: '没有指标有上期数据，因此不显示变化。',
  aboutKeys:
    '按Tab键进入领域圆环（一个停留点）。左右方向键（或上下方向键）在领域间移动，Home和End键跳到第一个和最后一个领域，该领域的得分显示在仪表中央。Enter或空格键选择该领域，Esc键隐藏得分。下方表格一次列出所有领域。',
  aboutKeysNone: '此仪表没有专用按键；下方表格列出所有领域。',
  keyHint: '←→ 切换领域 · Home/End · Enter 选择 · Esc 隐藏',
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
