import { describe, expect, it } from 'vitest';
import { makeFeed } from '../../test/fixtures/feed.js';
import { formatBytes, lineAndColumn, sizeOver, utf8Length } from './json-text.js';
import { DEFAULT_MAX_BYTES, parseFeedText } from './validate.js';

const MB = 1024 * 1024;
const validText = () => JSON.stringify(makeFeed(), null, 2);

describe('parseFeedText', () => {
  it('reads a valid feed', () => {
    const result = parseFeedText(validText());
    expect(result).toMatchObject({ ok: true, issues: [], dropped: {} });
    expect(result.feed?.id).toBe('test-district');
  });

  it('passes item problems through as warnings', () => {
    const result = parseFeedText(validText().replace('"value": 225', '"value": "225"'));
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        path: 'indicators[0].value',
        message: 'indicators[0].value: expected a number, got "225"',
      },
    ]);
  });

  it('reports a JSON syntax error with its line and column', () => {
    const text = '{\n  "format": "safety-feed",\n  "version": 1,\n}';
    const result = parseFeedText(text);
    expect(result.ok).toBe(false);
    expect(result.feed).toBeUndefined();
    expect(result.issues).toHaveLength(1);
    const [issue] = result.issues;
    expect(issue?.severity).toBe('fatal');
    expect(issue?.path).toBe('$');
    expect(issue?.message).toMatch(/^\$: not valid JSON: /);
    // V8 gives the position for this error; we add line and column (or V8 does).
    expect(issue?.message).toMatch(/line 4,? column 1\b/);
  });

  it('reports an unexpected token (engines differ in wording)', () => {
    const result = parseFeedText('{"format": "safety-feed", "version": NaN}');
    expect(result.ok).toBe(false);
    expect(result.issues[0]?.message).toMatch(/^\$: not valid JSON: .*(N|token)/);
  });

  it('reports text that stops early', () => {
    const result = parseFeedText('{"format": "safety-feed",\n "areas": [');
    expect(result.issues[0]?.message).toMatch(/^\$: not valid JSON: .*end of JSON input.*line 2, column 12/);
  });

  it('reports trailing garbage after the JSON', () => {
    const result = parseFeedText(`${validText()} ]`);
    expect(result.ok).toBe(false);
    expect(result.issues[0]?.message).toMatch(/^\$: not valid JSON: .*position \d+/);
  });

  it.each([
    ['empty', ''],
    ['whitespace only', ' \n\t '],
    ['a byte order mark only', '\ufeff'],
  ])('rejects %s text', (_what, text) => {
    expect(parseFeedText(text)).toEqual({
      ok: false,
      issues: [{ severity: 'fatal', path: '$', message: '$: the feed text is empty (expected JSON)' }],
      dropped: {},
    });
  });

  it('ignores a leading byte order mark', () => {
    expect(parseFeedText(`\ufeff${validText()}`).ok).toBe(true);
  });

  it('rejects JSON that is not a feed object', () => {
    expect(parseFeedText('"hello"').issues[0]?.message).toBe('$: expected a feed object, got "hello"');
    expect(parseFeedText('null').issues[0]?.message).toBe('$: expected a feed object, got null');
    expect(parseFeedText('[]').issues[0]?.message).toBe('$: expected a feed object, got an empty array');
  });

  it('rejects text over 20 MB by size, before parsing it', () => {
    const size = Math.round(23.4 * MB);
    const head = '{"format":"safety-feed","padding":"';
    const text = `${head}${'x'.repeat(size - head.length - 2)}"}`;
    expect(text.length).toBe(size);
    expect(parseFeedText(text)).toEqual({
      ok: false,
      issues: [{ severity: 'fatal', path: '$', message: '$: feed is 23.4 MB, larger than the 20 MB limit' }],
      dropped: {},
    });
  });

  it('counts UTF-8 bytes, not characters, against maxBytes', () => {
    const text = validText();
    const bytes = utf8Length(text);
    expect(bytes).toBeGreaterThan(text.length); // the fixture has Chinese names
    expect(parseFeedText(text, { maxBytes: bytes }).ok).toBe(true);
    const result = parseFeedText(text, { maxBytes: text.length });
    expect(result.ok).toBe(false);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.message).toMatch(/^\$: feed is .+ kB.*, larger than the .+ kB limit/);
  });

  it('uses a small maxBytes in messages', () => {
    expect(parseFeedText(validText(), { maxBytes: 100 }).issues[0]?.message).toMatch(
      /^\$: feed is [\d.]+ kB, larger than the 100 B limit$/,
    );
  });

  it('falls back to the default limit for a nonsense maxBytes', () => {
    expect(parseFeedText(validText(), { maxBytes: Number.NaN }).ok).toBe(true);
    expect(parseFeedText(validText(), { maxBytes: -1 }).ok).toBe(true);
  });

  it('never throws on a non-string', () => {
    expect(parseFeedText(42 as unknown as string).issues[0]?.message).toBe(
      '$: expected feed text (a string), got 42',
    );
  });
});

describe('feed text helpers', () => {
  it('counts UTF-8 bytes', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('测')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
    expect(utf8Length('\ud800')).toBe(3); // a lone surrogate is written as U+FFFD
    expect(utf8Length('a测😀é')).toBe(new TextEncoder().encode('a测😀é').length);
  });

  it('decides over/under without encoding', () => {
    expect(sizeOver('abc', 9)).toBeUndefined();
    expect(sizeOver('测测测', 8)).toBe(9);
    expect(sizeOver('测测测', 9)).toBeUndefined();
  });

  it('words sizes', () => {
    expect(formatBytes(DEFAULT_MAX_BYTES)).toBe('20 MB');
    expect(formatBytes(Math.round(23.4 * MB))).toBe('23.4 MB');
    expect(formatBytes(2150)).toBe('2.1 kB');
    expect(formatBytes(100)).toBe('100 B');
  });

  it('finds line and column', () => {
    expect(lineAndColumn('ab\ncd\ne', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab', 0)).toEqual({ line: 1, column: 1 });
  });
});
