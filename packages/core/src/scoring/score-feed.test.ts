import { describe, expect, it } from 'vitest';
import { ind } from '../../test/fixtures/indicator.js';
import { makeFeed } from '../../test/fixtures/feed.js';
import { largeScoringInput } from '../../test/fixtures/large-scoring.js';
import type { Feed } from '../feed/types.js';
import { parseGradeBands } from './grades.js';
import * as scoring from './index.js';
import { scoreFeed } from './score-feed.js';
import type { ScorableFeed } from './types.js';

describe('scoreFeed on the makeFeed() fixture', () => {
  // public-order (60):
  //   fraud-alerts  lower, linear floor 600 → target 300, value 225: (600 − 225)/300 = 1.25 → 1 × 30 = 30 (met: 225 ≤ 300)
  //                 previous 417 → (600 − 417)/300 = 0.61 × 30 = 18.3
  //   video-solved  higher, threshold 30, value 35 → 1 × 30 = 30 (met); no previous, empty history → not compared
  // fire (40):
  //   fires         lower, bands ≤45 → 1, ≤60 → 0.5; value 41 → 1 × 20 = 20 (met: 41 ≤ 45)
  //                 previous 53 → ≤60 only → 0.5 × 20 = 10
  //   micro-fire    value null → no data; its 20 is missing weight
  // composite = (30 + 30 + 20) / (30 + 30 + 20) × 100 = 100; coverage 80/100 = 0.8
  const result = scoreFeed(makeFeed());

  it('scores the composite, grade and coverage', () => {
    expect(result.composite).toBe(100);
    expect(result.grade).toBe('excellent');
    expect(result.coverage).toBe(0.8);
    expect(result).toMatchObject({ area: null, totalWeight: 100, scoredWeight: 80, missingWeight: 20 });
    expect(result.notes).toEqual([]);
  });

  it('scores each indicator', () => {
    expect(result.indicators.map((i) => [i.id, i.score, i.status])).toEqual([
      ['fraud-alerts', 30, 'met'],
      ['video-solved-share', 30, 'met'],
      ['fires', 20, 'met'],
      ['micro-fire-stations', null, 'no-data'],
    ]);
    expect(result.indicatorById.get('fraud-alerts')!.previousAttainment).toBeCloseTo(0.61, 12);
  });

  it('gives area subtotals', () => {
    const [order, fire] = result.areas;
    expect(order).toMatchObject({
      id: 'public-order',
      max: 60,
      score: 60,
      index: 100,
      coverage: 1,
      compositePoints: 75,
    }); // 60/80 × 100
    expect(fire).toMatchObject({
      id: 'fire',
      max: 40,
      score: 20,
      scoredWeight: 20,
      missingWeight: 20,
      index: 100,
      coverage: 0.5,
      compositePoints: 25,
    }); // 20/80 × 100
    expect(fire!.counts).toEqual({ met: 1, 'not-met': 0, 'no-data': 1, 'no-target': 0 });
  });

  it('gives the change and which areas caused it', () => {
    // previous = (18.3 + 30 [held] + 10) / 80 × 100 = 58.3/80 × 100 = 72.875; Δ = 100 − 72.875 = 27.125
    // public-order: (30 − 18.3)/80 × 100 = 14.625; fire: (20 − 10)/80 × 100 = 12.5
    const c = result.change!;
    expect(c.previous).toBeCloseTo(72.875, 10);
    expect(c.delta).toBeCloseTo(27.125, 10);
    expect(c.direction).toBe('up');
    expect(c.contributions.map((x) => x.area)).toEqual(['public-order', 'fire']);
    expect(c.contributions[0]!.delta).toBeCloseTo(14.625, 10);
    expect(c.contributions[1]!.delta).toBeCloseTo(12.5, 10);
    expect(c).toMatchObject({ compared: 2, notCompared: 1 });
  });

  it('with the micro fire stations reported (50 of 200), the composite drops to 85 (good)', () => {
    const feed = makeFeed();
    feed.indicators[3]!.value = 50; // linear floor 0 → target 200: 50/200 = 0.25 × 20 = 5
    const r = scoreFeed(feed);
    // (30 + 30 + 20 + 5) / 100 × 100 = 85
    expect(r.composite).toBe(85);
    expect(r.grade).toBe('good');
    expect(r.coverage).toBe(1);
  });

  it('scores one area alone on 0–100 (the gauge\'s area="fire")', () => {
    const feed = makeFeed();
    feed.indicators[3]!.value = 50;
    const r = scoreFeed(feed, { area: 'fire' });
    // fire: (20 + 5) / (20 + 20) × 100 = 62.5 → fair
    expect(r.area).toBe('fire');
    expect(r.composite).toBe(62.5);
    expect(r.composite).toBe(r.areas[0]!.index);
    expect(r.grade).toBe('fair');
    expect(r.areas.map((a) => a.id)).toEqual(['fire']);
    expect(r.indicators.map((i) => i.id)).toEqual(['fires', 'micro-fire-stations']);
    // change within the area: previous (10 + 5 [held]) / 40 × 100 = 37.5; Δ = 25, all of it fire
    expect(r.change).toMatchObject({
      previous: 37.5,
      delta: 25,
      direction: 'up',
      contributions: [{ area: 'fire', delta: 25 }],
      compared: 1,
      notCompared: 1,
    });
    expect(r.areas[0]!.compositePoints).toBe(62.5);
  });

  it('an unknown area scores nothing and says why', () => {
    const r = scoreFeed(makeFeed(), { area: 'traffic' });
    expect(r).toMatchObject({
      composite: null,
      grade: null,
      coverage: null,
      change: null,
      areas: [],
      indicators: [],
    });
    expect(r.notes).toEqual(['area "traffic" is not in the feed; nothing to score']);
  });

  it('uses custom grade bands', () => {
    const { bands } = parseGradeBands('gold:100,silver:0');
    expect(scoreFeed(makeFeed(), { gradeBands: bands }).grade).toBe('gold');
  });

  it('accepts a validated Feed type and is exported from the index', () => {
    const typed: Pick<Feed, 'areas' | 'indicators'> = makeFeed() as unknown as Feed;
    expect(scoring.scoreFeed(typed).composite).toBe(100);
  });
});

describe('scoreFeed edge cases', () => {
  const areas = [
    { id: 'a', weight: 50 },
    { id: 'b', weight: 30 },
  ];

  it('normalises weights that total 80', () => {
    const feed: ScorableFeed = {
      areas,
      indicators: [
        ind({ id: 'a1', area: 'a', weight: 50 }), // met: 50
        ind({ id: 'b1', area: 'b', weight: 30, value: 45, target: 60, rule: { type: 'linear', floor: 30 } }), // 0.5 × 30 = 15
      ],
    };
    // (50 + 15) / 80 × 100 = 81.25
    const r = scoreFeed(feed);
    expect(r.composite).toBe(81.25);
    expect(r.grade).toBe('good');
    expect(r.coverage).toBe(1);
    expect(r.notes).toEqual([]); // declared area weights match their indicators
  });

  it('no indicators at all: nothing scored, nothing thrown', () => {
    const r = scoreFeed({ areas, indicators: [] });
    expect(r).toMatchObject({
      composite: null,
      grade: null,
      coverage: null,
      change: null,
      totalWeight: 0,
      indicators: [],
    });
    expect(r.areas.map((a) => a.index)).toEqual([null, null]);
    expect(r.notes).toEqual([
      'area "a" declares weight 50 but its indicators\' weights sum to 0; the indicators\' weights are used',
      'area "b" declares weight 30 but its indicators\' weights sum to 0; the indicators\' weights are used',
    ]);
  });

  it('all values missing: composite null, coverage 0', () => {
    const r = scoreFeed({
      areas,
      indicators: [
        ind({ id: 'a1', area: 'a', weight: 50, value: null, previous: 3 }),
        ind({ id: 'b1', area: 'b', weight: 30, value: null }),
      ],
    });
    expect(r).toMatchObject({
      composite: null,
      grade: null,
      coverage: 0,
      change: null,
      scoredWeight: 0,
      missingWeight: 80,
    });
    expect(r.indicators.every((i) => i.status === 'no-data')).toBe(true);
  });

  it('reports configuration problems in notes and leaves out what it cannot place', () => {
    const r = scoreFeed({
      areas: [...areas, { id: 'a', weight: 1 }],
      indicators: [
        ind({ id: 'a1', area: 'a', weight: 50, rule: { type: 'linear', floor: 90 } }), // wrong-side floor: threshold, 60 ≥ 50 → 50
        ind({ id: 'a1', area: 'a', weight: 50, value: 0 }), // duplicate id: left out
        ind({ id: 'b1', area: 'b', weight: 25, value: 0 }), // 0 points; b declares 30
        ind({ id: 'x', area: 'ghost', weight: 40 }), // unknown area: left out
      ],
    });
    // (50 + 0) / (50 + 25) × 100 = 66.666…
    expect(r.composite).toBeCloseTo((50 / 75) * 100, 12);
    expect(r.indicators.map((i) => i.id)).toEqual(['a1', 'b1']);
    expect(r.notes).toEqual([
      'area "a" is listed more than once; only the first counts',
      'indicator "a1": the linear floor 90 is above the target 50 but higher values are better; scored as a threshold',
      'indicator "a1" is listed more than once; only the first counts',
      'indicator "x" belongs to area "ghost", which is not in the feed; left out',
      'area "b" declares weight 30 but its indicators\' weights sum to 25; the indicators\' weights are used',
    ]);
  });

  it('out-of-range values are clamped and nothing is NaN', () => {
    const r = scoreFeed({
      areas: [{ id: 'a', weight: 20 }],
      indicators: [
        ind({ id: 'neg', weight: 10, value: -12, target: 100, rule: { type: 'linear', floor: 0 } }), // −12 % → 0
        ind({ id: 'over', weight: 10, value: 140, target: 100, rule: { type: 'linear', floor: 0 } }), // 140 % → 1 → 10
      ],
    });
    expect(r.composite).toBe(50); // (0 + 10) / 20 × 100
    const numbers = JSON.stringify({ ...r, indicatorById: undefined });
    expect(numbers).not.toMatch(/NaN|Infinity/);
    expect(Object.values(r.areas[0]!).some((x) => typeof x === 'number' && Number.isNaN(x))).toBe(false);
  });

  it('an area with no data next to one with data reports its coverage', () => {
    const r = scoreFeed({
      areas,
      indicators: [
        ind({ id: 'a1', area: 'a', weight: 50 }),
        ind({ id: 'b1', area: 'b', weight: 30, value: null }),
      ],
    });
    expect(r.composite).toBe(100); // 50/50
    expect(r.coverage).toBe(0.625); // 50/80
    expect(r.areas[1]).toMatchObject({ index: null, coverage: 0, missingWeight: 30, compositePoints: 0 });
  });
});

describe('scoreFeed at scale', () => {
  it('scores 5,000 indicators in 8 areas (timings: bench/feed-and-scoring.bench.ts)', () => {
    const result = scoreFeed(largeScoringInput());
    expect(result.indicators).toHaveLength(5000);
    expect(result.composite).not.toBeNull();
    expect(result.notes).toEqual([]);
  });
});
