/**
 * The places of the sample: Yantian District, its four sub-districts (west to east) and the
 * neighbouring districts drawn for context.
 */

export interface LocalizedName {
  zh: string;
  en: string;
}

/** Yantian District (盐田区), Shenzhen. */
export const DISTRICT = {
  id: 'yantian',
  code: '440308',
  name: { zh: '盐田区', en: 'Yantian District' },
  /** 10,788 patrol members and volunteers = 4.1% of the population (published) → about 263,000. */
  population: 263_000,
  /** Official land area; the bundled outline (quantised, coast included) measures about 89 km². */
  areaKm2: 74.63,
  parent: { id: 'shenzhen', name: { zh: '深圳市', en: 'Shenzhen' } },
  timeZone: 'Asia/Shanghai',
} as const;

export type SubdistrictId = 'shatoujiao' | 'haishan' | 'yantian-subdistrict' | 'meisha';

export interface SubdistrictDef {
  /**
   * Feed and place id. The sub-district named Yantian (盐田街道) is `yantian-subdistrict`,
   * so it never collides with the district `yantian`.
   */
  id: SubdistrictId;
  /** Short name used in grid names, e.g. 沙头角 / Shatoujiao. */
  short: LocalizedName;
  name: LocalizedName;
  /** Number of management grids, assigned west to east by grid centroid longitude. */
  gridCount: number;
  /** Synthetic resident population (the four add up to the district's 263,000). */
  population: number;
}

/** The four sub-districts, west to east. */
export const SUBDISTRICTS: readonly SubdistrictDef[] = [
  {
    id: 'shatoujiao',
    short: { zh: '沙头角', en: 'Shatoujiao' },
    name: { zh: '沙头角街道', en: 'Shatoujiao Subdistrict' },
    gridCount: 8,
    population: 76_000,
  },
  {
    id: 'haishan',
    short: { zh: '海山', en: 'Haishan' },
    name: { zh: '海山街道', en: 'Haishan Subdistrict' },
    gridCount: 7,
    population: 84_000,
  },
  {
    id: 'yantian-subdistrict',
    short: { zh: '盐田', en: 'Yantian' },
    name: { zh: '盐田街道', en: 'Yantian Subdistrict' },
    gridCount: 8,
    population: 68_000,
  },
  {
    id: 'meisha',
    short: { zh: '梅沙', en: 'Meisha' },
    name: { zh: '梅沙街道', en: 'Meisha Subdistrict' },
    gridCount: 7,
    population: 35_000,
  },
];

/** Neighbouring districts, drawn grey on the map for context. */
export const NEIGHBOURS = [
  { id: 'luohu', code: '440303', name: { zh: '罗湖区', en: 'Luohu District' } },
  { id: 'longgang', code: '440307', name: { zh: '龙岗区', en: 'Longgang District' } },
  { id: 'pingshan', code: '440310', name: { zh: '坪山区', en: 'Pingshan District' } },
] as const;

export function subdistrictDef(id: string): SubdistrictDef {
  const def = SUBDISTRICTS.find((s) => s.id === id);
  if (!def) throw new Error(`unknown sub-district ${id}`);
  return def;
}
