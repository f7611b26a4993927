/**
 * Seeded pseudo-random numbers. Everything the generator invents comes from here, so the
 * same seed always gives the same feeds, byte for byte.
 *
 * Each part of the generator draws from its own stream (`rng('grids')`, `rng('events')`, …),
 * so changing how one part uses randomness does not shift the numbers any other part gets.
 */

/** The seed every sample feed is built from. Change it to get a different (equally valid) sample. */
export const DEFAULT_SEED = 20171204;

/** 32-bit FNV-1a hash of a string, used to derive one stream's seed from a name. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny, fast, well-distributed 32-bit generator. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded stream with the few distributions the generator needs. */
export class Random {
  readonly #next: () => number;

  constructor(seed: number) {
    this.#next = mulberry32(seed);
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.#next();
  }

  /** Uniform float in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.#next();
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.#next() * (max - min + 1));
  }

  /** Standard normal (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.#next();
    const v = this.#next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Poisson-distributed whole count with the given mean. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 60) return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.#next();
    while (p > limit) {
      k++;
      p *= this.#next();
    }
    return k;
  }

  /** Index drawn with probability proportional to `weights` (all ≥ 0, not all 0). */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.#next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.#next() * items.length)];
    if (item === undefined) throw new Error('pick() needs a non-empty array');
    return item;
  }
}

/** The stream named `name` under `seed`. */
export function rng(name: string, seed: number = DEFAULT_SEED): Random {
  return new Random((hashString(name) ^ seed) >>> 0);
}

/**
 * Splits `total` into whole parts proportional to `weights` (largest remainder, ties by index),
 * so the parts always add up to exactly `total`.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
}

/**
 * Splits a whole `count` among `weights` at random (a multinomial draw): each unit goes to
 * index i with probability weights[i] / sum.
 */
export function multinomial(random: Random, count: number, weights: readonly number[]): number[] {
  const parts = weights.map(() => 0);
  for (let k = 0; k < count; k++) {
    const i = random.weighted(weights);
    parts[i] = (parts[i] ?? 0) + 1;
  }
  return parts;
}
