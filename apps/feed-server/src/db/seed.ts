/**
 * First start: the sample feeds of @safety-widgets/sample-data (the district, then its
 * sub-districts), ready for a store's `seedIfEmpty`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FeedInput } from '@safety-widgets/core';
import type { SeedFeed } from './store.js';

interface IndexFile {
  feeds: { id: string; file: string; kind: string; parent: string }[];
}

const require = createRequire(import.meta.url);

/** Reads a built sample feed (`pnpm build` of sample-data writes them). */
function readSample<T>(file: string): T {
  const path = require.resolve(`@safety-widgets/sample-data/feeds/${file}`);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Splits a feed into its base document and its indicators and events. */
export function splitFeed(feed: FeedInput): {
  base: Record<string, unknown>;
  indicators: unknown[];
  events: unknown[];
} {
  const { indicators, events, links: _links, ...base } = feed as FeedInput & { links?: unknown };
  return { base, indicators: indicators ?? [], events: events ?? [] };
}

/** A feed as the seed stores it. */
export function seedFeed(feed: FeedInput, kind: string, parent: string | null): SeedFeed {
  const { base, indicators, events } = splitFeed(feed);
  const rows = (items: unknown[]) =>
    items.map((item) => ({ id: (item as { id: string }).id, doc: JSON.stringify(item) }));
  return {
    id: feed.id,
    kind,
    parent,
    asOf: feed.asOf,
    base: JSON.stringify(base),
    indicators: rows(indicators),
    events: rows(events),
  };
}

/** The sample feeds, in order (district first). */
export function sampleFeeds(): SeedFeed[] {
  const index = readSample<IndexFile>('index.json');
  return index.feeds.map((entry) =>
    seedFeed(readSample<FeedInput>(entry.file), entry.kind, entry.kind === 'district' ? null : entry.parent),
  );
}
