/**
 * Indicator tables at scale for tests, stories and benchmarks: a feed with as many synthetic
 * indicators as asked for, spread over its areas. Deterministic per seed.
 */
import type { Feed, FeedInput } from '@safety-widgets/core';
import { mulberry32 } from '../random.js';

/** A feed with its indicators and areas typed as the validated feed has them. */
export type FeedWithIndicators<T extends FeedInput = FeedInput> = T & Pick<Feed, 'indicators' | 'areas'>;

/**
 * A copy of `base` (a sample feed with areas) whose indicators are `count` synthetic ones spread
 * over its areas in turn (ids `synthetic-00001`…, names "Synthetic indicator 1" / "合成指标 1"),
 * each area weighted by how many it holds (at most 100).
 */
export function syntheticIndicatorFeed<T extends FeedInput>(
  base: T,
  count: number,
  seed = 7,
): FeedWithIndicators<T> {
  const feed = structuredClone(base) as FeedWithIndicators<T>;
  const rnd = mulberry32(seed);
  const tenth = () => Math.round(rnd() * 1000) / 10;
  const areas = feed.areas;
  const indicators: Feed['indicators'] = [];
  for (let i = 0; i < count; i++) {
    const area = areas[i % areas.length]!;
    const higher = rnd() < 0.5;
    const target = tenth();
    const value = rnd() < 0.05 ? null : tenth();
    const history = Array.from({ length: 6 }, (_, k) => ({ period: `${2012 + k}`, value: tenth() }));
    indicators.push({
      id: `synthetic-${String(i + 1).padStart(5, '0')}`,
      area: area.id,
      name: { zh: `合成指标 ${i + 1}`, en: `Synthetic indicator ${i + 1}` },
      unit: { zh: '%', en: '%' },
      value,
      target,
      cityAverage: tenth(),
      direction: higher ? 'higher' : 'lower',
      weight: 1,
      rule: { type: 'linear', floor: higher ? 0 : 100 },
      previous: null,
      history,
      updatedAt: null,
      provenance: 'synthetic',
      note: null,
    });
  }
  feed.indicators = indicators;
  feed.areas = areas.map((a) => ({ ...a, weight: Math.min(100, Math.ceil(count / areas.length)) }));
  return feed;
}
