/**
 * What bounds the renderer's work: a fixed number of renders at once with a bounded queue behind
 * them (a full queue is refused at once, never grown), and a per-client budget of renders per
 * minute. Both are synchronous, so a request is admitted or refused in the same turn as it is
 * found missing from the cache, and no two identical requests can both start a render.
 */

/** Renders at once, and a bounded queue of renders waiting for a turn. */
export class RenderQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {}

  /** Whether a new render would be admitted now (running below the limit, or room in the queue). */
  get hasRoom(): boolean {
    return this.running < this.concurrency || this.waiting.length < this.maxWaiting;
  }

  /** Runs `task` in its turn; call only when `hasRoom`. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so `running` never dips below the work there is.
      if (next) next();
      else this.running--;
    }
  }

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}

/** A per-client budget in fixed one-minute windows. */
export class RenderBudget {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Spends one render of `client`'s budget, or says in how many seconds it has one again. */
  take(client: string): { ok: true } | { ok: false; retryAfterS: number } {
    const now = this.now();
    if (this.windows.size > 10_000) this.prune(now);
    let window = this.windows.get(client);
    if (!window || now - window.start >= 60_000) {
      window = { start: now, used: 0 };
      this.windows.set(client, window);
    }
    if (window.used >= this.perMinute)
      return { ok: false, retryAfterS: Math.max(1, Math.ceil((window.start + 60_000 - now) / 1000)) };
    window.used++;
    return { ok: true };
  }

  private prune(now: number): void {
    for (const [client, window] of this.windows) {
      if (now - window.start >= 60_000) this.windows.delete(client);
    }
  }
}
