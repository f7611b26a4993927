/**
 * Values a map keeps from one render to the next, each in a named slot and made again only when
 * what it depends on changed (by identity): the names in the map's language, the ranking, the
 * point marks, the table model… (what maps sharing a feed share is in ./feed-derived.ts instead).
 */

/** One slot: what its value was made from, and the value. */
export interface Memo {
  readonly deps: readonly unknown[];
  readonly value: unknown;
}

/** The slots of one map, by name. */
export class Memos extends Map<string, Memo> {
  /**
   * The value of `slot`: the last one while none of `deps` changed (by identity), else `fn()`. With
   * `same`, a new value equal to the last one is dropped for the last one, so that what depends on
   * it is not made again.
   */
  memo<T>(slot: string, deps: readonly unknown[], fn: () => T, same?: (a: T, b: T) => boolean): T {
    const m = this.get(slot);
    if (m && m.deps.length === deps.length && m.deps.every((d, i) => Object.is(d, deps[i])))
      return m.value as T;
    let value = fn();
    if (m && same?.(m.value as T, value)) value = m.value as T;
    this.set(slot, { deps, value });
    return value;
  }
}
