/**
 * The open Server-Sent Events streams, per feed. A committed change (from the ChangeBus) is
 * formatted once and written to every stream of its feed at once; heartbeats keep idle streams
 * open through proxies; a stream whose client leaves too much unread is dropped (it reconnects and resumes
 * from its Last-Event-ID).
 *
 * Events (see packages/core/src/live/feed-source.ts for the client's side):
 *   `event: ready`   on connect, with the latest change id, so a client that drops before any
 *                    change still resumes from the right place (the widgets ignore it);
 *   `event: changed` one per committed change, `id:` its change id, `data:` what changed; the
 *                    widgets refetch the feed conditionally.
 */
import type { ServerResponse } from 'node:http';
import type { ChangeBus, FeedChange } from './change-bus.js';

interface Stream {
  res: ServerResponse;
  onClose: () => void;
}

export function formatChange(change: FeedChange): string {
  return `id: ${change.id}\nevent: changed\ndata: ${JSON.stringify(change)}\n\n`;
}

export class SseHub {
  private readonly streams = new Map<string, Set<Stream>>();
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private readonly unsubscribe: () => void;

  constructor(
    bus: ChangeBus,
    heartbeatMs: number,
    /** Bytes left unread by a stream's client beyond which the stream is dropped as too slow. */
    private readonly maxUnreadBytes = 1024 * 1024,
  ) {
    this.unsubscribe = bus.subscribe((change) => this.broadcast(change));
    this.heartbeat = setInterval(() => this.beat(), heartbeatMs);
    this.heartbeat.unref();
  }

  /** Number of open streams of one feed. */
  sizeOf(feedId: string): number {
    return this.streams.get(feedId)?.size ?? 0;
  }

  /** Number of open streams. */
  get size(): number {
    let n = 0;
    for (const set of this.streams.values()) n += set.size;
    return n;
  }

  /**
   * Adds a stream whose headers and catch-up have been written; `onClose` runs once when it
   * closes for any reason.
   */
  add(feedId: string, res: ServerResponse, onClose: () => void): void {
    let set = this.streams.get(feedId);
    if (!set) {
      set = new Set();
      this.streams.set(feedId, set);
    }
    const stream: Stream = { res, onClose };
    set.add(stream);
    res.once('close', () => {
      set.delete(stream);
      onClose();
    });
  }

  /** Ends every stream (shutdown); clients reconnect elsewhere with their Last-Event-ID. */
  closeAll(): void {
    this.unsubscribe();
    clearInterval(this.heartbeat);
    for (const set of this.streams.values()) {
      for (const { res } of set) res.end();
    }
  }

  private broadcast(change: FeedChange): void {
    const set = this.streams.get(change.feed);
    if (!set || set.size === 0) return;
    // Encoded once: every stream is sent the same bytes.
    this.writeAll(set, Buffer.from(formatChange(change)));
  }

  private beat(): void {
    const comment = Buffer.from(`: heartbeat ${new Date().toISOString()}\n\n`);
    for (const set of this.streams.values()) this.writeAll(set, comment);
  }

  private writeAll(set: Set<Stream>, chunk: Buffer): void {
    for (const { res } of set) {
      if (res.writableLength > this.maxUnreadBytes) {
        res.destroy();
        continue;
      }
      res.write(chunk);
    }
  }
}
