/**
 * Short, safe descriptions of untrusted values for validation messages.
 *
 * Nothing here recurses into a value or calls its methods, so a huge, cyclic or hostile
 * value is described in constant time and never makes the description throw.
 */

/** Strings longer than this many characters are cut in messages. */
export const MAX_QUOTED_CHARACTERS = 40;

/**
 * Characters escaped as `\uXXXX` in quoted strings: C0 and C1 controls, DEL, the line and
 * paragraph separators, bidirectional-text controls (so a message can't be visually
 * reordered) and lone surrogates.
 */
const UNSAFE_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeCharacter(ch: string): string {
  return SHORT_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Formats a whole number with thousands separators, the same in every locale:
 * `groupDigits(1234567)` is `"1,234,567"`.
 */
export function groupDigits(n: number): string {
  return Number.isSafeInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(n);
}

/**
 * Quotes a string for a message: wrapped in `"`, backslash and quote escaped, control and
 * bidi characters escaped, and cut to {@link MAX_QUOTED_CHARACTERS} with its length added,
 * e.g. `"aaaaaaaaaa…" (5,242,880 characters)`.
 */
export function quoteString(text: string): string {
  let shown = text;
  let cut = false;
  if (text.length > MAX_QUOTED_CHARACTERS) {
    let end = MAX_QUOTED_CHARACTERS;
    // Don't split a surrogate pair.
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end -= 1;
    shown = text.slice(0, end);
    cut = true;
  }
  const escaped = shown.replace(/["\\]/g, (ch) => `\\${ch}`).replace(UNSAFE_CHARACTERS, escapeCharacter);
  return cut ? `"${escaped}…" (${groupDigits(text.length)} characters)` : `"${escaped}"`;
}

/**
 * Describes a received value for a message such as `expected a number, got "98%"`:
 * strings quoted (see {@link quoteString}), numbers as written (`NaN`, `Infinity`, `1e+300`),
 * `null`, `undefined`, `true`/`false`, arrays as `an array of 3 items`, objects as `an object`.
 * Never throws: a value that can't even be inspected (a revoked Proxy) is `an unreadable value`.
 */
export function describeValue(value: unknown): string {
  try {
    switch (typeof value) {
      case 'string':
        return quoteString(value);
      case 'number':
        return Object.is(value, -0) ? '-0' : String(value);
      case 'bigint':
        return `${String(value)}n`;
      case 'boolean':
        return String(value);
      case 'undefined':
        return 'undefined';
      case 'symbol':
        return 'a symbol';
      case 'function':
        return 'a function';
      default: {
        if (value === null) return 'null';
        if (Array.isArray(value)) {
          const length: unknown = value.length;
          if (typeof length !== 'number') return 'an array';
          if (length === 0) return 'an empty array';
          return length === 1 ? 'an array of 1 item' : `an array of ${groupDigits(length)} items`;
        }
        return 'an object';
      }
    }
  } catch {
    return 'an unreadable value';
  }
}

/**
 * A short description of something thrown while reading a value (for example by a getter),
 * safe to put in a message: `TypeError: boom`. Never throws.
 */
export function describeError(error: unknown): string {
  try {
    if (error instanceof Error) {
      const name = typeof error.name === 'string' ? error.name : 'Error';
      const message = typeof error.message === 'string' ? error.message : '';
      const text = message ? `${name}: ${message}` : name;
      const shown = text.length > 200 ? `${text.slice(0, 200)}…` : text;
      return shown.replace(UNSAFE_CHARACTERS, escapeCharacter);
    }
    return `a thrown ${describeValue(error)}`;
  } catch {
    return 'an unreadable error';
  }
}
