/**
 * Test, story and bench data: the Yantian sample, a copy of it that is current, and feeds built
 * from it with as many synthetic indicators as asked for (`@safety-widgets/sample-data/synthetic`).
 */
import type { FeedInput } from '@safety-widgets/core';
import yantian from '@safety-widgets/sample-data/feeds/yantian.json';
import { syntheticIndicatorFeed, type FeedWithIndicators } from '@safety-widgets/sample-data/synthetic';

/** The Yantian district sample feed (asOf 2017-12-04, so stale by age). */
export const yantianFeed = yantian as unknown as FeedInput;

/** A deep copy of the Yantian sample, dated now (so it is `ready`, not `stale`). */
export function currentYantian(): FeedWithIndicators {
  const copy = structuredClone(yantianFeed) as FeedWithIndicators;
  copy.asOf = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return copy;
}

/**
 * The Yantian feed with `count` synthetic indicators spread over its 8 areas (ids
 * `synthetic-00001`…, names "Synthetic indicator 1" / "合成指标 1"), dated now.
 */
export function largeFeed(count: number, seed = 7): FeedWithIndicators {
  return syntheticIndicatorFeed(currentYantian(), count, seed);
}
