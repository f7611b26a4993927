/**
 * Memory: the JS heap after 1,000 mount/unmount cycles of each widget, compared with before,
 * both after forced garbage collection (CDP HeapProfiler.collectGarbage, then
 * Runtime.getHeapUsage). Each run is a fresh page with the widget's own embed file and one
 * `<safety-feed>` holding the sample district, which every mounted widget reads (`feed="…"`).
 */
import type { Browser, Page } from 'playwright';
import { withPage } from './browser.js';
import { repeat, type Figure } from './stats.js';

export interface MemoryResult {
  id: string;
  label: string;
  figures: Record<'beforeKB' | 'afterKB' | 'growthKB' | 'cycleMs', Figure>;
}

export const MEMORY_WIDGETS = [
  { id: 'gauge', tag: 'safety-score-gauge', file: 'safety-score-gauge.js' },
  { id: 'table', tag: 'safety-indicator-table', file: 'safety-indicator-table.js' },
  { id: 'map', tag: 'safety-grid-map', file: 'safety-grid-map.js' },
  { id: 'timeline', tag: 'safety-case-timeline', file: 'safety-case-timeline.js' },
] as const;

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

async function cycles(page: Page, tag: string, count: number): Promise<number> {
  return page.evaluate(
    async ({ tag, count }) => {
      const { bench } = window;
      const host = document.getElementById('host')!;
      const t0 = performance.now();
      for (let i = 0; i < count; i++) {
        const el = document.createElement(tag) as HTMLElement & { updateComplete: Promise<boolean> };
        el.setAttribute('feed', 'live');
        el.lang = 'en';
        el.style.width = '600px';
        host.append(el);
        await el.updateComplete;
        // A frame now and then, so observers and frame callbacks run as on a real page.
        if (i % 50 === 0) await bench.frame();
        el.remove();
      }
      const ms = (performance.now() - t0) / Math.max(1, count);
      // Let disconnect work queued in microtasks, tasks and frames finish.
      await bench.twoFrames();
      await new Promise((r) => setTimeout(r, 50));
      return ms;
    },
    { tag, count },
  );
}

export async function memoryOnce(page: Page, widget: (typeof MEMORY_WIDGETS)[number], count: number) {
  await page.evaluate(
    async ({ file, tag }) => {
      const { bench } = window;
      await bench.load(`/embed/${file}`, tag);
      const feed = document.createElement('safety-feed') as HTMLElement & {
        data?: unknown;
        updateComplete: Promise<boolean>;
      };
      feed.id = 'live';
      feed.data = await bench.json('/data/yantian.json');
      document.body.append(feed);
      await feed.updateComplete;
    },
    { file: widget.file, tag: widget.tag },
  );
  // A few cycles first, so that what every page keeps once (styles, templates) is in "before".
  await cycles(page, widget.tag, 10);
  const before = await heapAfterGc(page);
  const cycleMs = await cycles(page, widget.tag, count);
  const after = await heapAfterGc(page);
  return { beforeKB: before / 1024, afterKB: after / 1024, growthKB: (after - before) / 1024, cycleMs };
}

export async function runMemory(
  browser: Browser,
  origin: string,
  runs: number,
  count: number,
  log: (line: string) => void,
): Promise<MemoryResult[]> {
  const results: MemoryResult[] = [];
  for (const widget of MEMORY_WIDGETS) {
    const figures = await repeat(runs, () =>
      withPage(browser, origin, (page) => memoryOnce(page, widget, count)),
    );
    results.push({
      id: `memory-${widget.id}`,
      label: `${widget.tag}: ${count} mount/unmount cycles`,
      figures,
    });
    log(
      `  ${widget.id}: heap ${figures.beforeKB.median.toFixed(0)} → ${figures.afterKB.median.toFixed(0)} KB ` +
        `(${figures.growthKB.median.toFixed(1)} KB), ${figures.cycleMs.median} ms per cycle`,
    );
  }
  return results;
}
