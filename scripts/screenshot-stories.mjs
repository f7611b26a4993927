#!/usr/bin/env node
/**
 * Screenshots of every story in a built Storybook (storybook-static/), in both locales, light and
 * dark, at phone and desktop widths: the way to look at widgets as a user would before calling
 * them done. Writes PNGs to screenshots/ (not committed).
 *
 *   pnpm build-storybook && node scripts/screenshot-stories.mjs [filter]
 *
 * STORYBOOK_DIR and SCREENSHOT_DIR override the two folders (to work on a build made with `-o`).
 *
 * Uses the same Chromium discovery as the tests: CHROME_PATH, then /usr/bin/chromium, then Playwright's own.
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright';

const root = resolve(process.env.STORYBOOK_DIR ?? 'storybook-static');
const outDir = resolve(process.env.SCREENSHOT_DIR ?? 'screenshots');
const filter = process.argv[2] ?? '';
if (!existsSync(join(root, 'index.json'))) {
  console.error('No storybook-static/index.json: run `pnpm build-storybook` first.');
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = join(root, path);
  if (!file.startsWith(root)) return res.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return res.writeHead(404).end('not found');
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

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

const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((e) => e.type === 'story' && e.id.includes(filter));
const variants = [];
for (const locale of ['zh-CN', 'en'])
  for (const theme of ['light', 'dark'])
    for (const [device, width] of [
      ['phone', 390],
      ['desktop', 1200],
    ])
      variants.push({ locale, theme, device, width });

let count = 0;
for (const story of stories) {
  for (const v of variants) {
    const page = await browser.newPage({ viewport: { width: v.width, height: 800 }, colorScheme: v.theme });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(
      `${base}/iframe.html?id=${story.id}&viewMode=story&globals=locale:${v.locale};theme:${v.theme}`,
    );
    await page.waitForSelector('#storybook-root > *', { timeout: 15_000 }).catch(() => {});
    await page.waitForTimeout(800);
    const file = join(outDir, `${story.id}--${v.locale}-${v.theme}-${v.device}.png`);
    await page.screenshot({ path: file, fullPage: true });
    if (errors.length) console.warn(`${story.id} ${v.locale} ${v.theme}: page errors: ${errors.join('; ')}`);
    await page.close();
    count += 1;
  }
}
console.log(`${count} screenshots of ${stories.length} stories in ${outDir}`);
await browser.close();
server.close();
