/**
 * Privacy rules of the map. A layer or an event category marked `sensitive` is never drawn at
 * a point: it is only counted per grid, and a count below the threshold (default 3) is shown
 * as "<3", never as its value, in any colour, rank, rate or text.
 */
import { formatNumber, type Feed, type LocalizedText, type SupportedLocale } from '@safety-widgets/core';

/** The default threshold below which a sensitive count is not shown. */
export const DEFAULT_PRIVACY_THRESHOLD = 3;

/** A usable threshold: a whole number of 1 or more (anything else gives the default). */
export function privacyThreshold(value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 1 ? Math.floor(n) : DEFAULT_PRIVACY_THRESHOLD;
}

/** True when a sensitive count must not be shown. */
export function isSuppressed(count: number, threshold: number): boolean {
  return count < threshold;
}

/** A count as shown: `<3` when sensitive and below the threshold, else the number. */
export function formatCount(
  count: number | null | undefined,
  locale: SupportedLocale,
  sensitive: boolean,
  threshold: number,
): string {
  if (typeof count !== 'number' || Number.isNaN(count)) return formatNumber(null, locale);
  if (sensitive && isSuppressed(count, threshold)) return `<${formatNumber(threshold, locale)}`;
  return formatNumber(count, locale);
}

/** Something counted per grid: a point layer or an event category. */
export interface GridCounter {
  /** `layer:<id>` or `category:<id>`. */
  readonly key: string;
  readonly kind: 'layer' | 'category';
  readonly id: string;
  readonly name: LocalizedText;
  readonly sensitive: boolean;
  /** Layer kind (`fire-station`, `camera`…), for layers. */
  readonly layerKind?: string;
  /** Count per grid id (grids with none are absent). */
  readonly counts: ReadonlyMap<string, number>;
  /** For risk-source layers: count per grid id and level. */
  readonly byLevel?: ReadonlyMap<string, Readonly<Record<string, number>>>;
}

/** Which grid a point falls in: its `grid`, else the grid under its position (if any). */
export type GridOfPoint = (point: {
  grid?: string | null;
  coordinates: readonly [number, number];
}) => string | undefined;

/**
 * Counts per grid of every layer (summing each point's `count`, default 1) and of every event
 * category (incidents with a grid; annotations are not counted).
 */
export function countPerGrid(feed: Feed, gridOf: GridOfPoint): GridCounter[] {
  const out: GridCounter[] = [];
  for (const layer of feed.layers) {
    const counts = new Map<string, number>();
    const byLevel = layer.kind === 'risk-source' ? new Map<string, Record<string, number>>() : undefined;
    for (const point of layer.points) {
      const grid = gridOf(point);
      if (grid === undefined) continue;
      const n = typeof point.count === 'number' ? point.count : 1;
      counts.set(grid, (counts.get(grid) ?? 0) + n);
      if (byLevel && point.level) {
        let levels = byLevel.get(grid);
        if (!levels) byLevel.set(grid, (levels = {}));
        levels[point.level] = (levels[point.level] ?? 0) + n;
      }
    }
    out.push({
      key: `layer:${layer.id}`,
      kind: 'layer',
      id: layer.id,
      name: layer.name,
      sensitive: layer.sensitive,
      layerKind: layer.kind,
      counts,
      ...(byLevel ? { byLevel } : {}),
    });
  }
  const byCategory = new Map<string, Map<string, number>>();
  for (const event of feed.events) {
    if (event.kind === 'annotation' || !event.grid) continue;
    let counts = byCategory.get(event.category);
    if (!counts) byCategory.set(event.category, (counts = new Map()));
    counts.set(event.grid, (counts.get(event.grid) ?? 0) + 1);
  }
  for (const category of feed.categories) {
    out.push({
      key: `category:${category.id}`,
      kind: 'category',
      id: category.id,
      name: category.name,
      sensitive: category.sensitive === true,
      counts: byCategory.get(category.id) ?? new Map(),
    });
  }
  return out;
}

/** The layers and categories of a feed that are sensitive (for the privacy note). */
export function sensitiveThings(feed: Feed): LocalizedText[] {
  return [
    ...feed.layers.filter((l) => l.sensitive).map((l) => l.name),
    ...feed.categories.filter((c) => c.sensitive === true).map((c) => c.name),
  ];
}
