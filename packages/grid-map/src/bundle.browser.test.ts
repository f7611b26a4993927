/**
 * The self-contained bundle (dist/bundle/safety-grid-map.js, written by `pnpm build`) in a plain
 * HTML page: one `<script type="module">`, nothing else, and the map renders.
 */
import { expect, it, vi } from 'vitest';
import { openBundlePage } from '../../../test/bundle-page.js';
import { freshYantianInput } from '../test/fixtures.js';

const bundleUrl = new URL('../dist/bundle/safety-grid-map.js', import.meta.url).href;

it('the built bundle renders the map in a plain page', async () => {
  const page = await openBundlePage({
    bundle: bundleUrl,
    body: '<safety-grid-map metric="fraud" context list></safety-grid-map>',
    width: 800,
    height: 900,
    feed: { selector: 'safety-grid-map', value: freshYantianInput() },
  });

  await vi.waitFor(
    () => {
      const el = page.document.querySelector('safety-grid-map');
      expect(page.errors()).toEqual([]);
      expect(el?.getAttribute('status')).toBe('ready');
      expect(el?.shadowRoot?.querySelectorAll('path.grid')).toHaveLength(30);
    },
    { timeout: 10_000, interval: 50 },
  );
  const root = page.document.querySelector('safety-grid-map')!.shadowRoot!;
  expect(root.querySelectorAll('path.context')).toHaveLength(3);
  expect(root.querySelector('.legend-title')?.textContent?.trim()).toBe('Fraud alerts');
  expect(root.querySelectorAll('#twin tbody tr')).toHaveLength(30);
  expect(root.querySelector('[role="application"]')?.getAttribute('aria-label')).toContain(
    'Yantian District',
  );
  // The bundle registered the element in the iframe only, not in this page.
  expect(page.window.customElements.get('safety-grid-map')).toBeDefined();
  expect(page.errors()).toEqual([]);
});
