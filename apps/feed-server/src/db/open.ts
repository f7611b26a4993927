/**
 * Opens the SQLite database: WAL (readers never block the writer), `synchronous = FULL` (a write
 * acknowledged to a client is on disk, even across a power cut), a busy timeout for a second
 * process on the same file, then migrations and the first-start seed.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';
import { seedIfEmpty } from './seed.js';

export type { Database } from 'better-sqlite3';

export interface OpenedDatabase {
  db: Database.Database;
  /** Feeds written by the seed (0 when the database already had feeds). */
  seeded: number;
  migratedFrom: number;
}

export function openDatabase(path: string): OpenedDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const { from } = migrate(db);
  const seeded = seedIfEmpty(db);
  return { db, seeded, migratedFrom: from };
}

/** Checkpoints the WAL into the main file and closes; the file is complete on its own afterwards. */
export function closeDatabase(db: Database.Database): void {
  if (!db.open) return;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
