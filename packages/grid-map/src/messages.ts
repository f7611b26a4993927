/**
 * The grid map's own UI strings in both locales, and `msg()` to fill them in. The shared
 * strings (loading, errors, stale, dropped items…) come from core's `t()`.
 */
import { formatMessage, type Message, type SupportedLocale } from '@safety-widgets/core';

const en = {
  mapLabel: 'Map of the grids of {place}, coloured by {metric}',
  mapHelp:
    'Arrow keys move between neighbouring grids, Enter selects a grid, Escape clears, plus and minus zoom, 0 resets the view. Ctrl and scroll zoom with a mouse.',
  metric: 'Figure',
  perTenK: 'Per 10,000 residents',
  perTenKShort: 'per 10,000 residents',
  groupGrid: 'Grid figures',
  groupEvents: 'Cases in this feed',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  resetView: 'Reset view',
  showList: 'Ranked list of grids',
  hideList: 'Hide the ranked list',
  listCaption: 'Grids of {place} ranked by {metric}',
  listMore: 'Show {n} more',
  colRank: 'Rank',
  colGrid: 'Grid',
  colSubdistrict: 'Sub-district',
  legendRate: '{metric}, per 10,000 residents',
  noData: 'No data',
  suppressed: 'Fewer than {n} (not shown)',
  layers: 'Map layers',
  layerCount: '{name} ({n})',
  layerPerGrid: '{name} (count per grid)',
  population: 'Residents',
  riskLevels: 'Risk sources by level',
  clusters:
    'A number beside a mark counts the points merged there; the shape shows the most severe level among them.',
  privacyNote:
    '{names}: sensitive, so never shown at a point. They are counted per grid, and counts below {n} are shown as “<{n}”.',
  geometryEmpty: {
    one: '1 grid has no area (empty outline) and is not drawn.',
    other: '{n} grids have no area (empty outlines) and are not drawn.',
  },
  geometrySelfIntersecting: {
    one: '1 grid outline crosses itself; it is drawn as given.',
    other: '{n} grid outlines cross themselves; they are drawn as given.',
  },
  emptyGrids: 'This feed has no grids to map.',
  breaksInvalid: 'The class breaks “{value}” set by this page could not be used; the map uses its own.',
  countsHidden: {
    one: '1 count is left out where it would cover a mark; zoom in or see the ranked list.',
    other: '{n} counts are left out where they would cover marks; zoom in or see the ranked list.',
  },
  emptySubdistrict: 'This feed has no grids in the sub-district “{id}”.',
  selected: 'Selected',
  announceRank: 'Rank {rank} of {n}.',
  unknownSubdistrict: 'Unknown sub-district',
  keyHint: 'Arrow keys: move between grids · Enter: select · Esc: clear · + and −: zoom · 0: reset',
  aboutTitle: 'About this map',
  aboutWhat: {
    one: 'The grid of {place} is coloured by {metric}, in {classes}: {ranges}. Classes further from the map’s background hold higher values; the legend names each range beside its colour.',
    other:
      'Each of the {n} grids of {place} is coloured by {metric}, in {classes}: {ranges}. Classes further from the map’s background hold higher values; the legend names each range beside its colour.',
  },
  aboutClasses: { one: '1 class', other: '{n} classes' },
  aboutNoData:
    'A grid without this figure is dotted (“No data”): it is never a class, never counted as zero and not ranked.',
  aboutSuppressed: 'Sensitive counts below {n} are hatched and shown as “<{n}”, and are not ranked.',
  aboutPoints:
    'Point layers, switched on under “Map layers”: {names}. Risk sources are drawn by level, each level with its own shape; points closer than 24 px merge into one mark with their count beside it. Sensitive layers are never drawn at a point, only counted per grid.',
  aboutBreaksPage: 'The class breaks are set by this page.',
  aboutBreaksKnown: 'A score or percentage is always classed 0–20–40–60–80–100.',
  aboutBreaksAuto:
    'The breaks run in equal steps from zero to a round number (1, 2 or 5 × 10ⁿ) at or above the largest value of this figure in the whole feed, so a district and its sub-districts share them.',
  aboutBreaksValues: 'The breaks are equal steps over the values shown.',
  aboutRate:
    'Per 10,000 residents is the figure divided by the grid’s residents, times 10,000; a grid without residents has no rate.',
  aboutRank:
    'Rank 1 is the highest value; equal values share a rank. “{table}” lists every grid with its figure, class and rank, sorts by any column and downloads as a CSV file.',
  aboutKeys: 'The map is one stop of the Tab key. {keys}',
  unnamedGrid: 'Unnamed grid {n}',
  announcePlace: '{name}, {subdistrict}',
  announceSelected: '{name} selected.',
  announceFigure: '{metric}: {value}.',
  colClass: 'Class',
  notRanked: 'Not ranked',
  tableNote: 'Showing {shown} of {n} grids; the CSV file has all of them.',
  'kind.fire-station': 'Fire stations',
  'kind.emergency-point': 'Emergency points',
  'kind.camera': 'Cameras',
  'kind.risk-source': 'Risk sources',
  'metric.alerts110': '110 police alerts',
  'metric.cases': 'Criminal cases',
  'metric.fraud': 'Fraud alerts',
  'metric.fires': 'Fires',
  'metric.disputes': 'Disputes',
  'metric.cameras': 'Cameras',
  'metric.microFireStations': 'Micro fire stations',
  'metric.emergencyFirePoints': 'Emergency fire points',
  'metric.riskSources': 'Risk sources',
  'metric.enterprises': 'Supervised enterprises',
  'metric.threeSmallVenues': '“Three small” venues',
  'metric.population': 'Residents',
} as const;

export type MessageKey = keyof typeof en;

const zh: { readonly [K in MessageKey]: Message } = {
  mapLabel: '{place}网格地图，按{metric}着色',
  mapHelp:
    '方向键在相邻网格间移动，回车键选中网格，Esc 键取消，加号和减号缩放，0 键复位。使用鼠标时按住 Ctrl 并滚动滚轮缩放。',
  metric: '指标',
  perTenK: '每万常住人口',
  perTenKShort: '每万常住人口',
  groupGrid: '网格数据',
  groupEvents: '本数据源中的案件',
  zoomIn: '放大',
  zoomOut: '缩小',
  resetView: '复位',
  showList: '以排名列表显示网格',
  hideList: '隐藏排名列表',
  listCaption: '{place}各网格{metric}排名',
  listMore: '再显示 {n} 个',
  colRank: '排名',
  colGrid: '网格',
  colSubdistrict: '街道',
  legendRate: '{metric}（每万常住人口）',
  noData: '无数据',
  suppressed: '少于{n}（不显示）',
  layers: '图层',
  layerCount: '{name}（{n}）',
  layerPerGrid: '{name}（按网格计数）',
  population: '常住人口',
  riskLevels: '各级风险源',
  clusters: '图标旁的数字表示该处合并的点数，图标形状表示其中最高的风险等级。',
  privacyNote: '{names}属于敏感信息，不在地图上标注具体位置，只按网格计数；少于{n}的计数显示为“<{n}”。',
  geometryEmpty: '{n} 个网格没有面积（边界为空），未绘制。',
  geometrySelfIntersecting: '{n} 个网格边界自相交，按原样绘制。',
  emptyGrids: '此数据源中没有可绘制的网格。',
  breaksInvalid: '本页设定的分级断点“{value}”无法使用，地图改用自动分级。',
  countsHidden: '{n} 个数字会遮挡图标，未显示；可放大地图或查看排名列表。',
  emptySubdistrict: '此数据源中没有街道“{id}”的网格。',
  selected: '已选中',
  announceRank: '排名第 {rank}（共 {n} 个）。',
  unknownSubdistrict: '未知街道',
  keyHint: '方向键：在网格间移动 · 回车：选中 · Esc：取消 · 加号和减号：缩放 · 0：复位',
  aboutTitle: '关于此地图',
  aboutWhat:
    '{place}的{n}个网格按{metric}着色，分为{classes}：{ranges}。与地图底色差别越大的颜色代表越高的数值；图例在每种颜色旁写明其范围。',
  aboutClasses: '{n}级',
  aboutNoData: '没有该数据的网格以圆点填充（“无数据”），不归入任何分级，不按0计算，也不参与排名。',
  aboutSuppressed: '少于{n}的敏感计数以斜线填充，显示为“<{n}”，不参与排名。',
  aboutPoints:
    '点图层（在“图层”中打开）：{names}。风险源按等级绘制，每级一种形状；相距不足24像素的点合并为一个标记，旁边注明点数。敏感图层不标注具体位置，只按网格计数。',
  aboutBreaksPage: '分级断点由本页设定。',
  aboutBreaksKnown: '得分或百分比一律按0–20–40–60–80–100分级。',
  aboutBreaksAuto:
    '分级从0起等距划分，上限为不小于全数据源中该指标最大值的整数（1、2或5乘以10的n次方），因此全区和各街道使用相同的分级。',
  aboutBreaksValues: '分级为所示数值范围内的等距划分。',
  aboutRate: '每万常住人口＝该指标除以网格常住人口再乘以10000；没有人口数据的网格没有此比率。',
  aboutRank:
    '排名第1为数值最高的网格，数值相同则排名相同。“{table}”列出每个网格的数值、分级和排名，可按任一列排序并下载CSV文件。',
  aboutKeys: '地图在Tab键顺序中只占一站。{keys}',
  unnamedGrid: '未命名网格 {n}',
  announcePlace: '{name}，{subdistrict}',
  announceSelected: '已选中{name}。',
  announceFigure: '{metric}：{value}。',
  colClass: '分级',
  notRanked: '未排名',
  tableNote: '显示 {n} 个网格中的 {shown} 个；CSV 文件包含全部网格。',
  'kind.fire-station': '消防站',
  'kind.emergency-point': '应急消防点',
  'kind.camera': '摄像头',
  'kind.risk-source': '风险源',
  'metric.alerts110': '110警情',
  'metric.cases': '刑事立案',
  'metric.fraud': '诈骗警情',
  'metric.fires': '火灾',
  'metric.disputes': '矛盾纠纷',
  'metric.cameras': '摄像头',
  'metric.microFireStations': '微型消防站',
  'metric.emergencyFirePoints': '应急消防点',
  'metric.riskSources': '风险源',
  'metric.enterprises': '监管企业',
  'metric.threeSmallVenues': '“三小”场所',
  'metric.population': '常住人口',
};

const CATALOGUE: { readonly [L in SupportedLocale]: { readonly [K in MessageKey]: Message } } = {
  en,
  'zh-CN': zh,
};

/** True when the catalogue has a label for grid metric `key` (`metric.<key>`). */
export function hasMetricLabel(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(en, `metric.${key}`);
}

/**
 * A grid-map string in `locale`, with `{placeholders}` filled in by core's `formatMessage`
 * (numbers formatted for the locale; plural forms chosen by `n` with `Intl.PluralRules`).
 */
export function msg(
  locale: SupportedLocale,
  key: MessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return formatMessage(locale, (CATALOGUE[locale] ?? en)[key], params);
}
