import { ContextProvider } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { Feed } from '../feed/types.js';
import { emit } from '../element/events.js';
import { feedContext } from './context.js';
import { configError } from './errors.js';
import type { FeedSourceOptions } from './feed-source.js';
import { FEED_STORE, notifyListener, type FeedListener, type FeedStore } from './feed-store.js';
import { openFeed, type FeedOrigin, type OpenFeed } from './open-feed.js';
import { errorState, loadingState } from './status.js';
import type { FeedState, FeedStatus } from './types.js';

/**
 * One live feed for the page: loads a Safety Widgets feed from `src` (or takes it from the `data`
 * property), keeps it current by polling or over the feed's Server-Sent Events stream, and shares
 * it with every widget inside it (through `@lit/context`) or pointing at it with `feed="its id"`.
 * However many `<safety-feed>`s and widgets use the same URL, the page requests it once.
 *
 * It shows nothing itself (`display: contents`): widgets may be placed inside it or anywhere else.
 *
 * @tagname safety-feed
 * @summary The shared live data source for Safety Widgets.
 *
 * @slot - Widgets (or any content) that get their data from this feed.
 *
 * @fires {CustomEvent<FeedState>} safety-feed-change - The feed state changed; `detail` is the `FeedState` (status, feed, error…). Bubbles, composed.
 * @fires {CustomEvent<FeedError>} safety-feed-error - Loading or refreshing failed; `detail` is the `FeedError`, with a `code` and a `message` for the developer. Bubbles, composed.
 *
 * @attr status - Reflected, read-only: `loading`, `ready`, `stale`, `error`, `empty` or `offline`.
 *
 * @example
 * ```html
 * <safety-feed id="yantian" src="https://example.org/feeds/yantian.json"></safety-feed>
 * <safety-score-gauge feed="yantian"></safety-score-gauge>
 *
 * <safety-feed src="/feeds/shatoujiao.json" interval="60">
 *   <safety-indicator-table></safety-indicator-table>
 * </safety-feed>
 * ```
 */
export class SafetyFeedElement extends LitElement implements FeedStore {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** URL of the feed (absolute, or relative to the page). Ignored while `data` is set. */
  @property({ reflect: false })
  src?: string;

  /**
   * Polling interval in seconds (at least 1; `0` = never poll). Default: half the feed's
   * `expectedUpdateSeconds`, between 15 s and 1 h. Not used while the feed's live stream is open.
   */
  @property({ type: Number })
  interval?: number;

  /** A feed object (or its JSON text) to show instead of loading `src`; validated like a loaded feed. */
  @property({ attribute: false })
  data?: unknown;

  /**
   * Advanced: options for the shared feed source (timeouts, size cap, retry timing, clock). They
   * apply when this element is the first on the page to use its URL.
   */
  @property({ attribute: false })
  options?: FeedSourceOptions;

  /** @internal */
  readonly [FEED_STORE] = true;

  private _state: FeedState = loadingState();
  private readonly _listeners = new Set<FeedListener>();
  private readonly _provider = new ContextProvider(this, { context: feedContext, initialValue: this._state });
  private _store?: FeedStore;
  private _opened?: OpenFeed;
  private _unsubscribe?: () => void;
  private _connections = 0;
  private _configured?: {
    src: string | undefined;
    data: unknown;
    interval: number | undefined;
    options: unknown;
  };

  /** The current state (a new frozen object on every change). */
  get state(): FeedState {
    return this._state;
  }

  /** The last good feed, if any (kept while refreshes fail). */
  get feed(): Feed | undefined {
    return this._state.feed;
  }

  /** The current feed's `asOf` (ISO date-time), if any. */
  get asOf(): string | undefined {
    return this._state.feed?.asOf;
  }

  /** The current status (also reflected in the `status` attribute). */
  get status(): FeedStatus {
    return this._state.status;
  }

  /** Fetches the feed again now (a conditional request). */
  refresh(): void {
    try {
      this._store?.refresh();
    } catch {
      // Stores never throw; this guard keeps that promise for the page.
    }
  }

  /** Calls `listener` now and on every state change; returns the unsubscribe function. */
  subscribe(listener: FeedListener): () => void {
    if (typeof listener !== 'function') return () => undefined;
    this._listeners.add(listener);
    notifyListener(listener, this._state);
    return () => {
      this._listeners.delete(listener);
    };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._connections += 1;
    this._reflectStatus();
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Let go after a microtask: an element moved in the DOM is connected again at once and
    // keeps its source (and data) without a new request.
    const connection = this._connections;
    queueMicrotask(() => {
      if (this.isConnected || connection !== this._connections) return;
      this._detach();
      this._configured = undefined;
    });
  }

  protected override willUpdate(): void {
    if (!this.isConnected) return;
    const wanted = { src: this.src, data: this.data, interval: this.interval, options: this.options };
    const last = this._configured;
    if (
      last &&
      last.src === wanted.src &&
      last.data === wanted.data &&
      last.interval === wanted.interval &&
      last.options === wanted.options
    ) {
      return;
    }
    this._configured = wanted;
    this._attach();
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  private _attach(): void {
    this._detach();
    try {
      let origin: FeedOrigin;
      if (this.data !== undefined && this.data !== null) {
        origin = { kind: 'data', data: this.data, label: `the data property of ${this._describe()}` };
      } else if (typeof this.src === 'string' && this.src.trim() !== '') {
        const interval = this.interval;
        const options: FeedSourceOptions = { ...(this.options ?? {}) };
        if (typeof interval === 'number' && Number.isFinite(interval)) options.intervalSeconds = interval;
        origin = { kind: 'src', src: this.src, options };
      } else {
        this._setState(
          errorState(
            configError(
              `${this._describe()} has neither a src attribute nor a data property; set src to a feed URL or data to a feed object.`,
            ),
          ),
        );
        return;
      }
      this._opened = openFeed(origin);
      this._store = this._opened.store;
      this._unsubscribe = this._store.subscribe((state) => this._setState(state));
    } catch (error) {
      this._setState(errorState(configError(`${this._describe()} could not start: ${String(error)}`)));
    }
  }

  private _detach(): void {
    this._unsubscribe?.();
    this._unsubscribe = undefined;
    this._opened?.release();
    this._opened = undefined;
    this._store = undefined;
  }

  private _describe(): string {
    return this.id ? `<safety-feed id="${this.id}">` : '<safety-feed>';
  }

  private _setState(state: FeedState): void {
    const previous = this._state;
    if (state === previous) return;
    this._state = state;
    this._reflectStatus();
    this._provider.setValue(state);
    for (const listener of [...this._listeners]) notifyListener(listener, state);
    emit(this, 'safety-feed-change', state);
    if (state.error && state.error !== previous.error) emit(this, 'safety-feed-error', state.error);
  }

  private _reflectStatus(): void {
    if (this.getAttribute('status') !== this._state.status) this.setAttribute('status', this._state.status);
  }
}
