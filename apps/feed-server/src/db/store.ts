/**
 * The storage seam: what the feeds repository asks of a database, as one asynchronous interface
 * with two implementations — SQLite (sqlite-store.ts, the embedded default) and PostgreSQL
 * (postgres-store.ts, for several instances). Everything a write decides (merging, validation,
 * versions, ids) is in the repository; a store reads rows, and runs one write as one transaction
 * that locks its feed, applies what the repository planned and logs the change.
 */
import type { FeedChange } from '../live/change-bus.js';

/** A feed's row: identity, order and version. */
export interface FeedRecord {
  id: string;
  kind: string;
  parent: string | null;
  version: number;
  asOf: string;
  /** When the feed last changed (ms). */
  updatedAt: number;
  /** When the version before this one was made (ms); null when unknown. */
  previousUpdatedAt: number | null;
  /** Bumped whenever the base document changes (it changes only by `replaceSeries`). */
  baseVersion: number;
}

/** The base document's JSON, or null when the caller already has this `baseVersion`. */
export interface StoredBase {
  baseVersion: number;
  text: string | null;
}

/** A feed as stored, read consistently: its row, base and items (JSON texts, in order). */
export interface StoredFeed {
  record: FeedRecord;
  base: StoredBase;
  indicators: string[];
  events: string[];
}

/** What a write needs to read under its lock. */
export interface WriteNeeds {
  /** Indicators to read by id. */
  indicators?: readonly string[];
  /** Read every indicator of the feed (in order). */
  allIndicators?: boolean;
  /** Event ids to check for existence. */
  eventIds?: readonly string[];
  /** The base version the caller already holds (its text is not read again). */
  knownBaseVersion?: number;
}

/** What a write sees, locked: nobody else can write the feed until it commits or rolls back. */
export interface WriteState {
  record: FeedRecord;
  base: StoredBase;
  /** Requested indicators that exist, id → JSON. */
  indicators: Map<string, string>;
  /** Every indicator's JSON in order (when `allIndicators`). */
  allIndicators: string[];
  /** Requested event ids that already exist. */
  existingEvents: Set<string>;
}

/** What a write changes, as planned by the repository. */
export interface WritePlan {
  updateIndicators?: { id: string; doc: string }[];
  insertIndicators?: { id: string; doc: string }[];
  insertEvents?: { id: string; doc: string }[];
  /** Events beyond this many are dropped, oldest first. */
  maxEvents?: number;
  /** A new base document (JSON). */
  base?: string;
  /** The change to log, without its id (the database gives it). */
  change: Omit<FeedChange, 'id'>;
}

/** A write refused under its lock: it is rolled back and nothing is written. */
export interface WriteRefusal {
  refused: true;
}

export type WriteResult =
  { kind: 'committed'; change: FeedChange } | { kind: 'refused' } | { kind: 'no-feed' };

/** One feed for the first-start seed. */
export interface SeedFeed {
  id: string;
  kind: string;
  parent: string | null;
  asOf: string;
  base: string;
  indicators: { id: string; doc: string }[];
  events: { id: string; doc: string }[];
}

/** What replay after a Last-Event-ID reads, consistently. */
export interface ChangeWindow {
  /** The last change committed (0 before any). */
  latest: number;
  /** The oldest change still in the log (null when it is empty). */
  oldest: number | null;
  /** The feed's changes after the given id, in order, at most `limit`. */
  changes: FeedChange[];
}

export interface FeedStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Where it stores, for people (a file path, or the URL without its password). */
  readonly description: string;
  feeds(): Promise<FeedRecord[]>;
  record(id: string): Promise<FeedRecord | undefined>;
  base(id: string, knownBaseVersion?: number): Promise<StoredBase | undefined>;
  /** The feed's row, base and items in one consistent read; undefined for an unknown feed. */
  read(id: string, knownBaseVersion?: number): Promise<StoredFeed | undefined>;
  indicatorIds(id: string): Promise<string[]>;
  latestChangeId(): Promise<number>;
  /** `feedId`'s changes after `after` (at most `limit`) with the log's bounds. */
  changesAfter(feedId: string, after: number, limit: number): Promise<ChangeWindow>;
  /** Every feed's changes after `after`, in order, at most `limit` (fan-out across instances). */
  allChangesAfter(after: number, limit: number): Promise<FeedChange[]>;
  /**
   * One write as one transaction: locks the feed, reads what `needs` asks, asks `plan` what to
   * change (a refusal rolls back), applies it, bumps the version, logs the change (its id from
   * the database, increasing in commit order), trims the log, commits.
   */
  write(
    feedId: string,
    needs: WriteNeeds,
    plan: (state: WriteState) => WritePlan | WriteRefusal,
  ): Promise<WriteResult>;
  /** Writes `feeds` when the database has none yet (once, even with several instances starting). */
  seedIfEmpty(feeds: () => SeedFeed[]): Promise<number>;
  /** Throws StoreUnavailableError when the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The database cannot be reached (down, restarting, refusing connections): answered 503. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** Change-log rows are trimmed every this many changes, keeping `changeLogSize`. */
export const TRIM_EVERY = 100;

export interface StoreOptions {
  /** Changes kept in the log for replay. */
  changeLogSize: number;
}
