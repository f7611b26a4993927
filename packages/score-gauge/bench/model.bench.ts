/** The gauge's pure work in Node (`npx vitest bench --run`): scoring and the view model. */
import { validateFeed, type Feed } from '@safety-widgets/core';
import { bench, describe } from 'vitest';
import { sampleFeed } from '../test/feeds.js';
import { gaugeModel } from '../src/gauge-model.js';
import { moversSummary, valueText } from '../src/gauge-text.js';

const feed = validateFeed(sampleFeed()).feed as Feed;

describe('view model', () => {
  bench(
    'gaugeModel, district sample (scoring, 8 ring segments, change)',
    () => {
      gaugeModel(feed);
    },
    { time: 2000 },
  );
  bench(
    'gaugeModel + texts (value text, summary)',
    () => {
      const result = gaugeModel(feed);
      if (result.ok) {
        valueText(result.model, 'en');
        moversSummary(result.model, 'zh-CN');
      }
    },
    { time: 2000 },
  );
});
