/**
 * Turns the 56 indicator definitions into feed indicators for one place.
 *
 * District feed: published values as published, synthetic ones as defined or computed from
 * the generated data. Sub-district feeds: the same 56 indicators, every value derived from
 * the district's (or computed from the sub-district's own data) and marked synthetic.
 */
import type { FeedInput } from '@safety-widgets/core';
import type { CategoryId } from './categories.js';
import { SERIES_END, monthEnd, monthRange, sumBetween } from './dates.js';
import type { GridMetrics } from './grid-metrics.js';
import {
  type HistoryPointDef,
  INDICATORS,
  type IndicatorDef,
  type MeasureId,
  type Rule,
  YEARLY_HISTORY_FIRST,
} from './indicators.js';
import type { LayerData } from './layers.js';
import { SUBDISTRICTS, type LocalizedName, type SubdistrictId } from './places.js';
import { apportion, rng } from './random.js';

export type IndicatorInput = FeedInput['indicators'][number];

/** What the indicators of one place are computed from. */
export interface PlaceContext {
  level: 'district' | 'subdistrict';
  /** Feed/place id, used to seed the place's synthetic variation. */
  placeId: string;
  subdistrict?: SubdistrictId;
  population: number;
  /** population / district population (1 for the district). */
  share: number;
  /** The place's daily series (from SERIES_START). */
  series: ReadonlyMap<CategoryId, readonly number[]>;
  /** The place's points only. */
  layers: readonly LayerData[];
  /** Metrics of the place's grids. */
  gridMetrics: readonly GridMetrics[];
  seed?: number;
}

interface Measured {
  value: number;
  previous?: number;
  history?: HistoryPointDef[];
}

const roundTo = (x: number, decimals: number) => {
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

function series(ctx: PlaceContext, id: CategoryId): readonly number[] {
  const s = ctx.series.get(id);
  if (!s) throw new Error(`no ${id} series for ${ctx.placeId}`);
  return s;
}

function layerSize(ctx: PlaceContext, id: string): number {
  const layer = ctx.layers.find((l) => l.id === id);
  if (!layer) throw new Error(`no layer ${id} for ${ctx.placeId}`);
  return layer.points.length;
}

/** First day of the month 11 months before `month` (`YYYY-MM`): the start of a 12-month window. */
function twelveMonthStart(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const start = y * 12 + (m - 1) - 11;
  return `${Math.floor(start / 12)}-${String((start % 12) + 1).padStart(2, '0')}-01`;
}

/** Values computed from a place's generated data. */
export function measure(ctx: PlaceContext, id: MeasureId): Measured {
  switch (id) {
    case 'alerts110Per10k': {
      const alerts = series(ctx, 'alerts-110');
      const per10k = (month: string) =>
        roundTo((sumBetween(alerts, twelveMonthStart(month), monthEnd(month)) / ctx.population) * 10_000, 1);
      const history = monthRange('2016-12', SERIES_END.slice(0, 7)).map((month) => ({
        period: month,
        value: per10k(month),
      }));
      return {
        value: history[history.length - 1]!.value!,
        previous: history[history.length - 2]!.value!,
        history,
      };
    }
    case 'criminalChange': {
      const cases = series(ctx, 'criminal');
      const change = (now: number, before: number) => roundTo((now / before - 1) * 100, 1);
      const fullYear = (year: number) => sumBetween(cases, `${year}-01-01`, `${year}-12-31`);
      const y2015 = change(fullYear(2015), fullYear(2014));
      const y2016 = change(fullYear(2016), fullYear(2015));
      const y2017 = change(
        sumBetween(cases, '2017-01-01', '2017-11-30'),
        sumBetween(cases, '2016-01-01', '2016-11-30'),
      );
      return {
        value: y2017,
        previous: y2016,
        history: [
          { period: '2015', value: y2015 },
          { period: '2016', value: y2016 },
          { period: '2017', value: y2017 },
        ],
      };
    }
    case 'fraudH1': {
      const fraud = series(ctx, 'fraud');
      const h1 = (year: number) => sumBetween(fraud, `${year}-01-01`, `${year}-06-30`);
      return {
        value: h1(2017),
        previous: h1(2016),
        history: [
          { period: '2016-H1', value: h1(2016) },
          { period: '2017-H1', value: h1(2017) },
        ],
      };
    }
    case 'fires': {
      const fires = series(ctx, 'fire');
      const jan2nov = (year: number) => sumBetween(fires, `${year}-01-01`, `${year}-11-30`);
      return {
        value: jan2nov(2017),
        previous: jan2nov(2016),
        history: [
          { period: '2016', value: jan2nov(2016) },
          { period: '2017', value: jan2nov(2017) },
        ],
      };
    }
    case 'microFireStations':
      return { value: layerSize(ctx, 'micro-fire-stations') };
    case 'emergencyFirePoints':
      return { value: layerSize(ctx, 'emergency-fire-points') };
    case 'riskSources':
      return { value: layerSize(ctx, 'risk-sources') };
    case 'enterprises':
      return { value: ctx.gridMetrics.reduce((sum, m) => sum + (m.enterprises ?? 0), 0) };
  }
}

/** Where synthetic variation must stay: the scope's bounds, else 0–100 for %, else ≥ 0. */
function bounds(def: IndicatorDef): [number, number] {
  const isPercent = def.unit.en === '%';
  const scope: { min?: number; max?: number } = def.scope.kind === 'rate' ? def.scope : {};
  return [scope.min ?? 0, scope.max ?? (isPercent ? 100 : Infinity)];
}

/** A target, city average or rule bound scaled to a sub-district: whole numbers from 10 up. */
function roundScaled(x: number, def: IndicatorDef): number {
  if (def.decimals > 0) return roundTo(x, def.decimals);
  return roundTo(x, Math.abs(x) >= 10 ? 0 : 1);
}

const clamp = (x: number, [lo, hi]: [number, number]) => Math.min(hi, Math.max(lo, x));

/** 12 synthetic monthly points (Dec 2016 – Nov 2017) ending at `value`, improving slowly. */
function monthlyHistory(def: IndicatorDef, value: number, placeId: string, seed?: number): HistoryPointDef[] {
  const random = rng(`history:${def.id}:${placeId}`, seed);
  const months = monthRange('2016-12', SERIES_END.slice(0, 7));
  const step = Math.max(Math.abs(value) * 0.004, 10 ** -def.decimals);
  const better = def.direction === 'higher' ? 1 : -1;
  const range = bounds(def);
  return months.map((period, i) => {
    const back = months.length - 1 - i;
    const v = back === 0 ? value : value - better * step * back * 0.6 + random.normal(0, step);
    return { period, value: roundTo(clamp(v, range), def.decimals) };
  });
}

function yearlyHistory(values: readonly number[]): HistoryPointDef[] {
  return values.map((value, i) => ({ period: String(YEARLY_HISTORY_FIRST + i), value }));
}

/** Share of a whole count for one sub-district: the parts for all four add up to `total`. */
function allocated(total: number, def: IndicatorDef, subdistrict: SubdistrictId, seed?: number): number {
  const random = rng(`allocate:${def.id}`, seed);
  const weights = SUBDISTRICTS.map((s) => s.population * random.uniform(0.7, 1.3));
  const parts = apportion(Math.round(total), weights);
  return parts[SUBDISTRICTS.findIndex((s) => s.id === subdistrict)]!;
}

function scaleRule(def: IndicatorDef, share: number): Rule {
  const rule = def.rule;
  switch (rule.type) {
    case 'linear':
      return { type: 'linear', floor: roundScaled(rule.floor * share, def) };
    case 'bands':
      return {
        type: 'bands',
        bands: rule.bands.map((b) => ({
          bound: roundScaled(b.bound * share, def),
          attainment: b.attainment,
        })),
      };
    case 'threshold':
      return rule;
  }
}

function formatNumber(x: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

const SYNTHETIC_TARGETS: LocalizedName = {
  zh: '目标值和全市平均值为合成数据。',
  en: 'Target and city average are synthetic.',
};
const SYNTHETIC_TARGET: LocalizedName = { zh: '目标值为合成数据。', en: 'Target is synthetic.' };
const CITY_AVERAGE_SCALED: LocalizedName = {
  zh: '计数类指标的全市平均值按本地人口折算。',
  en: 'For counts, the city average is the city-wide rate at this population.',
};

function join(...parts: (LocalizedName | undefined)[]): LocalizedName {
  const present = parts.filter((p): p is LocalizedName => p !== undefined);
  return { zh: present.map((p) => p.zh).join(''), en: present.map((p) => p.en).join(' ') };
}

/** Measures that are counts (their targets and city averages scale with population). */
const COUNT_MEASURES: ReadonlySet<MeasureId> = new Set<MeasureId>([
  'fraudH1',
  'fires',
  'microFireStations',
  'emergencyFirePoints',
  'riskSources',
  'enterprises',
]);

/** Whether the indicator is a count whose target and city average depend on the population. */
const isCount = (def: IndicatorDef) =>
  def.scope.kind === 'allocate' ||
  def.scope.kind === 'scale' ||
  (def.scope.kind === 'measure' && COUNT_MEASURES.has(def.scope.measure));

function districtIndicator(def: IndicatorDef, ctx: PlaceContext): IndicatorInput {
  let value = def.value;
  let previous = def.previous;
  let history: HistoryPointDef[] = [];
  if (def.scope.kind === 'measure') {
    const m = measure(ctx, def.scope.measure);
    if (def.provenance === 'published' && m.value !== def.value) {
      throw new Error(`${def.id}: generated data give ${m.value}, the published figure is ${def.value}`);
    }
    value = m.value;
    previous = def.provenance === 'published' ? def.previous : m.previous;
    history = def.provenance === 'published' && Array.isArray(def.history) ? def.history : (m.history ?? []);
  } else if (def.history === 'monthly') {
    history = monthlyHistory(def, value, ctx.placeId, ctx.seed);
    previous ??= history[history.length - 2]?.value ?? undefined;
  } else if (Array.isArray(def.history)) {
    history = def.history;
  } else if (def.history) {
    history = yearlyHistory(def.history.yearly);
  }
  const basis =
    def.provenance === 'published'
      ? def.note
      : join(def.note, { zh: '数值为合成数据。', en: 'The value is synthetic.' });
  const note = join(
    basis,
    def.cityAverage === null ? SYNTHETIC_TARGET : SYNTHETIC_TARGETS,
    isCount(def) && def.cityAverage !== null ? CITY_AVERAGE_SCALED : undefined,
  );
  return output(def, {
    value,
    target: def.target,
    cityAverage: def.cityAverage,
    rule: def.rule,
    previous,
    history,
    provenance: def.provenance,
    note,
  });
}

function subdistrictIndicator(def: IndicatorDef, ctx: PlaceContext): IndicatorInput {
  const sub = ctx.subdistrict!;
  const scope = def.scope;
  const districtHistory: HistoryPointDef[] = Array.isArray(def.history)
    ? def.history
    : def.history && def.history !== 'monthly'
      ? yearlyHistory(def.history.yearly)
      : [];
  let value: number | null = def.value;
  let previous = def.previous;
  let history: HistoryPointDef[] = districtHistory;
  let target = def.target;
  let cityAverage = def.cityAverage;
  let rule = def.rule;
  const scaleTargets = () => {
    target = roundScaled(def.target * ctx.share, def);
    cityAverage = def.cityAverage === null ? null : roundScaled(def.cityAverage * ctx.share, def);
    rule = scaleRule(def, ctx.share);
  };
  let how: LocalizedName;
  switch (scope.kind) {
    case 'same':
      how = {
        zh: '街道数值沿用区级数值（合成）。',
        en: 'Sub-district value repeats the district value (synthetic).',
      };
      break;
    case 'only':
      if (scope.subdistrict !== sub) {
        value = null;
        previous = undefined;
        history = [];
        how = {
          zh: '不适用：大梅沙景区位于梅沙街道。',
          en: 'Not applicable: the Dameisha tourist area is in Meisha Subdistrict.',
        };
      } else {
        how = {
          zh: '区级数值即本街道数值（合成）。',
          en: 'The district figure is this sub-district’s (synthetic).',
        };
      }
      break;
    case 'rate': {
      const random = rng(`rate:${def.id}:${sub}`, ctx.seed);
      const delta = random.uniform(-scope.spread, scope.spread);
      const range = bounds(def);
      const shift = (x: number) => roundTo(clamp(x + delta, range), def.decimals);
      value = shift(def.value);
      previous = previous === undefined ? undefined : shift(previous);
      history = districtHistory.map((p) => ({
        period: p.period,
        value: p.value === null ? null : shift(p.value),
      }));
      how = {
        zh: '街道数值由区级数值加合成波动得出。',
        en: 'Sub-district value is the district value with synthetic variation.',
      };
      break;
    }
    case 'allocate': {
      value = allocated(def.value, def, sub, ctx.seed);
      previous = previous === undefined ? undefined : allocated(previous, def, sub, ctx.seed);
      history = districtHistory.map((p) => ({
        period: p.period,
        value: p.value === null ? null : allocated(p.value, def, sub, ctx.seed),
      }));
      scaleTargets();
      how = {
        zh: '区级数值按人口分配到各街道（合成）。',
        en: 'District count shared out among sub-districts by population (synthetic).',
      };
      break;
    }
    case 'scale': {
      const scale = (x: number) => roundTo(x * ctx.share, def.decimals);
      value = scale(def.value);
      previous = previous === undefined ? undefined : scale(previous);
      history = districtHistory.map((p) => ({
        period: p.period,
        value: p.value === null ? null : scale(p.value),
      }));
      scaleTargets();
      how = {
        zh: '区级数值按人口比例折算（合成）。',
        en: 'District figure scaled by population share (synthetic).',
      };
      break;
    }
    case 'measure': {
      const m = measure(ctx, scope.measure);
      value = m.value;
      previous = m.previous;
      history = m.history ?? [];
      if (scope.targetIsValue) {
        target = m.value;
        cityAverage = null;
      } else if (isCount(def)) {
        scaleTargets();
      }
      how = { zh: '由本街道的合成数据计算。', en: 'Computed from this sub-district’s synthetic data.' };
      break;
    }
  }
  if (def.history === 'monthly' && value !== null) {
    history = monthlyHistory(def, value, ctx.placeId, ctx.seed);
    previous = history[history.length - 2]?.value ?? undefined;
  }
  const districtFigure: LocalizedName = {
    zh: `区级数值${formatNumber(def.value)}${def.unit.zh === '%' ? '%' : def.unit.zh}（${def.provenance === 'published' ? '公布' : '合成'}）。`,
    en: `District figure: ${formatNumber(def.value)}${def.unit.en === '%' ? '%' : ` ${def.unit.en}`} (${def.provenance}).`,
  };
  const note = join(
    how,
    districtFigure,
    cityAverage === null ? SYNTHETIC_TARGET : SYNTHETIC_TARGETS,
    isCount(def) && cityAverage !== null ? CITY_AVERAGE_SCALED : undefined,
  );
  return output(def, { value, target, cityAverage, rule, previous, history, provenance: 'synthetic', note });
}

function output(
  def: IndicatorDef,
  v: {
    value: number | null;
    target: number;
    cityAverage: number | null;
    rule: Rule;
    previous: number | undefined;
    history: HistoryPointDef[];
    provenance: 'published' | 'synthetic';
    note: LocalizedName;
  },
): IndicatorInput {
  return {
    id: def.id,
    area: def.area,
    name: def.name,
    unit: def.unit,
    value: v.value,
    target: v.target,
    ...(v.cityAverage === null ? {} : { cityAverage: v.cityAverage }),
    direction: def.direction,
    weight: def.weight,
    rule: v.rule,
    ...(v.previous === undefined ? {} : { previous: v.previous }),
    history: v.history,
    updatedAt: def.updatedAt,
    provenance: v.provenance,
    note: v.note,
  };
}

/** The 56 indicators for a place. */
export function buildIndicators(ctx: PlaceContext): IndicatorInput[] {
  return INDICATORS.map((def) =>
    ctx.level === 'district' ? districtIndicator(def, ctx) : subdistrictIndicator(def, ctx),
  );
}
