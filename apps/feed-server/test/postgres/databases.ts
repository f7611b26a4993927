/**
 * The databases every storage test runs on: SQLite (a temporary file) and PostgreSQL (a new
 * database in the run's cluster), as the server settings that select them.
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import type { ServerConfig } from '../../src/config.js';

export interface TestDatabase {
  name: 'SQLite' | 'PostgreSQL';
  /** Settings for a server on a new, empty database of this kind. */
  fresh(): Promise<Partial<ServerConfig>>;
}

/** A new empty database in the run's PostgreSQL cluster; returns its URL. */
export async function createPostgresDatabase(): Promise<string> {
  const admin = inject('postgresUrl');
  const name = `feeds_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

export const DATABASES: readonly TestDatabase[] = [
  { name: 'SQLite', fresh: async () => ({}) },
  { name: 'PostgreSQL', fresh: async () => ({ databaseUrl: await createPostgresDatabase() }) },
];
