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
  // Codings are case-insensitive; x-gzip is gzip (RFC 9110, 8.4.1.3).
  const header = acceptEncoding.toLowerCase().replace(/\bx-gzip\b/g, 'gzip');
  const chosen = negotiate(header, ['br', 'gzip']);
  return chosen === 'br' || chosen === 'gzip' ? chosen : 'identity';
}

/** Origins kept per version; more (a spoofed Host header each time) start the cache afresh. */
const MAX_ORIGINS = 16;

interface Variants {
  identity: Buffer;
  br?: Promise<Buffer>;
  gzip?: Promise<Buffer>;
  /** The quality-11 pass has been scheduled. */
  settling?: boolean;
}

export class FeedBodies {
  private readonly cache = new WeakMap<Snapshot, Map<string, Variants>>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private closed = false;

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
      this.settle(snapshot, origin, variants);
    }
    return variants.br;
  }

  /** Stops pending recompression (shutdown). */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** Once per variant: quality 11 after `settleMs`, if the version and the entry are still current. */
  private settle(snapshot: Snapshot, origin: string, variants: Variants): void {
    if (variants.settling || this.closed) return;
    variants.settling = true;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.closed || this.cache.get(snapshot)?.get(origin) !== variants) return;
      let current: boolean;
      try {
        current = this.isCurrent(snapshot);
      } catch {
        return;
      }
      if (!current) return;
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
