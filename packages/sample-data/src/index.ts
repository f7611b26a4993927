/**
 * @safety-widgets/sample-data: deterministic Yantian (Shenzhen) sample feeds.
 *
 * Real published figures (from an article of 2017-12-04) plus clearly labelled synthetic
 * values. The built feeds are in `dist/feeds/` (`@safety-widgets/sample-data/feeds/yantian.json`);
 * these functions regenerate them in Node (the outlines are read from the package's data/).
 */
import type { FeedInput } from '@safety-widgets/core';
import { buildFeeds } from './build-feed.js';
import { AS_OF } from './dates.js';
import { DISTRICT, SUBDISTRICTS } from './places.js';
import { DEFAULT_SEED } from './random.js';

export { AREAS, type AreaDef, type AreaId } from './areas.js';
export { CATEGORY_MODELS, type CategoryId } from './categories.js';
export { AS_OF, SERIES_END, SERIES_START } from './dates.js';
export { continueSampleSeries } from './continue-series.js';
export { EVENTS_FIRST_DAY, EVENTS_LAST_DAY } from './events.js';
export { INDICATORS, type IndicatorDef } from './indicators.js';
export { LAYER_TOTALS, RISK_LEVEL_COUNTS } from './layers.js';
export { DISTRICT, NEIGHBOURS, SUBDISTRICTS, type SubdistrictDef, type SubdistrictId } from './places.js';
export { DEFAULT_SEED, mulberry32 } from './random.js';
export {
  EXPECTED_UPDATE_SECONDS,
  SOURCE,
  buildFeeds,
  buildWorld,
  districtFeed,
  subdistrictFeed,
  type World,
} from './build-feed.js';

/** The district feed, `yantian`. */
export function buildDistrictFeed(seed: number = DEFAULT_SEED): FeedInput {
  return buildFeeds(seed).district;
}

/** The four sub-district feeds, west to east: shatoujiao, haishan, yantian-subdistrict, meisha. */
export function buildSubdistrictFeeds(seed: number = DEFAULT_SEED): FeedInput[] {
  return buildFeeds(seed).subdistricts;
}

/** One entry of dist/feeds/index.json. */
export interface FeedIndexEntry {
  id: string;
  file: string;
  kind: 'district' | 'subdistrict';
  name: { zh: string; en: string };
  parent: string;
}

/** dist/feeds/index.json: the feeds this package ships. */
export interface FeedIndex {
  format: 'safety-feed-index';
  version: 1;
  asOf: string;
  synthetic: true;
  feeds: FeedIndexEntry[];
}

/** File name of a feed: `<feed id>.json`. */
export const feedFile = (id: string): string => `${id}.json`;

/** The index of the five feeds. */
export function buildFeedIndex(): FeedIndex {
  return {
    format: 'safety-feed-index',
    version: 1,
    asOf: AS_OF,
    synthetic: true,
    feeds: [
      {
        id: DISTRICT.id,
        file: feedFile(DISTRICT.id),
        kind: 'district',
        name: DISTRICT.name,
        parent: DISTRICT.parent.id,
      },
      ...SUBDISTRICTS.map((s) => ({
        id: s.id,
        file: feedFile(s.id),
        kind: 'subdistrict' as const,
        name: s.name,
        parent: DISTRICT.id,
      })),
    ],
  };
}

/** Serialises a feed the way the files are written: compact JSON and a final newline. */
export function serializeFeed(feed: unknown): string {
  return `${JSON.stringify(feed)}\n`;
}
