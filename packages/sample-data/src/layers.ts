/**
 * Point layers. The counts are published (239 micro fire stations, 147 emergency fire points,
 * 149 risk sources under graded control, over 3,000 first-class cameras); every position is
 * synthetic, drawn inside a grid, and each layer's name says so.
 *
 * Cameras are marked `sensitive`: a widget never draws them at a point, only counts them per
 * grid. The risk-source layer is not sensitive (the district publishes a risk map).
 */
import { distanceToCoast } from './geometry/grids.js';
import { type Position, bbox, pointInGeometry, roundPosition } from './geometry/rings.js';
import type { LocalizedName } from './places.js';
import { type Random, apportion, rng } from './random.js';
import type { Grid } from './territory.js';

export type LayerKind = 'fire-station' | 'emergency-point' | 'camera' | 'risk-source';
export type RiskLevel = 'red' | 'orange' | 'yellow' | 'blue';

export interface LayerPoint {
  id: string;
  coordinates: Position;
  name?: LocalizedName;
  grid: string;
  level?: RiskLevel;
  count?: number;
}

export interface LayerData {
  id: string;
  kind: LayerKind;
  name: LocalizedName;
  sensitive: boolean;
  provenance: 'synthetic';
  points: LayerPoint[];
}

/** Published totals the layers reproduce. */
export const LAYER_TOTALS = {
  microFireStations: 239,
  emergencyFirePoints: 147,
  riskSources: 149,
  /** "Over 3,000 first-class HD cameras by the end of 2017": the exact figure here is synthetic. */
  cameras: 3_036,
} as const;

/** Risk sources by level, a plausible pyramid adding up to the published 149 (split synthetic). */
export const RISK_LEVEL_COUNTS: Record<RiskLevel, number> = { red: 3, orange: 16, yellow: 50, blue: 80 };

const pad3 = (n: number) => String(n).padStart(3, '0');

/**
 * A random point inside the grid, preferring its settled (coastal) part when `settledBias` > 0.
 * Rejection sampling in the grid's bounding box; deterministic for a given stream.
 */
export function randomPointIn(grid: Grid, random: Random, settledBias = 0): Position {
  const [x0, y0, x1, y1] = bbox(grid.geometry);
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const p = roundPosition([random.uniform(x0, x1), random.uniform(y0, y1)]);
    if (!pointInGeometry(p, grid.geometry)) continue;
    if (
      settledBias > 0 &&
      random.next() > 1 - settledBias + settledBias * Math.exp(-distanceToCoast(p) / 0.01)
    )
      continue;
    return p;
  }
  throw new Error(`could not place a point in grid ${grid.id}`);
}

function perGrid(
  total: number,
  grids: readonly Grid[],
  weight: (g: Grid) => number,
  random: Random,
): number[] {
  return apportion(
    total,
    grids.map((g) => weight(g) * random.uniform(0.8, 1.25)),
  );
}

/** A layer of named fire-service points: a published count, synthetic positions. */
interface FirePointLayer {
  id: string;
  kind: LayerKind;
  name: LocalizedName;
  /** The random stream the layer draws from. */
  stream: string;
  total: number;
  /** Relative share of the points a grid gets (before a random factor). */
  weight: (g: Grid) => number;
  /** How strongly positions prefer the settled, coastal part of a grid (0–1). */
  settledBias: number;
  /** Point ids are `<idPrefix>-001`…; point names are `<pointName> 001`…. */
  idPrefix: string;
  pointName: LocalizedName;
}

const MICRO_FIRE_STATIONS: FirePointLayer = {
  id: 'micro-fire-stations',
  kind: 'fire-station',
  name: {
    zh: '微型消防站（数量为公布数据，位置为合成）',
    en: 'Micro fire stations (published count, synthetic positions)',
  },
  stream: 'layer:fire-stations',
  total: LAYER_TOTALS.microFireStations,
  // More in urban villages and old estates, which the stations were built to cover.
  weight: (g) => g.population * (1 + 1.5 * g.profile.urbanVillage) + 400,
  settledBias: 0.8,
  idPrefix: 'mfs',
  pointName: { zh: '微型消防站', en: 'Micro fire station' },
};

const EMERGENCY_FIRE_POINTS: FirePointLayer = {
  id: 'emergency-fire-points',
  kind: 'emergency-point',
  name: {
    zh: '应急消防点（数量为公布数据，位置为合成）',
    en: 'Emergency fire points (published count, synthetic positions)',
  },
  stream: 'layer:emergency-points',
  total: LAYER_TOTALS.emergencyFirePoints,
  weight: (g) => g.population * (0.2 + 2 * g.profile.urbanVillage) + 200,
  settledBias: 0.9,
  idPrefix: 'efp',
  pointName: { zh: '应急消防点', en: 'Emergency fire point' },
};

function firePoints(layer: FirePointLayer, grids: readonly Grid[], seed?: number): LayerData {
  const random = rng(layer.stream, seed);
  const counts = perGrid(layer.total, grids, layer.weight, random);
  const points: LayerPoint[] = [];
  grids.forEach((grid, i) => {
    for (let k = 0; k < counts[i]!; k++) {
      const n = pad3(points.length + 1);
      points.push({
        id: `${layer.idPrefix}-${n}`,
        coordinates: randomPointIn(grid, random, layer.settledBias),
        name: { zh: `${layer.pointName.zh} ${n}`, en: `${layer.pointName.en} ${n}` },
        grid: grid.id,
      });
    }
  });
  return {
    id: layer.id,
    kind: layer.kind,
    name: layer.name,
    sensitive: false,
    provenance: 'synthetic',
    points,
  };
}

function cameras(grids: readonly Grid[], seed?: number): LayerData {
  const random = rng('layer:cameras', seed);
  const counts = perGrid(
    LAYER_TOTALS.cameras,
    grids,
    (g) =>
      g.population * (1 + 0.4 * g.profile.tourism + 0.3 * g.profile.port) +
      1500 * g.areaKm2 * g.profile.settled,
    random,
  );
  const points: LayerPoint[] = [];
  grids.forEach((grid, i) => {
    let left = counts[i]!;
    while (left > 0) {
      const size = Math.min(left, random.int(4, 18));
      left -= size;
      const n = points.length + 1;
      points.push({
        id: `cam-${pad3(n)}`,
        coordinates: randomPointIn(grid, random, 0.7),
        grid: grid.id,
        count: size,
      });
    }
  });
  return {
    id: 'cameras',
    kind: 'camera',
    name: {
      zh: '一类高清视频监控点（位置与数量均为合成）',
      en: 'First-class HD camera sites (synthetic positions and counts)',
    },
    sensitive: true,
    provenance: 'synthetic',
    points,
  };
}

const RISK_TYPES: Record<RiskLevel, readonly LocalizedName[]> = {
  red: [
    { zh: '危险化学品储存区', en: 'Hazardous-chemicals store' },
    { zh: '港区危险货物堆场', en: 'Port dangerous-goods yard' },
  ],
  orange: [
    { zh: '危险边坡', en: 'Dangerous slope' },
    { zh: '加油加气站', en: 'Fuel and gas station' },
    { zh: '港区集装箱堆场', en: 'Port container yard' },
    { zh: '大型人员密集场所', en: 'Large crowded venue' },
  ],
  yellow: [
    { zh: '地质灾害隐患点', en: 'Geological hazard site' },
    { zh: '建筑工地', en: 'Construction site' },
    { zh: '城中村出租屋片区', en: 'Urban-village rental housing' },
    { zh: '燃气调压站', en: 'Gas pressure station' },
  ],
  blue: [
    { zh: '挡土墙', en: 'Retaining wall' },
    { zh: '小型水库与山塘', en: 'Small reservoir or pond' },
    { zh: '"三小"场所集中区', en: 'Cluster of "three small" venues' },
    { zh: '老旧住宅楼', en: 'Old residential block' },
  ],
};

function riskSources(grids: readonly Grid[], seed?: number): LayerData {
  const random = rng('layer:risk-sources', seed);
  const points: LayerPoint[] = [];
  const weightFor: Record<RiskLevel, (g: Grid) => number> = {
    red: (g) => g.profile.port * 10 + 0.01,
    orange: (g) => 1 + 4 * g.profile.port + g.areaKm2 * (1 - g.profile.settled),
    yellow: (g) => 1 + g.population / 5000 + g.areaKm2 * (1 - g.profile.settled),
    blue: (g) => 1 + g.population / 4000 + 0.5 * g.areaKm2,
  };
  for (const level of ['red', 'orange', 'yellow', 'blue'] as const) {
    const counts = perGrid(RISK_LEVEL_COUNTS[level], grids, weightFor[level], random);
    grids.forEach((grid, i) => {
      for (let k = 0; k < counts[i]!; k++) {
        const n = points.length + 1;
        const type = random.pick(RISK_TYPES[level]);
        points.push({
          id: `risk-${pad3(n)}`,
          coordinates: randomPointIn(grid, random, level === 'red' ? 0.9 : 0.3),
          name: { zh: `风险源 ${pad3(n)}：${type.zh}`, en: `Risk source ${pad3(n)}: ${type.en}` },
          grid: grid.id,
          level,
        });
      }
    });
  }
  return {
    id: 'risk-sources',
    kind: 'risk-source',
    name: {
      zh: '分级管控风险源（数量为公布数据，位置、等级与类型为合成）',
      en: 'Risk sources under graded control (published count; synthetic positions, levels and types)',
    },
    sensitive: false,
    provenance: 'synthetic',
    points,
  };
}

/** The four point layers, points in grid order. */
export function buildLayers(grids: readonly Grid[], seed?: number): LayerData[] {
  return [
    firePoints(MICRO_FIRE_STATIONS, grids, seed),
    firePoints(EMERGENCY_FIRE_POINTS, grids, seed),
    cameras(grids, seed),
    riskSources(grids, seed),
  ];
}

/** How many points (or, with `count`, items) of a layer fall in each grid. */
export function countByGrid(layer: LayerData, useCount = false): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of layer.points) out.set(p.grid, (out.get(p.grid) ?? 0) + (useCount ? (p.count ?? 1) : 1));
  return out;
}
