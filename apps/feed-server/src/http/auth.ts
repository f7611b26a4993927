/**
 * Bearer-token authorisation of the write API. The token comes from configuration
 * (SAFETY_FEED_TOKEN); with none configured every write is refused. Tokens are compared as
 * SHA-256 digests with `timingSafeEqual`, so neither the length nor any prefix leaks through timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ProblemDetails } from './problem.js';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

export type AuthOutcome = { ok: true } | { ok: false; problem: ProblemDetails };

/** A checker for one configured token (or none). */
export function bearerAuth(
  token: string | undefined,
): (headers: { authorization?: string | undefined }) => AuthOutcome {
  const expected = token ? digest(token) : undefined;
  return (headers) => {
    if (!expected) {
      return {
        ok: false,
        problem: {
          kind: 'writes-disabled',
          status: 403,
          title: 'Writes are disabled',
          detail:
            'This server has no write token configured, so it refuses every write. Start it with SAFETY_FEED_TOKEN set.',
        },
      };
    }
    const header = headers.authorization;
    const match = typeof header === 'string' ? /^Bearer[ ]+([^\s]+)\s*$/i.exec(header) : null;
    if (!match) {
      return {
        ok: false,
        problem: {
          kind: 'unauthorized',
          status: 401,
          title: 'Authorisation required',
          detail: header
            ? 'The Authorization header is not "Bearer <token>".'
            : 'Send the write token as "Authorization: Bearer <token>".',
          headers: { 'WWW-Authenticate': 'Bearer realm="safety-feed"' },
        },
      };
    }
    if (!timingSafeEqual(digest(match[1]!), expected)) {
      return {
        ok: false,
        problem: {
          kind: 'unauthorized',
          status: 401,
          title: 'Wrong token',
          detail: 'The bearer token is not the one this server was configured with.',
          headers: { 'WWW-Authenticate': 'Bearer realm="safety-feed", error="invalid_token"' },
        },
      };
    }
    return { ok: true };
  };
}
