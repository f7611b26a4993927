/**
 * `loadConfig`: flags override environment variables, which override the defaults; every bad
 * flag or value is a thrown Error naming it; `--help` is reported, and its text covers `OPTIONS`.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, OPTIONS, TOKEN_ENV, databaseTarget, helpText, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives the defaults with no flags and an empty environment', () => {
    expect(loadConfig([], {})).toEqual(DEFAULTS);
    expect(DEFAULTS).toMatchObject({
      trustProxy: [],
      refusedWritesPerMinute: 30,
      connectionsPerClient: 64,
      maxConnections: 20_000,
      maxPipelined: 16,
      maxUnreadBytes: 1024 * 1024,
      help: false,
    });
  });

  it('reads the environment (empty variables count as unset)', () => {
    const config = loadConfig([], {
      HOST: '0.0.0.0',
      PORT: '8080',
      SAFETY_FEED_DB: ':memory:',
      SAFETY_FEED_TOKEN: 's3cret',
      SAFETY_FEED_PUBLIC_ORIGIN: 'https://feeds.example.org//',
      SAFETY_FEED_MAX_PIPELINED: '4',
      SAFETY_FEED_STREAM_RETRY_MS: '500',
      SAFETY_FEED_CHANGE_LOG_SIZE: '',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      dbPath: ':memory:',
      token: 's3cret',
      publicOrigin: 'https://feeds.example.org',
      maxPipelined: 4,
      streamRetryMs: 500,
      changeLogSize: DEFAULTS.changeLogSize,
    });
    expect(loadConfig([], { SAFETY_FEED_TOKEN: '' }).token).toBeUndefined();
  });

  it('lets a flag override the environment, in both forms', () => {
    const env = { PORT: '8080', SAFETY_FEED_MAX_CONNECTIONS: '100' };
    expect(loadConfig(['--port', '9000', '--max-connections=200'], env)).toMatchObject({
      port: 9000,
      maxConnections: 200,
    });
    // A good flag wins over a broken variable.
    expect(loadConfig(['--port=1'], { PORT: 'abc' }).port).toBe(1);
  });

  it.each(OPTIONS.filter((o) => o.kind === 'int'))('reads $flag and $env', ({ flag, env, key }) => {
    expect(loadConfig([], { [env]: '7' })[key]).toBe(7);
    expect(loadConfig([`${flag}=8`], { [env]: '7' })[key]).toBe(8);
  });

  it('resolves the database path, except :memory:', () => {
    expect(loadConfig(['--db', 'x.db'], {}).dbPath).toBe(resolve('x.db'));
    expect(loadConfig(['--db=:memory:'], {}).dbPath).toBe(':memory:');
  });

  it('chooses PostgreSQL for a postgres:// URL and SQLite for a path', () => {
    const url = 'postgres://feeds:secret@db.internal:5432/feeds';
    expect(loadConfig([], { DATABASE_URL: url }).databaseUrl).toBe(url);
    expect(loadConfig(['--database', 'postgresql://db/feeds'], {}).databaseUrl).toBe('postgresql://db/feeds');
    const sqlite = loadConfig(['--database', 'data/other.db'], {});
    expect(sqlite.databaseUrl).toBeUndefined();
    expect(sqlite.dbPath).toBe(resolve('data/other.db'));
    expect(() => loadConfig([], { DATABASE_URL: 'mysql://db/feeds' })).toThrow(
      '"mysql://" is not supported; give a postgres:// URL, or a SQLite file path',
    );
    expect(databaseTarget(url)).toEqual({ kind: 'postgres', url });
  });

  it('reads booleans from flags and the environment', () => {
    expect(loadConfig(['--simulate', '--no-site', '--quiet'], {})).toMatchObject({
      simulate: true,
      serveSite: false,
      log: false,
    });
    for (const off of ['0', 'false', 'No', '']) {
      const env = { SAFETY_FEED_SIMULATE: off, SAFETY_FEED_NO_SITE: off, SAFETY_FEED_QUIET: off };
      expect(loadConfig([], env)).toMatchObject({ simulate: false, serveSite: true, log: true });
    }
    const on = { SAFETY_FEED_SIMULATE: '1', SAFETY_FEED_NO_SITE: 'yes', SAFETY_FEED_QUIET: 'true' };
    expect(loadConfig([], on)).toMatchObject({ simulate: true, serveSite: false, log: false });
  });

  it('parses the trusted proxy list', () => {
    const list = ' 10.0.0.1, ,192.168.0.0/16,,::1 , fd00::/8,loopback ';
    const expected = ['10.0.0.1', '192.168.0.0/16', '::1', 'fd00::/8', 'loopback'];
    expect(loadConfig(['--trust-proxy', list], {}).trustProxy).toEqual(expected);
    expect(loadConfig([], { SAFETY_FEED_TRUST_PROXY: list }).trustProxy).toEqual(expected);
    expect(loadConfig(['--trust-proxy='], { SAFETY_FEED_TRUST_PROXY: list }).trustProxy).toEqual([]);
  });

  it('reads the served folders, which replace the default list', () => {
    const list = ' /=www , /cdn/=files,,/cdn/=/srv/more ';
    const expected = [
      { prefix: '/', folder: 'www' },
      { prefix: '/cdn/', folder: 'files' },
      { prefix: '/cdn/', folder: '/srv/more' },
    ];
    expect(loadConfig(['--sites', list], {}).sites).toEqual(expected);
    expect(loadConfig([], { SAFETY_FEED_SITES: list }).sites).toEqual(expected);
    expect(loadConfig(['--sites=/=x'], { SAFETY_FEED_SITES: list }).sites).toEqual([
      { prefix: '/', folder: 'x' },
    ]);
    // The default names folders only, one per prefix besides the API's.
    expect(DEFAULTS.sites.map((s) => s.prefix)).toEqual([
      '/',
      '/streets/',
      '/third-party/',
      '/embed/',
      '/cdn/',
      '/docs/',
    ]);
  });

  it.each([
    [['--bogus'], {}, 'unknown option --bogus (see --help)'],
    [['--bogus=1'], {}, 'unknown option --bogus (see --help)'],
    [['-x'], {}, 'unknown option -x (see --help)'],
    [['stray'], {}, 'unexpected argument "stray" (see --help)'],
    [['--port'], {}, '--port needs a value'],
    [['--port', '--simulate'], {}, '--port needs a value, got the option-like "--simulate"'],
    [['--simulate=false'], {}, '--simulate takes no value, got "false"'],
    [['--port', 'abc'], {}, '--port: expected a whole number from 0 to 65535, got "abc"'],
    [['--port=70000'], {}, '--port: expected a whole number from 0 to 65535, got "70000"'],
    [['--port='], {}, '--port: expected a whole number from 0 to 65535, got ""'],
    [['--max-streams=-1'], {}, '--max-streams: expected a whole number of 0 or more, got "-1"'],
    [['--max-events', '1.5'], {}, '--max-events: expected a whole number of 0 or more, got "1.5"'],
    [['--max-connections=0'], {}, '--max-connections: expected a whole number of 1 or more, got "0"'],
    [[], { SAFETY_FEED_MAX_BODY_BYTES: 'lots' }, 'SAFETY_FEED_MAX_BODY_BYTES: expected a whole number of 0'],
    [['--trust-proxy', '10.0.0.0/33'], {}, '--trust-proxy: "10.0.0.0/33" is not an IP address'],
    [
      [],
      { SAFETY_FEED_TRUST_PROXY: '10.0.0.1,proxy.local' },
      'SAFETY_FEED_TRUST_PROXY: "proxy.local" is not',
    ],
    [['--trust-proxy=::1/129'], {}, '"::1/129" is not an IP address'],
    [['--sites', 'www'], {}, '--sites: "www" is not prefix=folder'],
    [['--sites', '/docs/='], {}, '--sites: "/docs/=" is not prefix=folder'],
    [['--sites=,'], {}, '--sites: expected prefix=folder entries, got ","'],
    [[], { SAFETY_FEED_SITES: '/streets=x' }, 'SAFETY_FEED_SITES: "/streets" is not a URL prefix'],
    [['--sites', 'docs/=x'], {}, '"docs/" is not a URL prefix'],
    [['--sites', '/a/../=x'], {}, '"/a/../" is not a URL prefix'],
    [['--sites', '/a//=x'], {}, '"/a//" is not a URL prefix'],
    [['--sites', '/api/=x'], {}, '--sites: "/api/" is under /api/'],
  ])('refuses %j with %j', (argv, env, message) => {
    expect(() => loadConfig(argv, env)).toThrow(message);
  });

  it('reports --help and -h without reading the rest', () => {
    expect(loadConfig(['--help'], {}).help).toBe(true);
    expect(loadConfig(['--port=1', '-h'], { PORT: 'abc' })).toEqual({ ...DEFAULTS, help: true });
  });
});

describe('helpText', () => {
  const text = helpText();

  it.each(OPTIONS.map((o) => [o.flag, o.env]))('lists %s and %s', (flag, env) => {
    expect(text).toMatch(new RegExp(`^  ${flag} .* ${env} `, 'm'));
  });

  it('mentions --help and the environment-only token', () => {
    expect(text).toContain('-h, --help');
    expect(text).toContain(TOKEN_ENV);
    expect(text).not.toContain('--token');
  });
});
