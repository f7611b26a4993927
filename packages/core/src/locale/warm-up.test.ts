/** The formatters' head start: once per locale, in idle time, never throwing. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmUpFormatters } from './warm-up.js';

afterEach(() => vi.unstubAllGlobals());

describe('warmUpFormatters', () => {
  it('makes the formatters of each locale once, when the page is idle', () => {
    const idle = vi.fn((run: () => void) => run());
    vi.stubGlobal('requestIdleCallback', idle);
    warmUpFormatters('zh-CN');
    warmUpFormatters('zh-CN');
    expect(idle).toHaveBeenCalledTimes(1);
    warmUpFormatters('en');
    expect(idle).toHaveBeenCalledTimes(2);
  });
});
