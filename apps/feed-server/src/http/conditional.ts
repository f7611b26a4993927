/**
 * Conditional GETs of a feed (RFC 9110, section 13): `If-None-Match` wins over `If-Modified-Since`
 * whenever it is present, and `If-Modified-Since`, whose dates have one-second resolution, never
 * hides a change made later within the same second as the copy the client holds.
 */

/** What a feed version offers to conditional requests. */
export interface Validators {
  /** Strong entity tag, quoted. */
  etag: string;
  /** When this version was made (ms). */
  updatedAt: number;
  /** When the version before it was made (ms); undefined when unknown or none. */
  previousAt: number | undefined;
}

function etagMatches(header: string, etag: string): boolean {
  // Weak comparison, as If-None-Match asks for.
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === etag);
}

/**
 * Whether the client's copy is current. A client that holds `Last-Modified: T` holds a version
 * made within the second T: it is current when the latest version was made before T, or within
 * T and no other version was made within T before it (else it may hold that earlier one).
 */
export function isNotModified(
  headers: { 'if-none-match'?: string | undefined; 'if-modified-since'?: string | undefined },
  { etag, updatedAt, previousAt }: Validators,
  now: number = Date.now(),
): boolean {
  const inm = headers['if-none-match'];
  if (typeof inm === 'string') return etagMatches(inm, etag);
  const ims = headers['if-modified-since'];
  if (typeof ims !== 'string') return false;
  const since = Date.parse(ims);
  // A date in the future proves nothing (RFC 9110, 13.1.3): it is ignored.
  if (Number.isNaN(since) || since > now) return false;
  const second = Math.floor(updatedAt / 1000) * 1000;
  if (since >= second + 1000) return true;
  return since >= second && (previousAt === undefined || previousAt < second);
}

/** The `Last-Modified` value for a version made at `updatedAt`. */
export const httpDate = (ms: number): string => new Date(ms).toUTCString();
