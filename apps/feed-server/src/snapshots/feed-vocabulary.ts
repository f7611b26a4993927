/**
 * The ids a feed version offers to image options (areas, sub-districts, grids, categories, grid
 * metrics, point layers), read once per version: options that name one are checked against them,
 * so a URL that names nothing in the feed is refused with the list of what is there.
 */
import type { Feed } from '@safety-widgets/core';
import type { Snapshot } from '../feeds/repository.js';

export interface FeedVocabulary {
  areas: readonly string[];
  subdistricts: readonly string[];
  grids: readonly string[];
  categories: readonly string[];
  /** What the map's `metric` names: grid metric keys, then `category:<id>` for each category. */
  metrics: readonly string[];
  /** Point layers by id, and their kinds (the map's `layers` takes either). */
  layers: readonly string[];
  layerKinds: readonly string[];
}

const vocabularies = new WeakMap<Snapshot, FeedVocabulary>();

/** The vocabulary of a feed document (validated by the repository, so its shape is known). */
export function vocabularyOf(feed: Feed): FeedVocabulary {
  const metricKeys = new Set<string>();
  for (const grid of feed.grids.features) {
    for (const key of Object.keys(grid.properties.metrics ?? {})) metricKeys.add(key);
  }
  const categories = feed.categories.map((c) => c.id);
  return {
    areas: feed.areas.map((a) => a.id),
    subdistricts: (feed.subdistricts ?? []).map((s) => s.id),
    grids: feed.grids.features.map((g) => g.id),
    categories,
    metrics: [...metricKeys, ...categories.map((id) => `category:${id}`)],
    layers: feed.layers.map((l) => l.id),
    layerKinds: [...new Set(feed.layers.map((l) => l.kind))],
  };
}

/** The vocabulary of a feed version, parsed once per version. */
export function snapshotVocabulary(snapshot: Snapshot): FeedVocabulary {
  let vocabulary = vocabularies.get(snapshot);
  if (!vocabulary) {
    vocabulary = vocabularyOf(JSON.parse(snapshot.body) as Feed);
    vocabularies.set(snapshot, vocabulary);
  }
  return vocabulary;
}
