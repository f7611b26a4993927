/**
 * Configuration of the feed server: command-line flags override environment variables, which
 * override the defaults. Every limit is here so tests and benchmarks can tighten or loosen it.
 * One table, `OPTIONS`, defines each setting's flag, environment variable, parsing and `--help` line.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_SITES } from './site/default-sites.js';
import { formatSites, parseSites, type SiteMount } from './site/sites.js';

export interface ServerConfig {
  /** Interface to listen on. Default 127.0.0.1. */
  host: string;
  /** Port; 0 picks a free one. Default 4000. */
  port: number;
  /** SQLite file; created and seeded on first start. `:memory:` for a throwaway database. */
  dbPath: string;
  /**
   * A `postgres://` URL: feeds in PostgreSQL, shared by every instance given the same URL
   * (migrated and seeded by the first to start). Unset: the SQLite file `dbPath`.
   */
  databaseUrl: string | undefined;
  /** Bearer token for the write API; writes are refused while it is empty. */
  token: string | undefined;
  /** Add plausible events and indicator changes every few seconds. */
  simulate: boolean;
  /** Milliseconds between simulated changes (a random time between this and twice this). */
  simulateEveryMs: number;
  /** Origin written into feeds' `links` (e.g. https://feeds.example.org); default: the request's Host. */
  publicOrigin: string | undefined;
  /**
   * Reverse proxies whose X-Forwarded-For header is believed: IP addresses, CIDR ranges, or the
   * proxy-addr keywords `loopback`, `linklocal`, `uniquelocal`. No other client's header is believed.
   */
  trustProxy: string[];
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Authorised writes each client may make per minute (its own budget; refused attempts never spend it). */
  writesPerMinute: number;
  /** Write attempts without a valid token allowed per client per minute; beyond them: 429. */
  refusedWritesPerMinute: number;
  /** Open event streams allowed per client (IP address). */
  streamsPerClient: number;
  /** Open event streams allowed in total. */
  maxStreams: number;
  /** Open TCP connections allowed per client address (a trusted proxy is exempt). */
  connectionsPerClient: number;
  /** Open TCP connections allowed in total. */
  maxConnections: number;
  /** Requests one connection may have waiting (pipelined) behind the one being answered; beyond it the connection is closed. */
  maxPipelined: number;
  /** Response bytes a connection may leave unread before it is closed. */
  maxUnreadBytes: number;
  /** Milliseconds between heartbeat comments on event streams. */
  heartbeatMs: number;
  /** `retry:` sent to EventSource clients (ms). */
  streamRetryMs: number;
  /** Change log entries kept for Last-Event-ID replay. */
  changeLogSize: number;
  /** Events kept per feed (the oldest are dropped beyond this). */
  maxEventsPerFeed: number;
  /** Serve the folders of `sites` besides /api/. */
  serveSite: boolean;
  /** URL prefixes and the folders served under them (`site/default-sites.ts` by default). */
  sites: SiteMount[];
  /** The repository root, against which relative folders in `sites` are resolved. */
  workspaceRoot: string;
  /** Serve images of the widgets (`/api/feeds/:id/snapshots/…`), rendered in Chromium. */
  snapshots: boolean;
  /** The Chromium (or Chrome) executable that renders them. */
  chromePath: string;
  /**
   * Images rendered at once. One by default: a render keeps Chromium's renderer, compositor and
   * encoder busy, about one and a half cores; on a 2-core machine a second at once made a burst no
   * faster and cost some 100 MB more. Raise it on larger machines.
   */
  snapshotConcurrency: number;
  /** Renders that may wait for a turn; beyond them: 503. */
  snapshotQueue: number;
  /** Images not cached yet that one client may have made per minute; beyond them: 429. */
  snapshotRendersPerMinute: number;
  /** Bytes of rendered images kept in memory (least recently used dropped first). */
  snapshotCacheBytes: number;
  /** Milliseconds a widget may take to draw before its render fails. */
  snapshotTimeoutMs: number;
  /** Log requests and lifecycle to stdout. */
  log: boolean;
  /** `--help` or `-h` was given: print `helpText()` and exit 0 (the rest of the config is the defaults). */
  help: boolean;
}

const APP_DIR = fileURLToPath(new URL('..', import.meta.url));

export const DEFAULTS: ServerConfig = {
  host: '127.0.0.1',
  port: 4000,
  dbPath: resolve(APP_DIR, 'data/feeds.db'),
  databaseUrl: undefined,
  token: undefined,
  simulate: false,
  simulateEveryMs: 3000,
  publicOrigin: undefined,
  trustProxy: [],
  maxBodyBytes: 1024 * 1024,
  writesPerMinute: 120,
  refusedWritesPerMinute: 30,
  streamsPerClient: 32,
  maxStreams: 10_000,
  connectionsPerClient: 64,
  maxConnections: 20_000,
  maxPipelined: 16,
  maxUnreadBytes: 1024 * 1024,
  heartbeatMs: 15_000,
  streamRetryMs: 3000,
  changeLogSize: 10_000,
  maxEventsPerFeed: 5000,
  serveSite: true,
  sites: [...DEFAULT_SITES],
  workspaceRoot: resolve(APP_DIR, '../..'),
  snapshots: true,
  chromePath: '/usr/bin/chromium',
  snapshotConcurrency: 1,
  snapshotQueue: 32,
  snapshotRendersPerMinute: 30,
  snapshotCacheBytes: 64 * 1024 * 1024,
  snapshotTimeoutMs: 15_000,
  log: true,
  help: false,
};

/** The write API's bearer token: environment only, never a flag, so it does not show in `ps`. */
export const TOKEN_ENV = 'SAFETY_FEED_TOKEN';

export interface OptionSpec {
  flag: `--${string}`;
  env: string;
  key: keyof ServerConfig;
  /** `list`: comma-separated proxy addresses (see `trustProxy`); `sites`: `prefix=folder` entries. */
  kind: 'string' | 'int' | 'bool' | 'list' | 'sites';
  /** Placeholder of the value in `--help` (booleans take none). */
  value?: string;
  /** One line for `--help`. */
  help: string;
  /** Range of an `int` (default 0 to Number.MAX_SAFE_INTEGER). */
  min?: number;
  max?: number;
  /** A flag that turns a default-on setting off (`--no-site`, `--quiet`). */
  negates?: boolean;
}

/** Longest delay `setTimeout` honours; longer ones fire after 1 ms. */
const TIMER_MAX = 2 ** 31 - 1;

/** Every setting that has a flag, with the environment variable it falls back to. */
export const OPTIONS: readonly OptionSpec[] = [
  {
    flag: '--host',
    env: 'HOST',
    key: 'host',
    kind: 'string',
    value: '<address>',
    help: 'Interface to listen on.',
  },
  {
    flag: '--port',
    env: 'PORT',
    key: 'port',
    kind: 'int',
    value: '<port>',
    max: 65_535,
    help: 'Port to listen on; 0 picks a free one.',
  },
  {
    flag: '--db',
    env: 'SAFETY_FEED_DB',
    key: 'dbPath',
    kind: 'string',
    value: '<path>',
    help: 'SQLite file, created and seeded on first start; :memory: for a throwaway database.',
  },
  {
    flag: '--database',
    env: 'DATABASE_URL',
    key: 'databaseUrl',
    kind: 'string',
    value: '<url|path>',
    help: 'A postgres:// URL: feeds in PostgreSQL, shared by several instances (prefer the variable: a flag shows in ps). A path: the SQLite file, as --db.',
  },
  {
    flag: '--simulate',
    env: 'SAFETY_FEED_SIMULATE',
    key: 'simulate',
    kind: 'bool',
    help: 'Make plausible changes to the feeds every few seconds.',
  },
  {
    flag: '--simulate-every-ms',
    env: 'SAFETY_FEED_SIMULATE_EVERY_MS',
    key: 'simulateEveryMs',
    kind: 'int',
    value: '<ms>',
    min: 1,
    max: Math.floor(TIMER_MAX / 2),
    help: 'Simulated changes come every 1 to 2 times this.',
  },
  {
    flag: '--public-origin',
    env: 'SAFETY_FEED_PUBLIC_ORIGIN',
    key: 'publicOrigin',
    kind: 'string',
    value: '<origin>',
    help: "Origin written into feeds' links (e.g. https://feeds.example.org); none: the request's Host.",
  },
  {
    flag: '--trust-proxy',
    env: 'SAFETY_FEED_TRUST_PROXY',
    key: 'trustProxy',
    kind: 'list',
    value: '<list>',
    help: 'Proxies whose X-Forwarded-For is believed: IPs, CIDR ranges, loopback, linklocal, uniquelocal.',
  },
  {
    flag: '--max-body-bytes',
    env: 'SAFETY_FEED_MAX_BODY_BYTES',
    key: 'maxBodyBytes',
    kind: 'int',
    value: '<bytes>',
    help: 'Largest request body accepted (413 beyond).',
  },
  {
    flag: '--writes-per-minute',
    env: 'SAFETY_FEED_WRITES_PER_MINUTE',
    key: 'writesPerMinute',
    kind: 'int',
    value: '<n>',
    help: 'Authorised writes per client per minute (429 beyond); refused attempts never spend them.',
  },
  {
    flag: '--refused-writes-per-minute',
    env: 'SAFETY_FEED_REFUSED_WRITES_PER_MINUTE',
    key: 'refusedWritesPerMinute',
    kind: 'int',
    value: '<n>',
    help: 'Write attempts without a valid token per client per minute (429 beyond).',
  },
  {
    flag: '--streams-per-client',
    env: 'SAFETY_FEED_STREAMS_PER_CLIENT',
    key: 'streamsPerClient',
    kind: 'int',
    value: '<n>',
    help: 'Open event streams per client (429 beyond).',
  },
  {
    flag: '--max-streams',
    env: 'SAFETY_FEED_MAX_STREAMS',
    key: 'maxStreams',
    kind: 'int',
    value: '<n>',
    help: 'Open event streams in total (503 beyond).',
  },
  {
    flag: '--connections-per-client',
    env: 'SAFETY_FEED_CONNECTIONS_PER_CLIENT',
    key: 'connectionsPerClient',
    kind: 'int',
    value: '<n>',
    min: 1,
    help: 'Open TCP connections per client address; a trusted proxy is exempt.',
  },
  {
    flag: '--max-connections',
    env: 'SAFETY_FEED_MAX_CONNECTIONS',
    key: 'maxConnections',
    kind: 'int',
    value: '<n>',
    min: 1,
    help: 'Open TCP connections in total.',
  },
  {
    flag: '--max-pipelined',
    env: 'SAFETY_FEED_MAX_PIPELINED',
    key: 'maxPipelined',
    kind: 'int',
    value: '<n>',
    help: 'Requests a connection may have waiting behind the one being answered; beyond: closed.',
  },
  {
    flag: '--max-unread-bytes',
    env: 'SAFETY_FEED_MAX_UNREAD_BYTES',
    key: 'maxUnreadBytes',
    kind: 'int',
    value: '<bytes>',
    min: 1,
    help: 'Response bytes a connection may leave unread before it is closed.',
  },
  {
    flag: '--heartbeat-ms',
    env: 'SAFETY_FEED_HEARTBEAT_MS',
    key: 'heartbeatMs',
    kind: 'int',
    value: '<ms>',
    min: 1,
    max: TIMER_MAX,
    help: 'Time between heartbeat comments on event streams.',
  },
  {
    flag: '--stream-retry-ms',
    env: 'SAFETY_FEED_STREAM_RETRY_MS',
    key: 'streamRetryMs',
    kind: 'int',
    value: '<ms>',
    help: 'The retry: delay sent to EventSource clients.',
  },
  {
    flag: '--change-log-size',
    env: 'SAFETY_FEED_CHANGE_LOG_SIZE',
    key: 'changeLogSize',
    kind: 'int',
    value: '<n>',
    help: 'Change log entries kept for Last-Event-ID replay.',
  },
  {
    flag: '--max-events',
    env: 'SAFETY_FEED_MAX_EVENTS',
    key: 'maxEventsPerFeed',
    kind: 'int',
    value: '<n>',
    help: 'Events kept per feed (the oldest are dropped beyond this).',
  },
  {
    flag: '--sites',
    env: 'SAFETY_FEED_SITES',
    key: 'sites',
    kind: 'sites',
    value: '<list>',
    help: 'Served folders: prefix=folder entries, comma-separated, relative to the repository root.',
  },
  {
    flag: '--no-site',
    env: 'SAFETY_FEED_NO_SITE',
    key: 'serveSite',
    kind: 'bool',
    negates: true,
    help: 'Serve only /api/, none of the --sites folders.',
  },
  {
    flag: '--no-snapshots',
    env: 'SAFETY_FEED_NO_SNAPSHOTS',
    key: 'snapshots',
    kind: 'bool',
    negates: true,
    help: 'Serve no images of the widgets (/api/feeds/<id>/snapshots/…).',
  },
  {
    flag: '--chrome-path',
    env: 'CHROME_PATH',
    key: 'chromePath',
    kind: 'string',
    value: '<path>',
    help: 'The Chromium or Chrome executable that renders the images of the widgets.',
  },
  {
    flag: '--snapshot-concurrency',
    env: 'SAFETY_FEED_SNAPSHOT_CONCURRENCY',
    key: 'snapshotConcurrency',
    kind: 'int',
    value: '<n>',
    min: 1,
    max: 16,
    help: 'Images rendered at once (a Chromium page each).',
  },
  {
    flag: '--snapshot-queue',
    env: 'SAFETY_FEED_SNAPSHOT_QUEUE',
    key: 'snapshotQueue',
    kind: 'int',
    value: '<n>',
    help: 'Renders that may wait for a turn (503 beyond).',
  },
  {
    flag: '--snapshot-renders-per-minute',
    env: 'SAFETY_FEED_SNAPSHOT_RENDERS_PER_MINUTE',
    key: 'snapshotRendersPerMinute',
    kind: 'int',
    value: '<n>',
    min: 1,
    help: 'Images not made yet one client may ask for per minute (429 beyond); cached ones are never limited.',
  },
  {
    flag: '--snapshot-cache-bytes',
    env: 'SAFETY_FEED_SNAPSHOT_CACHE_BYTES',
    key: 'snapshotCacheBytes',
    kind: 'int',
    value: '<bytes>',
    help: 'Memory for rendered images (least recently used dropped first).',
  },
  {
    flag: '--snapshot-timeout-ms',
    env: 'SAFETY_FEED_SNAPSHOT_TIMEOUT_MS',
    key: 'snapshotTimeoutMs',
    kind: 'int',
    value: '<ms>',
    min: 1,
    max: TIMER_MAX,
    help: 'Time a widget has to draw before its image fails (503).',
  },
  {
    flag: '--quiet',
    env: 'SAFETY_FEED_QUIET',
    key: 'log',
    kind: 'bool',
    negates: true,
    help: 'Do not log requests and lifecycle to stdout.',
  },
];

type ParseOptions = NonNullable<ParseArgsConfig['options']>;

const PARSE_OPTIONS: ParseOptions = {
  help: { type: 'boolean', short: 'h' },
  ...Object.fromEntries(
    OPTIONS.map((o) => [o.flag.slice(2), { type: o.kind === 'bool' ? 'boolean' : 'string' } as const]),
  ),
};

/** The proxy-addr keywords `--trust-proxy` accepts besides addresses and ranges. */
const PROXY_KEYWORDS = ['loopback', 'linklocal', 'uniquelocal'];

/** Builds the configuration from flags (`--port 4000`, `--port=4000`, `--simulate`) and the environment. */
export function loadConfig(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): ServerConfig {
  const flags = parseFlags(argv);
  // Help must work even when a setting is broken, so nothing else is read.
  if (flags.help === true) return { ...DEFAULTS, help: true };
  const config: ServerConfig = { ...DEFAULTS };
  const record = config as unknown as Record<string, unknown>;
  for (const option of OPTIONS) {
    const flag = flags[option.flag.slice(2)];
    const fromEnv = env[option.env];
    if (typeof flag === 'string' || typeof flag === 'boolean')
      record[option.key] = convert(option, option.flag, flag);
    else if (fromEnv !== undefined && fromEnv !== '')
      record[option.key] = convert(option, option.env, fromEnv);
  }
  const token = env[TOKEN_ENV];
  config.token = token && token.length > 0 ? token : undefined;
  if (config.publicOrigin !== undefined) config.publicOrigin = config.publicOrigin.replace(/\/+$/, '');
  if (config.databaseUrl !== undefined) {
    const target = databaseTarget(config.databaseUrl);
    if (target.kind === 'sqlite') {
      config.dbPath = target.path;
      config.databaseUrl = undefined;
    }
  }
  if (config.dbPath !== ':memory:') config.dbPath = resolve(config.dbPath);
  return config;
}

/** What `--database`/`DATABASE_URL` names: a PostgreSQL URL, or a SQLite file path. */
export function databaseTarget(
  value: string,
): { kind: 'postgres'; url: string } | { kind: 'sqlite'; path: string } {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined) return { kind: 'sqlite', path: value };
  if (scheme === 'postgres' || scheme === 'postgresql') return { kind: 'postgres', url: value };
  throw new Error(
    `--database/DATABASE_URL: "${scheme}://" is not supported; give a postgres:// URL, or a SQLite file path (or use --db)`,
  );
}

/** Strict `parseArgs`, with its errors restated in this module's words. */
function parseFlags(argv: readonly string[]): Record<string, unknown> {
  try {
    return parseArgs({ args: [...argv], options: PARSE_OPTIONS, strict: true, allowPositionals: false })
      .values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(explainBadArgs(argv) ?? message, { cause: error });
  }
}

/** Finds the argument strict parsing refused (tokens of a lenient parse) and says what is wrong. */
function explainBadArgs(argv: readonly string[]): string | undefined {
  const lenient = { args: [...argv], options: PARSE_OPTIONS, strict: false, allowPositionals: true };
  for (const token of parseArgs({ ...lenient, tokens: true }).tokens) {
    if (token.kind === 'positional') return `unexpected argument "${token.value}" (see --help)`;
    if (token.kind !== 'option') continue;
    const type = PARSE_OPTIONS[token.name]?.type;
    if (type === undefined) return `unknown option ${token.rawName} (see --help)`;
    if (type === 'boolean' && token.value !== undefined)
      return `${token.rawName} takes no value, got "${token.value}" (leave the flag out to keep it off)`;
    if (type === 'string' && token.value === undefined) return `${token.rawName} needs a value`;
    if (type === 'string' && !token.inlineValue && token.value?.startsWith('-'))
      return `${token.rawName} needs a value, got the option-like "${token.value}" (write ${token.rawName}=${token.value} if it is the value)`;
  }
  return undefined;
}

/** A flag's or variable's value as its setting's type; `source` (flag or variable) names it in errors. */
function convert(
  option: OptionSpec,
  source: string,
  raw: string | boolean,
): string | number | boolean | string[] | SiteMount[] {
  switch (option.kind) {
    case 'bool': {
      const on =
        typeof raw === 'boolean' ? raw : !['0', 'false', 'no', ''].includes(raw.trim().toLowerCase());
      return option.negates ? !on : on;
    }
    case 'int':
      return parseWholeNumber(source, String(raw), option.min ?? 0, option.max);
    case 'list':
      return parseProxyList(source, String(raw));
    case 'sites':
      return parseSites(source, String(raw));
    case 'string':
      return String(raw);
  }
}

function parseWholeNumber(source: string, raw: string, min: number, max: number | undefined): number {
  const n = raw.trim() === '' ? NaN : Number(raw);
  if (Number.isSafeInteger(n) && n >= min && (max === undefined || n <= max)) return n;
  const range = max === undefined ? `of ${min} or more` : `from ${min} to ${max}`;
  throw new Error(`${source}: expected a whole number ${range}, got "${raw}"`);
}

/** `10.0.0.1, 10.1.0.0/16,,loopback` → its entries, each checked; spaces and empty entries dropped. */
function parseProxyList(source: string, raw: string): string[] {
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const bad = entries.find((entry) => !isProxyEntry(entry));
  if (bad !== undefined)
    throw new Error(
      `${source}: "${bad}" is not an IP address, a CIDR range (address/prefix length) or one of ${PROXY_KEYWORDS.join(', ')}`,
    );
  return entries;
}

function isProxyEntry(entry: string): boolean {
  if (entry.includes('%')) return false; // zone ids never match a remote address
  if (PROXY_KEYWORDS.includes(entry) || isIP(entry) !== 0) return true;
  const cidr = /^([^/]+)\/(\d{1,3})$/.exec(entry);
  const version = cidr ? isIP(cidr[1]!) : 0;
  return version !== 0 && Number(cidr![2]) <= (version === 4 ? 32 : 128);
}

/** The `--help` text: every option of `OPTIONS` with its variable and default, then the token. */
export function helpText(): string {
  const rows = OPTIONS.map((o) => [
    `${o.flag}${o.value ? ` ${o.value}` : ''}`,
    o.env,
    shownDefault(o),
    o.help,
  ]);
  const width = (column: number): number => Math.max(...rows.map((row) => row[column]!.length));
  const [flagWidth, envWidth] = [width(0), width(1)];
  const line = (flag: string, env: string, dflt: string): string =>
    `  ${flag.padEnd(flagWidth)}  ${env.padEnd(envWidth)}  ${dflt}`.trimEnd();
  return [
    'Usage: safety-feed-server [options]',
    '',
    'Each flag falls back to its environment variable, then to the default; `--flag value` and',
    '`--flag=value` both work. Boolean variables: 0, false, no or empty mean off.',
    '',
    line('flag', 'environment', 'default'),
    ...rows.flatMap(([flag, env, dflt, help]) => [line(flag!, env!, dflt!), `      ${help}`]),
    '',
    '  -h, --help',
    '      Print this help and exit.',
    '',
    'Environment only (never a flag, so it does not show in `ps`):',
    `  ${TOKEN_ENV}`,
    '      Bearer token of the write API; writes are refused while it is unset.',
    '',
  ].join('\n');
}

function shownDefault(option: OptionSpec): string {
  const value = DEFAULTS[option.key];
  if (option.kind === 'bool') return (option.negates ? !value : value) ? 'on' : 'off';
  if (option.kind === 'sites') return formatSites(value as SiteMount[]);
  if (Array.isArray(value)) return value.length > 0 ? value.join(',') : 'none';
  return value === undefined ? 'none' : String(value);
}
