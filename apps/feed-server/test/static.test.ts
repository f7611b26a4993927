/** The static side on @fastify/static: the /cdn/ index with integrity hashes, caching by name, ranges. */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isContentHashed } from '../src/http/static-files.js';
import { DEFAULT_SITES } from '../src/site/default-sites.js';
import { call, fakeWorkspace, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
let workspace: string;
const GAUGE = 'export const gauge = "<safety-score-gauge>";\n'.repeat(40);

beforeAll(async () => {
  workspace = fakeWorkspace({
    'packages/embed/dist/safety-score-gauge.js': GAUGE,
    'packages/embed/dist/.npmignore': 'x',
    'packages/indicator-table/dist/bundle/safety-indicator-table.js': 'export const table = 1;\n',
    'apps/district-site/dist/index.html': '<!doctype html><title>district</title>',
    'apps/district-site/dist/assets/index-BnwyNPIb.js': 'export {};\n',
    'apps/district-site/dist/assets/overview.js': 'export {};\n',
  });
  server = await startTestServer({
    workspaceRoot: workspace,
    sites: [...DEFAULT_SITES, { prefix: '/cdn/', folder: 'packages/indicator-table/dist/bundle' }],
  });
});
afterAll(async () => {
  await server.dispose();
  rmSync(workspace, { recursive: true, force: true });
});

describe('/cdn/', () => {
  it('lists every file with its size and the integrity hash of its bytes', async () => {
    const reply = await call(`${server.url}/cdn/`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.headers['access-control-allow-origin']).toBe('*');
    const index = reply.json() as { files: { name: string; size: number; integrity: string; url: string }[] };
    expect(index.files.map((f) => f.name)).toEqual(['safety-score-gauge.js', 'safety-indicator-table.js']);
    const gauge = index.files[0]!;
    expect(gauge.size).toBe(Buffer.byteLength(GAUGE));
    expect(gauge.integrity).toBe(`sha384-${createHash('sha384').update(GAUGE).digest('base64')}`);
    expect((await call(`${server.url}${gauge.url}`)).text).toBe(GAUGE);
  });

  it('asks caches to revalidate files whose name does not change with their content', async () => {
    const reply = await call(`${server.url}/cdn/safety-score-gauge.js`);
    expect(reply.headers['cache-control']).toBe('public, no-cache');
  });

  it('answers a byte range', async () => {
    const reply = await call(`${server.url}/cdn/safety-score-gauge.js`, { headers: { Range: 'bytes=7-12' } });
    expect(reply.status).toBe(206);
    expect(reply.text).toBe(GAUGE.slice(7, 13));
    expect(reply.headers['content-range']).toBe(`bytes 7-12/${Buffer.byteLength(GAUGE)}`);
  });
});

describe('caching by name', () => {
  it('keeps content-hashed files for a year and revalidates the rest', async () => {
    const hashed = await call(`${server.url}/assets/index-BnwyNPIb.js`);
    expect(hashed.status).toBe(200);
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const plain = await call(`${server.url}/assets/overview.js`);
    expect(plain.headers['cache-control']).toBe('no-cache');
    const page = await call(`${server.url}/`);
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('tells a content hash from a word', () => {
    for (const name of [
      'index-BnwyNPIb.js',
      'street-eDB1o_y7.js',
      'index-2OlZXYJK.css',
      'iframe-Ab12Cd34.js',
    ])
      expect(isContentHashed(name), name).toBe(true);
    for (const name of [
      'overview.js',
      'safety-score-gauge.js',
      'a-overview.js',
      'safety-widgets.iife.js',
      'x-Ab12Cd34.txt',
    ])
      expect(isContentHashed(name), name).toBe(false);
  });
});
