#!/usr/bin/env node
/**
 * Drawing timings in Chromium with the production bundle (run `pnpm build` first):
 *
 *   node bench/draw.mjs [runs=9]
 *
 * Prints the median and the fastest of each measurement (medians go in the README; nothing here
 * is asserted anywhere). Each figure is from setting a property to the end of the element's
 * update, which includes the Chart.js layout and draw (animations are off, so Chart.js draws
 * synchronously). A chart drawn for the first time (a new plot) is drawn when the resize observer
 * reports the plot's size, after the browser's layout: those figures run to the next frame
 * ("→ drawn, next frame"), so they include the wait for it.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticEventColumns, tenYearFeed } from '@safety-widgets/sample-data/synthetic';
import { chromium } from 'playwright';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = resolve(here, '..');
const bundle = join(pkg, 'dist/bundle/safety-case-timeline.js');
const feeds = resolve(pkg, '../sample-data/dist/feeds');
const runs = Number(process.argv[2] ?? 9);
if (!existsSync(bundle)) {
  console.error('No dist/bundle/safety-case-timeline.js: run `pnpm build` first.');
  process.exit(1);
}

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/bundle.js"></script></head>
<body style="margin:0"><div id="host" style="width:960px"></div></body></html>`;
// Deterministic synthetic data (the same as the tests' and stories', test/synthetic.ts), made here
// and served to the page: ten years of daily series, and a million raw events as typed columns.
const sample = JSON.parse(readFileSync(join(feeds, 'yantian.json'), 'utf8'));
const million = syntheticEventColumns(sample, 1_000_000);
const generated = {
  '/synthetic/ten-years.json': JSON.stringify(tenYearFeed(sample)),
  '/synthetic/ten-year-shell.json': JSON.stringify(tenYearFeed(sample, { series: false })),
  '/synthetic/categories.json': JSON.stringify(million.categories),
  '/synthetic/time.bin': Buffer.from(million.time.buffer),
  '/synthetic/category.bin': Buffer.from(million.category.buffer),
};

const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (Object.hasOwn(generated, path)) return res.writeHead(200).end(generated[path]);
  const file =
    path === '/bundle.js' ? bundle : path.startsWith('/feeds/') ? join(feeds, path.slice(7)) : undefined;
  if (path === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  if (!file || !existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': extname(file) === '.json' ? 'application/json' : 'text/javascript' });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const executablePath =
  process.env.CHROME_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--disable-background-networking', '--disable-gpu', '--no-sandbox', '--no-first-run'],
});
const tab = await browser.newPage({ viewport: { width: 1000, height: 900 } });
tab.on('pageerror', (e) => console.error('page error:', e.message));
await tab.goto(base);
await tab.waitForFunction(() => customElements.get('safety-case-timeline'));

const results = await tab.evaluate(async (runs) => {
  const sample = await (await fetch('/feeds/yantian.json')).json();
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

  const load = async (path) => (await fetch(path)).arrayBuffer();
  const json = async (path) => (await fetch(path)).json();

  const host = document.getElementById('host');
  async function mount(attrs) {
    host.replaceChildren();
    const el = document.createElement('safety-case-timeline');
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    host.append(el);
    await el.updateComplete;
    await frame();
    return el;
  }
  async function time(fn) {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  }
  // A first chart is drawn in the resize observer's callback, which runs before the next frame's paint.
  const untilFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const out = {};
  const record = (name, ms) => (out[name] ??= []).push(ms);

  const ten = await json('/synthetic/ten-years.json');
  const shell = await json('/synthetic/ten-year-shell.json');
  // Time and category only, as before: the events name no grid.
  const million = {
    time: new Float64Array(await load('/synthetic/time.bin')),
    category: new Uint8Array(await load('/synthetic/category.bin')),
    categories: await json('/synthetic/categories.json'),
  };
  for (let i = 0; i < runs; i++) {
    // 10 years × 6 categories by day, from .data (includes core's validation of the feed).
    let el = await mount({ interval: 'day' });
    record(
      '10y × 6 daily: set .data → drawn, next frame (incl. feed validation)',
      await time(async () => {
        el.data = ten;
        await el.updateComplete;
        await untilFrame();
      }),
    );
    await frame();
    // The same chart, month → day: the widget's own work only.
    el.interval = 'month';
    await el.updateComplete;
    await frame();
    record(
      '10y × 6 daily: month → day on the same chart',
      await time(async () => {
        el.interval = 'day';
        await el.updateComplete;
      }),
    );

    // 1,000,000 raw events: bin + model + draw.
    el = await mount({ interval: 'day' });
    el.data = shell;
    await el.updateComplete;
    await frame();
    record(
      '1,000,000 events: set .eventColumns → drawn by day, next frame',
      await time(async () => {
        el.eventColumns = million;
        await el.updateComplete;
        await untilFrame();
      }),
    );
    await frame();
    el.eventColumns = undefined;
    el.interval = 'month';
    await el.updateComplete;
    await frame();
    record(
      '1,000,000 events: set .eventColumns → drawn by month, next frame',
      await time(async () => {
        el.eventColumns = million;
        await el.updateComplete;
        await untilFrame();
      }),
    );

    // Live update of the sample district: one new event.
    el = await mount({ interval: 'month' });
    el.data = sample;
    await el.updateComplete;
    await frame();
    const next = structuredClone(sample);
    next.asOf = '2017-12-01T12:00:00+08:00';
    next.events.push({
      id: `live-${i}`,
      time: '2017-12-01T10:00:00+08:00',
      category: 'fraud',
      kind: 'incident',
      provenance: 'synthetic',
    });
    record(
      'live: set .data with one new event → drawn (incl. feed validation)',
      await time(async () => {
        el.data = next;
        await el.updateComplete;
      }),
    );
    await frame();
    const t = Date.parse('2017-12-01T11:00:00+08:00');
    record(
      'live: a first event in a new period through .eventColumns → drawn (widget only)',
      await time(async () => {
        el.eventColumns = {
          time: Float64Array.of(t),
          category: Uint8Array.of(2),
          categories: million.categories,
        };
        await el.updateComplete;
      }),
    );
    await frame();
    // The usual live update: one more event in the current period (the periods stay the same).
    // Short, so several samples per run.
    for (let j = 1; j <= 5; j++) {
      const times = Float64Array.from({ length: j + 1 }, (_, m) => t + m * 60_000);
      const columns = {
        time: times,
        category: new Uint8Array(j + 1).fill(2),
        categories: million.categories,
      };
      record(
        'live: one more event in the current period through .eventColumns → drawn (widget only)',
        await time(async () => {
          el.eventColumns = columns;
          await el.updateComplete;
        }),
      );
      await frame();
    }
  }
  return out;
}, runs);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
console.log(`Chromium ${browser.version()}, ${runs} runs (median / fastest, ms):`);
for (const [name, xs] of Object.entries(results)) {
  console.log(`  ${name.padEnd(72)} ${median(xs).toFixed(1).padStart(7)} / ${Math.min(...xs).toFixed(1)}`);
}
await browser.close();
server.close();
