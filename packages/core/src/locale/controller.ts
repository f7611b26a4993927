/**
 * A reactive controller that keeps `.locale` in step with the `lang` attributes
 * around its host, shared by every widget on the page through one MutationObserver.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { resolveLocale, type SupportedLocale } from './resolve.js';

/** What a `LocaleController` can be attached to: a Lit element (or any reactive element). */
export type LocaleHost = ReactiveControllerHost & Element;

/**
 * Every connected controller, and the one observer that watches `lang` for all of
 * them. The observer watches `<html>` and its whole subtree; shadow roots are not
 * part of that subtree, so the shadow roots above each host are added as further
 * targets of the same observer when the host connects.
 */
const registry = {
  controllers: new Set<LocaleController>(),
  observer: undefined as MutationObserver | undefined,
  observedRoots: new WeakSet<Node>(),
};

const OBSERVE: MutationObserverInit = { attributes: true, attributeFilter: ['lang'], subtree: true };

function refreshAll(): void {
  for (const c of registry.controllers) {
    // One failing host (an `onChange` that throws) must not keep the others on the old locale.
    try {
      c.refresh();
    } catch (err) {
      console.error('[safety-widgets] locale change handler failed:', err);
    }
  }
}

function startObserving(host: Element): void {
  if (typeof MutationObserver === 'undefined' || typeof document === 'undefined') return;
  if (!registry.observer) {
    registry.observer = new MutationObserver(refreshAll);
    registry.observedRoots = new WeakSet();
    registry.observer.observe(document.documentElement, OBSERVE);
    registry.observedRoots.add(document.documentElement);
    globalThis.addEventListener?.('languagechange', refreshAll);
  }
  // Shadow roots between the host and the document: a `lang` change inside one of them is invisible from <html>.
  for (let root = host.getRootNode(); root !== document;) {
    const shadowHost = (root as { host?: Element | null }).host;
    if (!shadowHost) break; // disconnected tree: nothing to watch
    if (!registry.observedRoots.has(root)) {
      registry.observer.observe(root, OBSERVE);
      registry.observedRoots.add(root);
    }
    root = shadowHost.getRootNode();
  }
}

function stopObservingIfIdle(): void {
  if (registry.controllers.size > 0 || !registry.observer) return;
  registry.observer.disconnect();
  registry.observer = undefined;
  globalThis.removeEventListener?.('languagechange', refreshAll);
}

/** How many controllers are connected and whether the shared observer runs (for tests). */
export function localeObserverStats(): { controllers: number; observing: boolean } {
  return { controllers: registry.controllers.size, observing: registry.observer !== undefined };
}

/**
 * Resolves the host's locale (see `resolveLocale`) when the host connects and again
 * whenever a `lang` attribute changes anywhere above it (or the browser language
 * changes); when the locale changes it calls `host.requestUpdate()`.
 *
 * @example
 * class MyWidget extends LitElement {
 *   private readonly i18n = new LocaleController(this);
 *   render() { return html`${t(this.i18n.locale, 'loading')}`; }
 * }
 */
export class LocaleController implements ReactiveController {
  /** The host's current locale; resolved again on every connect. */
  locale: SupportedLocale;

  private readonly host: LocaleHost;
  private readonly onChange: ((locale: SupportedLocale) => void) | undefined;

  /** @param onChange called after `locale` changed (not on the first resolution). */
  constructor(host: LocaleHost, onChange?: (locale: SupportedLocale) => void) {
    this.host = host;
    this.onChange = onChange;
    this.locale = resolveLocale(host);
    host.addController(this);
  }

  hostConnected(): void {
    registry.controllers.add(this);
    startObserving(this.host);
    this.refresh();
  }

  hostDisconnected(): void {
    registry.controllers.delete(this);
    stopObservingIfIdle();
  }

  /** Resolves the locale again; requests a host update if it changed. Returns the locale. */
  refresh(): SupportedLocale {
    const next = resolveLocale(this.host);
    if (next !== this.locale) {
      this.locale = next;
      this.host.requestUpdate();
      this.onChange?.(next);
    }
    return this.locale;
  }
}
