/**
 * FeedStream: one `EventSource` connection to a feed's live stream (`links.stream`), turned into
 * callbacks. The protocol is described at the top of feed-source.ts.
 *
 * The browser reconnects by itself after a drop (sending `Last-Event-ID`); this class lets it,
 * and reports a failure only when the browser gave up (the stream is CLOSED) or when the
 * connection keeps dropping without a message in between. Retrying later is up to the owner.
 */

/** How long a stream connection must have lasted for its drop to count as a fresh first error. */
const STREAM_STABLE_MS = 10_000;

/** What a FeedStream reports. None is called after `close()`. */
export interface FeedStreamCallbacks {
  /** The connection opened; `first` is false when the browser reconnected by itself. */
  onOpen(first: boolean): void;
  /** A `feed` event: its data should be the whole feed as JSON. */
  onFeed(data: string): void;
  /** A `changed` event (or an unnamed message): the feed changed, fetch it again. */
  onChanged(): void;
  /**
   * The stream failed for good: `closed` when the browser gave up (HTTP error, wrong Content-Type…),
   * `unstable` after `errorLimit` drops in a row without a message between them.
   */
  onFail(why: 'closed' | 'unstable'): void;
}

export interface FeedStreamOptions extends FeedStreamCallbacks {
  /** Drops in a row (without a message between them) that make the stream `unstable`. */
  errorLimit: number;
  /** The clock (ms). */
  now: () => number;
}

/** EventSource.readyState when the browser has given up on the connection. */
const CLOSED = 2;

/** One live stream connection. Opening it may throw (for example on a URL the browser refuses). */
export class FeedStream {
  private readonly es: EventSource;
  private readonly options: FeedStreamOptions;
  private closed = false;
  private opened = false;
  private openedAt = 0;
  /** Drops since the last message (or since a connection that lasted). */
  private errors = 0;

  constructor(
    EventSourceImpl: typeof EventSource,
    readonly url: string,
    options: FeedStreamOptions,
  ) {
    this.options = options;
    this.es = new EventSourceImpl(url);
    this.es.addEventListener('open', this.onOpen);
    this.es.addEventListener('feed', this.onFeed);
    this.es.addEventListener('changed', this.onChanged);
    this.es.addEventListener('message', this.onChanged);
    this.es.addEventListener('error', this.onError);
  }

  /** True once the connection opened, until `close()` (it stays true while the browser reconnects). */
  get isOpen(): boolean {
    return this.opened;
  }

  /** Closes the connection; no callback is called after this. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.opened = false;
    this.es.removeEventListener('open', this.onOpen);
    this.es.removeEventListener('feed', this.onFeed);
    this.es.removeEventListener('changed', this.onChanged);
    this.es.removeEventListener('message', this.onChanged);
    this.es.removeEventListener('error', this.onError);
    try {
      this.es.close();
    } catch {
      // Closing a stream cannot fail in practice; nothing to do if it does.
    }
  }

  private readonly onOpen = (): void => {
    if (this.closed) return;
    const first = !this.opened;
    this.opened = true;
    this.openedAt = this.options.now();
    this.options.onOpen(first);
  };

  private readonly onFeed = (event: Event): void => {
    if (this.closed) return;
    this.errors = 0;
    const data = (event as MessageEvent).data;
    this.options.onFeed(typeof data === 'string' ? data : '');
  };

  private readonly onChanged = (): void => {
    if (this.closed) return;
    this.errors = 0;
    this.options.onChanged();
  };

  private readonly onError = (): void => {
    if (this.closed) return;
    const closed = this.es.readyState === CLOSED;
    if (!closed) {
      const lasted = this.opened && this.options.now() - this.openedAt >= STREAM_STABLE_MS;
      this.errors = lasted ? 1 : this.errors + 1;
      // Connecting again by itself (sending Last-Event-ID): let it, unless it keeps failing.
      if (this.errors < Math.max(1, this.options.errorLimit)) return;
    }
    this.options.onFail(closed ? 'closed' : 'unstable');
  };
}
