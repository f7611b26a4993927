/**
 * Configuration of the feed server: command-line flags override environment variables, which
 * override the defaults. Every limit is here so tests and benchmarks can tighten or loosen it.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServerConfig {
  /** Interface to listen on. Default 127.0.0.1. */
  host: string;
  /** Port; 0 picks a free one. Default 4000. */
  port: number;
  /** SQLite file; created and seeded on first start. `:memory:` for a throwaway database. */
  dbPath: string;
  /** Bearer token for the write API; writes are refused while it is empty. */
  token: string | undefined;
  /** Add plausible events and indicator changes every few seconds. */
  simulate: boolean;
  /** Milliseconds between simulated changes (a random time between this and twice this). */
  simulateEveryMs: number;
  /** Origin written into feeds' `links` (e.g. https://feeds.example.org); default: the request's Host. */
  publicOrigin: string | undefined;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Writes each client (IP address) may make per minute. */
  writesPerMinute: number;
  /** Open event streams allowed per client (IP address). */
  streamsPerClient: number;
  /** Open event streams allowed in total. */
  maxStreams: number;
  /** Milliseconds between heartbeat comments on event streams. */
  heartbeatMs: number;
  /** `retry:` sent to EventSource clients (ms). */
  streamRetryMs: number;
  /** Change log entries kept for Last-Event-ID replay. */
  changeLogSize: number;
  /** Events kept per feed (the oldest are dropped beyond this). */
  maxEventsPerFeed: number;
  /** Serve demo pages, /cdn/ and /docs/ from the workspace. */
  serveSite: boolean;
  /** The workspace root (for /cdn/, /docs/ and the demo sites). */
  workspaceRoot: string;
  /** Log requests and lifecycle to stdout. */
  log: boolean;
}

const APP_DIR = fileURLToPath(new URL('..', import.meta.url));

export const DEFAULTS: ServerConfig = {
  host: '127.0.0.1',
  port: 4000,
  dbPath: resolve(APP_DIR, 'data/feeds.db'),
  token: undefined,
  simulate: false,
  simulateEveryMs: 3000,
  publicOrigin: undefined,
  maxBodyBytes: 1024 * 1024,
  writesPerMinute: 120,
  streamsPerClient: 32,
  maxStreams: 10_000,
  heartbeatMs: 15_000,
  streamRetryMs: 3000,
  changeLogSize: 10_000,
  maxEventsPerFeed: 5000,
  serveSite: true,
  workspaceRoot: resolve(APP_DIR, '../..'),
  log: true,
};

/** The flags `main` understands, with the environment variable each one falls back to. */
const OPTIONS: { flag: string; env: string; key: keyof ServerConfig; kind: 'string' | 'int' | 'bool' }[] = [
  { flag: '--host', env: 'HOST', key: 'host', kind: 'string' },
  { flag: '--port', env: 'PORT', key: 'port', kind: 'int' },
  { flag: '--db', env: 'SAFETY_FEED_DB', key: 'dbPath', kind: 'string' },
  { flag: '--simulate', env: 'SAFETY_FEED_SIMULATE', key: 'simulate', kind: 'bool' },
  { flag: '--simulate-every-ms', env: 'SAFETY_FEED_SIMULATE_EVERY_MS', key: 'simulateEveryMs', kind: 'int' },
  { flag: '--public-origin', env: 'SAFETY_FEED_PUBLIC_ORIGIN', key: 'publicOrigin', kind: 'string' },
  { flag: '--max-body-bytes', env: 'SAFETY_FEED_MAX_BODY_BYTES', key: 'maxBodyBytes', kind: 'int' },
  { flag: '--writes-per-minute', env: 'SAFETY_FEED_WRITES_PER_MINUTE', key: 'writesPerMinute', kind: 'int' },
  {
    flag: '--streams-per-client',
    env: 'SAFETY_FEED_STREAMS_PER_CLIENT',
    key: 'streamsPerClient',
    kind: 'int',
  },
  { flag: '--max-streams', env: 'SAFETY_FEED_MAX_STREAMS', key: 'maxStreams', kind: 'int' },
  { flag: '--heartbeat-ms', env: 'SAFETY_FEED_HEARTBEAT_MS', key: 'heartbeatMs', kind: 'int' },
  { flag: '--max-events', env: 'SAFETY_FEED_MAX_EVENTS', key: 'maxEventsPerFeed', kind: 'int' },
  { flag: '--no-site', env: 'SAFETY_FEED_NO_SITE', key: 'serveSite', kind: 'bool' },
  { flag: '--quiet', env: 'SAFETY_FEED_QUIET', key: 'log', kind: 'bool' },
];

/** Flags whose presence turns a default-on option off. */
const NEGATED = new Set<keyof ServerConfig>(['serveSite', 'log']);

function parseValue(name: string, raw: string, kind: 'string' | 'int' | 'bool'): string | number | boolean {
  if (kind === 'string') return raw;
  if (kind === 'bool') return !['0', 'false', 'no', ''].includes(raw.toLowerCase());
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name}: expected a whole number of 0 or more, got "${raw}"`);
  return n;
}

/** Builds the configuration from flags (`--port 4000`, `--port=4000`, `--simulate`) and the environment. */
export function loadConfig(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): ServerConfig {
  const config: ServerConfig = { ...DEFAULTS };
  const record = config as unknown as Record<string, unknown>;
  for (const option of OPTIONS) {
    const raw = env[option.env];
    if (raw === undefined || raw === '') continue;
    const value = parseValue(option.env, raw, option.kind);
    record[option.key] = NEGATED.has(option.key) ? !value : value;
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    const option = OPTIONS.find((o) => o.flag === flag);
    if (!option)
      throw new Error(`unknown option ${flag} (options: ${OPTIONS.map((o) => o.flag).join(', ')})`);
    if (option.kind === 'bool') {
      const value = inline === undefined ? true : parseValue(flag, inline, 'bool');
      record[option.key] = NEGATED.has(option.key) ? !value : value;
      continue;
    }
    const raw = inline ?? argv[++i];
    if (raw === undefined) throw new Error(`${flag} needs a value`);
    record[option.key] = parseValue(flag, raw, option.kind);
  }
  const token = env.SAFETY_FEED_TOKEN;
  config.token = token && token.length > 0 ? token : undefined;
  if (config.publicOrigin !== undefined) config.publicOrigin = config.publicOrigin.replace(/\/+$/, '');
  if (config.dbPath !== ':memory:') config.dbPath = resolve(config.dbPath);
  return config;
}
