/**
 * Versioned schema migrations, the same steps expressed for both databases. Each runs once, in
 * its own transaction, in order; the version is SQLite's `user_version`, or the row of
 * PostgreSQL's `schema_version` table. A database newer than this code is refused rather than
 * guessed at. Never edit a migration that has shipped: add one.
 */

export interface Migration {
  sqlite: string;
  postgres: string;
}

/** Migration n (1-based) takes the schema from version n-1 to n. */
export const MIGRATIONS: readonly Migration[] = [
  // 1: feeds as documents, with indicators and events as rows so a write touches only what changed.
  {
    sqlite: `
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
    postgres: `
  CREATE TABLE feeds (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    parent TEXT,
    position INTEGER NOT NULL,
    base TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    as_of TEXT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE TABLE indicators (
    feed_id TEXT NOT NULL REFERENCES feeds(id),
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (feed_id, id)
  );
  CREATE TABLE events (
    feed_id TEXT NOT NULL REFERENCES feeds(id),
    id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (feed_id, id)
  );
  CREATE INDEX events_by_seq ON events (feed_id, seq);
  CREATE TABLE changes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    feed_id TEXT NOT NULL,
    at BIGINT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX changes_by_feed ON changes (feed_id, id);
  `,
  },
  // 2: when the version before the current one was made, so If-Modified-Since (one-second dates)
  // can tell whether a feed changed twice within one second.
  {
    sqlite: `ALTER TABLE feeds ADD COLUMN previous_updated_at INTEGER;`,
    postgres: `ALTER TABLE feeds ADD COLUMN previous_updated_at BIGINT;`,
  },
  // 3: a version of the base document alone, so a write or a read need not fetch the base
  // (hundreds of kilobytes for a district) unless it changed since the caller last read it.
  {
    sqlite: `ALTER TABLE feeds ADD COLUMN base_version INTEGER NOT NULL DEFAULT 1;`,
    postgres: `ALTER TABLE feeds ADD COLUMN base_version BIGINT NOT NULL DEFAULT 1;`,
  },
];

/** The refusal for a database migrated by a newer server. */
export function newerSchemaError(found: number): Error {
  return new Error(
    `database schema version ${found} is newer than this server knows (${MIGRATIONS.length}); upgrade the server`,
  );
}
