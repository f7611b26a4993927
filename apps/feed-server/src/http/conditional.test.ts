import { describe, expect, it } from 'vitest';
import { httpDate, isNotModified } from './conditional.js';

const etag = '"abc"';
const t = Date.parse('2026-12-07T10:00:00.400Z');
const at = (ms: number) => ({ 'if-modified-since': httpDate(ms) });

describe('isNotModified', () => {
  it('lets If-None-Match decide whenever it is present, weakly compared', () => {
    const v = { etag, updatedAt: t, previousAt: undefined };
    expect(isNotModified({ 'if-none-match': '"abc"' }, v)).toBe(true);
    expect(isNotModified({ 'if-none-match': '"x", W/"abc"' }, v)).toBe(true);
    expect(isNotModified({ 'if-none-match': '*' }, v)).toBe(true);
    expect(isNotModified({ 'if-none-match': '"old"', ...at(t + 60_000) }, v)).toBe(false);
    expect(
      isNotModified({ 'if-none-match': '"abc"', 'if-modified-since': 'Sat, 01 Jan 2000 00:00:00 GMT' }, v),
    ).toBe(true);
  });

  it('answers If-Modified-Since by the second of the version, ignoring a date in the future', () => {
    const v = { etag, updatedAt: t, previousAt: t - 5000 };
    expect(isNotModified(at(t), v, t + 60_000)).toBe(true);
    expect(isNotModified(at(t + 1000), v, t + 60_000)).toBe(true);
    expect(isNotModified(at(t + 120_000), v, t + 60_000)).toBe(false);
    expect(isNotModified(at(t - 1000), v)).toBe(false);
    expect(isNotModified({ 'if-modified-since': 'not a date' }, v)).toBe(false);
    expect(isNotModified({}, v)).toBe(false);
  });

  it('never hides a second version made within the same second', () => {
    // The client fetched the version of 10:00:00.100; the feed changed again at 10:00:00.400.
    const v = { etag, updatedAt: t, previousAt: t - 300 };
    expect(isNotModified(at(t - 300), v)).toBe(false);
    // A date after that second is still proof: both versions are older than it.
    expect(isNotModified(at(t + 1000), v, t + 60_000)).toBe(true);
  });
});
