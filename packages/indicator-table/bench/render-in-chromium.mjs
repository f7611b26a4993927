#!/usr/bin/env node
/**
 * Render timings of the built bundle in headless Chromium (target: 56 rows under 20 ms; measured
 * here, never asserted in tests). Run `pnpm build` first, then `node bench/render-in-chromium.mjs`.
 *
 * Each sample mounts a fresh <safety-indicator-table> with the Yantian feed (56 indicators) set as
 * `.data`, and times from `append` to the end of its first render plus a forced style and layout
 * pass. Also times sorting and filtering 5,000 rows end to end (property change → DOM updated).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

const bundle = fileURLToPath(new URL('../dist/bundle/safety-indicator-table.js', import.meta.url));
if (!existsSync(bundle)) {
  console.error('No dist/bundle/safety-indicator-table.js: run `pnpm build` first.');
  process.exit(1);
}
const feed = JSON.parse(
  readFileSync(fileURLToPath(import.meta.resolve('@safety-widgets/sample-data/feeds/yantian.json')), 'utf8'),
);
feed.asOf = new Date().toISOString();

const executablePath =
  process.env.CHROME_PATH ||
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--no-sandbox'],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
await page.setContent(
  '<!doctype html><html lang="en"><body><div id="host" style="width:1000px"></div></body></html>',
);
await page.addScriptTag({ path: bundle, type: 'module' });
await page.waitForFunction(() => customElements.get('safety-indicator-table'));

const results = await page.evaluate(async (feed) => {
  const host = document.getElementById('host');
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));

  async function mountOnce(data) {
    host.replaceChildren();
    await frame();
    const el = document.createElement('safety-indicator-table');
    el.data = data;
    const t0 = performance.now();
    host.append(el);
    await el.updateComplete;
    void el.shadowRoot.querySelector('table').offsetHeight; // style + layout
    const t = performance.now() - t0;
    return { el, t };
  }

  const render56 = [];
  for (let i = 0; i < 25; i++) {
    const { el, t } = await mountOnce(structuredClone(feed));
    if (el.shadowRoot.querySelectorAll('tr.row').length !== 56) throw new Error('expected 56 rows');
    render56.push(t);
  }

  // The same without the feed's events, grids and series (whose validation is core's cost, not the table's).
  const slim = {
    ...feed,
    events: [],
    series: [],
    grids: { type: 'FeatureCollection', features: [] },
    layers: [],
  };
  const render56Slim = [];
  const relocale = [];
  for (let i = 0; i < 25; i++) {
    const { el, t } = await mountOnce(structuredClone(slim));
    render56Slim.push(t);
    const t0 = performance.now();
    el.lang = 'zh-CN';
    await el.updateComplete;
    void el.shadowRoot.querySelector('table').offsetHeight;
    relocale.push(performance.now() - t0);
  }

  // 5,000 synthetic indicators.
  const big = structuredClone(feed);
  big.indicators = Array.from({ length: 5000 }, (_, i) => ({
    ...feed.indicators[i % feed.indicators.length],
    id: `synthetic-${i + 1}`,
    area: feed.areas[i % feed.areas.length].id,
    name: { zh: `合成指标 ${i + 1}`, en: `Synthetic indicator ${i + 1}` },
    value: (i * 7919) % 1000,
    provenance: 'synthetic',
  }));
  const { el, t: render5000 } = await mountOnce(big);
  await frame();
  await frame();
  const timed = async (change) => {
    const t0 = performance.now();
    change();
    await el.updateComplete;
    void el.shadowRoot.querySelector('.widget').offsetHeight;
    return performance.now() - t0;
  };
  const sort = [];
  const filter = [];
  for (let i = 0; i < 10; i++) {
    sort.push(await timed(() => (el.sort = i % 2 ? 'value:desc' : 'score:asc')));
    filter.push(await timed(() => (el.query = i % 2 ? 'indicator 1' : '指标 2')));
    await timed(() => (el.query = ''));
  }
  return {
    render56: median(render56),
    render56Min: Math.min(...render56),
    render56Slim: median(render56Slim),
    render56SlimMin: Math.min(...render56Slim),
    relocale: median(relocale),
    render5000,
    domRows5000: el.shadowRoot.querySelectorAll('tr.row').length,
    sort5000: median(sort),
    filter5000: median(filter),
  };
}, feed);

const ms = (n) => `${n.toFixed(1)} ms`;
console.log(`first render, 56 rows (median of 25): ${ms(results.render56)} (min ${ms(results.render56Min)})`);
console.log(
  `first render, 56 rows, feed without events/grids/series (median of 25): ${ms(results.render56Slim)} (min ${ms(results.render56SlimMin)})`,
);
console.log(`re-render of all 56 rows (language switch, median of 25): ${ms(results.relocale)}`);
console.log(
  `first render, 5,000 rows (windowed, ${results.domRows5000} rows in the DOM): ${ms(results.render5000)}`,
);
console.log(`sort 5,000 rows, property to DOM (median of 10): ${ms(results.sort5000)}`);
console.log(`filter 5,000 rows, property to DOM (median of 10): ${ms(results.filter5000)}`);
await browser.close();
