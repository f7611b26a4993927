/** Test pages in iframes that load the built embed files as a host page would. */

export interface Recorded {
  errors: string[];
  warnings: string[];
  violations: string[];
}

export type TestWindow = Window & typeof globalThis & { __record: Recorded };

/**
 * URL of a built file (run `pnpm build` first): `dist/` is the test server's public folder (see
 * vitest.config.ts), served untransformed at the root. Chunks by their manifest name (`chunks/…`).
 */
export function dist(file: string): string {
  return new URL(`/${file}`, location.origin).href;
}

export interface ManifestFile {
  file: string;
  format: 'es' | 'iife';
  defines: string[];
  integrity: string;
  chunks?: string[];
  lazyChunks?: string[];
  textChunks?: { en: string[]; 'zh-CN': string[] };
  page?: { bytes: number; gzip: number; brotli: number };
}

/** dist/manifest.json. */
export async function manifest(): Promise<{ version: string; files: ManifestFile[] }> {
  return (await fetch(dist('manifest.json'))).json() as Promise<{ version: string; files: ManifestFile[] }>;
}

/** The embed files (entries and chunks) the page `win` downloaded, as manifest names, in order. */
export function scriptsLoaded(win: Window): string[] {
  return win.performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((path) => /^\/(safety-[\w-.]+|chunks\/[^/]+)\.js$/.test(path))
    .map((path) => path.slice(1));
}

/** The recorder script (see record.js): must be the page's first script. */
export const RECORDER = new URL('./record.js', import.meta.url).href;

/** A sample feed served from the test server's own origin. */
export const SAMPLE_FEED = new URL('../../sample-data/dist/feeds/yantian.json', import.meta.url).href;

/** The strict policy of issue 6: no inline script or style, no eval. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

/** Opens `body` (and `head`) in an iframe of the given width and language; resolves once it has loaded. */
export async function openPage(
  body: string,
  { head = '', width = 900, lang = 'en' }: { head?: string; width?: number; lang?: string } = {},
): Promise<TestWindow> {
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = '900px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${head}<script src="${RECORDER}"></script></head><body>${body}</body></html>`;
  document.body.append(frame);
  await loaded;
  return frame.contentWindow as TestWindow;
}

/** Removes every test page. */
export function closePages(): void {
  for (const frame of document.querySelectorAll('iframe')) frame.remove();
}
