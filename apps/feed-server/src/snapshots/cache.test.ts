/** The image cache (bytes-bounded LRU, single flight) and the render limits (queue, per-client budget). */
import { describe, expect, it } from 'vitest';
import { SnapshotCache, type CachedImage } from './cache.js';
import { RenderBudget, RenderQueue } from './limits.js';

const image = (bytes: number): CachedImage => ({
  kind: 'image',
  body: Buffer.alloc(bytes),
  contentType: 'image/png',
  widgetStatus: 'ready',
  encoded: new Map(),
});

/** A promise with its resolve, to hold a render open. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('SnapshotCache', () => {
  it('keeps images within its bytes, dropping the least recently used first', () => {
    const cache = new SnapshotCache(1000);
    cache.set('a', image(400));
    cache.set('b', image(400));
    expect(cache.get('a')).toBeDefined(); // a is now the most recently used
    cache.set('c', image(400));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    expect(cache.size).toEqual({ bytes: 800, entries: 2 });
  });

  it('does not keep an image larger than the whole cache', () => {
    const cache = new SnapshotCache(100);
    cache.set('big', image(101));
    expect(cache.get('big')).toBeUndefined();
    expect(cache.size.bytes).toBe(0);
  });

  it('counts compressed copies against the bound', () => {
    const cache = new SnapshotCache(1000);
    cache.set('a', image(400));
    cache.set('b', image(400));
    cache.grow('b', 300);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toEqual({ bytes: 700, entries: 1 });
  });

  it('runs one render for concurrent requests of one key, and caches its result', async () => {
    const cache = new SnapshotCache(1000);
    const held = deferred<CachedImage>();
    let renders = 0;
    const first = cache.fly('k', () => {
      renders++;
      return held.promise;
    });
    const joined = cache.inFlight('k');
    expect(joined).toBe(first);
    held.resolve(image(10));
    expect(await joined).toBe(await first);
    expect(renders).toBe(1);
    expect(cache.inFlight('k')).toBeUndefined();
    expect(cache.get('k')).toBe(await first);
  });

  it('forgets a failed render, so the next request tries again', async () => {
    const cache = new SnapshotCache(1000);
    await expect(cache.fly('k', () => Promise.reject(new Error('crashed')))).rejects.toThrow('crashed');
    expect(cache.inFlight('k')).toBeUndefined();
    expect(cache.get('k')).toBeUndefined();
  });
});

describe('RenderQueue', () => {
  it('runs at most `concurrency` tasks, queues up to its bound, and has no room beyond', async () => {
    const queue = new RenderQueue(1, 1);
    const a = deferred<void>();
    const b = deferred<void>();
    const order: string[] = [];
    const first = queue.run(async () => {
      order.push('a');
      await a.promise;
    });
    expect(queue.hasRoom).toBe(true);
    const second = queue.run(async () => {
      order.push('b');
      await b.promise;
    });
    expect(queue.load).toEqual({ running: 1, waiting: 1 });
    expect(queue.hasRoom).toBe(false);
    await Promise.resolve();
    expect(order).toEqual(['a']);
    a.resolve();
    await first;
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['a', 'b']);
    expect(queue.load).toEqual({ running: 1, waiting: 0 });
    b.resolve();
    await second;
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the turn of a task that failed', async () => {
    const queue = new RenderQueue(1, 0);
    await expect(queue.run(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(queue.hasRoom).toBe(true);
  });
});

describe('RenderBudget', () => {
  it('gives each client its own renders per minute, and says when it has one again', () => {
    let now = 1_000_000;
    const budget = new RenderBudget(2, () => now);
    expect(budget.take('a')).toEqual({ ok: true });
    expect(budget.take('a')).toEqual({ ok: true });
    expect(budget.take('b')).toEqual({ ok: true });
    now += 15_000;
    expect(budget.take('a')).toEqual({ ok: false, retryAfterS: 45 });
    now += 45_000;
    expect(budget.take('a')).toEqual({ ok: true });
  });
});
