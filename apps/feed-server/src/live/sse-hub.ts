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
  /** Unset while the stream's head (replay or ready) is being read: changes wait in `waiting`. */
  res?: ServerResponse;
  /** The last change id this stream has been sent (or that its head covers). */
  lastId: number;
  waiting: FeedChange[];
}

/**
 * A stream registered before its head is read, so no change committed meanwhile is missed: the
 * changes that arrive wait until `attach`, which sends those after the head and then the rest as
 * they come. Each stream is sent a change once, in id order, whatever the order of arrival.
 */
export interface StreamWatch {
  attach(res: ServerResponse, afterId: number, onClose: () => void): void;
  /** The head could not be read, or the stream was refused: forget it. */
  cancel(): void;
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
   * Registers a stream of `feedId` before its head is read (see StreamWatch); `onClose` (given to
   * `attach`) runs once when it closes for any reason.
   */
  watch(feedId: string): StreamWatch {
    let set = this.streams.get(feedId);
    if (!set) {
      set = new Set();
      this.streams.set(feedId, set);
    }
    const streams = set;
    const stream: Stream = { lastId: 0, waiting: [] };
    streams.add(stream);
    return {
      attach: (res, afterId, onClose) => {
        stream.lastId = afterId;
        stream.res = res;
        const waiting = stream.waiting.filter((change) => change.id > afterId);
        stream.waiting = [];
        if (waiting.length > 0) {
          res.write(waiting.map(formatChange).join(''));
          stream.lastId = waiting.at(-1)!.id;
        }
        res.once('close', () => {
          streams.delete(stream);
          onClose();
        });
      },
      cancel: () => {
        streams.delete(stream);
      },
    };
  }

  /** Ends every stream (shutdown); clients reconnect elsewhere with their Last-Event-ID. */
  closeAll(): void {
    this.unsubscribe();
    clearInterval(this.heartbeat);
    for (const set of this.streams.values()) {
      for (const { res } of set) res?.end();
    }
  }

  private broadcast(change: FeedChange): void {
    const set = this.streams.get(change.feed);
    if (!set || set.size === 0) return;
    // Encoded once: every stream is sent the same bytes.
    const chunk = Buffer.from(formatChange(change));
    for (const stream of set) {
      if (change.id <= stream.lastId) continue;
      if (!stream.res) {
        stream.waiting.push(change);
        continue;
      }
      stream.lastId = change.id;
      this.send(stream.res, chunk);
    }
  }

  private beat(): void {
    const comment = Buffer.from(`: heartbeat ${new Date().toISOString()}\n\n`);
    for (const set of this.streams.values()) {
      for (const { res } of set) if (res) this.send(res, comment);
    }
  }

  private send(res: ServerResponse, chunk: Buffer): void {
    if (res.writableLength > this.maxUnreadBytes) {
      res.destroy();
      return;
    }
    res.write(chunk);
  }
}
