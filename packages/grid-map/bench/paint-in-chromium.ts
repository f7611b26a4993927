/**
 * Paint and hover timings of the built bundle in headless Chromium (targets: 30 grids painted
 * under 30 ms after data, 20,000 polygons under 400 ms, hover highlight under 16 ms; measured
 * here, never asserted in tests). Run `pnpm build` first, then `pnpm bench` (or
 * `tsx bench/paint-in-chromium.ts`).
 *
 * "Painted" is from setting `.data` on a connected element to the map drawn (SVG paths in the
 * DOM, or the canvas filled) plus a forced style and layout pass; it includes core's validation
 * of the feed, which is reported on its own too (node bench: `validateFeed`).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mulberry32, syntheticGridFeed } from '@safety-widgets/sample-data/synthetic';
import { chromium } from 'playwright';
import { freshYantianInput } from '../test/fixtures.js';

// BUNDLE=path/to/safety-grid-map.js compares another build (e.g. the previous one, interleaved).
const bundle =
  process.env.BUNDLE || fileURLToPath(new URL('../dist/bundle/safety-grid-map.js', import.meta.url));
if (!existsSync(bundle)) {
  console.error('No dist/bundle/safety-grid-map.js: run `pnpm build` first.');
  process.exit(1);
}
const sample = freshYantianInput();
const big = syntheticGridFeed(sample, { cells: 20_000, points: 2_000 });
/** Where the hover moves go, as fractions of the map's width and height (seeded). */
const random = mulberry32(7);
const hoverAt = Array.from({ length: 60 }, () => [random(), random()] as const);

const executablePath =
  process.env.CHROME_PATH ||
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--no-sandbox'],
});
// Each case runs in a page of its own with only its own feed in memory: a page with the 30 sample
// grids does not also hold a 20,000-cell feed for the garbage collector to walk.
async function measure(input: {
  sample: unknown;
  big: unknown;
  /** The `layers` attribute ("": no point layers); null leaves the default (risk sources). */
  layers: string | null;
  hoverAt: readonly (readonly [number, number])[];
}): Promise<Record<string, number>> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.setContent(
    '<!doctype html><html lang="en"><body><div id="host" style="width:1000px"></div></body></html>',
  );
  await page.addScriptTag({ path: bundle, type: 'module' });
  // tsx keeps function names with a `__name` helper, which the page does not have.
  await page.evaluate('window.__name = (f) => f');
  await page.waitForFunction(() => customElements.get('safety-grid-map'));
  const results: Record<string, number> = await page.evaluate(
    async ({ sample, big, layers, hoverAt }): Promise<Record<string, number>> => {
      type Map = HTMLElement & {
        data: unknown;
        metric?: string;
        updateComplete: Promise<boolean>;
        zoomIn(): void;
        shadowRoot: ShadowRoot;
      };
      const host = document.getElementById('host')!;
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
      const channel = new MessageChannel();
      const tick = () =>
        new Promise<void>((r) => {
          channel.port1.onmessage = () => r();
          channel.port2.postMessage(0);
        });

      /** Mounts a map with `data`; resolves when it has drawn its grids. */
      async function paintOnce(data: unknown, canvas: boolean) {
        host.replaceChildren();
        const el = document.createElement('safety-grid-map') as Map;
        if (layers !== null) el.setAttribute('layers', layers);
        host.append(el);
        await el.updateComplete;
        await frame();
        await frame();
        const root = el.shadowRoot;
        const drawn = () =>
          canvas
            ? root.querySelector('canvas.paint') !== null &&
              root.querySelector('svg.vector g[transform]') !== null
            : root.querySelectorAll('path.grid').length > 0;
        const t0 = performance.now();
        el.data = data;
        while (!drawn()) {
          await el.updateComplete;
          if (!drawn()) await tick();
        }
        await el.updateComplete;
        void root.querySelector('.map')!.getBoundingClientRect();
        const t = performance.now() - t0;
        await frame();
        return { el, t, toFrame: performance.now() - t0 };
      }

      if (sample) {
        const small: number[] = [];
        const smallFrame: number[] = [];
        for (let i = 0; i < 25; i++) {
          const data = structuredClone(sample);
          const { el, t, toFrame } = await paintOnce(data, false);
          if (el.shadowRoot.querySelectorAll('path.grid').length !== 30) throw new Error('expected 30 grids');
          small.push(t);
          smallFrame.push(toFrame);
        }
        return {
          [`paint 30 grids (SVG${layers === '' ? '' : ', risk sources shown'}), data → drawn`]: median(small),
          [`paint 30 grids${layers === '' ? '' : ' and risk sources'}, data → next frame`]:
            median(smallFrame),
        };
      }

      const large: number[] = [];
      const largeFrame: number[] = [];
      let el: Map | undefined;
      for (let i = 0; i < 9; i++) {
        const data = structuredClone(big);
        const r = await paintOnce(data, true);
        large.push(r.t);
        largeFrame.push(r.toFrame);
        el = r.el;
      }
      const map = el!;
      const surface = map.shadowRoot.querySelector('.surface') as HTMLElement;
      const rect = surface.getBoundingClientRect();

      // Hover: pointer moves to a random point; timed to the highlight and tooltip drawn.
      const hover: number[] = [];
      for (const [fx, fy] of hoverAt) {
        const x = rect.left + rect.width * (0.1 + 0.8 * fx);
        const y = rect.top + rect.height * (0.1 + 0.8 * fy);
        await frame();
        const t0 = performance.now();
        surface.dispatchEvent(
          new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true, composed: true }),
        );
        await map.updateComplete;
        void map.shadowRoot.querySelector('.map')!.getBoundingClientRect();
        hover.push(performance.now() - t0);
      }

      // Recolour 20,000 cells (another figure): no projection, one canvas repaint.
      const recolour: number[] = [];
      for (const metric of ['fires', 'cases', 'fires', 'cases', 'fires', 'cases', 'fires']) {
        await frame();
        const t0 = performance.now();
        map.metric = metric;
        await map.updateComplete;
        recolour.push(performance.now() - t0);
      }

      // One zoom step: the canvas repainted at the new scale.
      const zoom: number[] = [];
      for (let i = 0; i < 5; i++) {
        await frame();
        const t0 = performance.now();
        map.zoomIn();
        await map.updateComplete;
        zoom.push(performance.now() - t0);
      }

      return {
        'paint 20,000 cells (canvas), data → drawn': median(large),
        'paint 20,000 cells, data → next frame': median(largeFrame),
        'hover 20,000 cells: pointer → highlight and tooltip': median(hover),
        'recolour 20,000 cells (metric change)': median(recolour),
        'zoom step, 20,000 cells (canvas repaint)': median(zoom),
        'DOM elements in the 20,000-cell map': map.shadowRoot.querySelectorAll('*').length,
      };
    },
    input,
  );
  await page.close();
  return results;
}

const results = {
  ...(await measure({ sample, big: null, layers: '', hoverAt })),
  ...(await measure({ sample, big: null, layers: null, hoverAt })),
  ...(await measure({ sample: null, big, layers: '', hoverAt })),
};

for (const [name, value] of Object.entries(results)) {
  console.log(`${name.padEnd(56)} ${name.startsWith('DOM') ? value : `${value.toFixed(1)} ms`}`);
}
await browser.close();
