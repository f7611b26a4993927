/**
 * The 56 indicators of the sample index (8 areas, 100 points).
 *
 * `provenance: 'published'` marks a value taken from the article of 2017-12-04 (see
 * /work/shared/data/README.md); its `note` quotes what was published. Every other value is
 * synthetic. All targets and city averages are synthetic (the article only says that about
 * half of the indicators are set above the city average); about half the targets here are
 * stricter than their city average, the rest equal to it.
 *
 * For count indicators the city average is the city-wide rate applied to the place's
 * population, so it can be compared with the place's own count.
 */
import type { AreaId } from './areas.js';
import type { LocalizedName } from './places.js';

export type Rule =
  | { type: 'linear'; floor: number }
  | { type: 'threshold' }
  | { type: 'bands'; bands: { bound: number; attainment: number }[] };

export interface HistoryPointDef {
  period: string;
  value: number | null;
}

/** Values computed from the generated data of the place (series, layers, grid metrics). */
export type MeasureId =
  | 'alerts110Per10k'
  | 'criminalChange'
  | 'fraudH1'
  | 'fires'
  | 'microFireStations'
  | 'emergencyFirePoints'
  | 'riskSources'
  | 'enterprises';

/** How a sub-district's value is derived from the district's (always synthetic there). */
export type Scope =
  /** Same as the district's (0 incidents, 100% rates, ranks). */
  | { kind: 'same' }
  /** District value plus a little noise, kept within [min, max] (default 0–100 for %, ≥ 0 otherwise). */
  | { kind: 'rate'; spread: number; min?: number; max?: number }
  /** A whole count shared out among the sub-districts by population (parts add up to the district). */
  | { kind: 'allocate' }
  /** A quantity scaled by the population share. */
  | { kind: 'scale' }
  /** Computed from the place's own generated data. */
  | { kind: 'measure'; measure: MeasureId; targetIsValue?: boolean }
  /** Only the named sub-district has a value (null elsewhere). */
  | { kind: 'only'; subdistrict: string };

export interface IndicatorDef {
  id: string;
  area: AreaId;
  name: LocalizedName;
  unit: LocalizedName;
  direction: 'higher' | 'lower';
  weight: number;
  rule: Rule;
  /** District value. For `measure` scopes the generated data must reproduce it when published. */
  value: number;
  target: number;
  cityAverage: number | null;
  provenance: 'published' | 'synthetic';
  /** Decimals the value is given to. */
  decimals: number;
  previous?: number;
  /** Published points, `monthly` (12 synthetic monthly points) or `yearly` (synthetic, from 2013). */
  history?: HistoryPointDef[] | 'monthly' | { yearly: number[] };
  updatedAt: string;
  /** What was published (for published values) or what the synthetic value stands for. */
  note?: LocalizedName;
  scope: Scope;
}

const PCT: LocalizedName = { zh: '%', en: '%' };
const u = (zh: string, en: string): LocalizedName => ({ zh, en });
const n = (zh: string, en: string): LocalizedName => ({ zh, en });
const linear = (floor: number): Rule => ({ type: 'linear', floor });
const THRESHOLD: Rule = { type: 'threshold' };
const bands = (...pairs: [number, number][]): Rule => ({
  type: 'bands',
  bands: pairs.map(([bound, attainment]) => ({ bound, attainment })),
});

/** The article's date: figures it gives for "this year" or "so far". */
const ARTICLE = '2017-12-04T09:00:00+08:00';
/** First-half 2017 figures. */
const H1_2017 = '2017-07-10T09:00:00+08:00';
/** 2016 full-year figures. */
const YEAR_2016 = '2017-01-20T09:00:00+08:00';
/** Monthly synthetic figures and figures computed from the daily series (to 30 November). */
const MONTHLY = '2017-12-01T09:00:00+08:00';

// Kept as a table (one indicator per block, key figures on one line) for review.
// prettier-ignore
export const INDICATORS: readonly IndicatorDef[] = [
  // ── Stability 维稳安全 (12) ────────────────────────────────────────────────────────────
  {
    id: 'political-security-incidents', area: 'stability',
    name: n('政治安全事件', 'Political security incidents'), unit: u('起', 'incidents'),
    direction: 'lower', weight: 2, rule: THRESHOLD, value: 0, target: 0, cityAverage: 0,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'same' },
    note: n('公布：近年来未发生政治安全事件。', 'Published: no political security incident in recent years.'),
  },
  {
    id: 'major-mass-incidents', area: 'stability',
    name: n('重大群体性事件和大规模暴力犯罪事件', 'Major mass incidents and large-scale violent crimes'), unit: u('起', 'incidents'),
    direction: 'lower', weight: 2, rule: THRESHOLD, value: 0, target: 0, cityAverage: 0.3,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'same' },
    note: n('公布：近年来未发生重大群体性事件和大规模暴力犯罪事件。', 'Published: no major mass incident or large-scale violent crime in recent years.'),
  },
  {
    id: 'extreme-incidents', area: 'stability',
    name: n('个人极端事件和暴恐事件', 'Individual extreme and violent terrorist incidents'), unit: u('起', 'incidents'),
    direction: 'lower', weight: 1.5, rule: THRESHOLD, value: 0, target: 0, cityAverage: 0,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'same' },
    note: n('公布：近年来未发生各类暴恐及个人极端事件。', 'Published: no violent terrorist or individual extreme incident in recent years.'),
  },
  {
    id: 'screened-disputes-resolved', area: 'stability',
    name: n('排查上报矛盾纠纷调处成功率', 'Screened and reported disputes resolved'), unit: PCT,
    direction: 'higher', weight: 1.5, rule: linear(80), value: 100, target: 98, cityAverage: 95,
    provenance: 'published', decimals: 0, updatedAt: H1_2017, scope: { kind: 'same' },
    history: [{ period: '2017-H1', value: 100 }],
    note: n('公布：2017年上半年排查上报矛盾纠纷35宗，调处成功率100%。', 'Published: 35 disputes screened and reported in the first half of 2017, 100% resolved.'),
  },
  {
    id: 'mental-patients-registered', area: 'stability',
    name: n('严重精神障碍患者录入管理率', 'Patients with severe mental disorders registered for care'), unit: PCT,
    direction: 'higher', weight: 2, rule: bands([100, 1], [98, 0.8], [95, 0.5]), value: 100, target: 100, cityAverage: 96,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'same' },
    note: n('公布：588名严重精神障碍患者和91名易肇事肇祸患者100%录入管理系统。', 'Published: 588 patients with severe mental disorders and 91 at risk of causing incidents, 100% registered.'),
  },
  {
    id: 'supervised-persons-lost-contact', area: 'stability',
    name: n('社区矫正和吸毒人员脱管漏管', 'Community-correction and drug-rehabilitation persons out of contact'), unit: u('人', 'persons'),
    direction: 'lower', weight: 1.5, rule: THRESHOLD, value: 0, target: 0, cityAverage: 0,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'same' },
    note: n('公布：社矫人员、吸毒人员脱管、漏管现象为零。', 'Published: no community-correction or drug-rehabilitation person out of contact.'),
  },
  {
    id: 'reoffending-rate', area: 'stability',
    name: n('社区矫正和吸毒人员重新犯罪率', 'Re-offending by community-correction and drug-rehabilitation persons'), unit: PCT,
    direction: 'lower', weight: 1.5, rule: linear(1), value: 0, target: 0.2, cityAverage: 0.2,
    provenance: 'published', decimals: 1, updatedAt: ARTICLE, scope: { kind: 'same' },
    note: n('公布：重新犯罪率为零。', 'Published: re-offending rate zero.'),
  },

  // ── Public order 社会治安 (18) ─────────────────────────────────────────────────────────
  {
    id: 'alerts-110-per-10k', area: 'public-order',
    name: n('110警情万人发警率（近12个月）', '110 alerts per 10,000 residents (last 12 months)'), unit: u('起/万人', 'per 10,000 residents'),
    direction: 'lower', weight: 2, rule: linear(700), value: 0, target: 480, cityAverage: 560,
    provenance: 'synthetic', decimals: 1, updatedAt: MONTHLY, scope: { kind: 'measure', measure: 'alerts110Per10k' },
    note: n('由合成的110警情日序列计算（2016年12月至2017年11月）。', 'Computed from the synthetic daily 110-alert series (December 2016 to November 2017).'),
  },
  {
    id: 'criminal-cases-change', area: 'public-order',
    name: n('刑事立案数同比变化（1—11月）', 'Criminal cases filed, change on a year earlier (January–November)'), unit: PCT,
    direction: 'lower', weight: 2, rule: bands([-5, 1], [0, 0.6], [5, 0.2]), value: 0, target: -5, cityAverage: -3,
    provenance: 'synthetic', decimals: 1, updatedAt: MONTHLY, scope: { kind: 'measure', measure: 'criminalChange' },
    note: n('公布：5年来110刑事警情、立案数年年下降；变化幅度由合成日序列计算。', 'Published: 110 criminal alerts and filed cases fell every year for 5 years; the change is computed from the synthetic daily series.'),
  },
  {
    id: 'eight-major-cases', area: 'public-order',
    name: n('八类严重暴力犯罪案件', 'Eight major types of violent crime'), unit: u('起', 'cases'),
    direction: 'lower', weight: 2, rule: linear(30), value: 13, target: 15, cityAverage: 18,
    provenance: 'synthetic', decimals: 0, updatedAt: MONTHLY, scope: { kind: 'allocate' },
    previous: 16, history: { yearly: [28, 24, 21, 16, 13] },
    note: n('公布：8类案件5年来年年下降；案件数为合成数据（2017年为1—11月）。', 'Published: the 8 major case types fell every year for 5 years; the counts are synthetic (2017: January–November).'),
  },
  {
    id: 'murder-kidnap-gun-solved', area: 'public-order',
    name: n('命案、绑架案、涉枪案破案率', 'Murder, kidnapping and gun cases solved'), unit: PCT,
    direction: 'higher', weight: 2.5, rule: THRESHOLD, value: 100, target: 100, cityAverage: 98,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'same' },
    note: n('公布：连续11年保持命案、绑架案、涉枪案"三必破"。', 'Published: every murder, kidnapping and gun case solved, 11 years running.'),
  },
  {
    id: 'fraud-alerts', area: 'public-order',
    name: n('诈骗警情（上半年）', 'Fraud alerts (first half-year)'), unit: u('起', 'alerts'),
    direction: 'lower', weight: 2.5, rule: linear(500), value: 225, target: 300, cityAverage: 360,
    provenance: 'published', decimals: 0, updatedAt: H1_2017, scope: { kind: 'measure', measure: 'fraudH1' },
    previous: 417, history: [{ period: '2016-H1', value: 417 }, { period: '2017-H1', value: 225 }],
    note: n(
      '公布：2017年上半年110诈骗刑事、治安警情225起，同比下降46%，逮捕29人。2016年上半年417起由下降幅度推算。',
      'Published: 225 fraud alerts (110 criminal and public-order) in the first half of 2017, down 46% year on year; 29 arrests. 2016-H1 (417) derived from the 46% fall.',
    ),
  },
  {
    id: 'video-solved-share', area: 'public-order',
    name: n('视频监控破案占比', 'Solved cases solved with video surveillance'), unit: PCT,
    direction: 'higher', weight: 2, rule: linear(10), value: 35, target: 30, cityAverage: 30,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'rate', spread: 4 },
    note: n('公布：借助视频监控直接或间接破案占总破案数35%以上。', 'Published: over 35% of solved cases were solved directly or indirectly with video surveillance.'),
  },
  {
    id: 'patrol-group-solved-share', area: 'public-order',
    name: n('群防群治力量破案占比', 'Solved cases solved by or with community patrol groups'), unit: PCT,
    direction: 'higher', weight: 2, rule: linear(10), value: 32, target: 30, cityAverage: 30,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'rate', spread: 4 },
    note: n('公布：群防群治力量直接或协助破案占总破案数32%以上。', 'Published: over 32% of solved cases were solved by or with community patrol groups.'),
  },
  {
    id: 'dameisha-cases-change', area: 'public-order',
    name: n('大梅沙景区治安和刑事案件同比变化', 'Dameisha tourist area: public-order and criminal cases, change year on year'), unit: PCT,
    direction: 'lower', weight: 1.5, rule: bands([-10, 1], [0, 0.5]), value: -50, target: -10, cityAverage: null,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'only', subdistrict: 'meisha' },
    note: n('公布：大梅沙旅游综合治理后治安和刑事案件同比下降50%。', 'Published: after the Dameisha tourism clean-up, public-order and criminal cases fell 50% year on year.'),
  },
  {
    id: 'sense-of-security-rank', area: 'public-order',
    name: n('群众安全感和公安工作满意度全市排名', "Residents' sense of security and satisfaction with police: rank in Shenzhen"), unit: u('名', 'rank'),
    direction: 'lower', weight: 1.5, rule: bands([1, 1], [3, 0.8], [5, 0.5]), value: 1, target: 3, cityAverage: null,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'same' },
    note: n('公布：公安工作满意度和群众安全感保持全市第一。', 'Published: first in Shenzhen for satisfaction with police work and sense of security.'),
  },

  // ── Fire safety 消防安全 (12) ──────────────────────────────────────────────────────────
  {
    id: 'fires', area: 'fire',
    name: n('火灾起数', 'Fires'), unit: u('起', 'fires'),
    direction: 'lower', weight: 2.5, rule: linear(80), value: 41, target: 48, cityAverage: 60,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'measure', measure: 'fires' },
    previous: 53, history: [{ period: '2016', value: 53 }, { period: '2017', value: 41 }],
    note: n(
      '公布：2017年全区发生火灾41起，同比下降22.6%。2016年同期53起由下降幅度推算；两年均为1—11月。',
      'Published: 41 fires in 2017, down 22.6% year on year. The 2016 figure (53, same months) is derived from the fall; both cover January–November.',
    ),
  },
  {
    id: 'fire-deaths', area: 'fire',
    name: n('火灾亡人', 'Fire deaths'), unit: u('人', 'deaths'),
    direction: 'lower', weight: 2, rule: THRESHOLD, value: 0, target: 0, cityAverage: 0.6,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'same' },
    note: n('公布：近年来未发生火灾亡人事故。', 'Published: no fire deaths in recent years.'),
  },
  {
    id: 'fire-injuries', area: 'fire',
    name: n('火灾受伤人数', 'Fire injuries'), unit: u('人', 'people'),
    direction: 'lower', weight: 1.5, rule: linear(6), value: 1, target: 3, cityAverage: 3,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'allocate' }, previous: 1,
    note: n('公布：2017年火灾受伤1人（与上年持平）。', 'Published: 1 person injured in fires in 2017 (unchanged).'),
  },
  {
    id: 'fire-loss-change', area: 'fire',
    name: n('火灾直接财产损失同比变化', 'Direct property loss from fires, change year on year'), unit: PCT,
    direction: 'lower', weight: 1.5, rule: bands([-5, 1], [0, 0.6], [10, 0.2]), value: -43.7, target: -5, cityAverage: 0,
    provenance: 'published', decimals: 1, updatedAt: ARTICLE, scope: { kind: 'rate', spread: 12, min: -100, max: 100 },
    note: n('公布：2017年火灾直接财产损失下降43.7%。', 'Published: direct property loss from fires down 43.7% in 2017.'),
  },
  {
    id: 'micro-fire-stations', area: 'fire',
    name: n('微型消防站', 'Micro fire stations'), unit: u('个', 'stations'),
    direction: 'higher', weight: 1.5, rule: linear(100), value: 239, target: 220, cityAverage: 180,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'measure', measure: 'microFireStations' },
    note: n('公布：全区建成微型消防站239个。', 'Published: 239 micro fire stations built.'),
  },
  {
    id: 'emergency-fire-points', area: 'fire',
    name: n('应急消防点', 'Emergency fire points'), unit: u('个', 'points'),
    direction: 'higher', weight: 1.5, rule: linear(60), value: 147, target: 140, cityAverage: 140,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'measure', measure: 'emergencyFirePoints' },
    note: n('公布：全区建成应急消防点147个，覆盖8个城中村及老旧住宅小区、惠及20万人口。', 'Published: 147 emergency fire points, covering 8 urban villages and old estates with 200,000 people.'),
  },
  {
    id: 'urban-village-station-area', area: 'fire',
    name: n('城中村每个应急消防站点覆盖面积', 'Urban-village area per fire station or point'), unit: u('平方公里', 'km²'),
    direction: 'lower', weight: 1.5, rule: linear(1), value: 0.28, target: 0.3, cityAverage: 0.3,
    provenance: 'published', decimals: 2, updatedAt: ARTICLE, scope: { kind: 'rate', spread: 0.06, min: 0.1, max: 1 },
    note: n('公布：城中村平均0.28平方公里就有1个应急消防站点。', 'Published: one fire station or point per 0.28 km² of urban village.'),
  },

  // ── Work safety 安全生产 (12) ──────────────────────────────────────────────────────────
  {
    id: 'major-work-accidents', area: 'work-safety',
    name: n('较大以上生产安全事故', 'Major or worse work-safety accidents'), unit: u('起', 'accidents'),
    direction: 'lower', weight: 2.5, rule: THRESHOLD, value: 0, target: 0, cityAverage: 0.2,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'same' },
    note: n('公布：近年来未发生较大以上安全生产事故。', 'Published: no major or worse work-safety accident in recent years.'),
  },
  {
    id: 'work-accident-deaths', area: 'work-safety',
    name: n('生产安全事故死亡人数', 'Deaths in work-safety accidents'), unit: u('人', 'deaths'),
    direction: 'lower', weight: 2, rule: linear(10), value: 3, target: 6, cityAverage: 6,
    provenance: 'synthetic', decimals: 0, updatedAt: MONTHLY, scope: { kind: 'allocate' },
    previous: 4, history: { yearly: [7, 6, 5, 4, 3] },
  },
  {
    id: 'supervised-enterprises', area: 'work-safety',
    name: n('纳入网格化安全监管的企业', 'Enterprises under grid-based safety supervision'), unit: u('家', 'enterprises'),
    direction: 'higher', weight: 1.5, rule: linear(1500), value: 1962, target: 1900, cityAverage: 1900,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'measure', measure: 'enterprises' },
    note: n('公布：全区纳管的1962家企业划入30个网格，定期开展执法巡查。', 'Published: 1,962 supervised enterprises in 30 supervision grids, inspected on a regular cycle.'),
  },
  {
    id: 'three-small-venues-tracked', area: 'work-safety',
    name: n('"三小"场所纳入"安全一点通"系统比例', '"Three small" venues tracked in the Safety One-Touch system'), unit: PCT,
    direction: 'higher', weight: 1.5, rule: bands([100, 1], [95, 0.7], [85, 0.4]), value: 100, target: 100, cityAverage: 85,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'same' },
    note: n('公布：全区4729家"三小"场所全部录入系统，对12项隐患逐一筛查。', 'Published: all 4,729 "three small" venues entered in the system and checked for 12 hazard types.'),
  },
  {
    id: 'hazards-rectified', area: 'work-safety',
    name: n('安全隐患按期整改率', 'Safety hazards rectified on time'), unit: PCT,
    direction: 'higher', weight: 1.5, rule: linear(80), value: 96.4, target: 95, cityAverage: 93,
    provenance: 'synthetic', decimals: 1, updatedAt: MONTHLY, scope: { kind: 'rate', spread: 1.5 }, history: 'monthly',
  },
  {
    id: 'risk-sources-graded', area: 'work-safety',
    name: n('实行分级管控的风险源', 'Risk sources under graded control'), unit: u('处', 'sources'),
    direction: 'higher', weight: 1.5, rule: THRESHOLD, value: 149, target: 149, cityAverage: null,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'measure', measure: 'riskSources', targetIsValue: true },
    note: n('公布：绘制全区重点安全风险图斑，对149处风险源落实分级管控；目标为全部已识别风险源（合成）。', 'Published: 149 risk sources mapped and under graded control; the target (every identified source) is synthetic.'),
  },
  {
    id: 'road-traffic-deaths', area: 'work-safety',
    name: n('道路交通事故死亡人数', 'Road traffic deaths'), unit: u('人', 'deaths'),
    direction: 'lower', weight: 1.5, rule: linear(20), value: 13, target: 12, cityAverage: 14,
    provenance: 'synthetic', decimals: 0, updatedAt: MONTHLY, scope: { kind: 'allocate' },
    previous: 10, history: { yearly: [14, 13, 12, 10, 13] },
    note: n('含港区后方陆域货柜车交通。', 'Includes container-truck traffic behind the port.'),
  },

  // ── Food and drug safety 食品药品安全 (10) ─────────────────────────────────────────────
  {
    id: 'food-sampling-pass', area: 'food-drug',
    name: n('食品抽检合格率', 'Food samples passing inspection'), unit: PCT,
    direction: 'higher', weight: 2, rule: linear(90), value: 98, target: 97, cityAverage: 96.5,
    provenance: 'published', decimals: 1, updatedAt: H1_2017, scope: { kind: 'rate', spread: 1, max: 100 },
    history: [{ period: '2017-H1', value: 98 }],
    note: n('公布：2017年上半年在食品生产、流通和餐饮环节抽检624批次，合格率98%。', 'Published: 624 batches sampled in production, distribution and catering in the first half of 2017, 98% passed.'),
  },
  {
    id: 'farm-produce-pass', area: 'food-drug',
    name: n('农产品质量安全例行监测合格率', 'Farm produce passing routine quality monitoring'), unit: PCT,
    direction: 'higher', weight: 1.5, rule: linear(90), value: 97.8, target: 97, cityAverage: 97,
    provenance: 'published', decimals: 1, updatedAt: H1_2017, scope: { kind: 'rate', spread: 1, max: 100 },
    history: [{ period: '2017-H1', value: 97.8 }],
    note: n('公布：2017年上半年农产品质量安全例行监测324批次，合格率97.8%。', 'Published: 324 batches of farm produce monitored in the first half of 2017, 97.8% passed.'),
  },
  {
    id: 'drug-sampling-pass', area: 'food-drug',
    name: n('药品风险监测抽样合格率', 'Drug risk-monitoring samples passing'), unit: PCT,
    direction: 'higher', weight: 1.5, rule: linear(95), value: 100, target: 98.5, cityAverage: 98.5,
    provenance: 'published', decimals: 1, updatedAt: H1_2017, scope: { kind: 'same' },
    history: [{ period: '2017-H1', value: 100 }],
    note: n('公布：2017年上半年药品风险监测性抽样24批次，合格率100%。', 'Published: 24 drug batches sampled for risk monitoring in the first half of 2017, 100% passed.'),
  },
  {
    id: 'food-sampling-batches', area: 'food-drug',
    name: n('食品抽检批次（上半年）', 'Food batches sampled (first half-year)'), unit: u('批次', 'batches'),
    direction: 'higher', weight: 1.5, rule: linear(300), value: 624, target: 520, cityAverage: 520,
    provenance: 'published', decimals: 0, updatedAt: H1_2017, scope: { kind: 'allocate' },
    history: [{ period: '2017-H1', value: 624 }],
    note: n('公布：2017年上半年食品抽检624批次。', 'Published: 624 food batches sampled in the first half of 2017.'),
  },
  {
    id: 'open-kitchen-coverage', area: 'food-drug',
    name: n('"明厨亮灶"餐饮单位覆盖率', 'Restaurants with open or video-monitored kitchens'), unit: PCT,
    direction: 'higher', weight: 2, rule: linear(50), value: 78.5, target: 85, cityAverage: 80,
    provenance: 'synthetic', decimals: 1, updatedAt: MONTHLY, scope: { kind: 'rate', spread: 5 }, history: 'monthly',
    note: n('公布："明厨亮灶"工程全面推进；覆盖率为合成数据。', 'Published: the open-kitchen programme is under way; the coverage is synthetic.'),
  },
  {
    id: 'food-poisoning-incidents', area: 'food-drug',
    name: n('30人以上食物中毒事件', 'Food poisoning incidents with 30 or more people'), unit: u('起', 'incidents'),
    direction: 'lower', weight: 1.5, rule: THRESHOLD, value: 0, target: 0, cityAverage: 0.2,
    provenance: 'synthetic', decimals: 0, updatedAt: MONTHLY, scope: { kind: 'same' }, history: { yearly: [1, 0, 0, 0, 0] },
  },

  // ── Dispute resolution 矛盾纠纷化解 (12) ──────────────────────────────────────────────
  {
    id: 'mediation-success', area: 'disputes',
    name: n('人民调解成功率', 'Disputes resolved by mediation'), unit: PCT,
    direction: 'higher', weight: 2, rule: linear(85), value: 99, target: 98, cityAverage: 97,
    provenance: 'published', decimals: 1, updatedAt: ARTICLE, scope: { kind: 'rate', spread: 0.8, max: 100 },
    note: n('公布：各类调解组织受理矛盾纠纷458件，成功调处457件，调解成功率99%。', 'Published: mediation bodies took 458 disputes and resolved 457 (99%).'),
  },
  {
    id: 'labour-risks-defused-early', area: 'disputes',
    name: n('群体性劳资隐患提前化解率', 'Collective labour risks defused early'), unit: PCT,
    direction: 'higher', weight: 1.5, rule: linear(50), value: 80, target: 85, cityAverage: 75,
    provenance: 'published', decimals: 0, updatedAt: YEAR_2016, scope: { kind: 'rate', spread: 5 },
    history: [{ period: '2016', value: 80 }],
    note: n('公布：2016年群体性劳资隐患提前化解率达80%以上。', 'Published: over 80% of collective labour risks defused early in 2016.'),
  },
  {
    id: 'mass-labour-disputes-on-site', area: 'disputes',
    name: n('30人以上群体性劳资纠纷就地化解率', 'Labour disputes involving 30 or more people resolved on site'), unit: PCT,
    direction: 'higher', weight: 1.5, rule: bands([100, 1], [95, 0.8], [90, 0.5]), value: 100, target: 95, cityAverage: 95,
    provenance: 'published', decimals: 0, updatedAt: YEAR_2016, scope: { kind: 'same' },
    history: [{ period: '2016', value: 100 }],
    note: n('公布：2016年30人以上群体性劳资纠纷就地化解率100%。', 'Published: 100% of labour disputes involving 30 or more people resolved on site in 2016.'),
  },
  {
    id: 'labour-disputes-mediated', area: 'disputes',
    name: n('劳动争议调解化解比例', 'Labour disputes settled by mediation'), unit: PCT,
    direction: 'higher', weight: 2, rule: linear(50), value: 90, target: 85, cityAverage: 70,
    provenance: 'published', decimals: 0, updatedAt: YEAR_2016, scope: { kind: 'rate', spread: 4, max: 100 },
    note: n('公布：90%以上劳动争议通过调解方式化解。', 'Published: over 90% of labour disputes settled by mediation.'),
  },
  {
    id: 'arbitration-time-ratio', area: 'disputes',
    name: n('劳动仲裁平均结案用时占法定时限比例', 'Average labour arbitration time as a share of the legal limit'), unit: PCT,
    direction: 'lower', weight: 1.5, rule: linear(100), value: 40, target: 70, cityAverage: 70,
    provenance: 'published', decimals: 0, updatedAt: YEAR_2016, scope: { kind: 'rate', spread: 6 },
    note: n('公布：仲裁平均结案时间为法定时限的40%。', 'Published: arbitration closes on average in 40% of the legal time limit.'),
  },
  {
    id: 'labour-cases-on-time', area: 'disputes',
    name: n('劳动信访、监察、仲裁法定时限结案率', 'Labour petitions, inspections and arbitrations closed within the legal limit'), unit: PCT,
    direction: 'higher', weight: 1.5, rule: THRESHOLD, value: 100, target: 98, cityAverage: 98,
    provenance: 'published', decimals: 0, updatedAt: YEAR_2016, scope: { kind: 'same' },
    note: n('公布：信访、监察、仲裁法定时限结案率100%。', 'Published: 100% of labour petitions, inspections and arbitrations closed within the legal time limit.'),
  },
  {
    id: 'public-opinion-satisfaction', area: 'disputes',
    name: n('民意表达工作室诉求办结率和满意率', 'Public-opinion rooms: requests closed and residents satisfied'), unit: PCT,
    direction: 'higher', weight: 2, rule: linear(80), value: 95, target: 95, cityAverage: 90,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'rate', spread: 2.5, max: 100 },
    note: n('公布：23个民意表达工作室年均解决诉求700宗以上，办结率和满意率均达95%以上。', 'Published: 23 public-opinion rooms settle over 700 requests a year; closure and satisfaction above 95%.'),
  },

  // ── Residential and community safety 基层治理与社区安全 (14) ──────────────────────────
  {
    id: 'access-control-coverage', area: 'community',
    name: n('住宅小区门禁系统覆盖率', 'Residential estates with access control'), unit: PCT,
    direction: 'higher', weight: 2, rule: linear(60), value: 90, target: 95, cityAverage: 85,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'rate', spread: 5, max: 100 },
    note: n('公布：小区门禁系统覆盖率达90%。', 'Published: access control in 90% of residential estates.'),
  },
  {
    id: 'anti-climb-coverage', area: 'community',
    name: n('防爬设施安装率', 'Anti-climb fittings installed'), unit: PCT,
    direction: 'higher', weight: 1.5, rule: linear(70), value: 99, target: 95, cityAverage: 95,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'rate', spread: 1, max: 100 },
    note: n('公布：防爬刺、扇形网、防爬油等设施安装率达99%。', 'Published: anti-climb spikes, fan-shaped nets and anti-climb paint installed at 99%.'),
  },
  {
    id: 'safe-community-coverage', area: 'community',
    name: n('安全文明小区、社区、街道创建覆盖率', 'Safe and civilised estates, communities and sub-districts'), unit: PCT,
    direction: 'higher', weight: 2, rule: bands([100, 1], [95, 0.8], [90, 0.5]), value: 100, target: 100, cityAverage: 90,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'same' },
    note: n('公布：2017年新建和巩固安全文明小区、社区、街道12个，创建覆盖率100%。', 'Published: 12 built or consolidated in 2017; coverage 100%.'),
  },
  {
    id: 'zero-case-estates', area: 'community',
    name: n('物业小区"零发案"比例（上半年）', 'Property-managed estates with zero cases (first half-year)'), unit: PCT,
    direction: 'higher', weight: 2, rule: linear(40), value: 80, target: 60, cityAverage: 60,
    provenance: 'published', decimals: 0, updatedAt: H1_2017, scope: { kind: 'rate', spread: 8, max: 100 },
    history: [{ period: '2017-H1', value: 80 }],
    note: n('公布：2017年上半年全区124个物业小区"零发案"的超过八成。', 'Published: over 80% of the 124 property-managed estates had zero cases in the first half of 2017.'),
  },
  {
    id: 'security-service-rooms', area: 'community',
    name: n('物业小区综治服务室建设比例', 'Property-managed estates with a community security service room'), unit: PCT,
    direction: 'higher', weight: 1.5, rule: linear(0), value: 60, target: 30, cityAverage: 30,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'rate', spread: 10, max: 100 },
    note: n('公布：全区近60%物业小区建立了综治服务室，其中九成以上保持"零发案"。', 'Published: nearly 60% of estates have a community security service room; over 90% of those have zero cases.'),
  },
  {
    id: 'community-participation', area: 'community',
    name: n('群防群治队伍占常住人口比例', 'Patrol members, guards, grid workers and volunteers as a share of residents'), unit: PCT,
    direction: 'higher', weight: 1.5, rule: linear(1), value: 4.1, target: 3, cityAverage: 3,
    provenance: 'published', decimals: 1, updatedAt: ARTICLE, scope: { kind: 'rate', spread: 0.6 },
    note: n('公布：巡防员、保(治)安员、网格员、楼栋长、平安志愿者10788人，占辖区总人口4.1%。', 'Published: 10,788 patrol members, security guards, grid workers, building heads and volunteers, 4.1% of the population.'),
  },
  {
    id: 'cameras-online-rate', area: 'community',
    name: n('一类视频镜头在线率和使用率', 'First-class cameras online and in use'), unit: PCT,
    direction: 'higher', weight: 2, rule: linear(85), value: 98, target: 98, cityAverage: 95,
    provenance: 'published', decimals: 1, updatedAt: ARTICLE, scope: { kind: 'rate', spread: 0.8, max: 100 },
    note: n('公布：保持一类镜头在线率、使用率98%以上。', 'Published: first-class cameras online and in use above 98%.'),
  },
  {
    id: 'camera-density', area: 'community',
    name: n('建成区每平方公里一类高清镜头', 'First-class HD cameras per km² of built-up area'), unit: u('个/平方公里', 'per km²'),
    direction: 'higher', weight: 1.5, rule: linear(40), value: 150, target: 120, cityAverage: 100,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'rate', spread: 25, min: 60, max: 250 },
    note: n('公布：年底全区一类高清镜头将超过3000个，建成区每平方公里达到150个，居全市各区之首。', 'Published: over 3,000 first-class HD cameras by the end of 2017, 150 per km² of built-up area, the most of any district.'),
  },

  // ── Emergency management 应急管理与防灾减灾 (10) ─────────────────────────────────────
  {
    id: 'public-safety-spending', area: 'emergency',
    name: n('公共安全投入', 'Public-safety spending'), unit: u('亿元', 'CNY 100 million'),
    direction: 'higher', weight: 2.5, rule: linear(3), value: 5.06, target: 5, cityAverage: 4.5,
    provenance: 'published', decimals: 2, updatedAt: YEAR_2016, scope: { kind: 'scale' }, previous: 4.02,
    history: [
      { period: '2013', value: 3.56 },
      { period: '2014', value: 3.68 },
      { period: '2015', value: 4.02 },
      { period: '2016', value: 5.06 },
    ],
    note: n('公布：2013—2016年公共安全投入分别为3.56亿、3.68亿、4.02亿、5.06亿元。', 'Published: public-safety spending of 356, 368, 402 and 506 million yuan in 2013–2016.'),
  },
  {
    id: 'geohazard-monitoring', area: 'emergency',
    name: n('地质灾害隐患点和危险边坡监测覆盖率', 'Geological-hazard sites and dangerous slopes under remote monitoring'), unit: PCT,
    direction: 'higher', weight: 2, rule: linear(50), value: 95, target: 80, cityAverage: 80,
    provenance: 'synthetic', decimals: 0, updatedAt: MONTHLY, scope: { kind: 'rate', spread: 5, max: 100 }, history: 'monthly',
    note: n('公布：累计投资1.5亿元开展地质灾害点治理和监测；覆盖率为合成数据。', 'Published: 150 million yuan invested in hazard control and slope monitoring; the coverage rate is synthetic.'),
  },
  {
    id: 'earthquake-safety-communities', area: 'emergency',
    name: n('国家地震安全示范社区（街道）覆盖率', 'Sub-districts that are national earthquake-safety demonstration communities'), unit: PCT,
    direction: 'higher', weight: 2, rule: bands([100, 1], [75, 0.7], [50, 0.4]), value: 100, target: 100, cityAverage: 40,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'same' },
    note: n('公布：在全省率先实现街道一级"国家地震安全示范社区"全覆盖。', 'Published: every sub-district is a national earthquake-safety demonstration community, first in Guangdong.'),
  },
  {
    id: 'key-venues-emergency-forces', area: 'emergency',
    name: n('重点场所应急处突力量配置率', 'Key venues with emergency response forces in place'), unit: PCT,
    direction: 'higher', weight: 1.5, rule: THRESHOLD, value: 100, target: 95, cityAverage: 95,
    provenance: 'published', decimals: 0, updatedAt: ARTICLE, scope: { kind: 'same' },
    note: n('公布：落实全区246家(处)重点场所应急处突力量配置、装备配置、专业训练和警力布控。', 'Published: emergency forces, equipment, training and police deployment in place at all 246 key venues.'),
  },
  {
    id: 'emergency-drills', area: 'emergency',
    name: n('应急演练（年度）', 'Emergency drills held (year)'), unit: u('次', 'drills'),
    direction: 'higher', weight: 2, rule: linear(10), value: 46, target: 40, cityAverage: 40,
    provenance: 'synthetic', decimals: 0, updatedAt: MONTHLY, scope: { kind: 'allocate' },
    previous: 38, history: { yearly: [18, 24, 31, 38, 46] },
    note: n('公布：建成全省首个区级应急培训基地，建立常态化应急演练机制；演练次数为合成数据。', "Published: Guangdong's first district emergency training base and regular drills; the number of drills is synthetic."),
  },
];

/** Years the `yearly` synthetic histories start from. */
export const YEARLY_HISTORY_FIRST = 2013;
