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
  listShowing: 'Showing {shown} of {n} grids.',
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
  announce: '{name}, {subdistrict}. {metric}: {value}.',
  announceRank: 'Rank {rank} of {n}.',
  unknownSubdistrict: 'Unknown sub-district',
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
  listShowing: '显示 {n} 个网格中的 {shown} 个。',
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
  announce: '{name}，{subdistrict}。{metric}：{value}。',
  announceRank: '排名第 {rank}（共 {n} 个）。',
  unknownSubdistrict: '未知街道',
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
