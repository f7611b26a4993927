import { parseFeedText, ruleProblem, scoreFeed, validateFeed } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import {
  buildDistrictFeed,
  buildFeedIndex,
  buildFeeds,
  buildSubdistrictFeeds,
  feedFile,
  serializeFeed,
} from './index.js';

const { district, subdistricts } = buildFeeds();
const feeds = [district, ...subdistricts];

describe('feeds', () => {
  it('are deterministic: two builds give byte-identical JSON', () => {
    const again = buildFeeds();
    expect(serializeFeed(again.district)).toBe(serializeFeed(district));
    again.subdistricts.forEach((feed, i) => expect(serializeFeed(feed)).toBe(serializeFeed(subdistricts[i])));
    expect(serializeFeed(buildDistrictFeed())).toBe(serializeFeed(district));
    expect(buildSubdistrictFeeds().map(serializeFeed)).toEqual(subdistricts.map(serializeFeed));
  });

  it('depend on the seed', () => {
    expect(serializeFeed(buildDistrictFeed(1))).not.toBe(serializeFeed(district));
  });

  it('are the district and the four sub-districts, with distinct ids', () => {
    expect(feeds.map((f) => f.id)).toEqual([
      'yantian',
      'shatoujiao',
      'haishan',
      'yantian-subdistrict',
      'meisha',
    ]);
    expect(district.place.kind).toBe('district');
    for (const feed of subdistricts) {
      expect(feed.place.kind).toBe('subdistrict');
      expect(feed.place.parent?.id).toBe('yantian');
      expect(feed.place.id).toBe(feed.id);
    }
  });

  it.each(feeds.map((f) => [f.id, f] as const))(
    '%s is valid with zero issues, as an object and as text',
    (_id, feed) => {
      const result = validateFeed(feed);
      expect(result.issues).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.dropped).toEqual({});
      const text = parseFeedText(serializeFeed(feed));
      expect(text.issues).toEqual([]);
      expect(text.ok).toBe(true);
    },
  );

  it.each(feeds.map((f) => [f.id, f] as const))('%s has no scoring-rule problems and scores', (_id, feed) => {
    for (const indicator of feed.indicators) expect(ruleProblem(indicator), indicator.id).toBeNull();
    const result = validateFeed(feed);
    if (!result.ok) throw new Error('invalid');
    const score = scoreFeed(result.feed);
    expect(score.composite).toBeGreaterThan(60);
    expect(score.composite).toBeLessThan(100);
  });

  it('carry the article date, time zone, update interval, source and the synthetic flag', () => {
    for (const feed of feeds) {
      expect(feed.asOf).toBe('2017-12-04T09:00:00+08:00');
      expect(feed.place.timeZone).toBe('Asia/Shanghai');
      expect(feed.expectedUpdateSeconds).toBe(3600);
      expect(feed.synthetic).toBe(true);
      expect(feed.source.published).toBe('2017-12-04');
      expect(feed.source.name.zh).toContain('平安盐田');
      expect(feed.source.note?.en).toMatch(/synthetic/);
      expect(feed.links ?? null).toBeNull();
    }
    expect(district.place.population).toBe(263_000);
    expect(district.place.areaKm2).toBe(74.63);
    expect(district.place.parent?.id).toBe('shenzhen');
  });

  it('has sub-district populations and areas that add up to the district', () => {
    const population = subdistricts.reduce((s, f) => s + (f.place.population ?? 0), 0);
    expect(population).toBe(263_000);
    const area = subdistricts.reduce((s, f) => s + (f.place.areaKm2 ?? 0), 0);
    expect(area).toBeCloseTo(74.63, 6);
  });

  it('stay well under 2 MB each', () => {
    for (const feed of feeds) expect(Buffer.byteLength(serializeFeed(feed))).toBeLessThan(2_000_000);
  });

  it('are listed in the index', () => {
    const index = buildFeedIndex();
    expect(index.feeds.map((f) => f.id)).toEqual(feeds.map((f) => f.id));
    expect(index.feeds.map((f) => f.file)).toEqual(feeds.map((f) => feedFile(f.id)));
    expect(index.feeds[3]).toMatchObject({
      id: 'yantian-subdistrict',
      kind: 'subdistrict',
      name: { zh: '盐田街道' },
      parent: 'yantian',
    });
  });
});
