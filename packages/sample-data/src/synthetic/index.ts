/**
 * `@safety-widgets/sample-data/synthetic`: deterministic data at scale for tests, stories and
 * benchmarks (a 20,000-cell grid, 5,000 indicators, a million events), and the one seeded
 * pseudo-random generator every package's tests and benchmarks draw from. Runs in Node and in
 * the browser (no file access); each generator takes the sample feed it builds on.
 */
export { mulberry32 } from '../random.js';
export { syntheticCellId, syntheticGridFeed, type SyntheticGridOptions } from './grid.js';
export { syntheticEventColumns, tenYearFeed, type SyntheticEventColumns } from './events.js';
export { syntheticIndicatorFeed, type FeedWithIndicators } from './indicators.js';
