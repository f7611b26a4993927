/**
 * The live layer (FeedSource: fetching, polling, the Server-Sent Events stream, retries, the
 * page-wide registry of sources) is loaded by a dynamic import the first time the page asks for a
 * feed URL, through `src` on a widget or on `<safety-feed>`. A widget given `.data` never
 * downloads it.
 */
import { configError } from './errors.js';
import { FeedPublisher, type FeedStore } from './feed-store.js';
import type { FeedSourceOptions } from './feed-source.js';
import type * as Registry from './registry.js';
import type { FeedSourceLease } from './registry.js';
import { errorState, loadingState } from './status.js';

type LiveLayer = typeof Registry;

let live: Promise<LiveLayer> | undefined;

/** Loads the live layer (once; again after a failed attempt). */
export function loadLiveLayer(): Promise<LiveLayer> {
  live ??= import('./registry.js').catch((error: unknown) => {
    live = undefined;
    throw error;
  });
  return live;
}

/**
 * The page's shared FeedSource for `src`, as a FeedStore available at once: `loading` until the
 * live layer is loaded, then whatever that source publishes. `release()` when done.
 */
export class LazyFeedSource extends FeedPublisher implements FeedStore {
  private lease: FeedSourceLease | undefined;
  private unsubscribe: (() => void) | undefined;
  private released = false;

  constructor(src: string, options: FeedSourceOptions = {}) {
    super(loadingState());
    loadLiveLayer().then(
      (layer) => {
        if (this.released) return;
        try {
          this.lease = layer.acquireFeedSource(src, options);
          this.unsubscribe = this.lease.source.subscribe((state) => this.publish(state));
        } catch (error) {
          this.publish(errorState(configError(`The feed ${src} could not be started: ${String(error)}`)));
        }
      },
      (error: unknown) => {
        if (this.released) return;
        const why = error instanceof Error ? error.message : String(error);
        this.publish(
          errorState(
            configError(
              `The feed ${src} cannot be loaded: the widgets' live-data script could not be loaded (${why}). ` +
                `Check that the chunks/ folder is served next to the widget's script and that the page's ` +
                `Content-Security-Policy allows scripts from there.`,
            ),
          ),
        );
      },
    );
  }

  refresh(): void {
    this.lease?.source.refresh();
  }

  /** Lets go of the shared source (harmless to call twice). */
  release(): void {
    this.released = true;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.lease?.release();
    this.lease = undefined;
  }
}
