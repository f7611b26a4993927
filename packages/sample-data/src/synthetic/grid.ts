/**
 * A synthetic city-scale grid system for the map's 20,000-cell story, tests and benchmarks: a
 * jittered square lattice over the bounding box of a feed's outline. Neighbouring cells share
 * their (jittered) corners exactly, so the cells tile the box, and every ring is closed and wound
 * the d3-geo way (exterior clockwise). Deterministic per seed.
 */
import type { FeedInput } from '@safety-widgets/core';
import { mulberry32 } from '../random.js';

export interface SyntheticGridOptions {
  /** Number of cells (default 20,000). */
  cells?: number;
  /** Seed of the pseudo-random jitter and figures (default 1). */
  seed?: number;
  /** Risk-source points to scatter (default 0), plus as many camera sites (a sensitive layer). */
  points?: number;
  /** `asOf` of the feed (default: the base feed's). */
  asOf?: string;
}

type Pos = [number, number];

function bboxOf(geometry: unknown): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (v: unknown): void => {
    if (!Array.isArray(v)) return;
    if (typeof v[0] === 'number' && typeof v[1] === 'number') {
      box[0] = Math.min(box[0], v[0]);
      box[1] = Math.min(box[1], v[1]);
      box[2] = Math.max(box[2], v[0]);
      box[3] = Math.max(box[3], v[1]);
      return;
    }
    for (const item of v) visit(item);
  };
  visit((geometry as { coordinates?: unknown } | undefined)?.coordinates);
  return box;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** The grid id of cell number `n` (1-based). */
export const syntheticCellId = (n: number) => `cell-${String(n).padStart(5, '0')}`;

/**
 * A copy of `base` (a sample feed) whose grids are `cells` lattice cells over the bounding box
 * of its outline, with synthetic `cases`, `fires` and `population`, assigned to the base feed's
 * sub-districts west to east. Events and series are dropped (they name the sample's grids).
 */
export function syntheticGridFeed(base: FeedInput, options: SyntheticGridOptions = {}): FeedInput {
  const cells = Math.max(1, Math.floor(options.cells ?? 20_000));
  const random = mulberry32(options.seed ?? 1);
  const [x0, y0, x1, y1] = bboxOf(base.place.outline);
  const midLat = ((y0 + y1) / 2) * (Math.PI / 180);
  const widthKm = (x1 - x0) * Math.cos(midLat);
  const heightKm = y1 - y0;
  const cols = Math.max(1, Math.round(Math.sqrt((cells * widthKm) / heightKm)));
  const rows = Math.ceil(cells / cols);
  const dx = (x1 - x0) / cols;
  const dy = (y1 - y0) / rows;

  // Jittered lattice vertices, shared by the four cells around each.
  const vertex: Pos[] = new Array((cols + 1) * (rows + 1));
  for (let j = 0; j <= rows; j++) {
    for (let i = 0; i <= cols; i++) {
      const edge = i === 0 || j === 0 || i === cols || j === rows;
      const jx = edge ? 0 : (random() - 0.5) * 0.5 * dx;
      const jy = edge ? 0 : (random() - 0.5) * 0.5 * dy;
      vertex[j * (cols + 1) + i] = [round6(x0 + i * dx + jx), round6(y0 + j * dy + jy)];
    }
  }
  const v = (i: number, j: number) => vertex[j * (cols + 1) + i]!;

  const subdistricts = (base.subdistricts ?? []) as { id: string }[];
  const subIds = subdistricts.length > 0 ? subdistricts.map((s) => s.id) : [base.place.id];
  const features: unknown[] = [];
  for (let n = 0; n < cells; n++) {
    const i = n % cols;
    const j = Math.floor(n / cols);
    // Clockwise with latitude up: NW → NE → SE → SW → NW.
    const ring = [v(i, j + 1), v(i + 1, j + 1), v(i + 1, j), v(i, j), v(i, j + 1)];
    const fx = (i + 0.5) / cols;
    const fy = (j + 0.5) / rows;
    const field = 1 + Math.sin(fx * 9) * Math.cos(fy * 7) + 0.6 * Math.sin((fx + fy) * 23);
    const population = Math.round(200 + random() * 2800);
    features.push({
      type: 'Feature',
      id: syntheticCellId(n + 1),
      geometry: { type: 'Polygon', coordinates: [ring] },
      properties: {
        name: { zh: `网格 ${String(n + 1).padStart(5, '0')}`, en: `Cell ${String(n + 1).padStart(5, '0')}` },
        subdistrict: subIds[Math.min(subIds.length - 1, Math.floor(fx * subIds.length))]!,
        population,
        metrics: {
          cases: Math.max(0, Math.round(field * 12 + random() * 6)),
          fires: Math.round(random() * random() * 4),
        },
        synthetic: true,
      },
    });
  }

  const points = Math.max(0, Math.floor(options.points ?? 0));
  const levels = ['red', 'orange', 'yellow', 'blue'] as const;
  const scatter = (prefix: string, extra: (k: number) => Record<string, unknown>) =>
    Array.from({ length: points }, (_, k) => {
      const n = Math.floor(random() * cells);
      const i = n % cols;
      const j = Math.floor(n / cols);
      return {
        id: `${prefix}-${k + 1}`,
        // Near the cell's centre: inside it whatever the jitter.
        coordinates: [
          round6(x0 + (i + 0.4 + random() * 0.2) * dx),
          round6(y0 + (j + 0.4 + random() * 0.2) * dy),
        ],
        grid: syntheticCellId(n + 1),
        ...extra(k),
      };
    });
  const layers =
    points > 0
      ? [
          {
            id: 'synthetic-risk-sources',
            kind: 'risk-source',
            name: { zh: '风险源（模拟）', en: 'Risk sources (synthetic)' },
            sensitive: false,
            provenance: 'synthetic',
            points: scatter('risk', (k) => ({
              level: levels[k % 17 === 0 ? 0 : k % 7 === 0 ? 1 : k % 3 === 0 ? 2 : 3],
            })),
          },
          {
            id: 'synthetic-cameras',
            kind: 'camera',
            name: { zh: '摄像头（模拟）', en: 'Cameras (synthetic)' },
            sensitive: true,
            provenance: 'synthetic',
            points: scatter('cam', () => ({ count: 1 + Math.floor(random() * 4) })),
          },
        ]
      : [];

  return {
    ...base,
    id: `${base.id}-synthetic-${cells}`,
    ...(options.asOf ? { asOf: options.asOf } : {}),
    synthetic: true,
    grids: { type: 'FeatureCollection', features },
    layers,
    series: [],
    events: [],
  } as unknown as FeedInput;
}
