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
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
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

  // Deterministic synthetic data (same shapes as test/synthetic.ts).
  function prng(seed) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const CATS = ['alerts-110', 'criminal', 'fraud', 'fire', 'dispute', 'domestic'];
  const MEANS = [42, 5.6, 1.6, 0.17, 1.25, 0.63];
  function tenYearFeed(withSeries) {
    const raw = structuredClone(sample);
    const rand = prng(11);
    raw.asOf = '2017-12-31T23:00:00+08:00';
    raw.events = raw.events.filter((e) => e.kind === 'annotation');
    raw.series = withSeries
      ? CATS.map((category, c) => ({
          category,
          interval: 'day',
          start: '2008-01-01',
          provenance: 'synthetic',
          counts: Array.from({ length: 3653 }, (_, d) =>
            Math.floor(
              MEANS[c] *
                (1 + 0.25 * Math.sin((2 * Math.PI * d) / 365.25)) *
                (1.3 - (0.5 * d) / 3653) *
                (0.6 + 0.8 * rand()) +
                rand(),
            ),
          ),
        }))
      : [];
    return raw;
  }
  function millionEvents(n) {
    const rand = prng(7);
    const start = Date.parse('2008-01-01T00:00:00+08:00');
    const span = Date.parse('2018-01-01T00:00:00+08:00') - start;
    const total = MEANS.reduce((a, b) => a + b, 0);
    const time = new Float64Array(n);
    const category = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      time[i] = start + Math.floor(rand() * span);
      let r = rand() * total;
      let c = 0;
      while (c < 5 && r >= MEANS[c]) r -= MEANS[c++];
      category[i] = c;
    }
    return { time, category, categories: CATS };
  }

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

  const ten = tenYearFeed(true);
  const shell = tenYearFeed(false);
  const million = millionEvents(1_000_000);
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
        el.eventColumns = { time: Float64Array.of(t), category: Uint8Array.of(2), categories: CATS };
        await el.updateComplete;
      }),
    );
    await frame();
    // The usual live update: one more event in the current period (the periods stay the same).
    // Short, so several samples per run.
    for (let j = 1; j <= 5; j++) {
      const times = Float64Array.from({ length: j + 1 }, (_, m) => t + m * 60_000);
      const columns = { time: times, category: new Uint8Array(j + 1).fill(2), categories: CATS };
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
