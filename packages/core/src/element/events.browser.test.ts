import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { FeedState } from '../live/types.js';
import { emit } from './events.js';

// A widget's events are added to the map by declaration merging, as each widget package does.
declare module './events.js' {
  interface SafetyEventMap {
    'safety-test-pick': { id: string | null; subdistrict: string | null; name: string | null };
    'safety-test-range': { start: string; end: string };
  }
}

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

describe('emit', () => {
  it('dispatches a bubbling, composed CustomEvent that leaves nested shadow roots', () => {
    const outer = document.createElement('div');
    document.body.append(outer);
    cleanup.push(() => outer.remove());
    const outerRoot = outer.attachShadow({ mode: 'open' });
    const inner = document.createElement('div');
    outerRoot.append(inner);
    const innerRoot = inner.attachShadow({ mode: 'closed' });
    const source = document.createElement('button');
    innerRoot.append(source);

    const seen: { target: EventTarget | null; detail: unknown }[] = [];
    const listener = (e: CustomEvent<{ id: string | null }>) =>
      seen.push({ target: e.target, detail: e.detail });
    document.addEventListener('safety-test-pick', listener);
    cleanup.push(() => document.removeEventListener('safety-test-pick', listener));

    const event = emit(source, 'safety-test-pick', { id: 'g-12', subdistrict: 'meisha', name: 'Grid 12' });
    expect(event).toBeInstanceOf(CustomEvent);
    expect(event.bubbles).toBe(true);
    expect(event.composed).toBe(true);
    expect(event.cancelable).toBe(false);
    expect(seen).toEqual([{ target: outer, detail: { id: 'g-12', subdistrict: 'meisha', name: 'Grid 12' } }]);
  });

  it('can be cancelable and reports preventDefault', () => {
    const el = document.createElement('div');
    document.body.append(el);
    cleanup.push(() => el.remove());
    const listener = (e: Event) => e.preventDefault();
    document.addEventListener('safety-test-range', listener);
    cleanup.push(() => document.removeEventListener('safety-test-range', listener));
    const event = emit(
      el,
      'safety-test-range',
      { start: '2024-01-01', end: '2024-03-31' },
      { cancelable: true },
    );
    expect(event.defaultPrevented).toBe(true);
    expect(event.detail).toEqual({ start: '2024-01-01', end: '2024-03-31' });
  });

  it('is typed through GlobalEventHandlersEventMap', () => {
    const el = document.createElement('div');
    el.addEventListener('safety-feed-change', (e) => {
      expectTypeOf(e).toEqualTypeOf<CustomEvent<FeedState>>();
    });
    el.addEventListener('safety-test-pick', (e) => {
      expectTypeOf(e.detail.id).toEqualTypeOf<string | null>();
    });
    // @ts-expect-error: the detail must match the event
    emit(el, 'safety-test-range', { id: 'x' });
    expect(emit(el, 'safety-feed-error', { code: 'timeout', message: 'slow' }).detail.code).toBe('timeout');
  });
});
