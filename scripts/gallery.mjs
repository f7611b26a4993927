#!/usr/bin/env node
/**
 * The screenshot gallery: every demo page and every story, in Chinese and English, light and dark,
 * at phone (390 px) and desktop (1366 px) widths, the way a resident or a designer would look at
 * them. Writes PNGs and a contact sheet, gallery/index.html, to gallery/ (not committed).
 *
 *   pnpm gallery                      # builds everything, then shoots pages and stories
 *   node scripts/gallery.mjs [--pages | --stories] [filter]   # after a build; filter matches a name
 *
 * The demo pages come from the real feed service in simulate mode (a fresh database in a temporary
 * folder), which also serves the built Storybook at /docs/. GALLERY_DIR overrides the output folder.
 * Uses the tests' Chromium discovery: CHROME_PATH, then /usr/bin/chromium, then Playwright's own.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright';

const workspace = resolve(import.meta.dirname, '..');
const outDir = resolve(process.env.GALLERY_DIR ?? join(workspace, 'gallery'));
const args = process.argv.slice(2);
const only = args.includes('--pages') ? 'pages' : args.includes('--stories') ? 'stories' : 'all';
const filter = args.find((a) => !a.startsWith('--')) ?? '';

const STREETS = ['shatoujiao', 'haishan', 'yantian-subdistrict', 'meisha'];
const WIDGETS = ['safety-score-gauge', 'safety-grid-map', 'safety-case-timeline', 'safety-indicator-table'];
/** Each demo page: a name for its files and its path (the language is added per variant). */
const PAGES = [
  { name: 'district', path: '/' },
  { name: 'streets', path: '/streets/' },
  ...STREETS.map((id) => ({ name: `street-${id}`, path: `/streets/${id}/` })),
  { name: 'third-party', path: '/third-party/' },
  ...WIDGETS.map((tag) => ({
    name: `embed-${tag.replace('safety-', '')}`,
    path: `/embed/?widget=${tag}&src=/api/feeds/yantian`,
  })),
];
const VARIANTS = [];
for (const lang of ['zh-CN', 'en'])
  for (const theme of ['light', 'dark'])
    for (const width of [390, 1366]) VARIANTS.push({ lang, theme, width });

const freePort = () =>
  new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });

const server = join(workspace, 'apps/feed-server/dist/main.js');
if (!existsSync(server)) {
  console.error('No apps/feed-server/dist/main.js: run `pnpm build` first (or `pnpm gallery`).');
  process.exit(1);
}
if (only !== 'pages' && !existsSync(join(workspace, 'storybook-static/index.json'))) {
  console.error('No storybook-static/index.json: run `pnpm build-storybook` first (or `pnpm gallery`).');
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'safety-gallery-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const service = spawn(
  process.execPath,
  [server, '--simulate', '--port', String(port), '--db', join(dataDir, 'feeds.db')],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/api/feeds`)).ok) break;
  } catch {
    /* not up yet */
  }
  if (i > 100) throw new Error('the feed service did not start');
  await new Promise((r) => setTimeout(r, 100));
}

const executablePath =
  process.env.CHROME_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    '--no-sandbox',
  ],
});

/** Waits until every widget on the page is settled (not loading), or 20 s. */
const settled = (page) =>
  page
    .waitForFunction(
      (tags) =>
        [...document.querySelectorAll(tags.join(','))].every(
          (w) => w.getAttribute('status') && w.getAttribute('status') !== 'loading',
        ),
      WIDGETS,
      { timeout: 20_000 },
    )
    .catch(() => {});

const shots = [];
const problems = [];
async function shoot(section, name, url, v) {
  const context = await browser.newContext({
    viewport: { width: v.width, height: 900 },
    colorScheme: v.theme,
    locale: v.lang,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${name} ${v.lang} ${v.theme} ${v.width}: ${e.message}`));
  await page.goto(url);
  await settled(page);
  await page.waitForTimeout(500);
  const file = `${section}/${name}--${v.lang}-${v.theme}-${v.width}.png`;
  mkdirSync(join(outDir, section), { recursive: true });
  await page.screenshot({ path: join(outDir, file), fullPage: true });
  shots.push({ section, name, file, ...v });
  await context.close();
}

/** Runs `tasks` two at a time (the machines have two cores). */
async function inPairs(tasks) {
  const queue = [...tasks];
  await Promise.all(
    [0, 1].map(async () => {
      for (let task = queue.shift(); task; task = queue.shift()) await task();
    }),
  );
}

try {
  const tasks = [];
  if (only !== 'stories') {
    for (const p of PAGES.filter((p) => p.name.includes(filter)))
      for (const v of VARIANTS) {
        const sep = p.path.includes('?') ? '&' : '?';
        const url = p.name.startsWith('embed-')
          ? `${base}${p.path}&lang=${v.lang}&theme=auto`
          : `${base}${p.path}${v.lang === 'en' ? `${sep}lang=en` : ''}`;
        tasks.push(() => shoot('pages', p.name, url, v));
      }
  }
  if (only !== 'pages') {
    const index = await (await fetch(`${base}/docs/index.json`)).json();
    const stories = Object.values(index.entries).filter((e) => e.type === 'story' && e.id.includes(filter));
    for (const story of stories)
      for (const v of VARIANTS)
        tasks.push(() =>
          shoot(
            'stories',
            story.id,
            `${base}/docs/iframe.html?id=${story.id}&viewMode=story&globals=locale:${v.lang};theme:${v.theme}`,
            v,
          ),
        );
  }
  await inPairs(tasks);
} finally {
  await browser.close();
  service.kill();
  rmSync(dataDir, { recursive: true, force: true });
}

// The contact sheet: one row per page or story, its eight variants side by side.
const escape = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const rows = new Map();
for (const s of shots) {
  const key = `${s.section}/${s.name}`;
  if (!rows.has(key)) rows.set(key, []);
  rows.get(key).push(s);
}
const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Safety Widgets gallery</title>
<style>body{font:14px system-ui,sans-serif;margin:16px}figure{display:inline-block;margin:0 8px 8px 0;vertical-align:top}
img{width:180px;border:1px solid #ccc}figcaption{font-size:12px}h2{font-size:16px;margin:24px 0 8px}</style>
<h1>Safety Widgets gallery</h1><p>${shots.length} screenshots, ${new Date().toISOString()}</p>
${[...rows]
  .map(
    ([key, list]) =>
      `<h2>${escape(key)}</h2>${list
        .map(
          (s) =>
            `<figure><a href="${escape(s.file)}"><img loading="lazy" src="${escape(s.file)}" alt="${escape(
              `${s.name}, ${s.lang}, ${s.theme}, ${s.width} px`,
            )}"></a><figcaption>${escape(`${s.lang} · ${s.theme} · ${s.width}`)}</figcaption></figure>`,
        )
        .join('')}`,
  )
  .join('\n')}</html>`;
writeFileSync(join(outDir, 'index.html'), html);
console.log(`${shots.length} screenshots in ${outDir} (contact sheet: index.html)`);
if (problems.length) {
  console.warn(`page errors:\n${problems.join('\n')}`);
  process.exitCode = 1;
}
