import { describe, expect, it } from 'vitest';
import { describeError, describeValue, groupDigits, quoteString } from './describe.js';
import { joinPath } from './issues.js';

describe('describeValue', () => {
  it.each([
    ['"98%"', '98%'],
    ['""', ''],
    ['"say \\"hi\\"\\\\"', 'say "hi"\\'],
    ['"line\\nbreak\\ttab\\r"', 'line\nbreak\ttab\r'],
    ['"\\u0000\\u001b[31m\\u007f\\u0085"', '\u0000\u001b[31m\u007f\u0085'],
    ['"\\u202eevil\\u2066\\u2028"', '\u202eevil\u2066\u2028'],
    ['"lone \\ud800 surrogate"', 'lone \ud800 surrogate'],
    ['"emoji 😀 ok"', 'emoji 😀 ok'],
    [`"${'a'.repeat(40)}…" (41 characters)`, 'a'.repeat(41)],
    ['12', 12],
    ['-0', -0],
    ['1e+300', 1e300],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['12n', 12n],
    ['true', true],
    ['null', null],
    ['undefined', undefined],
    ['an empty array', []],
    ['an array of 1 item', [1]],
    ['an array of 3 items', [1, 2, 3]],
    ['an array of 1,234,567 items', new Array(1234567)],
    ['an object', { a: 1 }],
    ['a symbol', Symbol('s')],
    ['a function', () => 1],
  ])('describes a value as %s', (expected, value) => {
    expect(describeValue(value)).toBe(expected);
  });

  it('does not split a surrogate pair when cutting', () => {
    const text = `${'a'.repeat(39)}😀tail`;
    expect(describeValue(text)).toBe(`"${'a'.repeat(39)}…" (${text.length} characters)`);
  });

  it('cuts huge strings cheaply', () => {
    const huge = 'x'.repeat(5_000_000);
    expect(describeValue(huge)).toBe(`"${'x'.repeat(40)}…" (5,000,000 characters)`);
  });

  it('never throws', () => {
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    expect(describeValue(proxy)).toBe('an unreadable value');
    const lying = new Proxy([], {
      get() {
        throw new Error('no');
      },
    });
    expect(describeValue(lying)).toBe('an unreadable value');
  });
});

describe('describeError', () => {
  it('names errors and escapes their text', () => {
    expect(describeError(new TypeError('bad\nthing'))).toBe('TypeError: bad\\nthing');
    expect(describeError('plain')).toBe('a thrown "plain"');
    expect(describeError(new Error('x'.repeat(500))).length).toBeLessThan(220);
  });
});

describe('paths and numbers', () => {
  it('joins JSON paths', () => {
    expect(joinPath('', 'indicators')).toBe('indicators');
    expect(joinPath('indicators', 12)).toBe('indicators[12]');
    expect(joinPath('indicators[12]', 'value')).toBe('indicators[12].value');
    expect(joinPath('metrics', 'bad key')).toBe('metrics["bad key"]');
    expect(joinPath('$', 0)).toBe('$[0]');
  });

  it('groups digits', () => {
    expect(groupDigits(1234)).toBe('1,234');
    expect(groupDigits(999)).toBe('999');
    expect(quoteString('ok')).toBe('"ok"');
  });
});
