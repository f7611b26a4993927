/**
 * Helpers for reading feed text: its size in UTF-8 bytes, sizes in words, and clear
 * messages for JSON syntax errors.
 */
import { describeError, groupDigits } from './describe.js';
import { MEGABYTE } from './rules.js';

export { DEFAULT_MAX_BYTES, MEGABYTE } from './rules.js';

/** Size of `text` encoded as UTF-8, in bytes, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // A surrogate pair is 2 UTF-16 units and 4 bytes; a lone surrogate becomes U+FFFD (3 bytes).
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 2;
        i += 1;
      } else bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}

/**
 * The UTF-8 size of `text` if it is larger than `limit` bytes, else undefined. Cheap for the
 * usual cases: every UTF-16 unit is at least one byte and at most three.
 */
export function sizeOver(text: string, limit: number): number | undefined {
  if (text.length * 3 <= limit) return undefined;
  const bytes = utf8Length(text);
  return bytes > limit ? bytes : undefined;
}

/** A byte count in words: `512 B`, `2.1 kB`, `23.4 MB`, `20 MB` (one decimal, none if whole). */
export function formatBytes(bytes: number): string {
  const oneDecimal = (n: number) => n.toFixed(1).replace(/\.0$/, '');
  if (bytes >= MEGABYTE) return `${oneDecimal(bytes / MEGABYTE)} MB`;
  if (bytes >= 1024) return `${oneDecimal(bytes / 1024)} kB`;
  return `${groupDigits(bytes)} B`;
}

/**
 * Why text is too large: `feed is 23.4 MB, larger than the 20 MB limit` (exact byte counts
 * are added when rounding would make both look the same).
 */
export function tooLargeReason(bytes: number, limit: number): string {
  const size = formatBytes(bytes);
  const max = formatBytes(limit);
  if (size === max) {
    return `feed is ${size} (${groupDigits(bytes)} bytes), larger than the ${max} limit (${groupDigits(limit)} bytes)`;
  }
  return `feed is ${size}, larger than the ${max} limit`;
}

/** Line and column (both from 1) of a UTF-16 offset in `text`. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const end = Math.max(0, Math.min(position, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Words for an error thrown by `JSON.parse(text)`: the engine's message, plus the line and
 * column when the engine gives only a position (`… at position 12 (line 2, column 5)`), or
 * where the text stops when it ends early.
 */
export function describeJsonError(error: unknown, text: string): string {
  if (error instanceof RangeError) return 'the JSON is nested too deeply to read';
  const base = describeError(error).replace(/^SyntaxError: /, '');
  const position = /\bposition (\d+)/.exec(base);
  if (position && !/\bline\b/i.test(base)) {
    const { line, column } = lineAndColumn(text, Number(position[1]));
    return `${base} (line ${line}, column ${column})`;
  }
  if (/end of (JSON )?(input|data)/i.test(base) && !/\bline\b/i.test(base)) {
    const { line, column } = lineAndColumn(text, text.length);
    return `${base} (the text stops at line ${line}, column ${column})`;
  }
  return base;
}
