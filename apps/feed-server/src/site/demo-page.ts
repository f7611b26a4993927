/**
 * The generated demo pages, served until the demo sites exist: `/` lists the feeds and the URLs
 * and shows the four widgets on the district feed; `/streets/<id>/` does the same for one
 * sub-district. The widgets come from /cdn/ and read the live feed with `src`, exactly as a
 * third-party page would. No inline script or style (the pages are served with a strict CSP).
 * `?widgets=safety-score-gauge,safety-indicator-table` shows only the widgets named.
 */
import type { FeedSummary } from '../feeds/repository.js';
import { WIDGET_BUNDLES } from './roots.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The embed package's file with `<safety-feed>` and every widget. */
export const ALL_IN_ONE = 'safety-widgets.js';

export interface DemoPageInput {
  feeds: FeedSummary[];
  /** The feed the widgets show. */
  feed: FeedSummary;
  /** Widget scripts present under /cdn/. */
  bundles: readonly string[];
  docs: boolean;
  /** Show only these widget tags (`?widgets=safety-score-gauge,…`); all when absent. */
  only?: readonly string[] | undefined;
}

export function demoPage({ feeds, feed, bundles, docs, only }: DemoPageInput): string {
  const src = `/api/feeds/${encodeURIComponent(feed.id)}`;
  // The all-in-one embed file when it is built (one script for every widget), else each widget's own.
  const allInOne = bundles.includes(ALL_IN_ONE);
  const widgets = WIDGET_BUNDLES.filter(
    (w) => (allInOne || bundles.includes(w.file)) && (!only || only.includes(w.tag)),
  );
  const scripts = allInOne ? [ALL_IN_ONE] : widgets.map((w) => w.file);
  const rows = feeds
    .map((f) => {
      const api = `/api/feeds/${encodeURIComponent(f.id)}`;
      const page = f.kind === 'district' ? '/' : `/streets/${encodeURIComponent(f.id)}/`;
      return `<tr><td><a href="${escapeHtml(page)}">${escapeHtml(f.name.en)} ${escapeHtml(f.name.zh)}</a></td>
        <td>${escapeHtml(f.kind)}</td><td><a href="${escapeHtml(api)}"><code>${escapeHtml(api)}</code></a></td>
        <td><code>${escapeHtml(api)}/stream</code></td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(feed.name.en)} – Safety Widgets live demo</title>
    <link rel="stylesheet" href="/_demo/site.css">
${scripts.map((file) => `    <script type="module" src="/cdn/${file}"></script>`).join('\n')}
  </head>
  <body>
    <header>
      <h1>${escapeHtml(feed.name.zh)} ${escapeHtml(feed.name.en)}</h1>
      <p>Live from this server's feed service: <a href="${escapeHtml(src)}"><code>${escapeHtml(src)}</code></a>.
      The figures are sample data (synthetic where marked) and change every few seconds in simulate mode.</p>
    </header>
    <main>
${widgets.map((w) => `      <section class="widget"><${w.tag} src="${escapeHtml(src)}" lang="en"></${w.tag}></section>`).join('\n')}
${widgets.length === 0 ? '      <p>No widget bundle is built yet: run <code>pnpm build</code>.</p>' : ''}
    </main>
    <footer>
      <h2>Feeds</h2>
      <table>
        <thead><tr><th>place</th><th>kind</th><th>feed</th><th>stream (Server-Sent Events)</th></tr></thead>
        <tbody>
${rows}
        </tbody>
      </table>
      <p>Index: <a href="/api/feeds"><code>/api/feeds</code></a> · widget scripts: <code>/cdn/</code>
      ${docs ? '· <a href="/docs/">component docs (Storybook)</a>' : ''}</p>
    </footer>
  </body>
</html>
`;
}

export const DEMO_CSS = `:root { color-scheme: light; font-family: system-ui, "Noto Sans CJK SC", sans-serif; }
body { margin: 0 auto; max-width: 1200px; padding: 1rem 1.5rem 3rem; line-height: 1.5; }
main { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 520px), 1fr)); gap: 1.5rem; }
.widget { border: 1px solid #d0d4da; border-radius: 8px; padding: 1rem; min-width: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid #e3e6ea; }
code { font-size: 0.9em; }
`;
