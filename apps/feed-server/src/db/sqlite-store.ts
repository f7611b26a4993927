/**
 * The SQLite store, the embedded default: one file, WAL (readers never block the writer),
 * `synchronous = FULL` (a write acknowledged to a client is on disk, even across a power cut) and
 * a busy timeout for a second process on the same file.
 *
 * better-sqlite3 is synchronous, so a write — read, plan, write, commit — runs as one
 * `BEGIN IMMEDIATE` transaction with no other request in between; the asynchronous interface only
 * wraps its answers.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { FeedChange } from '../live/change-bus.js';
import { MIGRATIONS, newerSchemaError } from './migrations.js';
import {
  TRIM_EVERY,
  type ChangeWindow,
  type FeedRecord,
  type FeedStore,
  type SeedFeed,
  type StoredBase,
  type StoredFeed,
  type StoreOptions,
  type WriteNeeds,
  type WritePlan,
  type WriteRefusal,
  type WriteResult,
  type WriteState,
} from './store.js';

interface FeedRow {
  id: string;
  kind: string;
  parent: string | null;
  version: number;
  as_of: string;
  updated_at: number;
  previous_updated_at: number | null;
  base_version: number;
}

const RECORD_COLUMNS = 'id, kind, parent, version, as_of, updated_at, previous_updated_at, base_version';

export function toRecord(row: FeedRow): FeedRecord {
  return {
    id: row.id,
    kind: row.kind,
    parent: row.parent,
    version: Number(row.version),
    asOf: row.as_of,
    updatedAt: Number(row.updated_at),
    previousUpdatedAt: row.previous_updated_at === null ? null : Number(row.previous_updated_at),
    baseVersion: Number(row.base_version),
  };
}

export function toChange(row: { id: number | string; data: string }): FeedChange {
  return { ...(JSON.parse(row.data) as FeedChange), id: Number(row.id) };
}

/** Brings the database to the latest schema version; returns the version it had. */
export function migrateSqlite(db: Database.Database): number {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > MIGRATIONS.length) throw newerSchemaError(from);
  for (let version = from + 1; version <= MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1]!.sqlite);
      db.pragma(`user_version = ${version}`);
    })();
  }
  return from;
}

export class SqliteStore implements FeedStore {
  readonly kind = 'sqlite';
  readonly description: string;
  private readonly db: Database.Database;

  constructor(
    path: string,
    private readonly options: StoreOptions,
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.description = path;
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrateSqlite(this.db);
  }

  async feeds(): Promise<FeedRecord[]> {
    const rows = this.db.prepare(`SELECT ${RECORD_COLUMNS} FROM feeds ORDER BY position`).all() as FeedRow[];
    return rows.map(toRecord);
  }

  async record(id: string): Promise<FeedRecord | undefined> {
    return this.recordNow(id);
  }

  async base(id: string, known?: number): Promise<StoredBase | undefined> {
    return this.baseNow(id, known);
  }

  async read(id: string, known?: number): Promise<StoredFeed | undefined> {
    return this.db.transaction(() => {
      const record = this.recordNow(id);
      if (!record) return undefined;
      return {
        record,
        base: this.baseNow(id, known)!,
        indicators: this.db
          .prepare('SELECT doc FROM indicators WHERE feed_id = ? ORDER BY position')
          .pluck()
          .all(id) as string[],
        events: this.db
          .prepare('SELECT doc FROM events WHERE feed_id = ? ORDER BY seq')
          .pluck()
          .all(id) as string[],
      };
    })();
  }

  async indicatorIds(id: string): Promise<string[]> {
    return this.db.prepare('SELECT id FROM indicators WHERE feed_id = ?').pluck().all(id) as string[];
  }

  async latestChangeId(): Promise<number> {
    return this.latestNow();
  }

  async changesAfter(feedId: string, after: number, limit: number): Promise<ChangeWindow> {
    return this.db.transaction(() => {
      const { min } = this.db.prepare('SELECT min(id) AS min FROM changes').get() as { min: number | null };
      const rows = this.db
        .prepare('SELECT id, data FROM changes WHERE feed_id = ? AND id > ? ORDER BY id LIMIT ?')
        .all(feedId, after, limit) as { id: number; data: string }[];
      return { latest: this.latestNow(), oldest: min, changes: rows.map(toChange) };
    })();
  }

  async allChangesAfter(after: number, limit: number): Promise<FeedChange[]> {
    const rows = this.db
      .prepare('SELECT id, data FROM changes WHERE id > ? ORDER BY id LIMIT ?')
      .all(after, limit) as { id: number; data: string }[];
    return rows.map(toChange);
  }

  async write(
    feedId: string,
    needs: WriteNeeds,
    plan: (state: WriteState) => WritePlan | WriteRefusal,
  ): Promise<WriteResult> {
    const run = this.db.transaction((): WriteResult => {
      const record = this.recordNow(feedId);
      if (!record) return { kind: 'no-feed' };
      const planned = plan(this.stateOf(record, needs));
      if ('refused' in planned) throw new Refused();
      return { kind: 'committed', change: this.apply(feedId, planned) };
    });
    try {
      return run.immediate();
    } catch (error) {
      if (error instanceof Refused) return { kind: 'refused' };
      throw error;
    }
  }

  async seedIfEmpty(feeds: () => SeedFeed[]): Promise<number> {
    return this.db
      .transaction(() => {
        const { n } = this.db.prepare('SELECT count(*) AS n FROM feeds').get() as { n: number };
        if (n > 0) return 0;
        const list = feeds();
        const insertFeed = this.db.prepare(
          'INSERT INTO feeds (id, kind, parent, position, base, version, as_of, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)',
        );
        const insertIndicator = this.db.prepare(
          'INSERT INTO indicators (feed_id, id, position, doc) VALUES (?, ?, ?, ?)',
        );
        const insertEvent = this.db.prepare('INSERT INTO events (feed_id, id, seq, doc) VALUES (?, ?, ?, ?)');
        const now = Date.now();
        list.forEach((feed, position) => {
          insertFeed.run(feed.id, feed.kind, feed.parent, position, feed.base, feed.asOf, now);
          feed.indicators.forEach((item, i) => insertIndicator.run(feed.id, item.id, i, item.doc));
          feed.events.forEach((item, i) => insertEvent.run(feed.id, item.id, i, item.doc));
        });
        return list.length;
      })
      .immediate();
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  /** Checkpoints the WAL into the main file and closes; the file is complete on its own afterwards. */
  async close(): Promise<void> {
    if (!this.db.open) return;
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      this.db.close();
    }
  }

  private recordNow(id: string): FeedRecord | undefined {
    const row = this.db.prepare(`SELECT ${RECORD_COLUMNS} FROM feeds WHERE id = ?`).get(id) as
      FeedRow | undefined;
    return row && toRecord(row);
  }

  private baseNow(id: string, known?: number): StoredBase | undefined {
    const row = this.db
      .prepare(
        'SELECT base_version, CASE WHEN base_version = ? THEN NULL ELSE base END AS base FROM feeds WHERE id = ?',
      )
      .get(known ?? -1, id) as { base_version: number; base: string | null } | undefined;
    return row && { baseVersion: row.base_version, text: row.base };
  }

  private latestNow(): number {
    const row = this.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'changes'").get() as
      { seq: number } | undefined;
    return row?.seq ?? 0;
  }

  private stateOf(record: FeedRecord, needs: WriteNeeds): WriteState {
    const select = this.db.prepare('SELECT doc FROM indicators WHERE feed_id = ? AND id = ?').pluck();
    const indicators = new Map<string, string>();
    for (const id of needs.indicators ?? []) {
      const doc = select.get(record.id, id) as string | undefined;
      if (doc !== undefined) indicators.set(id, doc);
    }
    const exists = this.db.prepare('SELECT 1 FROM events WHERE feed_id = ? AND id = ?');
    return {
      record,
      base: this.baseNow(record.id, needs.knownBaseVersion)!,
      indicators,
      allIndicators: needs.allIndicators
        ? (this.db
            .prepare('SELECT doc FROM indicators WHERE feed_id = ? ORDER BY position')
            .pluck()
            .all(record.id) as string[])
        : [],
      existingEvents: new Set((needs.eventIds ?? []).filter((id) => exists.get(record.id, id))),
    };
  }

  private apply(feedId: string, plan: WritePlan): FeedChange {
    const update = this.db.prepare('UPDATE indicators SET doc = ? WHERE feed_id = ? AND id = ?');
    for (const { id, doc } of plan.updateIndicators ?? []) update.run(doc, feedId, id);
    const insert = this.db.prepare(
      `INSERT INTO indicators (feed_id, id, position, doc)
       VALUES (?, ?, (SELECT coalesce(max(position), -1) + 1 FROM indicators WHERE feed_id = ?), ?)`,
    );
    for (const { id, doc } of plan.insertIndicators ?? []) insert.run(feedId, id, feedId, doc);
    if (plan.insertEvents?.length) {
      const add = this.db.prepare(
        `INSERT INTO events (feed_id, id, seq, doc)
         VALUES (?, ?, (SELECT coalesce(max(seq), -1) + 1 FROM events WHERE feed_id = ?), ?)`,
      );
      for (const { id, doc } of plan.insertEvents) add.run(feedId, id, feedId, doc);
    }
    if (plan.maxEvents !== undefined) {
      const n = this.db
        .prepare('SELECT count(*) FROM events WHERE feed_id = ?')
        .pluck()
        .get(feedId) as number;
      if (n > plan.maxEvents) {
        this.db
          .prepare(
            `DELETE FROM events WHERE feed_id = ? AND seq IN
             (SELECT seq FROM events WHERE feed_id = ? ORDER BY seq LIMIT ?)`,
          )
          .run(feedId, feedId, n - plan.maxEvents);
      }
    }
    if (plan.base !== undefined) {
      this.db
        .prepare('UPDATE feeds SET base = ?, base_version = base_version + 1 WHERE id = ?')
        .run(plan.base, feedId);
    }
    const { change } = plan;
    this.db
      .prepare(
        'UPDATE feeds SET version = ?, as_of = ?, previous_updated_at = updated_at, updated_at = ? WHERE id = ?',
      )
      .run(change.version, change.asOf, change.at, feedId);
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO changes (feed_id, at, data) VALUES (?, ?, ?)')
      .run(feedId, change.at, JSON.stringify(change));
    const id = Number(lastInsertRowid);
    if (id % TRIM_EVERY === 0) {
      this.db.prepare('DELETE FROM changes WHERE id <= ?').run(id - this.options.changeLogSize);
    }
    return { id, ...change };
  }
}

/** Thrown inside a write transaction to roll it back. */
class Refused extends Error {
  constructor() {
    super('write refused');
  }
}
