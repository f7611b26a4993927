import { afterEach, describe, expect, it, vi } from 'vitest';
import { Announcer, type AnnouncerHost } from './announcer.js';

/** A host that counts update requests, with a clock the test moves. */
function setup(intervalMs = 5_000) {
  let now = 0;
  const host: AnnouncerHost & { updates: number } = {
    updates: 0,
    announce: undefined,
    addController: () => {},
    removeController: () => {},
    requestUpdate() {
      host.updates += 1;
    },
    updateComplete: Promise.resolve(true),
  };
  const announcer = new Announcer(host, intervalMs, () => now);
  const advance = (ms: number) => {
    now += ms;
    vi.advanceTimersByTime(ms);
  };
  return { host, announcer, advance };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Announcer', () => {
  it('says the first change at once, then at most one per interval, the latest waiting one', () => {
    vi.useFakeTimers();
    const { announcer, advance } = setup();
    announcer.announce('Safety index 95.1, up 0.1');
    expect(announcer.current).toBe('Safety index 95.1, up 0.1');
    advance(1_000);
    announcer.announce('Safety index 95.2, up 0.2');
    advance(1_000);
    announcer.announce('Safety index 95.3, up 0.3');
    expect(announcer.current).toBe('Safety index 95.1, up 0.1');
    advance(2_999);
    expect(announcer.current).toBe('Safety index 95.1, up 0.1');
    advance(1);
    expect(announcer.current).toBe('Safety index 95.3, up 0.3');
    // The interval starts again from that announcement.
    advance(1_000);
    announcer.announce('Safety index 95.4, up 0.4');
    expect(announcer.current).toBe('Safety index 95.3, up 0.3');
    advance(4_000);
    expect(announcer.current).toBe('Safety index 95.4, up 0.4');
  });

  it('says nothing for empty text, and nothing at all with announce="off"', () => {
    vi.useFakeTimers();
    const { host, announcer, advance } = setup();
    announcer.announce('   ');
    expect(announcer.current).toBe('');
    host.announce = 'off';
    announcer.announce('3 new cases since 14:05');
    advance(10_000);
    expect(announcer.current).toBe('');
    expect(host.updates).toBe(0);
  });

  it('makes the same words new text, so they are read again', () => {
    vi.useFakeTimers();
    const { announcer, advance } = setup();
    announcer.announce('1 new case');
    advance(6_000);
    announcer.announce('1 new case');
    expect(announcer.current).not.toBe('1 new case');
    expect(announcer.current.trim()).toBe('1 new case');
  });

  it('drops a waiting change when the widget leaves the page', () => {
    vi.useFakeTimers();
    const { announcer, advance } = setup();
    announcer.announce('first');
    announcer.announce('second');
    announcer.hostDisconnected();
    advance(10_000);
    expect(announcer.current).toBe('first');
  });
});
