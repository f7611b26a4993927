/**
 * Counting timings in Node (`pnpm --filter @safety-widgets/case-timeline bench`): medians go in
 * the README, never into tests. Drawing timings need a browser: `node bench/draw.mjs`.
 */
import { bench, describe } from 'vitest';
import { validateFeed } from '@safety-widgets/core';
import { binEventsByDay } from '../src/bin-events.js';
import { dayFromYmd } from '../src/dates.js';
import { buildTimelineData } from '../src/timeline-data.js';
import { buildView } from '../src/timeline-view.js';
import { zoneOffsets } from '../src/zone.js';
import { rawYantian } from '../test/feeds.js';
import { millionEvents, tenYearFeed } from '../test/synthetic.js';

const columns = millionEvents(1_000_000);
const zone = zoneOffsets('Asia/Shanghai', Date.UTC(2008, 0, 1), Date.UTC(2018, 0, 1));
const first = dayFromYmd(2008, 1, 1);
const last = dayFromYmd(2017, 12, 31);
const tenYears = validateFeed(tenYearFeed()).feed!;
const shell = validateFeed(tenYearFeed({ series: false })).feed!;
const sample = validateFeed(rawYantian()).feed!;

describe('1,000,000 raw events over 10 years, 6 categories', () => {
  bench('binEventsByDay (typed arrays, one pass)', () => {
    binEventsByDay(columns.time, columns.category, {
      firstDay: first,
      lastDay: last,
      categoryCount: 6,
      zone,
    });
  });
  bench('buildTimelineData + buildView by day (everything before drawing)', () => {
    buildView(buildTimelineData(shell, {}, columns), 'day');
  });
});

describe('10 years of daily series × 6 categories', () => {
  bench('buildTimelineData + buildView by day', () => {
    buildView(buildTimelineData(tenYears), 'day');
  });
  bench('buildTimelineData + buildView by month', () => {
    buildView(buildTimelineData(tenYears), 'month');
  });
});

describe('live update of the sample district (2,803 events, 6 × 1,430 days)', () => {
  bench('buildTimelineData + buildView by month (after validation)', () => {
    buildView(buildTimelineData(sample), 'month');
  });
});
