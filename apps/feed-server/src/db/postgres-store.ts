/**
 * The PostgreSQL store, for several instances sharing one database (`--database postgres://…`).
 *
 * A write is one transaction that locks its feed's row (`SELECT … FOR UPDATE`), so writes to one
 * feed serialise across instances and its versions have no gaps. The change is logged last, under
 * a transaction-scoped advisory lock held to the commit: change ids are handed out and committed
 * in the same order, so "every change after id n" is a complete answer on every instance (which
 * replay and the LISTEN/NOTIFY fan-out rely on). The notification is sent in the same transaction,
 * so it is delivered if and only if the change commits. `synchronous_commit` is on: a write
 * acknowledged to a client is on disk.
 *
 * Migrations and the first-start seed run under a session advisory lock, so instances starting
 * together on an empty database migrate and seed it once.
 */
import pg from 'pg';
import type { FeedChange } from '../live/change-bus.js';
import { MIGRATIONS, newerSchemaError } from './migrations.js';
import { toChange, toRecord } from './sqlite-store.js';
import {
  StoreUnavailableError,
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

/** The channel every committed change is announced on; the payload is the change id. */
export const CHANGES_CHANNEL = 'safety_feed_changes';

/** Advisory lock keys (arbitrary, fixed): schema set-up, and the change log's commit order. */
const SETUP_LOCK = 720_301;
const CHANGE_LOG_LOCK = 720_302;

const RECORD_COLUMNS = 'id, kind, parent, version, as_of, updated_at, previous_updated_at, base_version';

/** int8 (BIGINT) as a JavaScript number: ids, versions and times here stay far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** Error codes that mean "the database cannot be reached now", not "this request is wrong". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
  '53300', // too_many_connections
]);

/** Whether `error` is a lost or refused connection. */
export function isUnreachable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08'))) return true;
  return (
    typeof message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed/i.test(
      message,
    )
  );
}

/** `error` as a StoreUnavailableError when it is a connection failure; as it is otherwise. */
export function unavailable(error: unknown): unknown {
  if (!isUnreachable(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError(`PostgreSQL cannot be reached: ${reason}`, { cause: error });
}

/** The URL without its password, for logs and the start-up banner. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

/** Connection settings shared by the pool and the listening connection. */
export function connectionConfig(url: string): pg.ClientConfig {
  return {
    connectionString: url,
    types,
    // An acknowledged write is durable, whatever the server's default.
    options: '-c synchronous_commit=on',
    connectionTimeoutMillis: 5000,
    keepAlive: true,
    application_name: 'safety-feed-server',
  };
}

export class PostgresStore implements FeedStore {
  readonly kind = 'postgres';
  readonly description: string;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly options: StoreOptions,
    url: string,
  ) {
    this.description = redactedUrl(url);
  }

  /** Connects, migrates (once across instances) and returns the store. */
  static async open(url: string, options: StoreOptions & { poolSize?: number }): Promise<PostgresStore> {
    const pool = new pg.Pool({ ...connectionConfig(url), max: options.poolSize ?? 10 });
    // An idle client whose connection drops (database restart) must not take the process down;
    // the next query reconnects.
    pool.on('error', () => undefined);
    const store = new PostgresStore(pool, options, url);
    try {
      await store.setUp(async (client) => {
        await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
        const found = await client.query<{ version: number }>('SELECT version FROM schema_version');
        let from = found.rows[0]?.version ?? 0;
        if (found.rows.length === 0) await client.query('INSERT INTO schema_version VALUES (0)');
        if (from > MIGRATIONS.length) throw newerSchemaError(from);
        for (; from < MIGRATIONS.length; from++) {
          await client.query('BEGIN');
          await client.query(MIGRATIONS[from]!.postgres);
          await client.query('UPDATE schema_version SET version = $1', [from + 1]);
          await client.query('COMMIT');
        }
      });
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw unavailable(error);
    }
    return store;
  }

  async feeds(): Promise<FeedRecord[]> {
    const { rows } = await this.query(`SELECT ${RECORD_COLUMNS} FROM feeds ORDER BY position`);
    return rows.map(toRecord);
  }

  async record(id: string): Promise<FeedRecord | undefined> {
    const { rows } = await this.query(`SELECT ${RECORD_COLUMNS} FROM feeds WHERE id = $1`, [id]);
    return rows[0] && toRecord(rows[0]);
  }

  async base(id: string, known?: number): Promise<StoredBase | undefined> {
    return baseOf(this.pool, id, known).catch((error: unknown) => {
      throw unavailable(error);
    });
  }

  async read(id: string, known?: number): Promise<StoredFeed | undefined> {
    return this.snapshotRead(async (client) => {
      const { rows } = await client.query(`SELECT ${RECORD_COLUMNS} FROM feeds WHERE id = $1`, [id]);
      if (!rows[0]) return undefined;
      const docs = async (sql: string) =>
        (await client.query<{ doc: string }>(sql, [id])).rows.map((r) => r.doc);
      return {
        record: toRecord(rows[0]),
        base: (await baseOf(client, id, known))!,
        indicators: await docs('SELECT doc FROM indicators WHERE feed_id = $1 ORDER BY position'),
        events: await docs('SELECT doc FROM events WHERE feed_id = $1 ORDER BY seq'),
      };
    });
  }

  async indicatorIds(id: string): Promise<string[]> {
    const { rows } = await this.query('SELECT id FROM indicators WHERE feed_id = $1', [id]);
    return rows.map((r) => r.id as string);
  }

  async latestChangeId(): Promise<number> {
    const { rows } = await this.query('SELECT coalesce(max(id), 0) AS latest FROM changes');
    return rows[0].latest as number;
  }

  async changesAfter(feedId: string, after: number, limit: number): Promise<ChangeWindow> {
    return this.snapshotRead(async (client) => {
      const bounds = await client.query<{ latest: number; oldest: number | null }>(
        'SELECT coalesce(max(id), 0) AS latest, min(id) AS oldest FROM changes',
      );
      const { rows } = await client.query<{ id: number; data: string }>(
        'SELECT id, data FROM changes WHERE feed_id = $1 AND id > $2 ORDER BY id LIMIT $3',
        [feedId, after, limit],
      );
      return { ...bounds.rows[0]!, changes: rows.map(toChange) };
    });
  }

  async allChangesAfter(after: number, limit: number): Promise<FeedChange[]> {
    const { rows } = await this.query('SELECT id, data FROM changes WHERE id > $1 ORDER BY id LIMIT $2', [
      after,
      limit,
    ]);
    return rows.map((row) => toChange(row as { id: number; data: string }));
  }

  async write(
    feedId: string,
    needs: WriteNeeds,
    plan: (state: WriteState) => WritePlan | WriteRefusal,
  ): Promise<WriteResult> {
    return this.transaction<WriteResult>(async (client) => {
      const locked = await client.query(`SELECT ${RECORD_COLUMNS} FROM feeds WHERE id = $1 FOR UPDATE`, [
        feedId,
      ]);
      if (!locked.rows[0]) return { result: { kind: 'no-feed' }, commit: false };
      const record = toRecord(locked.rows[0]);
      const planned = plan(await this.stateOf(client, record, needs));
      if ('refused' in planned) return { result: { kind: 'refused' }, commit: false };
      const change = await this.apply(client, feedId, planned);
      return { result: { kind: 'committed', change }, commit: true };
    });
  }

  async seedIfEmpty(feeds: () => SeedFeed[]): Promise<number> {
    try {
      return await this.setUp(async (client) => {
        const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM feeds');
        if (rows[0]!.n > 0) return 0;
        const list = feeds();
        const now = Date.now();
        await client.query('BEGIN');
        for (const [position, feed] of list.entries()) {
          await client.query(
            'INSERT INTO feeds (id, kind, parent, position, base, version, as_of, updated_at) VALUES ($1, $2, $3, $4, $5, 1, $6, $7)',
            [feed.id, feed.kind, feed.parent, position, feed.base, feed.asOf, now],
          );
          await insertRows(client, 'indicators', 'position', feed.id, feed.indicators, 'first');
          await insertRows(client, 'events', 'seq', feed.id, feed.events, 'first');
        }
        await client.query('COMMIT');
        return list.length;
      });
    } catch (error) {
      throw unavailable(error);
    }
  }

  async ping(): Promise<void> {
    await this.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async query(sql: string, values?: unknown[]): Promise<pg.QueryResult> {
    try {
      return await this.pool.query(sql, values);
    } catch (error) {
      throw unavailable(error);
    }
  }

  /** Runs `work` on one connection inside BEGIN … COMMIT (or ROLLBACK). */
  private async transaction<T>(
    work: (client: pg.PoolClient) => Promise<{ result: T; commit: boolean }>,
    begin = 'BEGIN',
  ): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw unavailable(error);
    }
    let broken: unknown;
    try {
      await client.query(begin);
      const { result, commit } = await work(client);
      await client.query(commit ? 'COMMIT' : 'ROLLBACK');
      return result;
    } catch (error) {
      broken = error;
      await client.query('ROLLBACK').catch(() => undefined);
      throw unavailable(error);
    } finally {
      // A connection that failed mid-transaction is not returned to the pool.
      client.release(broken !== undefined && isUnreachable(broken) ? (broken as Error) : undefined);
    }
  }

  /** A read that sees one committed state throughout. */
  private snapshotRead<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.transaction(
      async (client) => ({ result: await work(client), commit: false }),
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
  }

  /** Runs `work` holding the set-up lock (one instance at a time). */
  private async setUp<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [SETUP_LOCK]);
      try {
        return await work(client);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [SETUP_LOCK]).catch(() => undefined);
      }
    } finally {
      client.release();
    }
  }

  private async stateOf(client: pg.PoolClient, record: FeedRecord, needs: WriteNeeds): Promise<WriteState> {
    const indicators = new Map<string, string>();
    if (needs.indicators?.length) {
      const { rows } = await client.query<{ id: string; doc: string }>(
        'SELECT id, doc FROM indicators WHERE feed_id = $1 AND id = ANY($2::text[])',
        [record.id, needs.indicators],
      );
      for (const row of rows) indicators.set(row.id, row.doc);
    }
    const existing = needs.eventIds?.length
      ? (
          await client.query<{ id: string }>(
            'SELECT id FROM events WHERE feed_id = $1 AND id = ANY($2::text[])',
            [record.id, needs.eventIds],
          )
        ).rows.map((r) => r.id)
      : [];
    const all = needs.allIndicators
      ? (
          await client.query<{ doc: string }>(
            'SELECT doc FROM indicators WHERE feed_id = $1 ORDER BY position',
            [record.id],
          )
        ).rows.map((r) => r.doc)
      : [];
    return {
      record,
      base: (await baseOf(client, record.id, needs.knownBaseVersion))!,
      indicators,
      allIndicators: all,
      existingEvents: new Set(existing),
    };
  }

  private async apply(client: pg.PoolClient, feedId: string, plan: WritePlan): Promise<FeedChange> {
    for (const { id, doc } of plan.updateIndicators ?? []) {
      await client.query('UPDATE indicators SET doc = $1 WHERE feed_id = $2 AND id = $3', [doc, feedId, id]);
    }
    await insertRows(client, 'indicators', 'position', feedId, plan.insertIndicators ?? []);
    await insertRows(client, 'events', 'seq', feedId, plan.insertEvents ?? []);
    if (plan.maxEvents !== undefined) {
      await client.query(
        `DELETE FROM events WHERE feed_id = $1 AND seq IN
         (SELECT seq FROM events WHERE feed_id = $1 ORDER BY seq DESC OFFSET $2)`,
        [feedId, plan.maxEvents],
      );
    }
    if (plan.base !== undefined) {
      await client.query('UPDATE feeds SET base = $1, base_version = base_version + 1 WHERE id = $2', [
        plan.base,
        feedId,
      ]);
    }
    const { change } = plan;
    await client.query(
      'UPDATE feeds SET version = $1, as_of = $2, previous_updated_at = updated_at, updated_at = $3 WHERE id = $4',
      [change.version, change.asOf, change.at, feedId],
    );
    // Held to the commit: change ids are committed in the order they are given.
    await client.query('SELECT pg_advisory_xact_lock($1)', [CHANGE_LOG_LOCK]);
    const inserted = await client.query<{ id: number }>(
      'INSERT INTO changes (feed_id, at, data) VALUES ($1, $2, $3) RETURNING id',
      [feedId, change.at, JSON.stringify(change)],
    );
    const id = inserted.rows[0]!.id;
    if (id % TRIM_EVERY === 0) {
      await client.query('DELETE FROM changes WHERE id <= $1', [id - this.options.changeLogSize]);
    }
    await client.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, String(id)]);
    return { id, ...change };
  }
}

async function baseOf(
  client: pg.Pool | pg.PoolClient,
  id: string,
  known: number | undefined,
): Promise<StoredBase | undefined> {
  const { rows } = await client.query<{ base_version: number; base: string | null }>(
    'SELECT base_version, CASE WHEN base_version = $1 THEN NULL ELSE base END AS base FROM feeds WHERE id = $2',
    [known ?? -1, id],
  );
  return rows[0] && { baseVersion: rows[0].base_version, text: rows[0].base };
}

/**
 * Inserts rows in order: from position 0 (`first`, the seed) or after the feed's last one
 * (`append`, a write; the feed's row is locked).
 */
async function insertRows(
  client: pg.PoolClient,
  table: 'indicators' | 'events',
  order: 'position' | 'seq',
  feedId: string,
  rows: readonly { id: string; doc: string }[],
  from: 'first' | 'append' = 'append',
): Promise<void> {
  if (rows.length === 0) return;
  const start =
    from === 'first' ? '-1' : `(SELECT coalesce(max(${order}), -1) FROM ${table} WHERE feed_id = $1)`;
  await client.query(
    `INSERT INTO ${table} (feed_id, id, ${order}, doc)
     SELECT $1, r.id, ${start} + r.n, r.doc
     FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS r(id, doc, n)`,
    [feedId, rows.map((r) => r.id), rows.map((r) => r.doc)],
  );
}
