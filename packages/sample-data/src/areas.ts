/**
 * The 8 areas of Yantian's model-safe-district index (56 indicators, 100 points). The article
 * names stability maintenance, public order, work safety and food and drug supervision "and
 * others"; the remaining areas and all the weights are synthetic (weights add up to 100).
 */
import type { LocalizedName } from './places.js';

export type AreaId =
  | 'stability'
  | 'public-order'
  | 'fire'
  | 'work-safety'
  | 'food-drug'
  | 'disputes'
  | 'community'
  | 'emergency';

export interface AreaDef {
  id: AreaId;
  name: LocalizedName;
  /** Points in the 100-point index; equals the sum of the area's indicator weights. */
  weight: number;
}

export const AREAS: readonly AreaDef[] = [
  { id: 'stability', name: { zh: '维稳安全', en: 'Stability' }, weight: 12 },
  { id: 'public-order', name: { zh: '社会治安', en: 'Public order' }, weight: 18 },
  { id: 'fire', name: { zh: '消防安全', en: 'Fire safety' }, weight: 12 },
  { id: 'work-safety', name: { zh: '安全生产', en: 'Work safety' }, weight: 12 },
  { id: 'food-drug', name: { zh: '食品药品安全', en: 'Food and drug safety' }, weight: 10 },
  { id: 'disputes', name: { zh: '矛盾纠纷化解', en: 'Dispute resolution' }, weight: 12 },
  { id: 'community', name: { zh: '基层治理与社区安全', en: 'Residential and community safety' }, weight: 14 },
  {
    id: 'emergency',
    name: { zh: '应急管理与防灾减灾', en: 'Emergency management and disaster prevention' },
    weight: 10,
  },
];
