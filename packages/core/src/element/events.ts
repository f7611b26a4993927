/**
 * The events widgets dispatch. Every name starts with `safety-`; every event bubbles
 * and is composed, so a page can listen on `document` whatever the shadow DOM nesting.
 */
import type { FeedError, FeedState } from '../live/types.js';

/**
 * Event name → `detail` type. Other modules add their events by augmenting this
 * interface; `GlobalEventHandlersEventMap` follows automatically, so
 * `el.addEventListener('safety-grid-select', (e) => e.detail.id)` is typed.
 */
export interface SafetyEventMap {
  /** The feed state changed (loading, ready, stale, error…). */
  'safety-feed-change': FeedState;
  /** Loading or refreshing the feed failed. */
  'safety-feed-error': FeedError;
  /** The user selected an indicator. */
  'safety-indicator-select': { id: string };
  /**
   * The user selected a grid cell on the map, or cleared the selection: the grid's id, its
   * sub-district's id (null when unknown) and its name as the map shows it; all three null when
   * the selection was cleared.
   */
  'safety-grid-select': { id: string | null; subdistrict: string | null; name: string | null };
  /** The user changed the date range (ISO dates, `start` ≤ `end`). */
  'safety-range-change': { start: string; end: string };
}

/** The safety events as the `CustomEvent`s they are dispatched as. */
export type SafetyCustomEventMap = { [K in keyof SafetyEventMap]: CustomEvent<SafetyEventMap[K]> };

declare global {
  // Declaration merging: the DOM's event map gains every safety event.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends SafetyCustomEventMap {}
}

/** Options for `emit`; bubbling and composition are fixed. */
export interface EmitOptions {
  /** Whether a listener may call `preventDefault()` (see the return value of `dispatchEvent`). */
  cancelable?: boolean;
}

/**
 * Dispatches `name` from `el` as a `CustomEvent` that bubbles and crosses shadow roots
 * (`composed`), and returns it (check `defaultPrevented` for cancelable events). An
 * exception thrown by a listener is reported by the browser, not thrown here.
 */
export function emit<K extends keyof SafetyEventMap>(
  el: HTMLElement,
  name: K,
  detail: SafetyEventMap[K],
  options: EmitOptions = {},
): CustomEvent<SafetyEventMap[K]> {
  const event = new CustomEvent<SafetyEventMap[K]>(name, {
    detail,
    bubbles: true,
    composed: true,
    cancelable: options.cancelable ?? false,
  });
  el.dispatchEvent(event);
  return event;
}
