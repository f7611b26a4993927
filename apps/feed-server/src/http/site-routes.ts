/**
 * The static side: the folders `--sites` maps to URL prefixes (the demo sites, the widget files at
 * /cdn/, the docs app at /docs/), each sent with its prefix's policy (`site-policies.ts`); `/cdn/`
 * itself is the index of the files with their integrity hashes. A folder's URL without its final
 * slash is redirected to it. The folders are looked up on each request, so a site built while the
 * server runs is picked up without a restart.
 */
import { existsSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cdnIndex } from '../site/cdn-index.js';
import { groupMissingSlash, groupOf, siteGroups, type SiteMount } from '../site/sites.js';
import { sendApiNotFound } from './feed-routes.js';
import { requestPath, requestUrl } from './origin.js';
import { notFound, sendProblem } from './problem.js';
import { policyOf } from './site-policies.js';
import { findStatic, sendStatic } from './static-files.js';

export interface SiteContext {
  sites: readonly SiteMount[];
  /** What relative folders in `sites` are relative to: the repository root. */
  root: string;
}

function redirect(reply: FastifyReply, location: string): true {
  reply.code(301).header('Location', location).send();
  return true;
}

/** Registers `GET /*` for the site; anything it does not find is a 404 problem. */
export function siteRoutes(app: FastifyInstance, ctx: SiteContext): void {
  const groups = siteGroups(ctx.sites, ctx.root);

  const site = async (reply: FastifyReply, url: URL): Promise<boolean> => {
    const path = url.pathname;
    if (path === '/favicon.ico') {
      reply.code(204).header('Cache-Control', 'public, max-age=86400').send();
      return true;
    }
    const bare = groupMissingSlash(groups, path);
    if (bare) return redirect(reply, `${bare.prefix}${url.search}`);
    const group = groupOf(groups, path);
    if (!group) return false;
    const policy = policyOf(group.prefix);
    const rest = path.slice(group.prefix.length);
    const folders = group.folders.filter((folder) => existsSync(folder));
    if (policy.index && rest === '') {
      const files = await cdnIndex(folders, group.prefix);
      reply.headers({ ...policy.headers(''), 'Content-Type': 'application/json; charset=utf-8' });
      reply.send({ format: 'safety-cdn-index', version: 1, files });
      return true;
    }
    for (const folder of folders) {
      const file = await findStatic(folder, rest);
      if (!file) continue;
      // A page's relative links need its folder's URL: /streets/meisha → /streets/meisha/.
      if (file.folder && rest !== '' && !rest.endsWith('/')) return redirect(reply, `${path}/${url.search}`);
      sendStatic(reply, file, policy.headers(rest));
      return true;
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
