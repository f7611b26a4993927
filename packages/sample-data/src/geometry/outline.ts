/**
 * Real district outlines, read from data/shenzhen-districts.geojson (a 4-feature subset of the
 * MIT-licensed Shenzhen district outlines; see data/LICENSE.shenzhen-districts.txt beside it).
 */
import { readFileSync } from 'node:fs';
import {
  type Geometry,
  type MultiPolygonCoords,
  normalizePolygons,
  polygonsOf,
  toGeometry,
} from './rings.js';

/** Path of the bundled outlines, resolved the same from src/ and dist/. */
export const OUTLINES_URL = new URL('../../data/shenzhen-districts.geojson', import.meta.url);

/** Administrative codes of the features the sample uses. */
export const DISTRICT_CODES = {
  yantian: '440308',
  luohu: '440303',
  longgang: '440307',
  pingshan: '440310',
} as const;

interface SourceFeature {
  id: string;
  properties: { name: string };
  geometry: Geometry;
}

export interface DistrictOutline {
  code: string;
  nameZh: string;
  geometry: Geometry;
}

let cache: Map<string, DistrictOutline> | undefined;

function load(): Map<string, DistrictOutline> {
  if (cache) return cache;
  const parsed = JSON.parse(readFileSync(OUTLINES_URL, 'utf8')) as { features: SourceFeature[] };
  cache = new Map();
  for (const feature of parsed.features) {
    const polygons: MultiPolygonCoords = normalizePolygons(polygonsOf(feature.geometry));
    cache.set(String(feature.id), {
      code: String(feature.id),
      nameZh: feature.properties.name,
      geometry: toGeometry(polygons),
    });
  }
  return cache;
}

/** One district's outline: rounded to 5 decimals, repeated vertices dropped, d3-geo winding. */
export function districtOutline(code: string): DistrictOutline {
  const outline = load().get(code);
  if (!outline) throw new Error(`no outline for district ${code} in ${OUTLINES_URL.pathname}`);
  return outline;
}
