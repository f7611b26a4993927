/**
 * Versioned schema migrations, tracked in SQLite's `user_version`. Each migration runs once, in
 * its own transaction, in order; a database newer than this code is refused rather than guessed at.
 */
import type { Database } from 'better-sqlite3';

/** Migration n (1-based) takes the schema from version n-1 to n. Never edit one that has shipped. */
export const MIGRATIONS: readonly string[] = [
  // 1: feeds as documents, with indicators and events as rows so a write touches only what changed.
  `
  CREATE TABLE feeds (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    parent TEXT,
    position INTEGER NOT NULL,
    -- The feed without indicators and events (JSON).
    base TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    as_of TEXT NOT NULL,
    -- When this server last changed the feed (ms since the epoch).
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE indicators (
    feed_id TEXT NOT NULL REFERENCES feeds(id),
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (feed_id, id)
  ) WITHOUT ROWID;
  CREATE TABLE events (
    feed_id TEXT NOT NULL REFERENCES feeds(id),
    id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (feed_id, id)
  ) WITHOUT ROWID;
  CREATE INDEX events_by_seq ON events (feed_id, seq);
  -- Every accepted change, for Last-Event-ID replay; the id is the SSE event id.
  CREATE TABLE changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    feed_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX changes_by_feed ON changes (feed_id, id);
  `,
  // 2: when the version before the current one was made, so If-Modified-Since (one-second dates)
  // can tell whether a feed changed twice within one second.
  `
  ALTER TABLE feeds ADD COLUMN previous_updated_at INTEGER;
  `,
];

/** Brings the database to the latest schema version; returns the versions before and after. */
export function migrate(db: Database): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > MIGRATIONS.length) {
    throw new Error(
      `database schema version ${from} is newer than this server knows (${MIGRATIONS.length}); upgrade the server`,
    );
  }
  for (let version = from + 1; version <= MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1]!);
      db.pragma(`user_version = ${version}`);
    })();
  }
  return { from, to: MIGRATIONS.length };
}
