/**
 * The self-contained bundle (dist/bundle/safety-case-timeline.js, from `pnpm build`) in a plain
 * page: one <script type="module">, nothing else. Checks it defines the element, draws a chart
 * from the sample feed and throws nothing into the page.
 */
import { expect, it } from 'vitest';
import { VERSION } from '@safety-widgets/core';
import { openBundlePage } from '../../../test/bundle-page.js';
import { rawYantian } from '../test/feeds.js';

const bundleUrl = new URL('../dist/bundle/safety-case-timeline.js', import.meta.url).href;

it('loads from one script tag in a plain page and draws the sample feed', async () => {
  const page = await openBundlePage({
    bundle: bundleUrl,
    body: `<h1>A page we do not control</h1>
      <safety-case-timeline categories="fraud" start="2017-01-01" end="2017-06-30"></safety-case-timeline>`,
    width: 800,
    height: 900,
  });
  const win = page.window;
  await expect.poll(() => win.customElements.get('safety-case-timeline'), { timeout: 10_000 }).toBeDefined();

  const el = win.document.querySelector('safety-case-timeline') as HTMLElement & {
    data: unknown;
    status: string;
  };
  el.data = rawYantian();
  await expect.poll(() => el.status, { timeout: 10_000 }).toBe('stale');
  const root = el.shadowRoot!;
  await expect
    .poll(() => root.querySelector('.summary')?.textContent?.trim())
    .toBe('Fraud alerts: 225 in the first half of 2017, down 46% on a year earlier.');

  // The canvas has been sized and drawn on.
  const canvas = root.querySelector('canvas')!;
  await expect.poll(() => canvas.width).toBeGreaterThan(300);
  const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  let drawn = 0;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) drawn++;
  expect(drawn).toBeGreaterThan(1000);

  // The version is recorded for a second copy to name.
  const ctor = win.customElements.get('safety-case-timeline') as unknown as Record<symbol, unknown>;
  expect(ctor[Symbol.for('safety-widgets.element-version')]).toBe(VERSION);
  expect(page.errors()).toEqual([]);
});
