/**
 * Test, story and bench data: feeds built from the Yantian sample, with as many synthetic
 * indicators as asked for (deterministic), and a copy of the sample that is current.
 */
import type { Feed, FeedInput } from '@safety-widgets/core';
import yantian from '@safety-widgets/sample-data/feeds/yantian.json';

/** The Yantian district sample feed (asOf 2017-12-04, so stale by age). */
export const yantianFeed = yantian as unknown as FeedInput;

/** A deep copy of the Yantian sample, dated now (so it is `ready`, not `stale`). */
export function currentYantian(): FeedInput & Pick<Feed, 'indicators' | 'areas'> {
  const copy = structuredClone(yantianFeed) as FeedInput & Pick<Feed, 'indicators' | 'areas'>;
  copy.asOf = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return copy;
}

/** A small deterministic pseudo-random generator (LCG) in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * The Yantian feed with `count` synthetic indicators spread over its 8 areas (ids
 * `synthetic-00001`…, names "Synthetic indicator 1" / "合成指标 1"), dated now.
 */
export function largeFeed(count: number, seed = 7): FeedInput & Pick<Feed, 'indicators' | 'areas'> {
  const base = currentYantian();
  const rnd = random(seed);
  const areas = base.areas;
  const indicators: Feed['indicators'] = [];
  for (let i = 0; i < count; i++) {
    const area = areas[i % areas.length]!;
    const higher = rnd() < 0.5;
    const target = Math.round(rnd() * 1000) / 10;
    const value = rnd() < 0.05 ? null : Math.round(rnd() * 1000) / 10;
    const history = Array.from({ length: 6 }, (_, k) => ({
      period: `${2012 + k}`,
      value: Math.round(rnd() * 1000) / 10,
    }));
    indicators.push({
      id: `synthetic-${String(i + 1).padStart(5, '0')}`,
      area: area.id,
      name: { zh: `合成指标 ${i + 1}`, en: `Synthetic indicator ${i + 1}` },
      unit: { zh: '%', en: '%' },
      value,
      target,
      cityAverage: Math.round(rnd() * 1000) / 10,
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
  base.indicators = indicators;
  base.areas = areas.map((a) => ({ ...a, weight: Math.min(100, Math.ceil(count / areas.length)) }));
  return base;
}
