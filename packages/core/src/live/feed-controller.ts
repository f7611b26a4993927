/**
 * FeedController: gives a widget its FeedState and re-renders it on every change.
 *
 * Where the data comes from, first match wins:
 * 1. the host's `data` property (a feed object or its JSON text),
 * 2. its `src` (a feed URL; shared with every other user of that URL on the page),
 * 3. its `feed` attribute: the id of a `<safety-feed>` anywhere on the page,
 * 4. the nearest `<safety-feed>` around it (through @lit/context).
 *
 * It never throws: whatever goes wrong becomes a FeedState with status `error` and a message.
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { feedContext } from './context.js';
import { configError } from './errors.js';
import type { FeedSourceOptions } from './feed-source.js';
import { isFeedStoreElement, type FeedStore } from './feed-store.js';
import { openFeed } from './open-feed.js';
import { errorState, loadingState } from './status.js';
import { isNonNegative } from './timing.js';
import type { FeedState } from './types.js';

/** A widget that uses a FeedController: a Lit element with (optionally) these properties. */
export type FeedHost = ReactiveControllerHost &
  HTMLElement & {
    /** Id of a `<safety-feed>` on the page. */
    feed?: unknown;
    /** URL of a feed. */
    src?: unknown;
    /** A feed object (or JSON text). */
    data?: unknown;
  };

export interface FeedControllerOptions {
  /**
   * How long to wait for a `<safety-feed>` named by `feed="…"` (or around the widget) to appear
   * before reporting a `config` error (ms). The search goes on after that: if the element turns
   * up later, the widget uses it. Default 5 000.
   */
  lookupTimeoutMs?: number;
  /** Options for a FeedSource the controller creates for `src` (when it is the URL's first user). */
  sourceOptions?: FeedSourceOptions;
  /** Called after every state change (after `requestUpdate()`). */
  onChange?: (state: FeedState) => void;
}

/** The tag name widgets look for. */
const FEED_TAG = 'safety-feed';

type Binding =
  | { kind: 'data'; data: unknown }
  | { kind: 'src'; src: string }
  | { kind: 'feed'; id: string }
  | { kind: 'context' };

function sameBinding(a: Binding | undefined, b: Binding): boolean {
  if (!a || a.kind !== b.kind) return false;
  switch (b.kind) {
    case 'data':
      return (a as typeof b).data === b.data;
    case 'src':
      return (a as typeof b).src === b.src;
    case 'feed':
      return (a as typeof b).id === b.id;
    default:
      return true;
  }
}

/** The element's `<tag>` for messages, or "this widget". */
function tagOf(host: Element): string {
  try {
    return `<${host.localName}>`;
  } catch {
    return 'this widget';
  }
}

/** The next element up: the parent, or across a shadow boundary the shadow host. */
function composedParent(node: Node): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode?.();
  return root instanceof ShadowRoot ? root.host : null;
}

export class FeedController implements ReactiveController {
  private readonly host: FeedHost;
  private readonly options: FeedControllerOptions;
  private readonly consumer: ContextConsumer<typeof feedContext, FeedHost>;
  private _state: FeedState = loadingState();
  private binding: Binding | undefined;
  private connected = false;
  /** Undoes the current binding (unsubscribe, release, stop observing, clear timers). */
  private cleanup: Array<() => void> = [];
  private contextState: FeedState | undefined;
  private target: (Element & FeedStore) | undefined;
  /** The source of a `data` or `src` binding. */
  private store: FeedStore | undefined;
  /** Bumped on every (un)binding, so late callbacks of an old binding do nothing. */
  private generation = 0;

  constructor(host: FeedHost, options: FeedControllerOptions = {}) {
    this.host = host;
    this.options = options;
    // The consumer is added first, so its request has been answered when our hostConnected runs.
    this.consumer = new ContextConsumer(host, {
      context: feedContext,
      subscribe: true,
      callback: (value) => this.onContext(value),
    });
    host.addController(this);
  }

  /** The current state (a new object on every change). */
  get state(): FeedState {
    return this._state;
  }

  /** Fetches the feed again now, whichever way it comes. */
  refresh(): void {
    try {
      if (this.binding?.kind === 'feed') this.target?.refresh();
      else if (this.binding?.kind === 'src') this.store?.refresh();
      else if (this.binding?.kind === 'context') this.findAncestorFeed()?.refresh?.();
    } catch {
      // Never throw into the page.
    }
  }

  hostConnected(): void {
    this.connected = true;
    this.rebind(true);
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unbind();
    this.binding = undefined;
    // The context consumer asks again on reconnection (before hostConnected runs here).
    this.contextState = undefined;
  }

  hostUpdate(): void {
    this.sync();
  }

  /**
   * Takes up a changed `data`, `src` or `feed` of the host now (validating new `data`), so that
   * `state` is current. Lit runs `hostUpdate` after the host's `willUpdate`: a host that derives
   * anything from `state` in `willUpdate` (SafetyElement's `status`) calls this first, or it would
   * see the previous state in the update that renders the new one. Cheap when nothing changed.
   */
  sync(): void {
    if (!this.connected) return;
    this.rebind(false);
  }

  // ---------------------------------------------------------------------------------------------

  private wanted(): Binding {
    const host = this.host;
    const data = host.data;
    if (data !== undefined && data !== null) return { kind: 'data', data };
    const src = typeof host.src === 'string' ? host.src : host.getAttribute('src');
    if (typeof src === 'string' && src.trim() !== '') return { kind: 'src', src: src.trim() };
    const feed = typeof host.feed === 'string' ? host.feed : host.getAttribute('feed');
    if (typeof feed === 'string' && feed.trim() !== '') return { kind: 'feed', id: feed.trim() };
    return { kind: 'context' };
  }

  private rebind(force: boolean): void {
    try {
      const wanted = this.wanted();
      const targetGone =
        wanted.kind === 'feed' &&
        this.target !== undefined &&
        (!this.target.isConnected || this.target.id !== wanted.id);
      if (!force && !targetGone && sameBinding(this.binding, wanted)) return;
      this.unbind();
      this.binding = wanted;
      this.bind(wanted);
    } catch (error) {
      this.setState(errorState(configError(`${tagOf(this.host)} could not get its feed: ${String(error)}`)));
    }
  }

  private bind(binding: Binding): void {
    const generation = ++this.generation;
    switch (binding.kind) {
      case 'data':
      case 'src': {
        const opened = openFeed(
          binding.kind === 'data'
            ? { kind: 'data', data: binding.data, label: `the data property of ${tagOf(this.host)}` }
            : { kind: 'src', src: binding.src, options: this.options.sourceOptions ?? {} },
        );
        this.store = opened.store;
        // A feed with problems is `loading` while the detailed validator loads: the widget keeps
        // showing the feed it has until the verdict, rather than flashing a skeleton.
        const keep = binding.kind === 'data' && this._state.feed !== undefined;
        const unsubscribe = opened.store.subscribe((state) => {
          if (!(keep && state.status === 'loading')) this.setState(state);
        });
        this.cleanup.push(() => {
          unsubscribe();
          opened.release();
        });
        return;
      }
      case 'feed':
        this.bindById(binding.id, generation);
        return;
      case 'context':
        this.bindContext(generation);
        return;
    }
  }

  private unbind(): void {
    this.generation += 1;
    const cleanup = this.cleanup;
    this.cleanup = [];
    for (const undo of cleanup) {
      try {
        undo();
      } catch {
        // Cleaning up must go on whatever one step does.
      }
    }
    this.store = undefined;
    this.target = undefined;
  }

  // feed="id" ------------------------------------------------------------------------------------

  /** The element with `id`: in the widget's own tree first (the page may put both in a shadow root), then the document. */
  private lookup(id: string): Element | null {
    const root = this.host.getRootNode?.();
    if (root && root !== document && typeof (root as ShadowRoot).getElementById === 'function') {
      const inRoot = (root as ShadowRoot).getElementById(id);
      if (inRoot) return inRoot;
    }
    return typeof document !== 'undefined' ? document.getElementById(id) : null;
  }

  private bindById(id: string, generation: number): void {
    const current = () => generation === this.generation && this.connected;
    let stop: () => void = () => undefined;
    /** Why the element found under `id` cannot be used, if it cannot. */
    let problem: string | undefined;
    const tryFind = (): boolean => {
      if (!current() || this.target) return true;
      const el = this.lookup(id);
      problem = undefined;
      if (!el) return false;
      if (isFeedStoreElement(el)) {
        this.target = el;
        this.cleanup.push(el.subscribe((state) => this.setState(state)));
        return true;
      }
      if (el.localName === FEED_TAG) {
        // There, but not upgraded yet (its script has not run): try again once it is defined.
        this.waitForDefinition(() => {
          if (tryFind()) stop();
        });
        return false;
      }
      problem =
        `feed="${id}" on ${tagOf(this.host)} names a <${el.localName}>, not a <safety-feed>; ` +
        `give the id to a <safety-feed> or set src.`;
      this.setState(errorState(configError(problem)));
      return false;
    };
    if (tryFind()) return;
    if (!problem) this.setState(loadingState());
    stop = this.watchForElements(
      () => {
        if (tryFind()) stop();
      },
      () => {
        if (!current() || this.target || problem) return;
        this.setState(
          errorState(configError(`No <safety-feed id="${id}"> found on the page; add one or set src.`)),
        );
      },
    );
  }

  // Nearest <safety-feed> (context) ---------------------------------------------------------------

  private onContext(value: FeedState): void {
    this.contextState = value;
    if (this.binding?.kind === 'context' && this.connected) this.setState(value);
  }

  private findAncestorFeed(): (Element & Partial<FeedStore>) | undefined {
    for (let node = composedParent(this.host); node; node = composedParent(node)) {
      if (node.localName === FEED_TAG) return node as Element & Partial<FeedStore>;
    }
    return undefined;
  }

  private bindContext(generation: number): void {
    const current = () => generation === this.generation && this.connected;
    if (this.contextState) {
      this.setState(this.contextState);
      return;
    }
    // No answer: the surrounding <safety-feed> may not be upgraded yet (scripts load in any order),
    // or there is none. Ask again once it is defined, and give up (for now) after a while.
    this.setState(loadingState());
    const ask = () => {
      if (!current() || this.contextState) return;
      this.consumer.hostDisconnected();
      this.consumer.hostConnected();
      if (this.contextState) this.setState(this.contextState);
    };
    if (this.findAncestorFeed()) this.waitForDefinition(ask);
    const stop = this.watchForElements(
      () => {
        if (this.contextState) {
          stop();
          return;
        }
        if (this.findAncestorFeed()) this.waitForDefinition(ask);
      },
      () => {
        if (!current() || this.contextState) return;
        this.setState(
          errorState(
            configError(
              `${tagOf(this.host)} has no feed: set its src or data, give it feed="…" with the id of a <safety-feed>, or put it inside a <safety-feed>.`,
            ),
          ),
        );
      },
    );
  }

  // Helpers ------------------------------------------------------------------------------------

  private waitForDefinition(then: () => void): void {
    if (typeof customElements === 'undefined') return;
    const generation = this.generation;
    customElements
      .whenDefined(FEED_TAG)
      .then(() => {
        if (generation === this.generation && this.connected) then();
      })
      .catch(() => undefined);
  }

  /**
   * Calls `onChange` when elements or ids change in the document (and the host's shadow root),
   * and `onTimeout` once after `lookupTimeoutMs`. Returns the function that stops both; the
   * binding's cleanup stops them too.
   */
  private watchForElements(onChange: () => void, onTimeout: () => void): () => void {
    let observer: MutationObserver | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      observer?.disconnect();
      observer = undefined;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    };
    try {
      if (typeof MutationObserver === 'function' && typeof document !== 'undefined') {
        observer = new MutationObserver(() => onChange());
        const options: MutationObserverInit = {
          childList: true,
          subtree: true,
          attributes: true,
          attributeFilter: ['id'],
        };
        observer.observe(document, options);
        const root = this.host.getRootNode?.();
        if (root instanceof ShadowRoot) observer.observe(root, options);
      }
    } catch {
      observer = undefined;
    }
    const wait = this.options.lookupTimeoutMs;
    timer = setTimeout(
      () => {
        timer = undefined;
        onTimeout();
      },
      isNonNegative(wait) ? wait : 5_000,
    );
    this.cleanup.push(stop);
    return stop;
  }

  private setState(state: FeedState): void {
    if (state === this._state) return;
    this._state = state;
    try {
      this.host.requestUpdate();
    } catch {
      // A host that cannot update now will render the state next time.
    }
    if (this.options.onChange) {
      try {
        this.options.onChange(state);
      } catch (error) {
        try {
          console.error('[safety-widgets] FeedController onChange threw:', error);
        } catch {
          // No console.
        }
      }
    }
  }
}
