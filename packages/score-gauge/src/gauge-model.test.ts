import { scoreFeed, validateFeed, type Feed } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import { sampleFeed, withValue, type FeedJson } from '../test/feeds.js';
import { gaugeModel, gradeCounts, roundScore, type GaugeModel } from './gauge-model.js';

function valid(feed: unknown): Feed {
  const result = validateFeed(feed);
  if (!result.ok) throw new Error('invalid');
  return result.feed;
}

function model(feed: Feed, options: Parameters<typeof gaugeModel>[1] = {}): GaugeModel {
  const result = gaugeModel(feed, options);
  if (!result.ok) throw new Error(`unknown area ${result.area}`);
  return result.model;
}

const yantian = valid(sampleFeed());

describe('gaugeModel, composite', () => {
  const m = model(yantian);
  const score = scoreFeed(yantian);

  it('carries the composite, rounded for display, with its grade and tone', () => {
    expect(m.value).toBe(score.composite);
    expect(m.rounded).toBe(roundScore(score.composite!));
    expect(m.rounded).toBe(98.6);
    expect(m.grade).toBe('excellent');
    expect(m.tone).toBe('good');
    expect(m.area).toBeNull();
    expect(m.place).toEqual({ zh: '盐田区', en: 'Yantian District' });
    expect(m.timeZone).toBe('Asia/Shanghai');
  });

  it('lists the 8 areas with subtotals, grades and ring segments', () => {
    expect(m.areas.map((a) => a.id)).toEqual([
      'stability',
      'public-order',
      'fire',
      'work-safety',
      'food-drug',
      'disputes',
      'community',
      'emergency',
    ]);
    const fire = m.areas[2]!;
    expect(fire).toMatchObject({ score: 12, max: 12, index: 100, grade: 'excellent', tone: 'good' });
    expect(fire.name.en).toBe('Fire safety');
    expect(fire.segment.track).toMatch(/^M/);
    expect(m.subtotal).toBeNull();
  });

  it('carries the change and the areas that moved it, largest first, leaving out those that round to 0', () => {
    expect(m.change!.delta).toBe(score.change!.delta);
    expect(m.change!.rounded).toBe(3.2);
    expect(m.change!.direction).toBe('up');
    expect(m.change!.period).toBe('period'); // the sample mixes yearly, half-yearly and monthly figures
    expect(m.change!.movers.map((x) => x.id)).toEqual(['public-order', 'emergency', 'fire', 'work-safety']);
    // Areas with no earlier figure have no contribution (null, not 0); the rest sum to the change.
    const sum = m.areas.reduce((s, a) => s + (a.contribution ?? 0), 0);
    expect(sum).toBeCloseTo(m.change!.delta, 9);
  });
});

describe('gaugeModel, options', () => {
  it('scores one area alone with `area`', () => {
    const m = model(yantian, { area: 'public-order' });
    expect(m.value).toBe(scoreFeed(yantian, { area: 'public-order' }).composite);
    expect(m.area).toEqual({ id: 'public-order', name: { zh: '社会治安', en: 'Public order' } });
    expect(m.areas).toEqual([]);
    expect(m.subtotal).toMatchObject({ id: 'public-order', max: 18 });
  });

  it('names the valid areas for an unknown one', () => {
    const result = gaugeModel(yantian, { area: 'fyre' });
    expect(result).toEqual({
      ok: false,
      area: 'fyre',
      validAreas: [
        'stability',
        'public-order',
        'fire',
        'work-safety',
        'food-drug',
        'disputes',
        'community',
        'emergency',
      ],
    });
  });

  it('grades with the given bands', () => {
    const bands = [
      { name: 'top', min: 99 },
      { name: 'mid', min: 50 },
      { name: 'low', min: 0 },
    ];
    const m = model(yantian, { bands });
    expect(m.grade).toBe('mid');
    expect(m.tone).toBe('fair');
    expect(m.bands).toBe(bands);
  });

  it('has no value when nothing can be scored', () => {
    const feed = sampleFeed();
    for (const indicator of feed.indicators) (indicator as { value: number | null }).value = null;
    const m = model(valid(feed));
    expect(m.value).toBeNull();
    expect(m.rounded).toBeNull();
    expect(m.grade).toBeNull();
    expect(m.change).toBeNull();
  });

  it('follows a changed value', () => {
    const lower = model(valid(withValue(sampleFeed(), 'alerts-110-per-10k', 900)));
    expect(lower.value!).toBeLessThan(model(yantian).value!);
  });
});

describe('roundScore', () => {
  it('rounds to one decimal without a negative zero', () => {
    expect(roundScore(98.64652)).toBe(98.6);
    expect(roundScore(98.65)).toBe(98.7);
    expect(Object.is(roundScore(-0.04), 0)).toBe(true);
    expect(roundScore(-0.06)).toBe(-0.1);
  });
});

/** A copy of `feed` where the indicators `drop` picks have no earlier figure: no `previous`, and a gap before the last history point. */
function withoutEarlier(feed: FeedJson, drop: (i: Feed['indicators'][number]) => boolean): Feed {
  const copy = structuredClone(feed);
  for (const indicator of copy.indicators) {
    if (!drop(indicator)) continue;
    const i = indicator as { previous?: number | null; history?: { period: string; value: number | null }[] };
    i.previous = null;
    const h = i.history;
    if (h && h.length >= 2) h[h.length - 2] = { ...h[h.length - 2]!, value: null };
  }
  return valid(copy);
}

describe('missing is never zero: the change', () => {
  it('has no change at all when no indicator has an earlier figure', () => {
    const m = model(withoutEarlier(sampleFeed(), () => true));
    expect(m.value).toBeCloseTo(model(yantian).value!, 9);
    expect(m.change).toBeNull();
    expect(m.areas.every((a) => a.contribution === null && a.compared === 0)).toBe(true);
  });

  it('compares only what has an earlier figure (a gap in the history is none, not 0)', () => {
    // Public order keeps its earlier figures; every other area loses them.
    const m = model(withoutEarlier(sampleFeed(), (i) => i.area !== 'public-order'));
    const order = m.areas.find((a) => a.id === 'public-order')!;
    expect(m.change).not.toBeNull();
    expect(order.compared).toBe(4);
    expect(order.contribution).toBeCloseTo(m.change!.delta, 9);
    for (const a of m.areas.filter((x) => x.id !== 'public-order')) {
      expect(a.contribution, a.id).toBeNull();
      expect(a.compared, a.id).toBe(0);
    }
    expect(m.change!.compared).toBe(4);
    expect(m.change!.notCompared).toBe(52);
    expect(m.change!.movers.map((x) => x.id)).toEqual(['public-order']);
  });

  it('keeps a real 0 as a figure: a previous value of 0 is compared', () => {
    const feed = sampleFeed();
    // Screened disputes resolved: 100 % now, no earlier figure in the sample; say it was 0 % before.
    const screened = feed.indicators.find((i) => i.id === 'screened-disputes-resolved') as {
      previous?: number | null;
    };
    screened.previous = 0;
    const m = model(valid(feed));
    const stability = m.areas.find((a) => a.id === 'stability')!;
    expect(stability.compared).toBe(1);
    // From 0 % to 100 %: a rise, not "no earlier figure".
    expect(stability.contribution!).toBeGreaterThan(0);
  });

  it('counts each area’s compared and not compared indicators in the sample', () => {
    const m = model(yantian);
    expect(m.change!.compared + m.change!.notCompared).toBe(56);
    const stability = m.areas.find((a) => a.id === 'stability')!;
    expect(stability).toMatchObject({ compared: 0, notCompared: 7, contribution: null });
    expect(m.areas.find((a) => a.id === 'fire')).toMatchObject({ compared: 2, notCompared: 5 });
  });
});

describe('gradeCounts', () => {
  const bands = [
    { name: 'excellent', min: 90 },
    { name: 'good', min: 75 },
    { name: 'fair', min: 60 },
    { name: 'poor', min: 0 },
  ];
  it('counts the areas per grade, highest first, no data last', () => {
    const areas = [
      { grade: 'poor', tone: 'poor' as const },
      { grade: null, tone: null },
      { grade: 'excellent', tone: 'good' as const },
      { grade: 'poor', tone: 'poor' as const },
    ];
    expect(gradeCounts(areas, bands)).toEqual([
      { grade: 'excellent', tone: 'good', count: 1 },
      { grade: 'poor', tone: 'poor', count: 2 },
      { grade: null, tone: null, count: 1 },
    ]);
    expect(gradeCounts([], bands)).toEqual([]);
  });

  it('is in the model: the sample’s 8 areas are all excellent; an area alone has no ring to key', () => {
    expect(model(yantian).gradeCounts).toEqual([{ grade: 'excellent', tone: 'good', count: 8 }]);
    expect(model(yantian, { area: 'fire' }).gradeCounts).toEqual([]);
  });

  it('colours each area by its own grade', () => {
    // Fire with many fires and injuries drops to poor while the rest stay excellent.
    const feed = withValue(withValue(sampleFeed(), 'fires', 80), 'fire-injuries', 6);
    const m = model(valid(feed));
    const fire = m.areas.find((a) => a.id === 'fire')!;
    expect(fire.grade).not.toBe('excellent');
    expect(fire.tone).not.toBe('good');
    expect(m.areas.filter((a) => a.id !== 'fire').every((a) => a.tone === 'good')).toBe(true);
  });
});
