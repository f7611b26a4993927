/**
 * The request router: /api/… (feed-routes.ts), then the static and demo side: /cdn/ (widget
 * bundles, CORS so any page may load them), /docs/ (built Storybook), /_demo/ (the generated
 * page's stylesheet) and the demo sites, with the generated pages standing in for those not built.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ALL_IN_ONE, DEMO_CSS, demoPage } from '../site/demo-page.js';
import { WIDGET_BUNDLES, cdnHas, cdnRoots, demoRoot, docsRoot } from '../site/roots.js';
import { handleApi, type ApiContext } from './feed-routes.js';
import { notFound, sendProblem } from './problem.js';
import { DEMO_CSP, serveStatic } from './static-files.js';

const DEMO_HEADERS = {
  'Content-Security-Policy': DEMO_CSP,
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'SAMEORIGIN',
};

/**
 * The iframe embed (/embed/) exists to be framed by any site: the same strict CSP, but framing allowed
 * from anywhere (`frame-ancestors *`, no X-Frame-Options). The page shows public figures only.
 */
const EMBED_HEADERS = {
  'Content-Security-Policy': `${DEMO_CSP}; frame-ancestors *`,
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

const CDN_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Cache-Control': 'public, max-age=60',
};

export function createRouter(ctx: ApiContext): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const workspace = ctx.config.workspaceRoot;

  const sendHtml = (req: IncomingMessage, res: ServerResponse, html: string): void => {
    res.writeHead(200, {
      ...DEMO_HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(html),
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : html);
  };

  const generatedPage = (req: IncomingMessage, res: ServerResponse, url: URL, feedId: string): boolean => {
    const feeds = ctx.repository.list();
    const feed = feeds.find((f) => f.id === feedId);
    if (!feed) return false;
    const bundles = [ALL_IN_ONE, ...WIDGET_BUNDLES.map((w) => w.file)].filter((file) =>
      cdnHas(workspace, file),
    );
    const only = url.searchParams.get('widgets')?.split(',');
    sendHtml(req, res, demoPage({ feeds, feed, bundles, docs: docsRoot(workspace) !== undefined, only }));
    return true;
  };

  const site = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const path = url.pathname;
    if (path.startsWith('/cdn/')) {
      for (const root of cdnRoots(workspace)) {
        if (await serveStatic(req, res, root, path.slice('/cdn/'.length), { headers: CDN_HEADERS }))
          return true;
      }
      return false;
    }
    if (path === '/docs') return redirect(res, '/docs/');
    if (path.startsWith('/docs/')) {
      const root = docsRoot(workspace);
      return root !== undefined && serveStatic(req, res, root, path.slice('/docs/'.length));
    }
    if (path === '/favicon.ico') {
      res.writeHead(204, { 'Cache-Control': 'public, max-age=86400' });
      res.end();
      return true;
    }
    if (path === '/_demo/site.css') {
      res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : DEMO_CSS);
      return true;
    }
    if (path === '/streets') return redirect(res, `/streets/${url.search}`);
    // The street portal's build: /streets/ lists the sub-districts, /streets/<id>/ is one's page
    // (its folder's index.html), /streets/assets/ holds their shared script and styles. An unknown id
    // is a 404.
    const portal = path.startsWith('/streets/') ? demoRoot(workspace, 'street-portal') : undefined;
    if (portal) {
      if (/^\/streets\/[^/.]+$/.test(path)) return redirect(res, `${path}/${url.search}`);
      return serveStatic(req, res, portal, path.slice('/streets/'.length), { headers: DEMO_HEADERS });
    }
    const streets = /^\/streets\/([^/]+)(\/.*)?$/.exec(path);
    if (streets) {
      if (streets[2] === undefined) return redirect(res, `${path}/`);
      if (streets[2] !== '/') return false;
      let feedId: string;
      try {
        feedId = decodeURIComponent(streets[1]!);
      } catch {
        return false;
      }
      return generatedPage(req, res, url, feedId);
    }
    for (const [prefix, app, headers] of [
      ['/third-party/', 'third-party', DEMO_HEADERS],
      ['/embed/', 'embed-frame', EMBED_HEADERS],
    ] as const) {
      if (path === prefix.slice(0, -1)) return redirect(res, prefix);
      if (path.startsWith(prefix)) {
        const root = demoRoot(workspace, app);
        return root !== undefined && serveStatic(req, res, root, path.slice(prefix.length), { headers });
      }
    }
    const district = demoRoot(workspace, 'district-site');
    if (district) return serveStatic(req, res, district, path, { headers: DEMO_HEADERS });
    if (path === '/' || path === '/index.html') {
      const first = ctx.repository.list().find((f) => f.kind === 'district') ?? ctx.repository.list()[0];
      return first !== undefined && generatedPage(req, res, url, first.id);
    }
    return false;
  };

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (await handleApi(ctx, req, res, url)) return;
    if (!ctx.config.serveSite || (req.method !== 'GET' && req.method !== 'HEAD')) {
      sendProblem(res, notFound(`Nothing at ${url.pathname}.`));
      return;
    }
    if (await site(req, res, url)) return;
    sendProblem(
      res,
      notFound(`Nothing at ${url.pathname}. Feeds are at /api/feeds, widget scripts at /cdn/.`),
    );
  };
}

function redirect(res: ServerResponse, location: string): true {
  res.writeHead(301, { Location: location, 'Content-Length': 0 });
  res.end();
  return true;
}
