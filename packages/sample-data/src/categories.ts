/**
 * Incident categories and the models their synthetic daily counts are drawn from.
 *
 * Every daily count is synthetic. The models follow the published trends: 110 and criminal
 * alerts fell every year (for 5 years; the series show 2014 onwards); fraud alerts were 225 in the first half of 2017, down 46% (so about
 * 417 in the first half of 2016); 41 fires in 2017, down 22.6% (about 53 over the same months
 * of 2016). Those totals are hit exactly.
 */
import type { LocalizedName } from './places.js';
import type { Grid } from './territory.js';

export type CategoryId = 'alerts-110' | 'criminal' | 'fraud' | 'fire' | 'dispute' | 'domestic';

/** A window whose total the daily counts must hit exactly. */
export interface TotalConstraint {
  first: string;
  last: string;
  total: number;
  /** Why: the published figure the total comes from. */
  reason: string;
}

export interface CategoryModel {
  id: CategoryId;
  name: LocalizedName;
  /** Sensitive categories are never placed at a point by widgets (here: domestic disputes). */
  sensitive: boolean;
  /** Mean events per day at these dates, linear in between, flat beyond. */
  anchors: readonly (readonly [string, number])[];
  /** Sunday … Saturday factors. */
  weekly: readonly number[];
  /** January … December factors. */
  monthly: readonly number[];
  /** Depth of the Chinese New Year dip (0.3 = 30% fewer at the deepest; negative = a rise). */
  springFestival: number;
  /** Factor during the National Day Golden Week (1–7 October). */
  goldenWeek: number;
  totals: readonly TotalConstraint[];
  /** Relative frequency by hour of day (0–23), for event timestamps. */
  hours: readonly number[];
  /** Relative share of a day's events that fall in `grid` (synthetic). */
  gridWeight(grid: Grid, year: number, month: number): number;
}

const flat7 = [1, 1, 1, 1, 1, 1, 1];
const summer = (month: number) => month >= 6 && month <= 9;
/** Dameisha: public-order and criminal cases down 50% year on year in 2017 (published). */
const dameisha = (grid: Grid, year: number, month: number, peak: number, offPeak: number) =>
  1 + grid.profile.tourism * (summer(month) ? peak : offPeak) * (year >= 2017 ? 0.5 : 1);

const EVENING = [4, 3, 2, 2, 1, 1, 2, 3, 4, 5, 5, 5, 6, 5, 5, 5, 5, 6, 7, 8, 9, 9, 8, 6];
const NIGHT = [6, 6, 5, 4, 3, 2, 2, 2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 6, 7, 7, 7, 7];
const DAYTIME = [1, 0.5, 0.3, 0.3, 0.3, 0.5, 1, 2, 4, 6, 7, 7, 6, 6, 7, 7, 6, 5, 4, 3, 3, 2, 2, 1];
const OFFICE = [0, 0, 0, 0, 0, 0, 0, 0.5, 2, 8, 9, 9, 4, 3, 8, 9, 8, 6, 2, 1, 0.5, 0, 0, 0];
const COOKING = [2, 2, 1, 1, 1, 1, 2, 3, 3, 3, 4, 6, 6, 4, 3, 3, 4, 6, 7, 6, 5, 4, 3, 3];
const HOME = [3, 2, 1, 1, 0.5, 0.5, 1, 1, 2, 2, 2, 2, 3, 2, 2, 2, 3, 4, 6, 8, 9, 9, 8, 5];

export const CATEGORY_MODELS: readonly CategoryModel[] = [
  {
    id: 'alerts-110',
    name: { zh: '110警情', en: '110 police alerts' },
    sensitive: false,
    anchors: [
      ['2014-01-01', 52],
      ['2015-01-01', 47],
      ['2016-01-01', 42],
      ['2017-01-01', 37.5],
      ['2017-11-30', 34.5],
    ],
    weekly: [1.06, 0.95, 0.94, 0.95, 0.97, 1.04, 1.09],
    monthly: [0.97, 0.9, 0.97, 1, 1.02, 1.02, 1.08, 1.1, 1.02, 1.04, 0.98, 0.95],
    springFestival: 0.3,
    goldenWeek: 1.1,
    totals: [],
    hours: EVENING,
    gridWeight: (g, year, month) =>
      g.population * (1 + 0.3 * g.profile.port) * dameisha(g, year, month, 1.5, 0.4),
  },
  {
    id: 'criminal',
    name: { zh: '刑事立案', en: 'Criminal cases filed' },
    sensitive: false,
    anchors: [
      ['2014-01-01', 7.6],
      ['2015-01-01', 6.6],
      ['2016-01-01', 5.6],
      ['2017-01-01', 4.8],
      ['2017-11-30', 4.2],
    ],
    weekly: [1.02, 0.97, 0.97, 0.98, 0.99, 1.02, 1.05],
    monthly: [1, 0.9, 0.97, 0.98, 1, 1, 1.05, 1.06, 1, 1.02, 1, 1.02],
    springFestival: 0.35,
    goldenWeek: 1.05,
    totals: [],
    hours: NIGHT,
    gridWeight: (g, year, month) =>
      g.population * (1 + 0.4 * g.profile.urbanVillage) * dameisha(g, year, month, 1, 0.3),
  },
  {
    id: 'fraud',
    name: { zh: '诈骗警情', en: 'Fraud alerts' },
    sensitive: false,
    anchors: [
      ['2014-01-01', 1.05],
      ['2015-01-01', 1.5],
      ['2015-07-01', 1.9],
      ['2016-03-01', 2.35],
      ['2016-07-01', 2.2],
      ['2017-01-01', 1.4],
      ['2017-06-30', 1.15],
      ['2017-11-30', 0.95],
    ],
    weekly: [0.78, 1.08, 1.08, 1.08, 1.08, 1.06, 0.84],
    monthly: [1, 0.9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.05],
    springFestival: 0.3,
    goldenWeek: 0.9,
    totals: [
      {
        first: '2016-01-01',
        last: '2016-06-30',
        total: 417,
        reason: '2017-H1 225 alerts were down 46% (225 / 0.54 ≈ 417)',
      },
      {
        first: '2017-01-01',
        last: '2017-06-30',
        total: 225,
        reason: '225 fraud alerts in the first half of 2017 (published)',
      },
    ],
    hours: DAYTIME,
    gridWeight: (g) => g.population,
  },
  {
    id: 'fire',
    name: { zh: '火灾', en: 'Fires' },
    sensitive: false,
    anchors: [
      ['2014-01-01', 0.21],
      ['2015-01-01', 0.19],
      ['2016-01-01', 0.165],
      ['2017-01-01', 0.13],
      ['2017-11-30', 0.115],
    ],
    weekly: flat7,
    monthly: [1.3, 1.35, 1.2, 0.95, 0.8, 0.75, 0.75, 0.75, 0.85, 1, 1.15, 1.3],
    springFestival: -0.2,
    goldenWeek: 1,
    totals: [
      {
        first: '2016-01-01',
        last: '2016-11-30',
        total: 53,
        reason: '41 fires in 2017 were down 22.6% (41 / 0.774 ≈ 53)',
      },
      { first: '2017-01-01', last: '2017-11-30', total: 41, reason: '41 fires in 2017 (published)' },
    ],
    hours: COOKING,
    // Mostly where people live (urban villages above all), some in the wooded hills.
    gridWeight: (g) =>
      g.population * (1 + 1.2 * g.profile.urbanVillage) + 3000 * g.areaKm2 * (1 - g.profile.settled),
  },
  {
    id: 'dispute',
    name: { zh: '矛盾纠纷', en: 'Disputes taken for mediation' },
    sensitive: false,
    anchors: [
      ['2014-01-01', 1.55],
      ['2015-01-01', 1.45],
      ['2016-01-01', 1.32],
      ['2017-01-01', 1.24],
      ['2017-11-30', 1.2],
    ],
    weekly: [0.45, 1.22, 1.2, 1.2, 1.2, 1.15, 0.58],
    monthly: [1.35, 0.8, 1, 0.95, 0.95, 1, 1, 1, 0.95, 0.9, 1, 1.3],
    springFestival: 0.6,
    goldenWeek: 0.4,
    totals: [],
    hours: OFFICE,
    gridWeight: (g) => g.population * (1 + 0.6 * g.profile.port),
  },
  {
    id: 'domestic',
    name: { zh: '家庭纠纷警情', en: 'Domestic dispute alerts' },
    sensitive: true,
    anchors: [
      ['2014-01-01', 0.75],
      ['2015-01-01', 0.7],
      ['2016-01-01', 0.62],
      ['2017-11-30', 0.55],
    ],
    weekly: [1.18, 0.93, 0.92, 0.92, 0.94, 1.01, 1.1],
    monthly: [1.05, 1.2, 1, 0.95, 0.95, 1, 1, 1, 1, 1.05, 0.95, 0.95],
    springFestival: -0.15,
    goldenWeek: 1.1,
    totals: [],
    hours: HOME,
    gridWeight: (g) => g.population,
  },
];

export function categoryModel(id: string): CategoryModel {
  const model = CATEGORY_MODELS.find((c) => c.id === id);
  if (!model) throw new Error(`unknown category ${id}`);
  return model;
}
