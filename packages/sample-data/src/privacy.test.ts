import { describe, expect, it } from 'vitest';
import { buildFeeds, serializeFeed } from './index.js';

const { district, subdistricts } = buildFeeds();
const feeds = [district, ...subdistricts];

/** Every key the feeds may use: the format's own, the grid metrics and nothing else. */
const ALLOWED_KEYS = new Set([
  // envelope and place
  'format',
  'version',
  'id',
  'place',
  'kind',
  'name',
  'zh',
  'en',
  'population',
  'areaKm2',
  'parent',
  'timeZone',
  'outline',
  'type',
  'coordinates',
  'asOf',
  'expectedUpdateSeconds',
  'source',
  'published',
  'note',
  'synthetic',
  // areas and indicators
  'areas',
  'weight',
  'indicators',
  'area',
  'unit',
  'value',
  'target',
  'cityAverage',
  'direction',
  'rule',
  'floor',
  'bands',
  'bound',
  'attainment',
  'previous',
  'history',
  'period',
  'updatedAt',
  'provenance',
  // places, grids, layers
  'subdistricts',
  'geometry',
  'neighbours',
  'grids',
  'features',
  'properties',
  'subdistrict',
  'metrics',
  'layers',
  'sensitive',
  'points',
  'grid',
  'level',
  'count',
  // categories, series, events
  'categories',
  'series',
  'category',
  'interval',
  'start',
  'counts',
  'events',
  'time',
  'title',
  // grid metrics
  'alerts110',
  'cases',
  'fraud',
  'fires',
  'disputes',
  'cameras',
  'microFireStations',
  'emergencyFirePoints',
  'riskSources',
  'enterprises',
  'threeSmallVenues',
]);

function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, out);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      out.add(key);
      keysOf(inner, out);
    }
  }
  return out;
}

describe('privacy', () => {
  it('uses no field beyond the format and the grid metrics (no personal data fields)', () => {
    for (const feed of feeds) {
      const unexpected = [...keysOf(feed)].filter((k) => !ALLOWED_KEYS.has(k));
      expect(unexpected, feed.id).toEqual([]);
    }
  });

  it('gives incidents no title and nothing about any person', () => {
    for (const feed of feeds) {
      for (const e of feed.events ?? []) {
        if ((e.kind ?? 'incident') === 'incident')
          expect(Object.keys(e).sort()).toEqual([
            'category',
            'grid',
            'id',
            'kind',
            'provenance',
            'subdistrict',
            'time',
          ]);
      }
    }
  });

  it('has one sensitive category (domestic disputes) to exercise the privacy path', () => {
    const sensitive = district.categories?.filter((c) => c.sensitive) ?? [];
    expect(sensitive.map((c) => c.id)).toEqual(['domestic']);
    expect(district.events?.some((e) => e.category === 'domestic')).toBe(true);
  });

  it('contains no phone numbers, ID-card numbers or e-mail addresses', () => {
    for (const feed of feeds) {
      const text = serializeFeed(feed);
      expect(text, feed.id).not.toMatch(/@[a-z0-9-]+\./i);
      expect(text, feed.id).not.toMatch(/"[^"]*\b1[3-9]\d{9}\b[^"]*"/);
      expect(text, feed.id).not.toMatch(/\b\d{17}[\dXx]\b/);
    }
  });
});
