/**
 * The events widgets dispatch. Every name starts with `safety-`; every event bubbles
 * and is composed, so a page can listen on `document` whatever the shadow DOM nesting.
 * Core declares its own (the feed's); each widget package adds its events to `SafetyEventMap`
 * by declaration merging, in its own `events.ts`, so core names no widget.
 */
import type { FeedError, FeedState } from '../live/types.js';

/**
 * Event name → `detail` type. Widget packages add their events by augmenting this
 * interface (`declare module '@safety-widgets/core'`); `GlobalEventHandlersEventMap` follows
 * automatically, so `el.addEventListener('safety-feed-error', (e) => e.detail.message)` is typed.
 */
export interface SafetyEventMap {
  /** The feed state changed (loading, ready, stale, error…). */
  'safety-feed-change': FeedState;
  /** Loading or refreshing the feed failed. */
  'safety-feed-error': FeedError;
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
