/** Test pages in iframes that load the built embed files as a host page would. */

export interface Recorded {
  errors: string[];
  warnings: string[];
  violations: string[];
}

export type TestWindow = Window & { __record: Recorded };

// Written out one by one: Vite rewrites `new URL('literal', import.meta.url)` only for whole file paths.
const FILES: Record<string, string> = {
  'safety-widgets.js': new URL('../dist/safety-widgets.js', import.meta.url).href,
  'safety-widgets.iife.js': new URL('../dist/safety-widgets.iife.js', import.meta.url).href,
  'safety-score-gauge.js': new URL('../dist/safety-score-gauge.js', import.meta.url).href,
  'safety-indicator-table.js': new URL('../dist/safety-indicator-table.js', import.meta.url).href,
  'safety-grid-map.js': new URL('../dist/safety-grid-map.js', import.meta.url).href,
  'safety-case-timeline.js': new URL('../dist/safety-case-timeline.js', import.meta.url).href,
};

/** URL of a built file in dist/ (run `pnpm build` first). */
export function dist(file: string): string {
  const url = FILES[file];
  if (!url) throw new Error(`No embed file ${file}`);
  return url;
}

/** The recorder script (see record.js): must be the page's first script. */
export const RECORDER = new URL('./record.js', import.meta.url).href;

/** A sample feed served from the test server's own origin. */
export const SAMPLE_FEED = new URL('../../sample-data/dist/feeds/yantian.json', import.meta.url).href;

/** The strict policy of issue 6: no inline script or style, no eval. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

/** Opens `body` (and `head`) in an iframe of the given width; resolves once it has loaded. */
export async function openPage(
  body: string,
  { head = '', width = 900 }: { head?: string; width?: number } = {},
): Promise<TestWindow> {
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = '900px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}<script src="${RECORDER}"></script></head><body>${body}</body></html>`;
  document.body.append(frame);
  await loaded;
  return frame.contentWindow as TestWindow;
}

/** Removes every test page. */
export function closePages(): void {
  for (const frame of document.querySelectorAll('iframe')) frame.remove();
}
