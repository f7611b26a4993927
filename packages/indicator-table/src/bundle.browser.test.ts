/**
 * The self-contained bundle (dist/bundle/safety-indicator-table.js, written by `pnpm build`) in a
 * plain HTML page: one `<script type="module">`, nothing else, and the table renders.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { currentYantian } from '../test/large-feed.js';

const bundleUrl = new URL('../dist/bundle/safety-indicator-table.js', import.meta.url).href;

afterEach(() => document.body.replaceChildren());

it('the built bundle renders the table in a plain page', async () => {
  const head = await fetch(bundleUrl, { method: 'HEAD' });
  expect(head.ok, `${bundleUrl} is missing: run \`pnpm build\` in packages/indicator-table`).toBe(true);

  // JSON inside <script type="application/json"> cannot end the script early once "<" is escaped.
  const feedJson = JSON.stringify(currentYantian()).replace(/</g, '\\u003c');
  const iframe = document.createElement('iframe');
  iframe.style.width = '1000px';
  iframe.style.height = '700px';
  iframe.srcdoc = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>bundle</title>
<script>window.__errors = []; addEventListener('error', (e) => __errors.push(String(e.message || e.target?.src)), true);</script>
</head>
<body>
<safety-indicator-table sort="value:desc"></safety-indicator-table>
<script type="application/json" id="feed">${feedJson}</script>
<script type="module" src="${bundleUrl}"></script>
<script type="module">
  document.querySelector('safety-indicator-table').data = JSON.parse(document.getElementById('feed').textContent);
</script>
</body>
</html>`;
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  document.body.append(iframe);
  await loaded;

  const doc = iframe.contentDocument!;
  await vi.waitFor(
    () => {
      const el = doc.querySelector('safety-indicator-table');
      expect((iframe.contentWindow as unknown as { __errors: string[] }).__errors).toEqual([]);
      expect(el?.getAttribute('status')).toBe('ready');
      expect(el?.shadowRoot?.querySelectorAll('tbody tr.row')).toHaveLength(56);
    },
    { timeout: 10_000, interval: 50 },
  );
  const root = doc.querySelector('safety-indicator-table')!.shadowRoot!;
  expect(root.querySelectorAll('th[scope="rowgroup"]')).toHaveLength(8);
  expect(root.querySelector('th[aria-sort]')?.textContent?.trim()).toBe('Value');
  expect(root.querySelector('caption')?.textContent).toContain('Yantian District');
  // The bundle registered the element in the iframe only, not in this page.
  expect(iframe.contentWindow!.customElements.get('safety-indicator-table')).toBeDefined();
  expect(customElements.get('safety-indicator-table')).toBeUndefined();
  expect((iframe.contentWindow as unknown as { __errors: string[] }).__errors).toEqual([]);
});
