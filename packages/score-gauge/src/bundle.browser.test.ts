/**
 * The self-contained bundle (dist/bundle/safety-score-gauge.js, written by `pnpm build`) in a
 * plain HTML page: one `<script type="module">`, no import map, no other file.
 */
import { scoreFeed, validateFeed } from '@safety-widgets/core';
import { expect, it, vi } from 'vitest';
import { currentFeed } from '../test/feeds.js';
import { roundScore } from './gauge-model.js';

const BUNDLE = new URL('../dist/bundle/safety-score-gauge.js', import.meta.url).href;

/** A page in an iframe, loaded from `html`; resolves when it has loaded. */
async function page(html: string): Promise<Window> {
  const frame = document.createElement('iframe');
  frame.style.width = '480px';
  frame.style.height = '640px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = html;
  document.body.append(frame);
  await loaded;
  return frame.contentWindow!;
}

it('the built bundle is one module with everything inlined', async () => {
  const response = await fetch(BUNDLE);
  expect(response.ok, `${BUNDLE}: run \`pnpm build\` in packages/score-gauge first`).toBe(true);
  const code = await response.text();
  expect(code).not.toMatch(/(^|[;}\s])import\s*[\s{*"'(]/m);
  expect(code).toContain('safety-score-gauge');
});

it('renders the meter in a plain page that loads only the bundle', async () => {
  const feed = currentFeed();
  const expected = roundScore(scoreFeed(validateFeed(feed).feed!).composite!);
  const win = await page(`<!doctype html>
    <html lang="en">
      <body>
        <safety-score-gauge id="gauge"></safety-score-gauge>
        <script type="module" src="${BUNDLE}"></script>
      </body>
    </html>`);
  const errors: string[] = [];
  win.addEventListener('error', (e) => errors.push(e.message));

  await vi.waitFor(() => expect(win.customElements.get('safety-score-gauge')).toBeDefined(), {
    timeout: 10_000,
  });
  // This test page never imported the element: the iframe's definition came from the bundle alone.
  expect(customElements.get('safety-score-gauge')).toBeUndefined();

  const gauge = win.document.getElementById('gauge') as HTMLElement & { data?: unknown };
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
  expect(errors).toEqual([]);
});
