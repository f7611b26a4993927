/** The formatters' head start: once per locale, in idle time, never throwing. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmUpFormatters } from './warm-up.js';

afterEach(() => vi.unstubAllGlobals());

describe('warmUpFormatters', () => {
  it('makes the formatters of each locale once, when the page is idle', () => {
    const idle = vi.fn((run: IdleRequestCallback) => run({ didTimeout: true, timeRemaining: () => 0 }));
    vi.stubGlobal('requestIdleCallback', idle);
    warmUpFormatters('zh-CN');
    warmUpFormatters('zh-CN');
    expect(idle).toHaveBeenCalledTimes(1);
    warmUpFormatters('en');
    expect(idle).toHaveBeenCalledTimes(2);
  });

  it('does nothing once a widget draws data (idle work then would delay its first paint)', async () => {
    vi.resetModules();
    const { stopWarmUp, warmUpFormatters: warm } = await import('./warm-up.js');
    const format = await import('./format.js');
    const made = vi.spyOn(format, 'formatNumber');
    let run: IdleRequestCallback | undefined;
    vi.stubGlobal('requestIdleCallback', (r: IdleRequestCallback) => (run = r));
    warm('en');
    stopWarmUp();
    run!({ didTimeout: true, timeRemaining: () => 0 });
    expect(made).not.toHaveBeenCalled();
  });
});
