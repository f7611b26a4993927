/**
 * Ordering of responses. Every request (and every message from the live stream) takes a number;
 * a result older than the last one applied is ignored, so a slow response can never overwrite
 * a newer one, whatever order the network delivers them in.
 */
export class RequestSequence {
  private issued = 0;
  private applied = 0;

  /** Number for a new request; later requests get larger numbers. */
  next(): number {
    this.issued += 1;
    return this.issued;
  }

  /** The number of the most recently issued request. */
  get latest(): number {
    return this.issued;
  }

  /** The number of the most recently applied result (0 before any). */
  get lastApplied(): number {
    return this.applied;
  }

  /**
   * A successful result for request `seq` arrived: true if it may be applied (nothing newer has
   * been applied); it then becomes the last applied one.
   */
  acceptResult(seq: number): boolean {
    if (seq <= this.applied || seq > this.issued) return false;
    this.applied = seq;
    return true;
  }

  /**
   * A failure of request `seq` arrived: only the latest request's failure counts (an older request
   * failing says nothing about the current state when a newer one is in flight or has landed).
   */
  acceptFailure(seq: number): boolean {
    if (seq !== this.issued || seq <= this.applied) return false;
    this.applied = seq;
    return true;
  }
}

/** Milliseconds since the epoch of an ISO date-time, or undefined when it does not parse. */
export function parseTime(iso: string | undefined | null): number | undefined {
  if (typeof iso !== 'string') return undefined;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : undefined;
}

/**
 * True when `candidate` is strictly older than `current` (both ISO date-times with zones). Unparsable
 * values never count as older, so a bad clock string cannot freeze a feed.
 */
export function isOlderAsOf(candidate: string | undefined, current: string | undefined): boolean {
  const a = parseTime(candidate);
  const b = parseTime(current);
  return a !== undefined && b !== undefined && a < b;
}
