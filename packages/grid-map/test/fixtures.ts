/** Shared test fixtures: the sample district feed, validated, and small hand-made feeds. */
import { validateFeed, type Feed, type FeedInput } from '@safety-widgets/core';
import yantianJson from '@safety-widgets/sample-data/feeds/yantian.json';
import meishaJson from '@safety-widgets/sample-data/feeds/meisha.json';

/** The sample feed as JSON (a fresh deep copy each call, safe to edit). */
export function yantianInput(): FeedInput {
  return structuredClone(yantianJson) as unknown as FeedInput;
}

export function meishaInput(): FeedInput {
  return structuredClone(meishaJson) as unknown as FeedInput;
}

/** Validates a feed input and fails loudly if it is not usable. */
export function validated(input: unknown): Feed {
  const result = validateFeed(input);
  if (!result.ok)
    throw new Error(`fixture feed is invalid: ${result.issues.map((i) => i.message).join('; ')}`);
  return result.feed;
}

/** The sample district feed, validated. */
export function yantian(): Feed {
  return validated(yantianInput());
}

/** A copy of the sample with `asOf` now, so that it is not stale. */
export function freshYantianInput(): FeedInput {
  return { ...yantianInput(), asOf: new Date().toISOString().replace(/\.\d+Z$/, 'Z') };
}

type Ring = [number, number][];

/** A square ring around (lon, lat) of half-size `r`, clockwise with latitude up (d3-geo order). */
export function squareRing(lon: number, lat: number, r: number): Ring {
  return [
    [lon - r, lat + r],
    [lon + r, lat + r],
    [lon + r, lat - r],
    [lon - r, lat - r],
    [lon - r, lat + r],
  ];
}

/** A feed input with one grid per geometry given, in sub-district `sub` of the sample. */
export function feedWithGrids(
  grids: {
    id: string;
    coordinates: unknown;
    type?: string;
    name?: { zh: string; en: string };
    metrics?: Record<string, number | null>;
  }[],
  base: FeedInput = freshYantianInput(),
): FeedInput {
  return {
    ...base,
    grids: {
      type: 'FeatureCollection',
      features: grids.map((g) => ({
        type: 'Feature',
        id: g.id,
        geometry: { type: g.type ?? 'Polygon', coordinates: g.coordinates },
        properties: {
          name: g.name ?? { zh: `网格${g.id}`, en: `Grid ${g.id}` },
          subdistrict: 'haishan',
          population: 1000,
          metrics: g.metrics ?? { cases: 5 },
        },
      })),
    },
    layers: [],
    events: [],
    series: [],
  } as FeedInput;
}
