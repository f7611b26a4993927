/**
 * One way for every widget's bundle test to load its self-contained bundle
 * (`dist/bundle/<tag>.js`, written by `pnpm build`) in a plain page: an iframe whose document has one
 * `<script type="module">` for the bundle and nothing else from the workspace, no import map.
 *
 * It lives at the repository root because it is shared by the widget packages' tests but is no
 * part of any published package; widget tests import it by relative path.
 */
import { expect, onTestFinished } from 'vitest';

/** What to put in the page. */
export interface BundlePageOptions {
  /** URL of the bundle, e.g. `new URL('../dist/bundle/safety-grid-map.js', import.meta.url).href`. */
  bundle: string;
  /** The page's `<body>` markup (the widget elements), without the bundle's script tag. */
  body: string;
  /** Size of the iframe in CSS pixels. */
  width: number;
  height: number;
  /**
   * A feed for the page itself to give its first element matching `selector`, as the page's own
   * module script would: embedded as JSON, parsed and set as `.data` after the bundle has run.
   */
  feed?: { selector: string; value: unknown };
}

/** The loaded page. */
export interface BundlePage {
  frame: HTMLIFrameElement;
  window: Window & typeof globalThis;
  document: Document;
  /** Errors, failed resource loads and unhandled rejections the page has seen so far. */
  errors(): string[];
}

/** Records errors from the start, before any other script of the page runs. */
const ERROR_RECORDER = `<script>
  window.__errors = [];
  addEventListener('error', (e) => __errors.push(String(e.message || (e.target && e.target.src))), true);
  addEventListener('unhandledrejection', (e) => __errors.push(String(e.reason)));
</script>`;

/** JSON that can sit inside `<script type="application/json">`: "<" cannot end the script early. */
function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * Fails with a hint to build first when the bundle is missing, then opens a plain page that loads
 * it and resolves once the page's `load` event has fired. The iframe is removed when the test ends.
 */
export async function openBundlePage(options: BundlePageOptions): Promise<BundlePage> {
  const { bundle, body, width, height, feed } = options;
  const probe = await fetch(bundle, { method: 'HEAD' });
  expect(probe.ok, `${bundle} is missing: run \`pnpm build\` in its package first`).toBe(true);

  const feedScripts = feed
    ? `<script type="application/json" id="bundle-page-feed">${inlineJson(feed.value)}</script>
<script type="module">
  document.querySelector(${JSON.stringify(feed.selector)}).data =
    JSON.parse(document.getElementById('bundle-page-feed').textContent);
</script>`
    : '';
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = `${height}px`;
  frame.srcdoc = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>bundle</title>
${ERROR_RECORDER}
</head>
<body>
${body}
<script type="module" src="${bundle}"></script>
${feedScripts}
</body>
</html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  onTestFinished(() => frame.remove());
  await loaded;

  const win = frame.contentWindow as Window & typeof globalThis & { __errors: string[] };
  return { frame, window: win, document: frame.contentDocument!, errors: () => [...win.__errors] };
}

/** Fetches a bundle's code and checks it is one module with every import inlined. */
export async function bundleCode(bundle: string): Promise<string> {
  const response = await fetch(bundle);
  expect(response.ok, `${bundle} is missing: run \`pnpm build\` in its package first`).toBe(true);
  const code = await response.text();
  expect(code, 'the bundle imports another module').not.toMatch(/(^|[;}\s])import\s*[\s{*"'(]/m);
  return code;
}
