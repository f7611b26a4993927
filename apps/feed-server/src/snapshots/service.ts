/**
 * Images of the widgets, as the routes ask for them: from the cache when made already (never
 * limited), else one render per feed version and option set — concurrent requests for the same
 * image wait for that one render — within the limits (renders at once, a bounded queue, a
 * per-client budget per minute). The renderer itself (Chromium) starts on the first render.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { ServerConfig } from '../config.js';
import type { Snapshot } from '../feeds/repository.js';
import type { ProblemDetails } from '../http/problem.js';
import { SnapshotCache, type CachedImage } from './cache.js';
import { RenderBudget, RenderQueue } from './limits.js';
import { canonicalOptions, type SnapshotRequest } from './options.js';
import { embedDist } from './page-template.js';
import { ImageTooLargeError, SnapshotRenderer } from './renderer.js';

export type SnapshotSettings = Pick<
  ServerConfig,
  | 'chromePath'
  | 'snapshotConcurrency'
  | 'snapshotQueue'
  | 'snapshotRendersPerMinute'
  | 'snapshotCacheBytes'
  | 'snapshotTimeoutMs'
>;

export type ImageOutcome = { ok: true; entry: CachedImage } | { ok: false; problem: ProblemDetails };

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const bodyHashes = new WeakMap<Snapshot, string>();
/** A short hash of a feed version's content (so a database made anew never repeats a key). */
function bodyHash(snapshot: Snapshot): string {
  let hash = bodyHashes.get(snapshot);
  if (!hash) {
    hash = createHash('sha1').update(snapshot.body).digest('base64url').slice(0, 12);
    bodyHashes.set(snapshot, hash);
  }
  return hash;
}

/** The embed build the images are drawn with (its manifest's hash), so new widget code makes new ETags. */
function embedBuild(): string {
  try {
    return createHash('sha1')
      .update(readFileSync(join(embedDist(), 'manifest.json')))
      .digest('base64url')
      .slice(0, 8);
  } catch {
    return 'unbuilt';
  }
}

export class SnapshotService {
  readonly cache: SnapshotCache;
  readonly queue: RenderQueue;
  readonly budget: RenderBudget;
  readonly renderer: SnapshotRenderer;
  private readonly build = embedBuild();

  constructor(
    readonly settings: SnapshotSettings,
    /** Where a line about each render goes (the server's log). */
    readonly log: (message: string) => void = () => undefined,
  ) {
    this.cache = new SnapshotCache(settings.snapshotCacheBytes);
    this.queue = new RenderQueue(settings.snapshotConcurrency, settings.snapshotQueue);
    this.budget = new RenderBudget(settings.snapshotRendersPerMinute);
    this.renderer = new SnapshotRenderer({
      chromePath: settings.chromePath,
      concurrency: settings.snapshotConcurrency,
      timeoutMs: settings.snapshotTimeoutMs,
    });
  }

  /** Renders made since the start (a test hook and a benchmark figure). */
  get renders(): number {
    return this.renderer.renders;
  }

  /** The cache key of an image: feed, version (and its content), widget, format, options, widget code. */
  keyOf(request: SnapshotRequest, snapshot: Snapshot): string {
    const { feedId, widget, format } = request;
    return [
      feedId,
      snapshot.version,
      bodyHash(snapshot),
      `${widget.id}.${format}`,
      canonicalOptions(request),
      this.build,
    ].join('\n');
  }

  /** The strong ETag of an image (its identity bytes; compressed copies add `-br` or `-gz`). */
  etagOf(key: string): string {
    return `"${createHash('sha1').update(key).digest('base64url').slice(0, 22)}"`;
  }

  /**
   * The image for `key`: cached, or the render in flight, or a new render if the limits allow
   * (a refusal otherwise). Everything up to starting the render happens in one turn.
   */
  async image(
    key: string,
    request: SnapshotRequest,
    snapshot: Snapshot,
    client: string,
  ): Promise<ImageOutcome> {
    const cached = this.cache.get(key);
    if (cached) return { ok: true, entry: cached };
    const flying = this.cache.inFlight(key);
    if (flying) return { ok: true, entry: await flying };
    if (!this.queue.hasRoom) {
      const { running, waiting } = this.queue.load;
      return {
        ok: false,
        problem: {
          kind: 'renderer-busy',
          status: 503,
          title: 'Service Unavailable',
          detail: `The renderer is busy (${running} images being made, ${waiting} waiting). Try again in a few seconds; images already made are served at once.`,
          headers: { 'Retry-After': 5 },
        },
      };
    }
    const budget = this.budget.take(client);
    if (!budget.ok)
      return {
        ok: false,
        problem: {
          kind: 'rate-limited',
          status: 429,
          title: 'Too many new images',
          detail: `This client has asked for ${this.settings.snapshotRendersPerMinute} images that had to be made this minute, the most allowed. Try again in ${budget.retryAfterS} s; images already made are served at once.`,
          headers: { 'Retry-After': budget.retryAfterS },
        },
      };
    const entry = await this.cache.fly(key, () => this.queue.run(() => this.render(request, snapshot)));
    return { ok: true, entry };
  }

  private async render(request: SnapshotRequest, snapshot: Snapshot): Promise<CachedImage> {
    const started = Date.now();
    try {
      const output = await this.renderer.render({
        tag: request.widget.tag,
        format: request.format,
        lang: request.lang,
        theme: request.theme,
        width: request.width,
        scale: request.scale,
        attributes: request.attributes,
        feedKey: `${snapshot.id}@${snapshot.version}:${bodyHash(snapshot)}`,
        feedJson: snapshot.body,
      });
      this.log(
        `snapshot ${request.feedId}/${request.widget.id}.${request.format} v${snapshot.version} ${canonicalOptions(request)}: ${output.body.length} bytes in ${Date.now() - started} ms`,
      );
      return {
        kind: 'image',
        body: output.body,
        contentType: output.contentType,
        widgetStatus: output.widgetStatus,
        encoded: new Map(),
      };
    } catch (error) {
      if (error instanceof ImageTooLargeError) return { kind: 'too-large', detail: error.message };
      throw error;
    }
  }

  /** The image's bytes in `encoding`, compressed once per cached image. */
  encoded(
    key: string,
    entry: Extract<CachedImage, { kind: 'image' }>,
    encoding: 'br' | 'gzip',
  ): Promise<Buffer> {
    let bytes = entry.encoded.get(encoding);
    if (!bytes) {
      bytes =
        encoding === 'br'
          ? brotli(entry.body, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 9,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length,
              },
            })
          : gzipAsync(entry.body, { level: 9 });
      entry.encoded.set(encoding, bytes);
      bytes.then(
        (b) => this.cache.grow(key, b.length),
        () => entry.encoded.delete(encoding),
      );
    }
    return bytes;
  }

  /** Closes Chromium. */
  close(): Promise<void> {
    return this.renderer.close();
  }
}
