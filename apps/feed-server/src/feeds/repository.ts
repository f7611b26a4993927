/**
 * The feeds repository: reads feeds out of SQLite (composed and validated once per version),
 * writes indicators and events (validated with core, one transaction per request, a change-log
 * row per write), and announces each committed change on the ChangeBus.
 *
 * better-sqlite3 is synchronous, so a write — read, validate, write, commit — runs without any
 * other request in between; `BEGIN IMMEDIATE` keeps it that way against a second process too.
 */
import { createHash } from 'node:crypto';
import { validateFeed } from '@safety-widgets/core';
import type { Database } from 'better-sqlite3';
import type { PayloadProblem } from '../http/problem.js';
import type { ChangeBus, FeedChange } from '../live/change-bus.js';
import type { PayloadItem } from './payloads.js';
import { feedContext, validateItems, type FeedContext } from './validate-items.js';

export interface FeedSummary {
  id: string;
  kind: string;
  parent: string | null;
  name: { zh: string; en: string };
  version: number;
  asOf: string;
  updatedAt: number;
}

/** A feed as served: its JSON without `links` (added per origin), validators and time. */
export class Snapshot {
  private readonly etags = new Map<string, string>();

  constructor(
    readonly id: string,
    readonly version: number,
    readonly asOf: string,
    /** When this server last changed the feed (ms). */
    readonly updatedAt: number,
    /** When the version before this one was made (ms); undefined when unknown. */
    readonly previousAt: number | undefined,
    /** The validated feed as JSON, without `links`. */
    readonly body: string,
  ) {}

  /** The body with `links` for `origin`. */
  bodyFor(origin: string): string {
    const links = {
      self: `${origin}/api/feeds/${this.id}`,
      stream: `${origin}/api/feeds/${this.id}/stream`,
      schema: `${origin}/api/schema/feed-v1.json`,
    };
    return `${this.body.slice(0, -1)},"links":${JSON.stringify(links)}}`;
  }

  /** A strong ETag for the body served to `origin`. */
  etagFor(origin: string): string {
    let etag = this.etags.get(origin);
    if (!etag) {
      etag = `"${createHash('sha1').update(this.body).update(origin).digest('base64url').slice(0, 22)}"`;
      if (this.etags.size > 16) this.etags.clear();
      this.etags.set(origin, etag);
    }
    return etag;
  }
}

/** `write` commits a valid write; `check` only validates it, writing nothing. */
export type WriteMode = 'write' | 'check';

export type WriteOutcome =
  { ok: true; change: FeedChange } | { ok: false; status: number; problems: PayloadProblem[] };

export interface RepositoryOptions {
  maxEventsPerFeed: number;
  changeLogSize: number;
  now?: () => number;
}

/** Replay after a Last-Event-ID: the changes since, or `catch-up` when they are no longer all known. */
export type Replay = { kind: 'replay'; changes: FeedChange[] } | { kind: 'catch-up'; latest: number };

const MAX_REPLAY = 1000;

interface FeedRow {
  version: number;
  as_of: string;
  updated_at: number;
  previous_updated_at: number | null;
}

export class FeedsRepository {
  private readonly snapshots = new Map<string, Snapshot>();
  private readonly bases = new Map<
    string,
    { base: Record<string, unknown>; context: FeedContext; json: string }
  >();
  /** Feeds whose whole stored form has been validated by this process. */
  private readonly validated = new Set<string>();
  private readonly now: () => number;
  private eventCounter = 0;

  constructor(
    private readonly db: Database,
    private readonly bus: ChangeBus,
    private readonly options: RepositoryOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  list(): FeedSummary[] {
    const rows = this.db
      .prepare('SELECT id, kind, parent, version, as_of, updated_at FROM feeds ORDER BY position')
      .all() as (Omit<FeedRow, 'previous_updated_at'> & {
      id: string;
      kind: string;
      parent: string | null;
    })[];
    return rows.map((row) => {
      const place = this.base(row.id).base.place as { name: { zh: string; en: string } };
      return {
        id: row.id,
        kind: row.kind,
        parent: row.parent,
        name: place.name,
        version: row.version,
        asOf: row.as_of,
        updatedAt: row.updated_at,
      };
    });
  }

  has(id: string): boolean {
    return this.row(id) !== undefined;
  }

  /**
   * The current feed; undefined for an unknown id. Composed once per version from the stored JSON
   * (no parse and re-serialise of the whole feed). The first time a feed is served by this process
   * the whole feed is validated with core (whatever is in the database, seed or restore, is checked
   * before it goes out); after that a new version differs only by items validated with core in the
   * write that made it, against the same immutable base.
   */
  snapshot(id: string): Snapshot | undefined {
    const row = this.row(id);
    if (!row) return undefined;
    const cached = this.snapshots.get(id);
    if (cached && cached.version === row.version) return cached;
    const indicators = this.db
      .prepare('SELECT doc FROM indicators WHERE feed_id = ? ORDER BY position')
      .pluck()
      .all(id) as string[];
    const events = this.db
      .prepare('SELECT doc FROM events WHERE feed_id = ? ORDER BY seq')
      .pluck()
      .all(id) as string[];
    if (!this.validated.has(id)) {
      const { base } = this.base(id);
      const result = validateFeed({
        ...base,
        asOf: row.as_of,
        indicators: indicators.map((doc) => JSON.parse(doc) as unknown),
        events: events.map((doc) => JSON.parse(doc) as unknown),
      });
      if (!result.ok || result.issues.length > 0) {
        throw new Error(
          `feed ${id} v${row.version} is invalid: ${result.issues.map((i) => i.message).join('; ')}`,
        );
      }
      this.validated.add(id);
    }
    const body = `{${this.base(id).json},"asOf":${JSON.stringify(row.as_of)},"indicators":[${indicators.join(',')}],"events":[${events.join(',')}]}`;
    const snapshot = new Snapshot(
      id,
      row.version,
      row.as_of,
      row.updated_at,
      row.previous_updated_at ?? undefined,
      body,
    );
    this.snapshots.set(id, snapshot);
    return snapshot;
  }

  /**
   * Updates existing indicators (only the fields given) or adds new ones (complete). A changed
   * `value` without `updatedAt` is stamped with the time of the write.
   */
  writeIndicators(
    feedId: string,
    items: readonly PayloadItem[],
    prior: readonly PayloadProblem[] = [],
    mode: WriteMode = 'write',
  ): WriteOutcome {
    return this.write(feedId, mode, () => {
      const select = this.db.prepare('SELECT doc FROM indicators WHERE feed_id = ? AND id = ?');
      const existing = items.map((item) => {
        const row = select.get(feedId, item.fields.id) as { doc: string } | undefined;
        return row ? (JSON.parse(row.doc) as Record<string, unknown>) : undefined;
      });
      const nowIso = new Date(this.now()).toISOString();
      const merged = items.map((item, i) => {
        const before = existing[i];
        const next = { ...before, ...item.fields };
        const valueChanged = !before || before.value !== next.value;
        if (valueChanged && !('updatedAt' in item.fields)) next.updatedAt = nowIso;
        return next;
      });
      const problems = [
        ...prior,
        ...validateItems(this.base(feedId).context, 'indicators', merged, (i) => items[i]!.path),
      ];
      if (problems.length > 0) return { problems };
      const update = this.db.prepare('UPDATE indicators SET doc = ? WHERE feed_id = ? AND id = ?');
      const insert = this.db.prepare(
        `INSERT INTO indicators (feed_id, id, position, doc)
         VALUES (?, ?, (SELECT coalesce(max(position), -1) + 1 FROM indicators WHERE feed_id = ?), ?)`,
      );
      merged.forEach((doc, i) => {
        const id = doc.id as string;
        if (existing[i]) update.run(JSON.stringify(doc), feedId, id);
        else insert.run(feedId, id, feedId, JSON.stringify(doc));
      });
      return { kind: 'indicators' as const, ids: merged.map((d) => d.id as string) };
    });
  }

  /** Adds events; an event without `id` gets one, without `time` is stamped now. */
  addEvents(
    feedId: string,
    items: readonly PayloadItem[],
    prior: readonly PayloadProblem[] = [],
    mode: WriteMode = 'write',
  ): WriteOutcome {
    return this.write(feedId, mode, () => {
      const now = this.now();
      const docs = items.map((item) => {
        const doc = { ...item.fields };
        if (doc.id === undefined) {
          this.eventCounter = (this.eventCounter + 1) % 1_000_000;
          doc.id = `ev-${now.toString(36)}-${this.eventCounter.toString(36)}`;
        }
        if (doc.time === undefined) doc.time = new Date(now).toISOString();
        return doc;
      });
      const problems = [
        ...prior,
        ...validateItems(this.base(feedId).context, 'events', docs, (i) => items[i]!.path),
      ];
      const exists = this.db.prepare('SELECT 1 FROM events WHERE feed_id = ? AND id = ?');
      docs.forEach((doc, i) => {
        if (typeof doc.id === 'string' && exists.get(feedId, doc.id)) {
          const path = `${items[i]!.path}.id`;
          problems.push({
            path,
            message: `${path}: an event with id "${doc.id}" is already in feed "${feedId}" (events are added, never replaced)`,
          });
        }
      });
      if (problems.length > 0) return { problems };
      const insert = this.db.prepare(
        `INSERT INTO events (feed_id, id, seq, doc)
         VALUES (?, ?, (SELECT coalesce(max(seq), -1) + 1 FROM events WHERE feed_id = ?), ?)`,
      );
      for (const doc of docs) insert.run(feedId, doc.id, feedId, JSON.stringify(doc));
      const { n } = this.db.prepare('SELECT count(*) AS n FROM events WHERE feed_id = ?').get(feedId) as {
        n: number;
      };
      if (n > this.options.maxEventsPerFeed) {
        this.db
          .prepare(
            `DELETE FROM events WHERE feed_id = ? AND seq IN
             (SELECT seq FROM events WHERE feed_id = ? ORDER BY seq LIMIT ?)`,
          )
          .run(feedId, feedId, n - this.options.maxEventsPerFeed);
      }
      return { kind: 'events' as const, ids: docs.map((d) => d.id as string) };
    });
  }

  /**
   * Replaces the `series` of a feed's base document, which the write API never changes: simulate
   * mode uses it to keep the sample's counts current. One change like a write; refused, with
   * nothing written, when the feed with these series would not be valid.
   */
  replaceSeries(feedId: string, series: readonly unknown[]): WriteOutcome {
    const outcome = this.write(feedId, 'write', () => {
      const { base } = this.base(feedId);
      const next = { ...base, series };
      const result = validateFeed({
        ...next,
        indicators: this.indicators(feedId),
        events: [],
      });
      if (!result.ok || result.issues.length > 0) {
        return { problems: result.issues.map((i) => ({ path: i.path, message: i.message })) };
      }
      this.db.prepare('UPDATE feeds SET base = ? WHERE id = ?').run(JSON.stringify(next), feedId);
      const categories = [...new Set(series.map((s) => String((s as { category?: unknown }).category)))];
      return { kind: 'series' as const, ids: categories };
    });
    // The feed was validated with these series above; its events, unchanged, were validated before.
    if (outcome.ok) this.bases.delete(feedId);
    return outcome;
  }

  /** The feed's indicators as stored, in order. */
  indicators(feedId: string): Record<string, unknown>[] {
    return (
      this.db.prepare('SELECT doc FROM indicators WHERE feed_id = ? ORDER BY position').all(feedId) as {
        doc: string;
      }[]
    ).map((r) => JSON.parse(r.doc) as Record<string, unknown>);
  }

  /** The feed's base document (everything but indicators and events); never changed by writes. */
  baseDocument(feedId: string): Readonly<Record<string, unknown>> {
    return this.base(feedId).base;
  }

  /** Ids of the feed's indicators. */
  indicatorIds(feedId: string): Set<string> {
    const rows = this.db.prepare('SELECT id FROM indicators WHERE feed_id = ?').all(feedId) as {
      id: string;
    }[];
    return new Set(rows.map((r) => r.id));
  }

  /** The id of the last change committed (0 before any). */
  latestChangeId(): number {
    const row = this.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'changes'").get() as
      { seq: number } | undefined;
    return row?.seq ?? 0;
  }

  /** What to send a stream of `feedId` that reconnects after change `lastId`. */
  replayAfter(feedId: string, lastEventId: string): Replay {
    const latest = this.latestChangeId();
    const lastId = /^\d{1,15}$/.test(lastEventId) ? Number(lastEventId) : NaN;
    if (!Number.isSafeInteger(lastId) || lastId > latest) return { kind: 'catch-up', latest };
    const { min } = this.db.prepare('SELECT min(id) AS min FROM changes').get() as { min: number | null };
    const complete = min === null ? lastId === latest : lastId >= min - 1;
    if (!complete) return { kind: 'catch-up', latest };
    const rows = this.db
      .prepare('SELECT id, data FROM changes WHERE feed_id = ? AND id > ? ORDER BY id LIMIT ?')
      .all(feedId, lastId, MAX_REPLAY + 1) as { id: number; data: string }[];
    if (rows.length > MAX_REPLAY) return { kind: 'catch-up', latest };
    return {
      kind: 'replay',
      changes: rows.map((r) => ({ ...(JSON.parse(r.data) as FeedChange), id: r.id })),
    };
  }

  /**
   * Runs one write in an immediate transaction; commits, logs and publishes it when it is valid.
   * In `check` mode it is always rolled back: the outcome is its problems (none when it would pass).
   */
  private write(
    feedId: string,
    mode: WriteMode,
    apply: () => { problems: PayloadProblem[] } | { kind: FeedChange['kind']; ids: string[] },
  ): WriteOutcome {
    if (!this.has(feedId)) {
      return {
        ok: false,
        status: 404,
        problems: [{ path: '$', message: `$: there is no feed "${feedId}"` }],
      };
    }
    const run = this.db.transaction((): WriteOutcome => {
      const outcome = apply();
      if ('problems' in outcome) throw new Rejected(outcome.problems);
      if (mode === 'check') throw new Rejected([]);
      const row = this.row(feedId)!;
      const at = this.now();
      const asOf = new Date(Math.max(at, Date.parse(row.as_of) + 1)).toISOString();
      const version = row.version + 1;
      this.db
        .prepare(
          'UPDATE feeds SET version = ?, as_of = ?, previous_updated_at = updated_at, updated_at = ? WHERE id = ?',
        )
        .run(version, asOf, at, feedId);
      const data = { feed: feedId, version, asOf, at, kind: outcome.kind, ids: outcome.ids };
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO changes (feed_id, at, data) VALUES (?, ?, ?)')
        .run(feedId, at, JSON.stringify(data));
      const id = Number(lastInsertRowid);
      if (id % 100 === 0) {
        this.db.prepare('DELETE FROM changes WHERE id <= ?').run(id - this.options.changeLogSize);
      }
      return { ok: true, change: { id, ...data } };
    });
    let outcome: WriteOutcome;
    try {
      outcome = run.immediate();
    } catch (error) {
      if (error instanceof Rejected) return { ok: false, status: 422, problems: error.problems };
      throw error;
    }
    if (outcome.ok) this.bus.publish(outcome.change);
    return outcome;
  }

  private row(id: string): FeedRow | undefined {
    return this.db
      .prepare('SELECT version, as_of, updated_at, previous_updated_at FROM feeds WHERE id = ?')
      .get(id) as FeedRow | undefined;
  }

  private base(id: string): { base: Record<string, unknown>; context: FeedContext; json: string } {
    let entry = this.bases.get(id);
    if (!entry) {
      const { base } = this.db.prepare('SELECT base FROM feeds WHERE id = ?').get(id) as { base: string };
      const parsed = JSON.parse(base) as Record<string, unknown>;
      const { asOf: _asOf, ...rest } = parsed;
      // The base's members without braces, to splice the current asOf, indicators and events after.
      entry = { base: parsed, context: feedContext(parsed), json: JSON.stringify(rest).slice(1, -1) };
      this.bases.set(id, entry);
    }
    return entry;
  }
}

/** Thrown inside a write transaction to roll it back with the payload's problems. */
class Rejected extends Error {
  constructor(readonly problems: PayloadProblem[]) {
    super('payload rejected');
  }
}
