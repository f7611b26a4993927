import { tableCsv, validateFeed, type Feed } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import { sampleFeed, type FeedJson } from '../test/feeds.js';
import { gaugeModel, type GaugeModel } from './gauge-model.js';
import { areaTable } from './table.js';

function model(feed: FeedJson = sampleFeed(), area?: string): GaugeModel {
  const result = validateFeed(feed);
  if (!result.ok) throw new Error('invalid feed');
  const m = gaugeModel(result.feed as Feed, { area });
  if (!m.ok) throw new Error('unknown area');
  return m.model;
}

/** The Yantian sample with every indicator of `area` emptied (and its earlier figures). */
function withoutData(area: string): FeedJson {
  const feed = sampleFeed();
  for (const i of feed.indicators) {
    if (i.area !== area) continue;
    Object.assign(i, { value: null, previous: null, history: [] });
  }
  return feed;
}

const cells = (m: ReturnType<typeof areaTable>, id: string) => {
  const row = m.rows.find((r) => r.id === id)!;
  return m.columns.map((c) => (c.text ? c.text(row) : c.value(row)));
};

describe('the areas table', () => {
  it('has one row per area with points earned and possible, grade, change and indicators', () => {
    const t = areaTable(model(), 'en');
    expect(t.caption).toBe('Safety index, Yantian District: points by area');
    expect(t.columns.map((c) => c.label)).toEqual([
      'Area',
      'Earned',
      'Possible',
      'Grade',
      'Change',
      'With data',
      'Indicators',
    ]);
    expect(t.rows).toHaveLength(8);
    expect(cells(t, 'public-order')).toEqual(['Public order', '17.7', '18', 'Excellent', '+1.6', 9, 9]);
    // The whole weight is the sum of the rows' possible points.
    expect(t.rows.reduce((s, r) => s + r.max, 0)).toBe(100);
    expect(t.note).toBe('14 of 56 indicators have an earlier figure.');
    expect(t.fileName).toEqual(['safety-index-areas', 'yantian', '', '2017-12-04']);
  });

  it('speaks Chinese', () => {
    const t = areaTable(model(), 'zh-CN');
    expect(t.caption).toBe('盐田区安全指数：各领域得分');
    expect(t.columns.map((c) => c.label)[0]).toBe('领域');
    expect(cells(t, 'fire').slice(0, 4)).toEqual(['消防安全', '12', '12', '优秀']);
  });

  it('an area with no data says "No data", never 0, and sorts and writes as missing', () => {
    const t = areaTable(model(withoutData('fire')), 'en');
    const fire = cells(t, 'fire');
    expect(fire[1]).toBe('No data');
    expect(fire[2]).toBe('12');
    expect(t.columns[3]!.value(t.rows.find((r) => r.id === 'fire')!)).toBeNull();
    expect(fire[4]).toBe('No earlier figure');
    expect(fire[5]).toBe(0);
    const csv = tableCsv(t, { key: 'earned', dir: 'asc' }).trim().split(/\r?\n/);
    expect(csv[0]).toBe('Area,Earned,Possible,Grade,Change,With data,Indicators');
    // Missing last, and empty in the file (never 0).
    expect(csv.at(-1)).toBe('Fire safety,,12,,,0,7');
    expect(csv.slice(1, -1).every((line) => !line.startsWith('Fire safety'))).toBe(true);
  });

  it('an area without earlier figures has no change, in words, never +0.0', () => {
    const t = areaTable(model(), 'en');
    expect(cells(t, 'stability')[4]).toBe('No earlier figure');
    expect(t.columns[4]!.value(t.rows.find((r) => r.id === 'stability')!)).toBeNull();
  });

  it('with area="fire" is that one area', () => {
    const t = areaTable(model(sampleFeed(), 'fire'), 'en');
    expect(t.caption).toBe('Fire safety index, Yantian District: points by area');
    expect(t.rows.map((r) => r.id)).toEqual(['fire']);
    expect(t.fileName).toContain('fire');
  });

  it('with no earlier figure at all, every change is "No earlier figure"', () => {
    const feed = sampleFeed();
    for (const i of feed.indicators) Object.assign(i, { previous: null, history: [] });
    const t = areaTable(model(feed), 'en');
    expect(t.rows.map((r) => t.columns[4]!.text!(r))).toEqual(Array(8).fill('No earlier figure'));
    expect(t.note).toBeUndefined();
  });
});
