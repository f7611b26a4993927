/**
 * The self-contained bundle (dist/bundle/safety-indicator-table.js, written by `pnpm build`) in a
 * plain HTML page: one `<script type="module">`, nothing else, and the table renders.
 */
import { expect, it, vi } from 'vitest';
import { openBundlePage } from '../../../test/bundle-page.js';
import { currentYantian } from '../test/large-feed.js';

const bundleUrl = new URL('../dist/bundle/safety-indicator-table.js', import.meta.url).href;

it('the built bundle renders the table in a plain page', async () => {
  const page = await openBundlePage({
    bundle: bundleUrl,
    body: '<safety-indicator-table sort="value:desc"></safety-indicator-table>',
    width: 1000,
    height: 700,
    feed: { selector: 'safety-indicator-table', value: currentYantian() },
  });

  await vi.waitFor(
    () => {
      const el = page.document.querySelector('safety-indicator-table');
      expect(page.errors()).toEqual([]);
      expect(el?.getAttribute('status')).toBe('ready');
      expect(el?.shadowRoot?.querySelectorAll('tbody tr.row')).toHaveLength(56);
    },
    { timeout: 10_000, interval: 50 },
  );
  const root = page.document.querySelector('safety-indicator-table')!.shadowRoot!;
  expect(root.querySelectorAll('th[scope="rowgroup"]')).toHaveLength(8);
  expect(root.querySelector('th[aria-sort]')?.textContent?.trim()).toBe('Value');
  expect(root.querySelector('caption')?.textContent).toContain('Yantian District');
  // The bundle registered the element in the iframe only, not in this page.
  expect(page.window.customElements.get('safety-indicator-table')).toBeDefined();
  expect(customElements.get('safety-indicator-table')).toBeUndefined();
  expect(page.errors()).toEqual([]);
});
