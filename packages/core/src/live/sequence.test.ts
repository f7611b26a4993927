import { describe, expect, it } from 'vitest';
import { RequestSequence, isOlderAsOf, parseTime } from './sequence.js';

describe('RequestSequence', () => {
  it('applies results in order and ignores one older than the last applied', () => {
    const seq = new RequestSequence();
    const first = seq.next();
    const second = seq.next();
    expect(seq.acceptResult(second)).toBe(true);
    expect(seq.acceptResult(first)).toBe(false);
    expect(seq.lastApplied).toBe(second);
  });

  it('applies an older result that lands before the newer one (it is still news)', () => {
    const seq = new RequestSequence();
    const first = seq.next();
    const second = seq.next();
    expect(seq.acceptResult(first)).toBe(true);
    expect(seq.acceptResult(second)).toBe(true);
    expect(seq.acceptResult(second)).toBe(false);
  });

  it('counts only the latest request’s failure', () => {
    const seq = new RequestSequence();
    const first = seq.next();
    const second = seq.next();
    expect(seq.acceptFailure(first)).toBe(false);
    expect(seq.acceptFailure(second)).toBe(true);
    const third = seq.next();
    expect(seq.acceptResult(third)).toBe(true);
    expect(seq.acceptFailure(third)).toBe(false);
  });

  it('rejects numbers it never issued', () => {
    const seq = new RequestSequence();
    expect(seq.acceptResult(1)).toBe(false);
    expect(seq.acceptFailure(0)).toBe(false);
    expect(seq.latest).toBe(0);
  });
});

describe('isOlderAsOf', () => {
  it('compares instants, whatever the zones', () => {
    expect(isOlderAsOf('2017-12-04T08:59:00+08:00', '2017-12-04T01:00:00Z')).toBe(true);
    expect(isOlderAsOf('2017-12-04T09:00:00+08:00', '2017-12-04T01:00:00Z')).toBe(false);
    expect(isOlderAsOf('2017-12-04T10:00:00+08:00', '2017-12-04T01:00:00Z')).toBe(false);
  });

  it('never calls an unparsable date older', () => {
    expect(isOlderAsOf('yesterday', '2017-12-04T01:00:00Z')).toBe(false);
    expect(isOlderAsOf('2017-12-04T01:00:00Z', undefined)).toBe(false);
    expect(parseTime('nope')).toBeUndefined();
  });
});
