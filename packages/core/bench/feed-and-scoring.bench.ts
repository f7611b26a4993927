/** Scoring and validation timings (`pnpm --filter @safety-widgets/core bench`): medians, never asserted in tests. */
import { bench, describe } from 'vitest';
import { largeScoringInput } from '../test/fixtures/large-scoring.js';
import { makeEventsFeedText, makeLargeFeed } from '../test/fixtures/large-feed.js';
import { scoreFeed } from '../src/scoring/score-feed.js';
import { parseFeedText, validateFeed } from '../src/feed/validate.js';

describe('scoring', () => {
  const input = largeScoringInput();
  bench('scoreFeed, 5,000 indicators', () => {
    scoreFeed(input);
  });
});

describe('validation', () => {
  const district = makeLargeFeed();
  bench('validateFeed, district (56 indicators, 30 grids, 2,000 events, 5 × 1,100 days)', () => {
    validateFeed(district);
  });
  const { text } = makeEventsFeedText(5 * 1024 * 1024);
  bench(
    'parseFeedText, 5 MB of events',
    () => {
      parseFeedText(text);
    },
    { iterations: 5 },
  );
});
