import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay, pollDelay } from './timing.js';

const fixed = (r: number) => () => r;

describe('backoffDelay (exponential, full jitter)', () => {
  it('doubles the ceiling per attempt from the base, up to the cap', () => {
    const o = { baseMs: 1000, maxMs: 300_000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffCeiling(n, o))).toEqual([1000, 2000, 4000, 8000, 16_000]);
    expect(backoffCeiling(9, o)).toBe(256_000);
    expect(backoffCeiling(10, o)).toBe(300_000);
    expect(backoffCeiling(10_000, o)).toBe(300_000);
  });

  it('draws uniformly below the ceiling with the injected random', () => {
    const o = { baseMs: 1000, maxMs: 300_000 };
    expect(backoffDelay(1, { ...o, random: fixed(0) })).toBe(0);
    expect(backoffDelay(1, { ...o, random: fixed(0.5) })).toBe(500);
    expect(backoffDelay(3, { ...o, random: fixed(0.25) })).toBe(1000);
    expect(backoffDelay(20, { ...o, random: fixed(0.5) })).toBe(150_000);
    expect(backoffDelay(1, { ...o, random: fixed(0.999_999_9) })).toBeLessThan(1000);
  });

  it('survives odd inputs: attempts below 1, non-finite or out-of-range randoms', () => {
    const o = { baseMs: 100, maxMs: 1000 };
    expect(backoffDelay(0, { ...o, random: fixed(0.5) })).toBe(50);
    expect(backoffDelay(Number.NaN, { ...o, random: fixed(0.5) })).toBe(50);
    expect(backoffDelay(2, { ...o, random: fixed(Number.NaN) })).toBe(0);
    expect(backoffDelay(2, { ...o, random: fixed(-3) })).toBe(0);
    expect(backoffDelay(2, { ...o, random: fixed(7) })).toBeLessThan(200);
    expect(backoffDelay(2, { ...o, random: fixed(7) })).toBeGreaterThanOrEqual(199);
  });
});

describe('pollDelay', () => {
  const base = { minMs: 15_000, maxMs: 3_600_000, jitter: 0, random: fixed(0.5) };

  it('polls at half expectedUpdateSeconds, clamped to the bounds', () => {
    expect(pollDelay({ ...base, expectedUpdateSeconds: 600 })).toBe(300_000);
    expect(pollDelay({ ...base, expectedUpdateSeconds: 10 })).toBe(15_000);
    expect(pollDelay({ ...base, expectedUpdateSeconds: 86_400 })).toBe(3_600_000);
  });

  it('prefers an explicit interval, clamped to 1 s .. 1 day; 0 turns polling off', () => {
    expect(pollDelay({ ...base, intervalSeconds: 30, expectedUpdateSeconds: 600 })).toBe(30_000);
    expect(pollDelay({ ...base, intervalSeconds: 0.01 })).toBe(1000);
    expect(pollDelay({ ...base, intervalSeconds: 10_000_000 })).toBe(86_400_000);
    expect(pollDelay({ ...base, intervalSeconds: 0, expectedUpdateSeconds: 600 })).toBeUndefined();
  });

  it('ignores a nonsensical explicit interval and has no interval without a feed', () => {
    expect(pollDelay({ ...base, intervalSeconds: -5, expectedUpdateSeconds: 600 })).toBe(300_000);
    expect(pollDelay({ ...base, intervalSeconds: Number.NaN, expectedUpdateSeconds: 600 })).toBe(300_000);
    expect(pollDelay({ ...base })).toBeUndefined();
  });

  it('jitters by at most ±jitter', () => {
    const o = { ...base, jitter: 0.1, expectedUpdateSeconds: 200 };
    expect(pollDelay({ ...o, random: fixed(0) })).toBe(90_000);
    expect(pollDelay({ ...o, random: fixed(0.5) })).toBe(100_000);
    expect(pollDelay({ ...o, random: fixed(0.999_999) })).toBe(110_000);
  });
});
