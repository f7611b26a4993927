/**
 * A feed as served: its validated JSON (without `links`, which depend on the origin asked), its
 * version and times, and its ETags per origin. Immutable; the repository makes one per version.
 */
import { createHash } from 'node:crypto';

export class Snapshot {
  private readonly etags = new Map<string, string>();

  constructor(
    readonly id: string,
    readonly version: number,
    readonly asOf: string,
    /** When this server last changed the feed (ms). */
    readonly updatedAt: number,
    /** When the version before this one was made (ms); undefined when unknown. */
    readonly previousAt: number | undefined,
    /** The validated feed as JSON, without `links`. */
    readonly body: string,
  ) {}

  /** The body with `links` for `origin`. */
  bodyFor(origin: string): string {
    const links = {
      self: `${origin}/api/feeds/${this.id}`,
      stream: `${origin}/api/feeds/${this.id}/stream`,
      schema: `${origin}/api/schema/feed-v1.json`,
    };
    return `${this.body.slice(0, -1)},"links":${JSON.stringify(links)}}`;
  }

  /** A strong ETag for the body served to `origin`. */
  etagFor(origin: string): string {
    let etag = this.etags.get(origin);
    if (!etag) {
      etag = `"${createHash('sha1').update(this.body).update(origin).digest('base64url').slice(0, 22)}"`;
      if (this.etags.size > 16) this.etags.clear();
      this.etags.set(origin, etag);
    }
    return etag;
  }
}
