/**
 * Rendering timings in Chromium (`npx vitest bench --run`): medians go in the README, never
 * into tests. "First paint" is from setting `.data` on a new gauge to its first render laid out
 * (validation, scoring, the Lit render and a forced layout); "live update" is from setting
 * `.data` on a drawn gauge to the change laid out.
 *
 * What is timed is the built bundle (`pnpm build` first), production Lit and minified code, as
 * a page gets it; the sources under Vite would run Lit in dev mode, with its extra checks.
 */
import { validateFeed } from '@safety-widgets/core';
import { bench, describe } from 'vitest';
import { currentFeed, withValue, type FeedJson } from '../test/feeds.js';
import type { SafetyScoreGauge } from '../src/safety-score-gauge.js';

await import(/* @vite-ignore */ new URL('../dist/bundle/safety-score-gauge.js', import.meta.url).href);

/** The same feed with only what the gauge reads: no grids, events, series or layers. */
function indicatorsOnly(feed: FeedJson): FeedJson {
  return {
    ...feed,
    place: { ...feed.place, outline: null },
    subdistricts: [],
    neighbours: [],
    grids: { type: 'FeatureCollection', features: [] },
    layers: [],
    categories: [],
    series: [],
    events: [],
  };
}

const full = currentFeed();
const fullNext = withValue(full, 'alerts-110-per-10k', 900);
const lean = indicatorsOnly(full);
const leanNext = indicatorsOnly(fullNext);

function create(data: unknown): SafetyScoreGauge {
  const el = document.createElement('safety-score-gauge');
  el.lang = 'en';
  el.style.width = '420px';
  el.style.setProperty('--safety-gauge-sweep-duration', '0ms');
  el.data = data;
  return el;
}

/** Waits for the render and forces style and layout, as the first frame after it would. */
async function laidOut(el: SafetyScoreGauge): Promise<void> {
  await el.updateComplete;
  el.shadowRoot!.querySelector('[role="meter"]')!.getBoundingClientRect();
}

/** Runs each bench for this long (the medians are what the README records). */
const OPTIONS = { time: 3000, warmupTime: 500 };

describe('core: validating the feed (part of both figures below, once per feed and page)', () => {
  bench(
    'validateFeed, district sample',
    () => {
      validateFeed(full);
    },
    OPTIONS,
  );
  bench(
    'validateFeed, indicators only',
    () => {
      validateFeed(lean);
    },
    OPTIONS,
  );
});

describe('first paint after data arrives', () => {
  bench(
    'district sample, 56 indicators (+ 30 grids, 2,800 events, 4 years of series)',
    async () => {
      const el = create(full);
      document.body.append(el);
      await laidOut(el);
      el.remove();
    },
    OPTIONS,
  );

  bench(
    'indicators only (56)',
    async () => {
      const el = create(lean);
      document.body.append(el);
      await laidOut(el);
      el.remove();
    },
    OPTIONS,
  );
});

describe('live update (.data changes one value; same nodes updated)', () => {
  const mounted = (first: FeedJson) => {
    const el = create(first);
    document.body.append(el);
    return el;
  };
  const fullEl = mounted(full);
  const leanEl = mounted(lean);
  let flipFull = false;
  let flipLean = false;

  bench(
    'district sample',
    async () => {
      flipFull = !flipFull;
      fullEl.data = flipFull ? fullNext : full;
      await laidOut(fullEl);
    },
    OPTIONS,
  );

  bench(
    'indicators only',
    async () => {
      flipLean = !flipLean;
      leanEl.data = flipLean ? leanNext : lean;
      await laidOut(leanEl);
    },
    OPTIONS,
  );
});
