import { validateFeed, type Feed } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import { largeFeed, yantianFeed } from '../test/large-feed.js';
import { SEARCH_SEPARATOR, buildTableModel, normalizeSearch } from './table-model.js';

function yantian(): Feed {
  const result = validateFeed(yantianFeed);
  if (!result.ok) throw new Error('sample feed is invalid');
  return result.feed;
}

describe('buildTableModel', () => {
  it('makes one row per indicator of the Yantian sample and one summary per area', () => {
    const model = buildTableModel(yantian());
    expect(model.rows).toHaveLength(56);
    expect(model.areas.map((a) => a.id)).toEqual([
      'stability',
      'public-order',
      'fire',
      'work-safety',
      'food-drug',
      'disputes',
      'community',
      'emergency',
    ]);
    const fraud = model.rows.find((r) => r.id === 'fraud-alerts')!;
    expect(fraud).toMatchObject({
      area: 'public-order',
      areaIndex: 1,
      value: 225,
      target: 300,
      cityAverage: 360,
      direction: 'lower',
      weight: 2.5,
      status: 'met',
      provenance: 'published',
    });
    expect(fraud.trend).toEqual([
      { period: '2016-H1', value: 417 },
      { period: '2017-H1', value: 225 },
    ]);
    expect(fraud.change).toBeCloseTo((225 - 417) / 417);
    expect(fraud.search).toBe(`诈骗警情(上半年)${SEARCH_SEPARATOR}fraud alerts (first half-year)`);
  });

  it('area subtotals add up over their indicators', () => {
    const model = buildTableModel(yantian());
    for (const area of model.areas) {
      const rows = model.rows.filter((r) => r.area === area.id);
      expect(area.count).toBe(rows.length);
      expect(area.max).toBeCloseTo(rows.reduce((n, r) => n + r.weight, 0));
      expect(area.score).toBeCloseTo(rows.reduce((n, r) => n + (r.score ?? 0), 0));
      expect(area.met).toBe(rows.filter((r) => r.status === 'met').length);
    }
  });

  it('keeps feed order and leaves out repeated ids and unknown areas', () => {
    const feed = yantian();
    const first = feed.indicators[0]!;
    const odd = { ...feed, indicators: [first, { ...first }, { ...first, id: 'lost', area: 'nowhere' }] };
    const model = buildTableModel(odd);
    expect(model.rows.map((r) => r.id)).toEqual([first.id]);
  });

  it('marks statuses: no data, no target, met, not met', () => {
    const feed = yantian();
    const base = feed.indicators.find((i) => i.id === 'fraud-alerts')!;
    const model = buildTableModel({
      areas: feed.areas,
      indicators: [
        { ...base, id: 'a', value: null },
        { ...base, id: 'b', target: null },
        { ...base, id: 'c', value: 400 },
        { ...base, id: 'd' },
      ],
    });
    expect(model.rows.map((r) => r.status)).toEqual(['no-data', 'no-target', 'not-met', 'met']);
    expect(model.rows[0]!.change).toBeNull();
  });

  it('builds 5,000 rows', () => {
    const model = buildTableModel(largeFeed(5000) as Feed);
    expect(model.rows).toHaveLength(5000);
    expect(new Set(model.rows.map((r) => r.id)).size).toBe(5000);
  });
});

describe('normalizeSearch', () => {
  it('folds case, width and white space', () => {
    expect(normalizeSearch('  ＦＲＡＵＤ\n Alerts ')).toBe('fraud alerts');
    expect(normalizeSearch('诈骗　警情')).toBe('诈骗 警情');
  });
});
