/**
 * The self-contained bundle (dist/bundle/safety-grid-map.js, written by `pnpm build`) in a plain
 * HTML page: one `<script type="module">`, nothing else, and the map renders.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { freshYantianInput } from '../test/fixtures.js';

const bundleUrl = new URL('../dist/bundle/safety-grid-map.js', import.meta.url).href;

afterEach(() => document.body.replaceChildren());

it('the built bundle renders the map in a plain page', async () => {
  const head = await fetch(bundleUrl, { method: 'HEAD' });
  expect(head.ok, `${bundleUrl} is missing: run \`pnpm build\` in packages/grid-map`).toBe(true);

  // JSON inside <script type="application/json"> cannot end the script early once "<" is escaped.
  const feedJson = JSON.stringify(freshYantianInput()).replace(/</g, '\\u003c');
  const iframe = document.createElement('iframe');
  iframe.style.width = '800px';
  iframe.style.height = '900px';
  iframe.srcdoc = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>bundle</title>
<script>window.__errors = []; addEventListener('error', (e) => __errors.push(String(e.message || e.target?.src)), true);</script>
</head>
<body>
<safety-grid-map metric="fraud" context list></safety-grid-map>
<script type="application/json" id="feed">${feedJson}</script>
<script type="module" src="${bundleUrl}"></script>
<script type="module">
  document.querySelector('safety-grid-map').data = JSON.parse(document.getElementById('feed').textContent);
</script>
</body>
</html>`;
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  document.body.append(iframe);
  await loaded;

  const doc = iframe.contentDocument!;
  const errors = () => (iframe.contentWindow as unknown as { __errors: string[] }).__errors;
  await vi.waitFor(
    () => {
      const el = doc.querySelector('safety-grid-map');
      expect(errors()).toEqual([]);
      expect(el?.getAttribute('status')).toBe('ready');
      expect(el?.shadowRoot?.querySelectorAll('path.grid')).toHaveLength(30);
    },
    { timeout: 10_000, interval: 50 },
  );
  const root = doc.querySelector('safety-grid-map')!.shadowRoot!;
  expect(root.querySelectorAll('path.context')).toHaveLength(3);
  expect(root.querySelector('.legend-title')?.textContent?.trim()).toBe('Fraud alerts');
  expect(root.querySelectorAll('#twin tbody tr')).toHaveLength(30);
  expect(root.querySelector('[role="application"]')?.getAttribute('aria-label')).toContain(
    'Yantian District',
  );
  // The bundle registered the element in the iframe only, not in this page.
  expect(iframe.contentWindow!.customElements.get('safety-grid-map')).toBeDefined();
  expect(errors()).toEqual([]);
});
