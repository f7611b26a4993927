/**
 * The map's data work in Node (`pnpm --filter @safety-widgets/grid-map bench`): medians, never
 * asserted in tests. Painting and hover are timed in Chromium by bench/paint-in-chromium.ts.
 */
import { bench, describe } from 'vitest';
import { validateFeed, type Feed } from '@safety-widgets/core';
import { mulberry32, syntheticGridFeed } from '@safety-widgets/sample-data/synthetic';
import { classify } from '../src/classes.js';
import { buildMapModel, gridOfPointIn } from '../src/map-model.js';
import { gridFigures, metricDefs, resolveMetric } from '../src/metrics.js';
import { stepInDirection } from '../src/navigation.js';
import { countPerGrid } from '../src/privacy.js';
import { ShapeCache } from '../src/projection.js';
import { rankGrids } from '../src/ranking.js';
import { yantianInput } from '../test/fixtures.js';

function feedOf(input: unknown): Feed {
  const result = validateFeed(input);
  if (!result.ok) throw new Error('bench feed is invalid');
  return result.feed;
}

/** Everything the element derives from a feed before drawing. */
function derive(feed: Feed, cache: ShapeCache) {
  const model = buildMapModel(feed, undefined, cache);
  const counters = countPerGrid(feed, gridOfPointIn(model));
  const figures = gridFigures(model.grids, resolveMetric(metricDefs(feed), 'cases'), counters, 'count', 3);
  const classes = classify(figures.map((f) => f.shown));
  const ranking = rankGrids(
    figures,
    model.grids.map((g) => g.name.en),
    'en',
  );
  return { model, classes, ranking };
}

describe('30 sample grids', () => {
  const input = yantianInput();
  bench('validateFeed (core), the sample district feed (56 indicators, 2,800 events, 6 daily series)', () => {
    validateFeed(input);
  });
  const sample = feedOf(input);
  bench('derive, cold cache (normalise + project 30 grids, 4 sub-districts, 3 neighbours)', () => {
    derive(sample, new ShapeCache());
  });
  const cache = new ShapeCache();
  derive(sample, cache);
  bench('derive, figures-only update (nothing projected)', () => {
    derive(sample, cache);
  });
});

describe('20,000 synthetic cells', () => {
  const input = syntheticGridFeed(yantianInput(), { cells: 20_000, points: 2_000 });
  bench(
    'validateFeed (core), 20,000 grids',
    () => {
      validateFeed(input);
    },
    { iterations: 5 },
  );
  const big = feedOf(input);
  bench(
    'derive, cold cache (normalise + project 20,000 cells, index)',
    () => {
      derive(big, new ShapeCache());
    },
    { iterations: 5 },
  );
  const cache = new ShapeCache();
  const { model } = derive(big, cache);
  bench(
    'derive, figures-only update (nothing projected)',
    () => {
      derive(big, cache);
    },
    { iterations: 10 },
  );
  const random = mulberry32(1);
  bench('hit-test one point (flatbush + point-in-polygon)', () => {
    model.index.at(random() * 1000, random() * 700);
  });
  bench('arrow key: neighbour in a direction', () => {
    stepInDirection(model.index, Math.floor(random() * 20_000), 'right');
  });
});
