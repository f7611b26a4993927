/**
 * First start: fills an empty database with the sample feeds of @safety-widgets/sample-data
 * (the district, then its sub-districts), in one transaction.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Database } from 'better-sqlite3';
import type { FeedInput } from '@safety-widgets/core';

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

/** Writes `feeds` into an empty database; returns how many were written. */
export function seedFeeds(
  db: Database,
  feeds: { feed: FeedInput; kind: string; parent: string | null }[],
): number {
  const insertFeed = db.prepare(
    'INSERT INTO feeds (id, kind, parent, position, base, version, as_of, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)',
  );
  const insertIndicator = db.prepare(
    'INSERT INTO indicators (feed_id, id, position, doc) VALUES (?, ?, ?, ?)',
  );
  const insertEvent = db.prepare('INSERT INTO events (feed_id, id, seq, doc) VALUES (?, ?, ?, ?)');
  const now = Date.now();
  db.transaction(() => {
    feeds.forEach(({ feed, kind, parent }, position) => {
      const { base, indicators, events } = splitFeed(feed);
      insertFeed.run(feed.id, kind, parent, position, JSON.stringify(base), feed.asOf, now);
      indicators.forEach((item, i) => {
        insertIndicator.run(feed.id, (item as { id: string }).id, i, JSON.stringify(item));
      });
      events.forEach((item, i) => {
        insertEvent.run(feed.id, (item as { id: string }).id, i, JSON.stringify(item));
      });
    });
  })();
  return feeds.length;
}

/** Seeds from the sample data when the database has no feed yet. */
export function seedIfEmpty(db: Database): number {
  const { n } = db.prepare('SELECT count(*) AS n FROM feeds').get() as { n: number };
  if (n > 0) return 0;
  const index = readSample<IndexFile>('index.json');
  return seedFeeds(
    db,
    index.feeds.map((entry) => ({
      feed: readSample<FeedInput>(entry.file),
      kind: entry.kind,
      parent: entry.kind === 'district' ? null : entry.parent,
    })),
  );
}
