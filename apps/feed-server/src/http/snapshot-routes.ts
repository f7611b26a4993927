/**
 * Images of the widgets, for places where no script may run (newsletters, WeChat articles, print):
 *
 *   GET|HEAD /api/feeds/:id/snapshots/<widget>.<png|svg|txt>?lang=&theme=&width=&scale=&<options>
 *
 * `<widget>` is score-gauge, grid-map, case-timeline or indicator-table; `.svg` is offered for the
 * two that draw SVG, `.txt` is the widget's text alternative. The options are the widget's own
 * attributes (../snapshots/options.ts). An image is made once per feed version and option set
 * (../snapshots/service.ts) and sent with a strong ETag and a Cache-Control any CDN may follow.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FeedsRepository } from '../feeds/repository.js';
import { snapshotVocabulary } from '../snapshots/feed-vocabulary.js';
import { checkAgainstFeed, parseSnapshotFile, parseSnapshotQuery } from '../snapshots/options.js';
import { RenderFailedError, RendererUnavailableError } from '../snapshots/renderer.js';
import type { SnapshotService } from '../snapshots/service.js';
import { clientKey } from './client-key.js';
import { feedEncoding } from './feed-bodies.js';
import { badRequest, methodNotAllowed, notFound, sendProblem, type ProblemDetails } from './problem.js';

export interface SnapshotRoutesContext {
  repository: FeedsRepository;
  /** Undefined when the server runs with `--no-snapshots`. */
  snapshots: SnapshotService | undefined;
}

/**
 * How long caches may use an image before asking again. The URL names no feed version, so a
 * cache must come back to learn of a new one: after at most a minute (a published figure a minute
 * late is still right for an article or a newsletter), and the ETag makes that question a 304
 * that costs no render. `stale-while-revalidate` lets a CDN answer from its copy while it asks,
 * so thousands opening a newsletter at once cost one request per image per minute here.
 */
export const SNAPSHOT_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';

const URL_PATTERN = '/feeds/:id/snapshots/:file';
const FEED_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const ALLOW = 'GET, HEAD, OPTIONS';

/** Whether `If-None-Match` names any of `tags` (weak comparison, `*` allowed). */
function matches(header: string | undefined, tags: readonly string[]): boolean {
  if (typeof header !== 'string') return false;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || tags.includes(t));
}

const unavailable = (detail: string, retryAfter: number, kind = 'renderer-unavailable'): ProblemDetails => ({
  kind,
  status: 503,
  title: 'Service Unavailable',
  detail,
  headers: { 'Retry-After': retryAfter },
});

/** Registers the image routes on the API (call inside the `/api` plugin, after CORS). */
export function snapshotRoutes(app: FastifyInstance, ctx: SnapshotRoutesContext): void {
  app.get(URL_PATTERN, { compress: false }, (request, reply) => answer(ctx, request, reply));
  app.route({
    method: ['POST', 'PUT', 'PATCH', 'DELETE'],
    url: URL_PATTERN,
    exposeHeadRoute: false,
    onRequest: async (_request, reply) => sendProblem(reply, methodNotAllowed(ALLOW)),
    handler: async (_request, reply) => reply,
  });
}

async function answer(
  ctx: SnapshotRoutesContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const { id, file } = request.params as { id: string; file: string };
  const service = ctx.snapshots;
  if (!service)
    return sendProblem(
      reply,
      notFound('This server makes no images of the widgets (it runs with --no-snapshots).'),
    );
  if (!FEED_ID.test(id))
    return sendProblem(reply, notFound('There is no such feed. The list of feeds is at /api/feeds.'));
  let parsed: ReturnType<typeof parseSnapshotFile>;
  try {
    parsed = parseSnapshotFile(file);
  } catch {
    return sendProblem(
      reply,
      unavailable(
        'The widget packages are not built (their custom-elements.json is missing): run `pnpm build`.',
        60,
      ),
    );
  }
  if (!parsed.ok) return sendProblem(reply, notFound(parsed.detail));
  const { widget, format } = parsed;

  const query = parseSnapshotQuery(id, widget, format, request.query as Record<string, unknown>);
  if (!query.ok) return sendProblem(reply, refusal(query.problems));
  const snapshot = await ctx.repository.snapshot(id);
  if (!snapshot)
    return sendProblem(reply, notFound(`There is no feed "${id}". The list of feeds is at /api/feeds.`));
  const checked = checkAgainstFeed(query.value, snapshotVocabulary(snapshot));
  if (!checked.ok) return sendProblem(reply, refusal(checked.problems));

  const key = service.keyOf(checked.value, snapshot);
  const etag = service.etagOf(key);
  const tags = [etag, `${etag.slice(0, -1)}-br"`, `${etag.slice(0, -1)}-gz"`];
  const encoding = format === 'png' ? 'identity' : feedEncoding(request.headers['accept-encoding']);
  const tag = encoding === 'br' ? tags[1]! : encoding === 'gzip' ? tags[2]! : etag;
  reply.headers({ 'Cache-Control': SNAPSHOT_CACHE_CONTROL, ETag: tag });
  if (format !== 'png') reply.header('Vary', 'Accept-Encoding');
  if (matches(request.headers['if-none-match'], tags)) return reply.code(304).send();

  let outcome: Awaited<ReturnType<SnapshotService['image']>>;
  try {
    outcome = await service.image(key, checked.value, snapshot, clientKey(request.ip));
  } catch (error) {
    reply.removeHeader('ETag');
    if (error instanceof RendererUnavailableError)
      return sendProblem(
        reply,
        unavailable(
          `Images of the widgets cannot be made on this server: ${error.message} The feeds themselves are served as usual.`,
          30,
        ),
      );
    if (error instanceof RenderFailedError) {
      service.log(`snapshot render failed: ${error.message}`);
      return sendProblem(
        reply,
        unavailable(
          'The image could not be made just now (the renderer failed or took too long). Try again in a few seconds.',
          5,
          'render-failed',
        ),
      );
    }
    throw error;
  }
  if (!outcome.ok) {
    reply.removeHeader('ETag');
    return sendProblem(reply, outcome.problem);
  }
  const { entry } = outcome;
  if (entry.kind === 'too-large') {
    reply.removeHeader('ETag');
    return sendProblem(reply, {
      kind: 'image-too-large',
      status: 422,
      title: 'Image too large',
      detail: entry.detail,
    });
  }
  const body = encoding === 'identity' ? entry.body : await service.encoded(key, entry, encoding);
  reply.headers({
    'Content-Type': entry.contentType,
    'Content-Length': body.length,
    'Content-Disposition': `inline; filename="${id}-${widget.id}.${format}"`,
    'X-Widget-Status': entry.widgetStatus,
  });
  if (encoding !== 'identity') reply.header('Content-Encoding', encoding);
  // An SVG opened on its own runs nothing and loads nothing (it has no script; this says so to the browser).
  if (format === 'svg')
    reply.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  return reply.code(200).send(body);
}

/** A 400 naming each parameter and what it may be. */
function refusal(problems: { path: string; message: string }[]): ProblemDetails {
  const detail =
    problems.length === 1
      ? problems[0]!.message
      : `${problems.length} parameters are wrong: ${problems.map((p) => p.path).join(', ')}.`;
  return badRequest(detail, problems);
}
