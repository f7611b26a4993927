/**
 * Feed bodies as sent: identity, gzip or brotli, made once per feed version (and origin, which
 * the body's `links` name) off the main thread, never per request. The district feed is about
 * 780 KB of JSON: brotli quality 5 makes it about 68 KB in some 20 ms, so a new version is
 * served compressed at once; once a version has stood for `settleMs` it is recompressed at
 * quality 11 (about 53 KB, some 2 s of one core), so a feed that changes every few seconds does
 * not pay for that on every version.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import type { Snapshot } from '../feeds/repository.js';

export type FeedEncoding = 'br' | 'gzip' | 'identity';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const brotliAt = (quality: number, text: Buffer) =>
  brotli(text, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: text.length,
    },
  });

/** The encoding to send for an `Accept-Encoding` header: brotli, else gzip, else none. */
export function feedEncoding(acceptEncoding: string | undefined): FeedEncoding {
  if (!acceptEncoding) return 'identity';
  const chosen = negotiate(acceptEncoding, ['br', 'gzip']);
  return chosen === 'br' || chosen === 'gzip' ? chosen : 'identity';
}

/** Origins kept per version; more (a spoofed Host header each time) start the cache afresh. */
const MAX_ORIGINS = 16;

interface Variants {
  identity: Buffer;
  br?: Promise<Buffer>;
  gzip?: Promise<Buffer>;
}

export class FeedBodies {
  private readonly cache = new WeakMap<Snapshot, Map<string, Variants>>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    /** Whether `snapshot` is still its feed's latest version. */
    private readonly isCurrent: (snapshot: Snapshot) => boolean,
    private readonly settleMs = 5000,
  ) {}

  /** The body of `snapshot` for `origin` in `encoding`. */
  async get(snapshot: Snapshot, origin: string, encoding: FeedEncoding): Promise<Buffer> {
    let byOrigin = this.cache.get(snapshot);
    if (!byOrigin) {
      byOrigin = new Map();
      this.cache.set(snapshot, byOrigin);
    }
    let variants = byOrigin.get(origin);
    if (!variants) {
      if (byOrigin.size >= MAX_ORIGINS) byOrigin.clear();
      variants = { identity: Buffer.from(snapshot.bodyFor(origin)) };
      byOrigin.set(origin, variants);
    }
    if (encoding === 'identity') return variants.identity;
    if (encoding === 'gzip') return (variants.gzip ??= gzipAsync(variants.identity, { level: 9 }));
    if (!variants.br) {
      variants.br = brotliAt(5, variants.identity);
      this.settle(snapshot, variants);
    }
    return variants.br;
  }

  /** Stops pending recompression (shutdown). */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private settle(snapshot: Snapshot, variants: Variants): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.isCurrent(snapshot)) return;
      brotliAt(11, variants.identity).then(
        (best) => {
          variants.br = Promise.resolve(best);
        },
        () => undefined,
      );
    }, this.settleMs);
    timer.unref();
    this.timers.add(timer);
  }
}
