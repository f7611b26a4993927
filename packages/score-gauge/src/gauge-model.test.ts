import { scoreFeed, validateFeed, type Feed } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import { sampleFeed, withValue } from '../test/feeds.js';
import { gaugeModel, roundScore, type GaugeModel } from './gauge-model.js';

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
    const sum = m.areas.reduce((s, a) => s + a.contribution!, 0);
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
