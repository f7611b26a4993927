/**
 * Open event streams per client and in total. A client is its address as the server sees it
 * (`request.ip`: the socket's peer, or the X-Forwarded-For entry a trusted proxy vouches for).
 */

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
