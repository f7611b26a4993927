/**
 * The static and demo side: /cdn/ (widget bundles, CORS so any page may load them; `/cdn/`
 * itself is the index of files with their integrity hashes), /docs/ (built Storybook), /_demo/
 * (the generated page's stylesheet) and the demo sites, with generated pages standing in for
 * those not built. The folders are looked up on each request, so a bundle or site built while
 * the server runs is picked up without a restart.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FeedsRepository } from '../feeds/repository.js';
import { cdnIndex } from '../site/cdn-index.js';
import { ALL_IN_ONE, DEMO_CSS, demoPage } from '../site/demo-page.js';
import { WIDGET_BUNDLES, cdnHas, cdnRoots, demoRoot, docsRoot } from '../site/roots.js';
import { sendApiNotFound } from './feed-routes.js';
import { requestPath, requestUrl } from './origin.js';
import { notFound, sendProblem } from './problem.js';
import { DEMO_CSP, sendStatic } from './static-files.js';

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
  'Cache-Control': 'public, no-cache',
};
/** Shared chunks are named for their content (`chunks/runtime-<hash>.js`): cached for good. */
const CHUNK_HEADERS = { ...CDN_HEADERS, 'Cache-Control': 'public, max-age=31536000, immutable' };

export interface SiteContext {
  repository: FeedsRepository;
  workspaceRoot: string;
}

function redirect(reply: FastifyReply, location: string): true {
  reply.code(301).header('Location', location).send();
  return true;
}

/** Registers `GET /*` for the site; anything it does not find is a 404 problem. */
export function siteRoutes(app: FastifyInstance, ctx: SiteContext): void {
  const workspace = ctx.workspaceRoot;

  const sendHtml = (reply: FastifyReply, html: string): true => {
    reply
      .headers({ ...DEMO_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' })
      .send(html);
    return true;
  };

  const generatedPage = (reply: FastifyReply, url: URL, feedId: string): boolean => {
    const feeds = ctx.repository.list();
    const feed = feeds.find((f) => f.id === feedId);
    if (!feed) return false;
    const bundles = [ALL_IN_ONE, ...WIDGET_BUNDLES.map((w) => w.file)].filter((file) =>
      cdnHas(workspace, file),
    );
    const only = url.searchParams.get('widgets')?.split(',');
    return sendHtml(reply, demoPage({ feeds, feed, bundles, docs: docsRoot(workspace) !== undefined, only }));
  };

  const site = async (reply: FastifyReply, url: URL): Promise<boolean> => {
    const path = url.pathname;
    if (path === '/cdn/') {
      const files = await cdnIndex(cdnRoots(workspace));
      reply.headers({ ...CDN_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
      reply.send({ format: 'safety-cdn-index', version: 1, files });
      return true;
    }
    if (path === '/cdn') return redirect(reply, '/cdn/');
    if (path.startsWith('/cdn/')) {
      const file = path.slice('/cdn/'.length);
      for (const root of cdnRoots(workspace)) {
        if (await sendStatic(reply, root, file, file.startsWith('chunks/') ? CHUNK_HEADERS : CDN_HEADERS))
          return true;
      }
      return false;
    }
    if (path === '/docs') return redirect(reply, '/docs/');
    if (path.startsWith('/docs/')) {
      const root = docsRoot(workspace);
      return root !== undefined && sendStatic(reply, root, path.slice('/docs/'.length));
    }
    if (path === '/favicon.ico') {
      reply.code(204).header('Cache-Control', 'public, max-age=86400').send();
      return true;
    }
    if (path === '/_demo/site.css') {
      reply
        .headers({ 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' })
        .send(DEMO_CSS);
      return true;
    }
    if (path === '/streets') return redirect(reply, `/streets/${url.search}`);
    // The street portal's build: /streets/ lists the sub-districts, /streets/<id>/ is one's page
    // (its folder's index.html), /streets/assets/ holds their shared script and styles. An unknown id
    // is a 404.
    const portal = path.startsWith('/streets/') ? demoRoot(workspace, 'street-portal') : undefined;
    if (portal) {
      if (/^\/streets\/[^/.]+$/.test(path)) return redirect(reply, `${path}/${url.search}`);
      return sendStatic(reply, portal, path.slice('/streets/'.length), DEMO_HEADERS);
    }
    const streets = /^\/streets\/([^/]+)(\/.*)?$/.exec(path);
    if (streets) {
      if (streets[2] === undefined) return redirect(reply, `${path}/`);
      if (streets[2] !== '/') return false;
      let feedId: string;
      try {
        feedId = decodeURIComponent(streets[1]!);
      } catch {
        return false;
      }
      return generatedPage(reply, url, feedId);
    }
    for (const [prefix, app, headers] of [
      ['/third-party/', 'third-party', DEMO_HEADERS],
      ['/embed/', 'embed-frame', EMBED_HEADERS],
    ] as const) {
      if (path === prefix.slice(0, -1)) return redirect(reply, prefix);
      if (path.startsWith(prefix)) {
        const root = demoRoot(workspace, app);
        return root !== undefined && sendStatic(reply, root, path.slice(prefix.length), headers);
      }
    }
    const district = demoRoot(workspace, 'district-site');
    if (district) return sendStatic(reply, district, path, DEMO_HEADERS);
    if (path === '/' || path === '/index.html') {
      const first = ctx.repository.list().find((f) => f.kind === 'district') ?? ctx.repository.list()[0];
      return first !== undefined && generatedPage(reply, url, first.id);
    }
    return false;
  };

  app.get('/*', async (request: FastifyRequest, reply: FastifyReply) => {
    const url = requestUrl(request.raw.url);
    const path = url?.pathname ?? requestPath(request.raw.url);
    // This route catches every GET, /api/ paths that match no API route among them.
    if (path.startsWith('/api/')) return sendApiNotFound(reply, path);
    if (url && (await site(reply, url))) return reply;
    return sendProblem(
      reply,
      notFound(`Nothing at ${path}. Feeds are at /api/feeds, widget scripts at /cdn/.`),
    );
  });
}
