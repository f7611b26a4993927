/**
 * The timeline's data at scale, built on the Yantian sample by `@safety-widgets/sample-data/synthetic`
 * (deterministic, no Math.random).
 */
import { syntheticEventColumns, tenYearFeed as tenYearsOf } from '@safety-widgets/sample-data/synthetic';
import type { EventColumns } from '../src/bin-events.js';
import { rawYantian } from './feeds.js';

/**
 * `n` raw events from 2008-01-01 to 2017-12-31 (Shenzhen time) over the six sample categories and
 * the sample's 30 grids, in no particular order.
 */
export function millionEvents(n = 1_000_000): EventColumns {
  return syntheticEventColumns(rawYantian(), n);
}

/**
 * The sample district's envelope with ten years (2008–2017) of synthetic daily series for its six
 * categories (`series: false` for none), no events, `asOf` 2017-12-31.
 */
export function tenYearFeed(options: { series?: boolean } = {}): Record<string, unknown> {
  return tenYearsOf(rawYantian(), options);
}
