/**
 * The no-script fallback of the documented snippets: each widget element holds, in its light DOM,
 * an `<img>` of the widget's snapshot (from the feed service) with its text alternative. Where no
 * script runs (a content system that strips scripts, a feed reader, some mail clients) the image is
 * the figure. Where the script runs — in the `<head>` with `blocking="render"`, as the README has
 * it — the widget is defined before the first paint, its shadow root (which has no slot) replaces
 * the image, the image is never drawn, and it moves nothing. (Chromium may still fetch a
 * `loading="lazy"` image in view once while the script loads: a cached request.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closePages, dist, openPage, SAMPLE_FEED, type TestWindow } from '../test/page.js';

const WIDGETS = ['safety-score-gauge', 'safety-indicator-table', 'safety-grid-map', 'safety-case-timeline'];
const WAIT = { timeout: 20_000, interval: 100 };
/** Stands in for the snapshot PNG the feed service would serve. */
const IMAGE = new URL('../test/fallback.png', import.meta.url).href;
const ALT = 'Safety index 78.3 of 100, good, up 1.2 on the previous period. <script>alert(1)</script>';

/** A widget element as the documented snippet writes it: the live widget, the image inside it. */
const widget = (tag: string) => `<${tag} feed="district" lang="en">
    <img src="${IMAGE}?${tag}" alt="${ALT.replace(/</g, '&lt;')}" width="480" height="300" loading="lazy" decoding="async">
  </${tag}>`;
const FEED = `<safety-feed id="district" src="${SAMPLE_FEED}"></safety-feed>`;

/** Records every layout shift of the page from its start (an inline classic script, before anything else). */
const SHIFT_RECORDER = `<script>
  window.__shifts = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push(e.value); })
    .observe({ type: 'layout-shift', buffered: true });
</script>`;

type ShiftWindow = TestWindow & { __shifts: number[] };

const images = (win: Window) => [...win.document.querySelectorAll<HTMLImageElement>('img')];

afterEach(closePages);

describe('the no-script fallback image inside each widget', () => {
  it('is the figure, with its text alternative, where no script runs', async () => {
    const win = await openPage(`${FEED}${WIDGETS.map(widget).join('\n')}`);
    await vi.waitFor(() => {
      for (const img of images(win)) expect(img.complete && img.naturalWidth > 0).toBe(true);
    }, WAIT);
    expect(images(win)).toHaveLength(4);
    for (const img of images(win)) {
      const box = img.getBoundingClientRect();
      expect(box.width).toBe(480);
      expect(box.height).toBe(300);
      // The alternative is text: the markup in it is characters, never elements.
      expect(img.alt).toBe(ALT);
    }
    expect(win.document.querySelector('script:not([src])')).toBeNull();
  });

  it('is replaced by the live widget before the first paint where the script runs: never drawn, and no layout shift of its own', async () => {
    const head = `${SHIFT_RECORDER}
      <script type="module" src="${dist('safety-widgets.js')}" blocking="render"></script>`;
    /** The page's layout shifts once every widget has drawn the feed. */
    const shifts = async (body: string): Promise<{ win: ShiftWindow; total: number }> => {
      const win = (await openPage(`${FEED}${body}<p>Below the widgets</p>`, { head })) as ShiftWindow;
      await vi.waitFor(() => {
        for (const tag of WIDGETS) {
          expect(win.document.querySelector(tag)!.getAttribute('status'), tag).toMatch(/^(ready|stale)$/);
        }
      }, WAIT);
      await new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)));
      return { win, total: win.__shifts.reduce((sum, value) => sum + value, 0) };
    };
    const withImages = await shifts(WIDGETS.map(widget).join('\n'));
    const without = await shifts(
      WIDGETS.map((tag) => `<${tag} feed="district" lang="en"></${tag}>`).join('\n'),
    );
    const { win } = withImages;
    expect(images(win)).toHaveLength(4);
    for (const img of images(win)) {
      // In the light DOM, unslotted: no box at all, so never drawn.
      expect(img.getClientRects()).toHaveLength(0);
    }
    // The images add no shift: the page moves exactly as it does without them.
    expect(withImages.total).toBeCloseTo(without.total, 6);
    // Each widget is drawn by its own code, with its own name for screen readers.
    const gauge = win.document.querySelector('safety-score-gauge')!;
    expect(gauge.shadowRoot!.querySelector('[role="meter"]')).not.toBeNull();
    expect(win.__record.errors).toEqual([]);
  });
});
