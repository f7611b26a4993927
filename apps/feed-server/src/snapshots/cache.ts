/**
 * Rendered images, kept by key (feed, version, widget, format, canonical options) in a
 * least-recently-used cache bounded in bytes, and the renders in flight, so that concurrent
 * requests for the same image wait for one render (single flight). A new feed version makes new
 * keys; the old version's images age out of the cache as they stop being asked for.
 */

/** What a render made: the bytes and how to send them, or a refusal to remember (too large). */
export type CachedImage =
  | {
      kind: 'image';
      body: Buffer;
      contentType: string;
      /** The widget's status when it was drawn (`ready`, `stale`, `empty`, `error`). */
      widgetStatus: string;
      /** Compressed copies (SVG and text), made on first demand. */
      encoded: Map<string, Promise<Buffer>>;
    }
  | { kind: 'too-large'; detail: string };

/** Bytes a refusal is counted as (its text and the entry). */
const PROBLEM_BYTES = 512;

export const entryBytes = (entry: CachedImage): number =>
  entry.kind === 'image' ? entry.body.length : PROBLEM_BYTES;

export class SnapshotCache {
  private readonly entries = new Map<string, { entry: CachedImage; bytes: number }>();
  private readonly flights = new Map<string, Promise<CachedImage>>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The entry for `key`, which becomes the most recently used. */
  get(key: string): CachedImage | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.entry;
  }

  /** Keeps `entry` (unless it alone is larger than the cache), evicting the least recently used. */
  set(key: string, entry: CachedImage): void {
    this.delete(key);
    const bytes = entryBytes(entry);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { entry, bytes });
    this.bytes += bytes;
    this.evict();
  }

  /** Counts `extra` more bytes against `key` (a compressed copy made later). */
  grow(key: string, extra: number): void {
    const hit = this.entries.get(key);
    if (!hit) return;
    hit.bytes += extra;
    this.bytes += extra;
    this.evict();
  }

  delete(key: string): void {
    const hit = this.entries.get(key);
    if (!hit) return;
    this.entries.delete(key);
    this.bytes -= hit.bytes;
  }

  private evict(): void {
    for (const [key] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(key);
    }
  }

  /** The render in flight for `key`, if one is. */
  inFlight(key: string): Promise<CachedImage> | undefined {
    return this.flights.get(key);
  }

  /**
   * Starts `render` as the one flight for `key`: its result is cached, and every request for the
   * same key meanwhile waits for it. Call only after `get` and `inFlight` missed, in the same turn.
   */
  fly(key: string, render: () => Promise<CachedImage>): Promise<CachedImage> {
    const flight = render().then(
      (entry) => {
        this.flights.delete(key);
        this.set(key, entry);
        return entry;
      },
      (error: unknown) => {
        this.flights.delete(key);
        throw error;
      },
    );
    this.flights.set(key, flight);
    return flight;
  }

  /** Bytes held, and entries. */
  get size(): { bytes: number; entries: number } {
    return { bytes: this.bytes, entries: this.entries.size };
  }
}
