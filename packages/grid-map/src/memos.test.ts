import { describe, expect, it } from 'vitest';
import { Memos } from './memos.js';

describe('Memos', () => {
  it('makes a value again only when a dependency changed, by identity', () => {
    const memos = new Memos();
    let made = 0;
    const deps = { a: {} };
    const make = (d: unknown) => memos.memo('slot', [d, 1], () => ({ n: ++made }));
    const first = make(deps.a);
    expect(make(deps.a)).toBe(first);
    expect(made).toBe(1);
    const second = make({});
    expect(second).not.toBe(first);
    expect(made).toBe(2);
    expect(memos.get('slot')?.value).toBe(second);
  });

  it('keeps slots apart, and a different number of dependencies is a change', () => {
    const memos = new Memos();
    expect(memos.memo('a', [1], () => 'a')).toBe('a');
    expect(memos.memo('b', [1], () => 'b')).toBe('b');
    expect(memos.memo('a', [1, 2], () => 'a2')).toBe('a2');
  });

  it('keeps the last value when `same` says the new one equals it', () => {
    const memos = new Memos();
    const same = (x: number[], y: number[]) => x.join() === y.join();
    const first = memos.memo('s', [1], () => [1, 2], same);
    const again = memos.memo('s', [2], () => [1, 2], same);
    expect(again).toBe(first);
    const other = memos.memo('s', [3], () => [3], same);
    expect(other).toEqual([3]);
  });
});
