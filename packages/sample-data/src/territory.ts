/**
 * The district's territory: the real outline, the 30 synthetic management grids with their
 * sub-district, name, population and character, and the sub-district shapes (unions of grids).
 */
import { geoArea } from 'd3-geo';
import { clipping } from './geometry/clipping.js';
import { buildGridCells, distanceToCoast } from './geometry/grids.js';
import { districtOutline } from './geometry/outline.js';
import { type Geometry, type Position, normalizePolygons, polygonsOf, toGeometry } from './geometry/rings.js';
import {
  DISTRICT,
  NEIGHBOURS,
  type LocalizedName,
  SUBDISTRICTS,
  type SubdistrictDef,
  type SubdistrictId,
} from './places.js';
import { type Random, apportion, rng } from './random.js';

/** Earth's mean radius (km), for converting d3-geo steradians to km². */
export const EARTH_RADIUS_KM = 6371.0088;

/** Spherical area of a geometry in km² (d3-geo; needs d3-geo winding). */
export function areaKm2(geometry: Geometry): number {
  return geoArea(geometry) * EARTH_RADIUS_KM ** 2;
}

/** What kind of place a grid is; drives where incidents, stations and cameras go. All synthetic. */
export interface GridProfile {
  /** 0–1: how much of the grid is urban village or old estate (more people, more fire risk). */
  urbanVillage: number;
  /** 0–1: port and logistics land (Yantian port, container yards). */
  port: number;
  /** 0–1: beach and tourist land (Dameisha, Xiaomeisha). */
  tourism: number;
  /** 0–1: closeness to the built-up coast (1 on it). */
  settled: number;
}

export interface Grid {
  id: string;
  /** 1-based number within its sub-district, west to east. */
  number: number;
  subdistrict: SubdistrictId;
  name: LocalizedName;
  geometry: Geometry;
  centroid: Position;
  areaKm2: number;
  population: number;
  profile: GridProfile;
}

export interface SubdistrictShape {
  def: SubdistrictDef;
  geometry: Geometry;
  /** Official district area shared out by outline area (synthetic). */
  areaKm2: number;
  grids: Grid[];
}

export interface Territory {
  outline: Geometry;
  grids: Grid[];
  subdistricts: SubdistrictShape[];
  neighbours: { id: string; name: LocalizedName; geometry: Geometry }[];
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Grid id: `<sub-district id>-g<NN>`, e.g. `shatoujiao-g03`, `yantian-subdistrict-g01`. */
export function gridId(subdistrict: SubdistrictId, number: number): string {
  return `${subdistrict}-g${pad2(number)}`;
}

function profileFor(subdistrict: SubdistrictId, centroid: Position, random: Random): GridProfile {
  const settled = Math.exp(-distanceToCoast(centroid) / 0.015);
  // Urban villages and old estates cluster in the west (Shatoujiao, Haishan) near the coast.
  const westness = { shatoujiao: 1, haishan: 0.8, 'yantian-subdistrict': 0.55, meisha: 0.3 }[subdistrict];
  const urbanVillage = Math.min(1, settled * westness * random.uniform(0.4, 1.2));
  const port =
    subdistrict === 'yantian-subdistrict'
      ? Math.min(1, settled * random.uniform(0.7, 1.3))
      : subdistrict === 'haishan'
        ? settled * 0.2
        : 0;
  const tourism = subdistrict === 'meisha' ? Math.min(1, settled * random.uniform(0.8, 1.2)) : 0;
  const round2 = (x: number) => Math.round(x * 100) / 100;
  return {
    urbanVillage: round2(urbanVillage),
    port: round2(port),
    tourism: round2(tourism),
    settled: round2(settled),
  };
}

function union(geometries: Geometry[]): Geometry {
  const [first, ...rest] = geometries.map(polygonsOf);
  if (!first) throw new Error('union of nothing');
  return toGeometry(normalizePolygons(clipping.union(first, ...rest)));
}

/** Builds the territory from the bundled outline and the seed. */
export function buildTerritory(seed?: number): Territory {
  const outline = districtOutline(DISTRICT.code).geometry;
  const cells = buildGridCells(outline, rng('grids', seed));
  const expected = SUBDISTRICTS.reduce((n, s) => n + s.gridCount, 0);
  if (cells.length !== expected) throw new Error(`expected ${expected} grid cells, got ${cells.length}`);

  // West to east by centroid longitude: the first 8 are Shatoujiao, the next 7 Haishan, …
  const byLongitude = [...cells].sort(
    (a, b) => a.centroid[0] - b.centroid[0] || a.centroid[1] - b.centroid[1],
  );
  const profileRandom = rng('grid-profiles', seed);
  const populationRandom = rng('grid-populations', seed);
  const grids: Grid[] = [];
  const subdistricts: SubdistrictShape[] = [];
  let next = 0;
  const outlineArea = areaKm2(outline);
  for (const def of SUBDISTRICTS) {
    const mine = byLongitude.slice(next, next + def.gridCount);
    next += def.gridCount;
    const members: Grid[] = mine.map((cell, i) => {
      const number = i + 1;
      return {
        id: gridId(def.id, number),
        number,
        subdistrict: def.id,
        name: { zh: `${def.short.zh}第${pad2(number)}网格`, en: `${def.short.en} Grid ${pad2(number)}` },
        geometry: cell.geometry,
        centroid: cell.centroid,
        areaKm2: areaKm2(cell.geometry),
        population: 0,
        profile: profileFor(def.id, cell.centroid, profileRandom),
      };
    });
    // Population: the sub-district's total shared by area × settlement, in tens of people.
    const weights = members.map(
      (g) =>
        g.areaKm2 *
        (0.04 + g.profile.settled) *
        (1 + 0.5 * g.profile.urbanVillage) *
        populationRandom.uniform(0.75, 1.25),
    );
    apportion(def.population / 10, weights).forEach((tens, i) => {
      members[i]!.population = tens * 10;
    });
    grids.push(...members);
    const geometry = union(members.map((g) => g.geometry));
    subdistricts.push({ def, geometry, areaKm2: 0, grids: members });
  }
  // Share the official 74.63 km² out by outline area, to 2 decimals, adding up exactly.
  const shares = apportion(
    Math.round(DISTRICT.areaKm2 * 100),
    subdistricts.map((s) => areaKm2(s.geometry) / outlineArea),
  );
  subdistricts.forEach((s, i) => {
    s.areaKm2 = shares[i]! / 100;
  });

  const neighbours = NEIGHBOURS.map((n) => ({
    id: n.id,
    name: n.name,
    geometry: districtOutline(n.code).geometry,
  }));
  return { outline, grids, subdistricts, neighbours };
}
