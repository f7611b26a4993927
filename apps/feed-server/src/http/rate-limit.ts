/**
 * Per-client limits: a token bucket for writes (N per minute, refilled continuously, bursts up to
 * N) and a counter of open streams. A client is its IP address.
 */

export class WriteRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one write for `client`: 0 when allowed, else the seconds to wait before the next one. */
  take(client: string): number {
    if (this.perMinute <= 0) return 60;
    const now = this.now();
    const rate = this.perMinute / 60_000;
    const bucket = this.buckets.get(client) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    this.buckets.set(client, bucket);
    if (this.buckets.size > 10_000) this.sweep(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000));
  }

  /** Forgets clients whose bucket has refilled (they are back to the default). */
  private sweep(now: number): void {
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * (this.perMinute / 60_000) >= this.perMinute) {
        this.buckets.delete(client);
      }
    }
  }
}

export class StreamCounter {
  private readonly open = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly perClient: number,
    private readonly max: number,
  ) {}

  /** Claims a stream for `client`: 'ok', or which cap it would pass. Call `release` when it closes. */
  claim(client: string): 'ok' | 'client' | 'total' {
    const mine = this.open.get(client) ?? 0;
    if (mine >= this.perClient) return 'client';
    if (this.total >= this.max) return 'total';
    this.open.set(client, mine + 1);
    this.total += 1;
    return 'ok';
  }

  release(client: string): void {
    const mine = this.open.get(client) ?? 0;
    if (mine <= 1) this.open.delete(client);
    else this.open.set(client, mine - 1);
    if (mine > 0) this.total -= 1;
  }

  get size(): number {
    return this.total;
  }
}
