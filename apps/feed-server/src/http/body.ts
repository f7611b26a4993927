/**
 * Reads a request body as UTF-8 text, refusing bodies over the size cap (declared or actual).
 * An oversized body is drained, not buffered, up to a hard bound, so the client gets the 413
 * answer instead of a reset connection.
 */
import type { IncomingMessage } from 'node:http';
import type { ProblemDetails } from './problem.js';

export type BodyOutcome = { ok: true; text: string } | { ok: false; problem: ProblemDetails };

/** Beyond this many times the cap, an oversized body is not drained: the connection is closed. */
const DRAIN_FACTOR = 16;

function tooLarge(limit: number, size: number | undefined): ProblemDetails {
  return {
    kind: 'body-too-large',
    status: 413,
    title: 'Request body too large',
    detail: `The body${size !== undefined ? ` is ${size} bytes,` : ' is'} larger than this server's limit of ${limit} bytes. Split the change into smaller requests.`,
    headers: { Connection: 'close' },
  };
}

export function readBody(req: IncomingMessage, limit: number): Promise<BodyOutcome> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number.isFinite(declared) && declared > limit;
    let done = false;
    const finish = (outcome: BodyOutcome): void => {
      if (done) return;
      done = true;
      resolve(outcome);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (over) {
        chunks.length = 0;
        if (size > limit * DRAIN_FACTOR) {
          finish({ ok: false, problem: tooLarge(limit, Number.isFinite(declared) ? declared : undefined) });
          req.destroy();
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (over) {
        finish({ ok: false, problem: tooLarge(limit, Number.isFinite(declared) ? declared : size) });
        return;
      }
      try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
        finish({ ok: true, text });
      } catch {
        finish({
          ok: false,
          problem: {
            kind: 'bad-encoding',
            status: 400,
            title: 'Body is not UTF-8',
            detail: 'The request body is not valid UTF-8 text. Save the file as UTF-8 and send it again.',
          },
        });
      }
    });
    req.on('error', () => finish({ ok: false, problem: tooLarge(limit, undefined) }));
  });
}
