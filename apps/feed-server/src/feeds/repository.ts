/**
 * The feeds repository, the same over either database (db/store.ts): reads feeds (composed and
 * validated once per version), writes indicators and events (validated with core; one locked
 * transaction per request; a change-log row per write) and announces each committed change on
 * the ChangeBus. What a write decides — merging, stamping, validation, the next version — is
 * decided here, inside the store's transaction, so both databases behave alike.
 */
import { randomBytes } from 'node:crypto';
import { validateFeed } from '@safety-widgets/core';
import { sampleFeeds } from '../db/seed.js';
import type { FeedRecord, FeedStore, StoredBase, WritePlan, WriteRefusal, WriteState } from '../db/store.js';
import type { PayloadProblem } from '../http/problem.js';
import type { ChangeBus, FeedChange } from '../live/change-bus.js';
import type { PayloadItem } from './payloads.js';
import { Snapshot } from './snapshot.js';
import { feedContext, validateItems, type FeedContext } from './validate-items.js';

export { Snapshot } from './snapshot.js';

export interface FeedSummary {
  id: string;
  kind: string;
  parent: string | null;
  name: { zh: string; en: string };
  version: number;
  asOf: string;
  updatedAt: number;
}

/** `write` commits a valid write; `check` only validates it, writing nothing. */
export type WriteMode = 'write' | 'check';

export type WriteOutcome =
  { ok: true; change: FeedChange } | { ok: false; status: number; problems: PayloadProblem[] };

export interface RepositoryOptions {
  maxEventsPerFeed: number;
  now?: () => number;
}

/** Replay after a Last-Event-ID: the changes since, or `catch-up` when they are no longer all known. */
export type Replay = { kind: 'replay'; changes: FeedChange[] } | { kind: 'catch-up'; latest: number };

const MAX_REPLAY = 1000;

interface Base {
  version: number;
  base: Record<string, unknown>;
  context: FeedContext;
  /** The base's members without braces, to splice the current asOf, indicators and events after. */
  json: string;
}

type Planned = Omit<WritePlan, 'change'> & { kind: FeedChange['kind']; ids: string[] };

export class FeedsRepository {
  private readonly snapshots = new Map<string, Snapshot>();
  /** Parsed bases per feed: the newest two versions, so a read racing a series change finds its own. */
  private readonly bases = new Map<string, Base[]>();
  /** Feeds whose whole stored form has been validated by this process. */
  private readonly validated = new Set<string>();
  private readonly now: () => number;
  /** Event ids made here carry this instance's mark, so two instances never make the same one. */
  private readonly instanceMark = randomBytes(3).toString('hex');
  private eventCounter = 0;

  constructor(
    readonly store: FeedStore,
    private readonly bus: ChangeBus,
    private readonly options: RepositoryOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Seeds an empty database with the sample feeds; returns how many were written. */
  seedIfEmpty(): Promise<number> {
    return this.store.seedIfEmpty(sampleFeeds);
  }

  async list(): Promise<FeedSummary[]> {
    const records = await this.store.feeds();
    return Promise.all(
      records.map(async (record) => {
        const place = (await this.base(record.id, record.baseVersion)).base.place as {
          name: { zh: string; en: string };
        };
        return {
          id: record.id,
          kind: record.kind,
          parent: record.parent,
          name: place.name,
          version: record.version,
          asOf: record.asOf,
          updatedAt: record.updatedAt,
        };
      }),
    );
  }

  async has(id: string): Promise<boolean> {
    return (await this.store.record(id)) !== undefined;
  }

  /** Whether `snapshot` is the newest version this process has composed (no database read). */
  isLatestKnown(snapshot: Snapshot): boolean {
    return this.snapshots.get(snapshot.id) === snapshot;
  }

  /**
   * The current feed; undefined for an unknown id. Composed once per version from the stored JSON
   * (no parse and re-serialise of the whole feed). The first time a feed is served by this process
   * the whole feed is validated with core (whatever is in the database, seed or restore, is checked
   * before it goes out); after that a new version differs only by items validated with core in the
   * write that made it.
   */
  async snapshot(id: string): Promise<Snapshot | undefined> {
    const record = await this.store.record(id);
    if (!record) return undefined;
    const cached = this.snapshots.get(id);
    if (cached && cached.version === record.version) return cached;
    const stored = await this.store.read(id, this.newestBase(id)?.version);
    if (!stored) return undefined;
    const row = stored.record;
    const base = this.baseFrom(id, stored.base);
    if (!this.validated.has(id)) {
      const result = validateFeed({
        ...base.base,
        asOf: row.asOf,
        indicators: stored.indicators.map((doc) => JSON.parse(doc) as unknown),
        events: stored.events.map((doc) => JSON.parse(doc) as unknown),
      });
      if (!result.ok || result.issues.length > 0) {
        throw new Error(
          `feed ${id} v${row.version} is invalid: ${result.issues.map((i) => i.message).join('; ')}`,
        );
      }
      this.validated.add(id);
    }
    const body = `{${base.json},"asOf":${JSON.stringify(row.asOf)},"indicators":[${stored.indicators.join(',')}],"events":[${stored.events.join(',')}]}`;
    const snapshot = new Snapshot(
      id,
      row.version,
      row.asOf,
      row.updatedAt,
      row.previousUpdatedAt ?? undefined,
      body,
    );
    const newest = this.snapshots.get(id);
    if (!newest || newest.version <= snapshot.version) this.snapshots.set(id, snapshot);
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
  ): Promise<WriteOutcome> {
    const ids = items.map((item) => String(item.fields.id));
    return this.write(feedId, mode, { indicators: ids }, (state, base) => {
      const existing = ids.map((id) => {
        const doc = state.indicators.get(id);
        return doc === undefined ? undefined : (JSON.parse(doc) as Record<string, unknown>);
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
        ...validateItems(base.context, 'indicators', merged, (i) => items[i]!.path),
      ];
      if (problems.length > 0) return problems;
      const rows = merged.map((doc) => ({ id: doc.id as string, doc: JSON.stringify(doc) }));
      return {
        updateIndicators: rows.filter((_, i) => existing[i]),
        insertIndicators: rows.filter((_, i) => !existing[i]),
        kind: 'indicators',
        ids: rows.map((r) => r.id),
      };
    });
  }

  /** Adds events; an event without `id` gets one, without `time` is stamped now. */
  addEvents(
    feedId: string,
    items: readonly PayloadItem[],
    prior: readonly PayloadProblem[] = [],
    mode: WriteMode = 'write',
  ): Promise<WriteOutcome> {
    const now = this.now();
    const docs = items.map((item) => {
      const doc = { ...item.fields };
      if (doc.id === undefined) {
        this.eventCounter = (this.eventCounter + 1) % 1_000_000;
        doc.id = `ev-${now.toString(36)}-${this.instanceMark}${this.eventCounter.toString(36)}`;
      }
      if (doc.time === undefined) doc.time = new Date(now).toISOString();
      return doc;
    });
    const eventIds = docs.map((d) => d.id).filter((id): id is string => typeof id === 'string');
    return this.write(feedId, mode, { eventIds }, (state, base) => {
      const problems = [...prior, ...validateItems(base.context, 'events', docs, (i) => items[i]!.path)];
      docs.forEach((doc, i) => {
        if (typeof doc.id === 'string' && state.existingEvents.has(doc.id)) {
          const path = `${items[i]!.path}.id`;
          problems.push({
            path,
            message: `${path}: an event with id "${doc.id}" is already in feed "${feedId}" (events are added, never replaced)`,
          });
        }
      });
      if (problems.length > 0) return problems;
      return {
        insertEvents: docs.map((doc) => ({ id: doc.id as string, doc: JSON.stringify(doc) })),
        maxEvents: this.options.maxEventsPerFeed,
        kind: 'events',
        ids: docs.map((d) => d.id as string),
      };
    });
  }

  /**
   * Replaces the `series` of a feed's base document, which the write API never changes: simulate
   * mode uses it to keep the sample's counts current. One change like a write; refused, with
   * nothing written, when the feed with these series would not be valid.
   */
  replaceSeries(feedId: string, series: readonly unknown[]): Promise<WriteOutcome> {
    return this.write(feedId, 'write', { allIndicators: true }, (state, base) => {
      const next = { ...base.base, series };
      const result = validateFeed({
        ...next,
        indicators: state.allIndicators.map((doc) => JSON.parse(doc) as unknown),
        events: [],
      });
      if (!result.ok || result.issues.length > 0) {
        return result.issues.map((i) => ({ path: i.path, message: i.message }));
      }
      const categories = [...new Set(series.map((s) => String((s as { category?: unknown }).category)))];
      // The feed was validated with these series above; its events, unchanged, were validated before.
      return { base: JSON.stringify(next), kind: 'series', ids: categories };
    });
  }

  /** The feed's indicators as stored, in order. */
  async indicators(feedId: string): Promise<Record<string, unknown>[]> {
    const stored = await this.store.read(feedId, this.newestBase(feedId)?.version);
    if (!stored) return [];
    this.baseFrom(feedId, stored.base);
    return stored.indicators.map((doc) => JSON.parse(doc) as Record<string, unknown>);
  }

  /** The feed's base document (everything but indicators and events); never changed by writes. */
  async baseDocument(feedId: string): Promise<Readonly<Record<string, unknown>>> {
    const record = await this.store.record(feedId);
    if (!record) throw new Error(`there is no feed "${feedId}"`);
    return (await this.base(feedId, record.baseVersion)).base;
  }

  /** Ids of the feed's indicators. */
  async indicatorIds(feedId: string): Promise<Set<string>> {
    return new Set(await this.store.indicatorIds(feedId));
  }

  /** The id of the last change committed (0 before any). */
  latestChangeId(): Promise<number> {
    return this.store.latestChangeId();
  }

  /** What to send a stream of `feedId` that reconnects after change `lastId`. */
  async replayAfter(feedId: string, lastEventId: string): Promise<Replay> {
    const lastId = /^\d{1,15}$/.test(lastEventId) ? Number(lastEventId) : NaN;
    if (!Number.isSafeInteger(lastId)) return { kind: 'catch-up', latest: await this.latestChangeId() };
    const { latest, oldest, changes } = await this.store.changesAfter(feedId, lastId, MAX_REPLAY + 1);
    if (lastId > latest) return { kind: 'catch-up', latest };
    const complete = oldest === null ? lastId === latest : lastId >= oldest - 1;
    if (!complete || changes.length > MAX_REPLAY) return { kind: 'catch-up', latest };
    return { kind: 'replay', changes };
  }

  /**
   * Runs one write in the store's locked transaction: `decide` sees the locked state and returns
   * the problems or what to change. Commits, logs and publishes a valid write; in `check` mode it
   * is always rolled back and the outcome is its problems (none when it would pass).
   */
  private async write(
    feedId: string,
    mode: WriteMode,
    needs: { indicators?: string[]; eventIds?: string[]; allIndicators?: boolean },
    decide: (state: WriteState, base: Base) => PayloadProblem[] | Planned,
  ): Promise<WriteOutcome> {
    let problems: PayloadProblem[] = [];
    const result = await this.store.write(
      feedId,
      { ...needs, knownBaseVersion: this.newestBase(feedId)?.version },
      (state): WritePlan | WriteRefusal => {
        const decided = decide(state, this.baseFrom(feedId, state.base));
        if (Array.isArray(decided)) {
          problems = decided;
          return { refused: true };
        }
        if (mode === 'check') return { refused: true };
        const { kind, ids, ...changes } = decided;
        return { ...changes, change: this.nextChange(state.record, kind, ids) };
      },
    );
    if (result.kind === 'no-feed') {
      return {
        ok: false,
        status: 404,
        problems: [{ path: '$', message: `$: there is no feed "${feedId}"` }],
      };
    }
    if (result.kind === 'refused') return { ok: false, status: 422, problems };
    this.bus.publish(result.change);
    return { ok: true, change: result.change };
  }

  /** The change a write makes: the next version, `asOf` now (always later than the last one). */
  private nextChange(record: FeedRecord, kind: FeedChange['kind'], ids: string[]): Omit<FeedChange, 'id'> {
    const at = this.now();
    const asOf = new Date(Math.max(at, Date.parse(record.asOf) + 1)).toISOString();
    return { feed: record.id, version: record.version + 1, asOf, at, kind, ids };
  }

  /** The base at `version`, read from the store only when this process does not hold it. */
  private async base(id: string, version: number): Promise<Base> {
    const held = this.bases.get(id)?.find((b) => b.version === version);
    if (held) return held;
    const stored = await this.store.base(id, this.newestBase(id)?.version);
    if (!stored) throw new Error(`there is no feed "${id}"`);
    return this.baseFrom(id, stored);
  }

  private newestBase(id: string): Base | undefined {
    return this.bases.get(id)?.[0];
  }

  /** The parsed base for what the store returned (its text is null when we hold that version). */
  private baseFrom(id: string, stored: StoredBase): Base {
    const held = this.bases.get(id) ?? [];
    const known = held.find((b) => b.version === stored.baseVersion);
    if (known) return known;
    if (stored.text === null) throw new Error(`base of ${id} v${stored.baseVersion} was not read`);
    const parsed = JSON.parse(stored.text) as Record<string, unknown>;
    const { asOf: _asOf, ...rest } = parsed;
    const entry: Base = {
      version: stored.baseVersion,
      base: parsed,
      context: feedContext(parsed),
      json: JSON.stringify(rest).slice(1, -1),
    };
    this.bases.set(id, [...held, entry].sort((a, b) => b.version - a.version).slice(0, 2));
    return entry;
  }
}
