import { afterEach, describe, expect, it, vi } from 'vitest';
import { ELEMENT_VERSION, defineElement, elementVersion } from './define.js';

let n = 0;
const uniqueTag = () => `safety-define-test-${Date.now().toString(36)}-${++n}`;

afterEach(() => vi.restoreAllMocks());

describe('defineElement', () => {
  it('defines a new element and stores its version on the constructor', () => {
    const tag = uniqueTag();
    class A extends HTMLElement {}
    defineElement(tag, A, '0.1.0');
    expect(customElements.get(tag)).toBe(A);
    expect(elementVersion(A)).toBe('0.1.0');
    expect((A as unknown as Record<symbol, unknown>)[ELEMENT_VERSION]).toBe('0.1.0');
    expect(document.createElement(tag)).toBeInstanceOf(A);
  });

  it('skips a second definition with one warning naming both versions', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tag = uniqueTag();
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    defineElement(tag, First, '0.1.0');
    expect(() => defineElement(tag, Second, '0.2.0')).not.toThrow();
    expect(customElements.get(tag)).toBe(First);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe(
      `[safety-widgets] <${tag}> is already defined (version 0.1.0); skipped version 0.2.0 from this script.`,
    );
    expect(elementVersion(Second)).toBeUndefined();
  });

  it('reads a static version and says "unknown version" when there is none', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tag = uniqueTag();
    defineElement(tag, class extends HTMLElement {});
    defineElement(
      tag,
      class extends HTMLElement {
        static readonly version = '9.9.9';
      },
    );
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('(unknown version); skipped version 9.9.9 from this script.');
  });

  it('is silent when the same constructor is defined again', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tag = uniqueTag();
    class Same extends HTMLElement {}
    defineElement(tag, Same, '1.0.0');
    defineElement(tag, Same, '1.0.0');
    expect(warn).not.toHaveBeenCalled();
  });

  it('warns instead of throwing for an invalid tag name', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const bad of ['nodash', 'Upper-Case', '1-starts-with-digit', '', 'font-face']) {
      expect(() => defineElement(bad, class extends HTMLElement {}, '0.1.0')).not.toThrow();
    }
    expect(warn).toHaveBeenCalledTimes(5);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /^\[safety-widgets\] <nodash> could not be defined \(SyntaxError: /,
    );
  });

  it('warns instead of throwing when a constructor is reused for another tag', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    class Reused extends HTMLElement {}
    defineElement(uniqueTag(), Reused);
    const second = uniqueTag();
    expect(() => defineElement(second, Reused)).not.toThrow();
    expect(customElements.get(second)).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain(`<${second}> could not be defined (NotSupportedError`);
  });
});
