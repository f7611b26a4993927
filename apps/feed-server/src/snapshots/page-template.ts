/**
 * The renderer's page: an empty document at an origin that never resolves (`.invalid`), whose
 * every request the renderer answers itself (`serveRendererRequest`): the page, its script
 * (./page-script.ts) and the embed bundle's files from `packages/embed/dist`. Nothing else is
 * fetched — the widget gets the feed through its `data` property — so the renderer works on a
 * server run with `--no-site` and reaches no network.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import type { Route } from 'playwright-core';
import { installSnapshotPage, svgOfElement, textAlternative } from './page-script.js';
import { widgetSpecs } from './widgets.js';

/** Where the page is (never looked up: the renderer answers every request itself). */
export const PAGE_ORIGIN = 'https://snapshot.invalid';
export const PAGE_URL = `${PAGE_ORIGIN}/`;

/**
 * The page's own style: no margin, and the widgets' own font stack as the page's typeface
 * (Chinese fonts first on a Chinese page), so an image is set as on a page with system fonts.
 * Tests that compare an image with the live widget give their page the same style.
 */
export const PAGE_STYLE = `
html, body { margin: 0; padding: 0; background: transparent; }
body {
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'PingFang SC',
    'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif;
}
html:lang(zh) body {
  font-family: 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei',
    system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
}
`;

const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Safety Widgets snapshot</title>
<style>${PAGE_STYLE}</style>
<script src="/page.js"></script>
<script type="module" src="/embed/safety-widgets.js"></script>
</head>
<body></body>
</html>
`;

/**
 * The page script: the functions of page-script.ts as source text, then the call that installs
 * them. (`__name` is defined because some TypeScript runners wrap nested functions in it to keep
 * their names; the page has no such helper of its own.)
 */
function pageScript(): string {
  const tags = [...widgetSpecs().values()].map((w) => w.tag);
  return [
    'var __name = (fn) => fn;',
    textAlternative.toString(),
    svgOfElement.toString(),
    `(${installSnapshotPage.toString()})(${JSON.stringify(tags)});`,
  ].join('\n');
}

const require = createRequire(import.meta.url);

/** The folder of the embed bundle (`@safety-widgets/embed`'s `dist`), built or not. */
export function embedDist(): string {
  return join(dirname(require.resolve('@safety-widgets/embed/package.json')), 'dist');
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Answers one request of the renderer's page. */
export async function serveRendererRequest(route: Route, dist: string): Promise<void> {
  const url = new URL(route.request().url());
  if (url.origin !== PAGE_ORIGIN) return route.abort('blockedbyclient');
  if (url.pathname === '/')
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE_HTML });
  if (url.pathname === '/page.js') return route.fulfill({ contentType: TYPES['.js'], body: pageScript() });
  const name = decodeURIComponent(url.pathname.slice('/embed/'.length));
  const type = TYPES[name.slice(name.lastIndexOf('.'))];
  const file = resolve(dist, name);
  if (
    !url.pathname.startsWith('/embed/') ||
    !type ||
    !/^[\w./-]+$/.test(name) ||
    !file.startsWith(dist + sep)
  )
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
  try {
    return await route.fulfill({ contentType: type, body: await readFile(file) });
  } catch {
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
  }
}
