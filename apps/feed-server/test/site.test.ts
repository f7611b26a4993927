/**
 * The same-origin site: /cdn/ bundles, traversal safety, content types, the demo sites and their
 * CSP, and the served folders coming from `--sites` alone (the server makes no page of its own).
 */
import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CSP, resolveUnder } from '../src/http/static-files.js';
import { DEFAULT_SITES } from '../src/site/default-sites.js';
import { call, fakeWorkspace, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
let workspace: string;

/** A fake workspace: an embed build, two more /cdn/ folders behind it, a Storybook, a secret beside them. */
beforeAll(async () => {
  workspace = fakeWorkspace({
    'packages/score-gauge/dist/bundle/safety-score-gauge.js': 'export const gauge = 1;\n',
    'packages/score-gauge/dist/bundle/safety-score-gauge.js.map': '{"version":3}',
    'packages/indicator-table/dist/bundle/safety-indicator-table.js': 'export const table = 1;\n',
    'packages/embed/dist/safety-widgets.js': 'export const all = 1;\n',
    'packages/embed/dist/safety-score-gauge.js': 'export const fromEmbed = 1;\n',
    'packages/embed/dist/.env': 'SECRET=1',
    'packages/embed/dist/chunks/runtime-AbC123.js': 'export const runtime = 1;\n',
    'packages/embed/dist/chunks/.hidden': 'no',
    'storybook-static/index.html': '<!doctype html><title>docs</title>',
    'storybook-static/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'secret.txt': 'do not serve',
  });
  symlinkSync(
    join(workspace, 'secret.txt'),
    join(workspace, 'packages/indicator-table/dist/bundle/link.txt'),
  );
  server = await startTestServer({
    workspaceRoot: workspace,
    sites: [
      ...DEFAULT_SITES,
      { prefix: '/cdn/', folder: 'packages/score-gauge/dist/bundle' },
      { prefix: '/cdn/', folder: 'packages/indicator-table/dist/bundle' },
    ],
  });
});
afterAll(async () => {
  await server.dispose();
  rmSync(workspace, { recursive: true, force: true });
});

describe('/cdn/', () => {
  it('serves the bundles with a JavaScript type, CORS and nosniff; the embed build first', async () => {
    const embed = await call(`${server.url}/cdn/safety-score-gauge.js`);
    expect(embed.status).toBe(200);
    expect(embed.text).toContain('fromEmbed');
    expect(embed.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(embed.headers['access-control-allow-origin']).toBe('*');
    expect(embed.headers['x-content-type-options']).toBe('nosniff');
    const table = await call(`${server.url}/cdn/safety-indicator-table.js`);
    expect(table.text).toContain('table');
    const map = await call(`${server.url}/cdn/safety-score-gauge.js.map`);
    expect(map.headers['content-type']).toBe('application/json; charset=utf-8');
    const again = await call(`${server.url}/cdn/safety-widgets.js`, {
      headers: { 'If-None-Match': String(embed.headers.etag) },
    });
    expect(again.status).toBe(200);
    const cached = await call(`${server.url}/cdn/safety-score-gauge.js`, {
      headers: { 'If-None-Match': String(embed.headers.etag) },
    });
    expect(cached.status).toBe(304);
  });

  it('serves the shared chunks for good (their names change with their content) and lists them with integrity', async () => {
    const chunk = await call(`${server.url}/cdn/chunks/runtime-AbC123.js`);
    expect(chunk.status).toBe(200);
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(chunk.headers['access-control-allow-origin']).toBe('*');
    expect((await call(`${server.url}/cdn/safety-widgets.js`)).headers['cache-control']).toBe(
      'public, no-cache',
    );
    const index = (await call(`${server.url}/cdn/`)).json() as {
      files: { name: string; integrity: string; url: string }[];
    };
    const listed = index.files.find((f) => f.name === 'chunks/runtime-AbC123.js');
    expect(listed).toMatchObject({
      url: '/cdn/chunks/runtime-AbC123.js',
      integrity: expect.stringMatching(/^sha384-/),
    });
    expect(index.files.some((f) => f.name.includes('.hidden'))).toBe(false);
  });

  it.each([
    '/cdn/../../secret.txt',
    '/cdn/%2e%2e/%2e%2e/%2e%2e/%2e%2e/secret.txt',
    '/cdn/..%2f..%2f..%2f..%2fsecret.txt',
    '/cdn/%2e%2e%5c%2e%2e%5csecret.txt',
    '/cdn/.env',
    '/cdn/safety-widgets.js%00.png',
    '/cdn/link.txt',
    '/cdn/%E0%A4%A',
    '/docs/..%2f..%2fsecret.txt',
    '/docs/%2e%2e/secret.txt',
  ])('refuses %s', async (path) => {
    const reply = await call(`${server.url}${path}`);
    expect(reply.status).toBe(404);
    expect(reply.text).not.toContain('do not serve');
    expect(reply.text).not.toContain('SECRET');
  });

  it('keeps every resolved path under its root', () => {
    expect(resolveUnder('/srv/root', 'a/b.js')).toBe('/srv/root/a/b.js');
    expect(resolveUnder('/srv/root', '%2e%2e/x')).toBeUndefined();
    expect(resolveUnder('/srv/root', 'a/../../x')).toBeUndefined();
    expect(resolveUnder('/srv/root', 'a\\..\\x')).toBeUndefined();
  });
});

describe('pages and docs', () => {
  it('makes no page of its own: the demo URLs are 404 while their sites are not built', async () => {
    for (const path of ['/', '/index.html', '/streets/meisha/', '/_demo/site.css', '/third-party/']) {
      const reply = await call(`${server.url}${path}`);
      expect(reply.status, path).toBe(404);
      expect(reply.headers['content-type'], path).toBe('application/problem+json; charset=utf-8');
    }
    expect((await call(`${server.url}/streets/meisha`)).status).toBe(404);
  });

  it('serves the built Storybook at /docs/ with its content types', async () => {
    const index = await call(`${server.url}/docs/`);
    expect(index.status).toBe(200);
    expect(index.text).toContain('<title>docs</title>');
    const svg = await call(`${server.url}/docs/logo.svg`);
    expect(svg.headers['content-type']).toBe('image/svg+xml');
  });

  it('answers 404 for the demo sites that are not built yet', async () => {
    expect((await call(`${server.url}/third-party/`)).status).toBe(404);
    expect((await call(`${server.url}/embed/`)).status).toBe(404);
  });
});

describe('the built demo sites', () => {
  let built: TestServer;
  let root: string;

  /** A fake workspace with the three sites built: the district page, the street portal, the newsletter. */
  beforeAll(async () => {
    root = fakeWorkspace({
      'apps/district-site/dist/index.html': '<!doctype html><title>district</title>',
      'apps/district-site/dist/district.js': 'export {};\n',
      'apps/street-portal/dist/index.html': '<!doctype html><title>streets</title>',
      'apps/street-portal/dist/street.js': 'export {};\n',
      'apps/street-portal/dist/meisha/index.html': '<!doctype html><title>meisha</title>',
      'apps/third-party/dist/index.html': '<!doctype html><title>newsletter</title>',
    });
    built = await startTestServer({ workspaceRoot: root });
  });
  afterAll(async () => {
    await built.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the district site at / with the strict CSP', async () => {
    const page = await call(`${built.url}/`);
    expect(page.text).toContain('<title>district</title>');
    expect(page.headers['content-security-policy']).toBe(DEMO_CSP);
    expect(DEMO_CSP).toBe("default-src 'self'; script-src 'self'; style-src 'self'");
    expect((await call(`${built.url}/district.js`)).headers['content-type']).toBe(
      'text/javascript; charset=utf-8',
    );
  });

  it('serves the street portal: the list at /streets/, each sub-district in its folder, shared files beside', async () => {
    const list = await call(`${built.url}/streets/`);
    expect(list.text).toContain('<title>streets</title>');
    expect(list.headers['content-security-policy']).toBe(DEMO_CSP);
    const meisha = await call(`${built.url}/streets/meisha/`);
    expect(meisha.text).toContain('<title>meisha</title>');
    expect(meisha.headers['content-security-policy']).toBe(DEMO_CSP);
    expect((await call(`${built.url}/streets/street.js`)).text).toBe('export {};\n');
    expect((await call(`${built.url}/streets/atlantis/`)).status).toBe(404);
    expect((await call(`${built.url}/streets/..%2f..%2fdistrict-site/dist/index.html`)).status).toBe(404);
  });

  it('redirects to the folder, keeping the language in the query', async () => {
    const bare = await call(`${built.url}/streets`);
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/streets/');
    const street = await call(`${built.url}/streets/meisha?lang=en`);
    expect(street.status).toBe(301);
    expect(street.headers.location).toBe('/streets/meisha/?lang=en');
  });

  it('serves the third-party page at /third-party/', async () => {
    const page = await call(`${built.url}/third-party/`);
    expect(page.text).toContain('<title>newsletter</title>');
    expect(page.headers['content-security-policy']).toBe(DEMO_CSP);
  });
});

describe('served folders from --sites', () => {
  let custom: TestServer;
  let root: string;
  let news: string;

  /** A workspace whose folders match none of the defaults, and a site outside it (an absolute folder). */
  beforeAll(async () => {
    root = fakeWorkspace({
      'www/index.html': '<!doctype html><title>home</title>',
      'www/news/index.html': '<!doctype html><title>shadowed</title>',
      'files/widget.js': 'export {};\n',
      'apps/district-site/dist/index.html': '<!doctype html><title>default</title>',
    });
    news = fakeWorkspace({
      'index.html': '<!doctype html><title>news</title>',
      '2026/index.html': '<!doctype html><title>archive</title>',
    });
    custom = await startTestServer({
      workspaceRoot: root,
      sites: [
        { prefix: '/', folder: 'www' },
        { prefix: '/news/', folder: news },
        { prefix: '/cdn/', folder: 'files' },
      ],
    });
  });
  afterAll(async () => {
    await custom.dispose();
    rmSync(root, { recursive: true, force: true });
    rmSync(news, { recursive: true, force: true });
  });

  it('serves each prefix from its folder, relative to the repository root or absolute', async () => {
    const home = await call(`${custom.url}/`);
    expect(home.text).toContain('<title>home</title>');
    expect(home.headers['content-security-policy']).toBe(DEMO_CSP);
    const page = await call(`${custom.url}/news/`);
    expect(page.text).toContain('<title>news</title>');
    expect(page.headers['content-security-policy']).toBe(DEMO_CSP);
    const index = (await call(`${custom.url}/cdn/`)).json() as { files: { name: string; url: string }[] };
    expect(index.files).toMatchObject([{ name: 'widget.js', url: '/cdn/widget.js' }]);
  });

  it('gives a path to the longest prefix it starts with, and only to it', async () => {
    // www/news/index.html is under /, but /news/ belongs to the news folder.
    expect((await call(`${custom.url}/news/`)).text).not.toContain('shadowed');
    expect((await call(`${custom.url}/news/missing.html`)).status).toBe(404);
  });

  it('redirects a folder without its final slash, keeping the query', async () => {
    const bare = await call(`${custom.url}/news?lang=en`);
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/news/?lang=en');
    const archive = await call(`${custom.url}/news/2026?lang=en`);
    expect(archive.status).toBe(301);
    expect(archive.headers.location).toBe('/news/2026/?lang=en');
    expect((await call(`${custom.url}/news/2026/`)).text).toContain('<title>archive</title>');
  });

  it('serves nothing of the default folders it was not given', async () => {
    expect((await call(`${custom.url}/`)).text).not.toContain('<title>default</title>');
    for (const path of ['/docs/', '/streets/', '/apps/district-site/dist/index.html'])
      expect((await call(`${custom.url}${path}`)).status, path).toBe(404);
  });
});
