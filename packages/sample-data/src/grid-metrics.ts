/**
 * Per-grid figures for the choropleth, all synthetic, all consistent with the rest of the
 * feed: incident counts are sums of the grid's daily series over the last 12 months
 * (December 2016 – November 2017), point counts come from the layers, and the enterprise
 * and venue counts add up to the published district totals.
 */
import type { CategoryId } from './categories.js';
import { sumBetween } from './dates.js';
import { type LayerData, countByGrid } from './layers.js';
import { apportion, rng } from './random.js';
import type { CategoryCounts } from './series.js';
import type { Grid } from './territory.js';

/** The 12 months grid incident metrics cover. */
export const METRICS_FIRST_DAY = '2016-12-01';
export const METRICS_LAST_DAY = '2017-11-30';

/** Published: 1,962 supervised enterprises in 30 grids; 4,729 "three small" venues. */
export const ENTERPRISES_TOTAL = 1962;
export const THREE_SMALL_VENUES_TOTAL = 4729;

/** Metric ids and the category each incident metric counts. */
export const INCIDENT_METRICS: readonly { metric: string; category: CategoryId }[] = [
  { metric: 'alerts110', category: 'alerts-110' },
  { metric: 'cases', category: 'criminal' },
  { metric: 'fraud', category: 'fraud' },
  { metric: 'fires', category: 'fire' },
  { metric: 'disputes', category: 'dispute' },
];

export type GridMetrics = Record<string, number>;

/** Metrics per grid id, keys in a fixed order. */
export function buildGridMetrics(
  grids: readonly Grid[],
  counts: ReadonlyMap<CategoryId, CategoryCounts>,
  layers: readonly LayerData[],
  seed?: number,
): Map<string, GridMetrics> {
  const random = rng('grid-metrics', seed);
  const enterprises = apportion(
    ENTERPRISES_TOTAL,
    grids.map((g) => (g.population / 1000 + 25 * g.profile.port + 3) * random.uniform(0.7, 1.3)),
  );
  const venues = apportion(
    THREE_SMALL_VENUES_TOTAL,
    grids.map(
      (g) =>
        (g.population / 1000) *
          (1 + 0.8 * g.profile.urbanVillage + 0.5 * g.profile.tourism) *
          random.uniform(0.8, 1.2) +
        1,
    ),
  );
  const layerCount = (id: string, useCount = false) => {
    const layer = layers.find((l) => l.id === id);
    if (!layer) throw new Error(`no layer ${id}`);
    return countByGrid(layer, useCount);
  };
  const cameras = layerCount('cameras', true);
  const stations = layerCount('micro-fire-stations');
  const points = layerCount('emergency-fire-points');
  const risks = layerCount('risk-sources');

  const out = new Map<string, GridMetrics>();
  grids.forEach((grid, g) => {
    const metrics: GridMetrics = {};
    for (const { metric, category } of INCIDENT_METRICS) {
      const row = counts.get(category)?.byGrid[g];
      if (!row) throw new Error(`no ${category} counts for grid ${grid.id}`);
      metrics[metric] = sumBetween(row, METRICS_FIRST_DAY, METRICS_LAST_DAY);
    }
    metrics.cameras = cameras.get(grid.id) ?? 0;
    metrics.microFireStations = stations.get(grid.id) ?? 0;
    metrics.emergencyFirePoints = points.get(grid.id) ?? 0;
    metrics.riskSources = risks.get(grid.id) ?? 0;
    metrics.enterprises = enterprises[g]!;
    metrics.threeSmallVenues = venues[g]!;
    out.set(grid.id, metrics);
  });
  return out;
}
