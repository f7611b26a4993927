/**
 * A React app outside the repository, made the way the README tells a developer to: a folder of its
 * own in the system's temp folder, with this example's `index.html` and `src/`, the packages installed
 * by npm, built by Vite and served with the sample feed at `/feeds/`. Then what a user sees in
 * Chromium: the gauge's figure, a React state change reaching the widgets, a widget's event reaching
 * React.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { build } from 'vite';
import { expect } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../vitest.shared.ts';

/** The repository's root. */
export const ROOT = resolve(import.meta.dirname, '../../..');
const EXAMPLE = resolve(import.meta.dirname, '..');
const FEEDS = join(ROOT, 'packages/sample-data/dist');

/** The React version this example (and so the test app) uses. */
export const REACT_VERSION: string = JSON.parse(readFileSync(join(EXAMPLE, 'package.json'), 'utf8'))
  .dependencies.react;

/** A new app folder with the example's page and source, and the given package.json. */
export function newApp(name: string, packageJson: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  cpSync(join(EXAMPLE, 'index.html'), join(dir, 'index.html'));
  cpSync(join(EXAMPLE, 'src'), join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name, private: true, type: 'module', ...packageJson }, null, 2)}\n`,
  );
  return dir;
}

/** npm settings a user could have (registry, cache, proxy, …) pass; pnpm's script variables do not. */
const NPM_SETTINGS =
  /^npm_config_(registry|cache|userconfig|globalconfig|proxy|https_proxy|noproxy|cafile|strict_ssl)$/i;

/** Runs npm in `dir` as a user would in a terminal. */
export function npm(dir: string, ...args: string[]): string {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) || NPM_SETTINGS.test(key)),
  );
  return execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** `vite build` in the app folder, with its own vite.config.js when it has one. */
export async function viteBuild(dir: string): Promise<string> {
  const config = join(dir, 'vite.config.js');
  await build({
    root: dir,
    configFile: existsSync(config) ? config : false,
    logLevel: 'error',
    build: { outDir: join(dir, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  });
  return join(dir, 'dist');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Serves the built app, and the sample feeds at /feeds/, on a free port of 127.0.0.1. */
export async function serve(dist: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const base = path.startsWith('/feeds/') ? FEEDS : dist;
    const file = normalize(join(base, path === '/' ? 'index.html' : path));
    if (!file.startsWith(base) || !existsSync(file) || !file.includes('.')) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Headless Chromium, found as every browser test here finds it. */
export function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  return chromium.launch({ ...(executablePath ? { executablePath } : {}), args: chromiumArgs });
}

/**
 * Opens the built app and checks what a user sees: the gauge draws the district's figure, the
 * language button (React state) changes the widgets' language, and a grid picked in the map's list
 * (a widget event) shows in React's status line and narrows the timeline (back through a prop).
 */
export async function expectTheExampleWorks(browser: Browser, url: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    // A failed load is reported below with its URL (the browser's own favicon request may 404).
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(message.text());
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) {
      problems.push(`HTTP ${response.status()} for ${response.url()}`);
    }
  });
  page.on('requestfailed', (request) => {
    if (!request.url().endsWith('/favicon.ico')) problems.push(`failed: ${request.url()}`);
  });
  try {
    await page.goto(url);
    const meter = page.locator('safety-score-gauge').getByRole('meter');
    /** Waits until the gauge's figure reads `pattern`; on failure, says what the page reported. */
    const figure = (pattern: RegExp, timeout: number) =>
      expect
        .poll(() => meter.getAttribute('aria-valuetext', { timeout: 1000 }).catch(() => ''), { timeout })
        .toMatch(pattern)
        .catch((error: Error) => {
          throw new Error(`${error.message}; the page said: ${problems.join(' | ') || 'nothing'}`);
        });
    // The figure, from the feed loaded by <SafetyFeed> (React rendered the widgets, the widgets drew).
    await figure(/^\d+(\.\d)? of 100\b/, 30_000);
    expect(problems, 'errors on the page').toEqual([]);
    await expect.poll(() => meter.isVisible()).toBe(true);

    // React state → widget: the language button re-renders the widgets with lang="zh-CN".
    await page.getByRole('button', { name: '中文' }).click();
    await figure(/（满分100）/, 10_000);
    await page.getByRole('button', { name: 'English' }).click();
    await figure(/of 100/, 10_000);

    // Widget event → React: a grid picked in the map's ranked list shows in React's status line…
    expect(await page.getByText('No grid selected', { exact: true }).isVisible()).toBe(true);
    await page
      .locator('safety-grid-map')
      .getByRole('button', { name: 'Meisha Grid 03', exact: true })
      .click();
    await expect.poll(() => page.getByText('Grid: Meisha Grid 03', { exact: true }).isVisible()).toBe(true);
    // …and React passes it on to the timeline, which narrows to that grid.
    await expect
      .poll(() => page.locator('safety-case-timeline').getByRole('heading', { level: 2 }).textContent())
      .toBe('Case counts over time: Meisha Grid 03');
    expect(problems, 'errors on the page').toEqual([]);
  } finally {
    await page.close();
  }
}

/** Removes an app folder made by `newApp`. */
export function removeApp(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
