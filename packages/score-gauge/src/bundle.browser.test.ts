/**
 * The self-contained bundle (dist/bundle/safety-score-gauge.js, written by `pnpm build`) in a
 * plain HTML page: one `<script type="module">`, no import map, no other file.
 */
import { scoreFeed, validateFeed } from '@safety-widgets/core';
import { expect, it, vi } from 'vitest';
import { bundleCode, openBundlePage } from '../../../test/bundle-page.js';
import { currentFeed } from '../test/feeds.js';
import { roundScore } from './gauge-model.js';

const BUNDLE = new URL('../dist/bundle/safety-score-gauge.js', import.meta.url).href;

it('the built bundle is one module with everything inlined', async () => {
  expect(await bundleCode(BUNDLE)).toContain('safety-score-gauge');
});

it('renders the meter in a plain page that loads only the bundle', async () => {
  const feed = currentFeed();
  const expected = roundScore(scoreFeed(validateFeed(feed).feed!).composite!);
  const page = await openBundlePage({
    bundle: BUNDLE,
    body: '<safety-score-gauge id="gauge"></safety-score-gauge>',
    width: 480,
    height: 640,
  });

  await vi.waitFor(() => expect(page.window.customElements.get('safety-score-gauge')).toBeDefined(), {
    timeout: 10_000,
  });
  // This test page never imported the element: the iframe's definition came from the bundle alone.
  expect(customElements.get('safety-score-gauge')).toBeUndefined();

  const gauge = page.document.getElementById('gauge') as HTMLElement & { data?: unknown };
  gauge.data = JSON.stringify(feed); // JSON text crosses the frame boundary as a plain string
  await vi.waitFor(
    () => {
      const meter = gauge.shadowRoot?.querySelector('[role="meter"]');
      expect(meter?.getAttribute('aria-valuenow')).toBe(String(expected));
      expect(meter?.getAttribute('aria-valuetext')).toMatch(/^\d+\.\d of 100$/);
      expect(meter?.getAttribute('aria-label')).toMatch(/: \d+\.\d of 100, excellent, up /);
    },
    { timeout: 10_000 },
  );
  expect(gauge.getAttribute('status')).toBe('ready');
  expect(gauge.shadowRoot!.querySelectorAll('[role="button"][data-area]')).toHaveLength(8);
  expect(page.errors()).toEqual([]);
});
