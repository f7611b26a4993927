/**
 * How failures are answered: every error becomes a problem+json answer (a 500 says nothing of
 * the error, which goes to the log), and an oversized body is refused without being buffered.
 *
 * A body over the limit is answered 413 as soon as it is known — from Content-Length before a
 * byte is read, or when a chunked body passes the limit — and the rest of it is read and
 * thrown away (up to DISCARD_BYTES or DISCARD_MS), so the client reads the answer instead of a
 * reset connection. `Expect: 100-continue` with a Content-Length over the limit is answered
 * 413 at once, without the `100 Continue` that would invite the body.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  problemJson,
  ProblemError,
  PROBLEM_TYPE,
  sendProblem,
  tooLarge,
  type ProblemDetails,
} from './problem.js';

const DISCARD_BYTES = 64 * 1024 * 1024;
const DISCARD_MS = 30_000;

/** Reads and drops the rest of a refused body; closes the connection past the bounds. */
function discardRest(req: IncomingMessage): void {
  if (req.complete) return;
  let bytes = 0;
  const stop = setTimeout(() => req.socket.destroy(), DISCARD_MS);
  stop.unref();
  req.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > DISCARD_BYTES) req.socket.destroy();
  });
  req.once('close', () => clearTimeout(stop));
  req.resume();
}

const declaredLength = (req: IncomingMessage): number | undefined => {
  const n = Number(req.headers['content-length']);
  return Number.isFinite(n) && req.headers['content-length'] !== undefined ? n : undefined;
};

/** Fastify's error handler. */
export function errorHandler(limit: number) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    if (error instanceof ProblemError) return sendProblem(reply, error.problem);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // Fastify asks to close the connection; the rest of the body is drained instead (above).
      reply.removeHeader('connection');
      discardRest(request.raw);
      return sendProblem(reply, tooLarge(limit, declaredLength(request.raw)));
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      return sendProblem(reply, {
        kind: 'bad-request',
        status,
        title: 'Bad request',
        detail: error.message,
      });
    }
    console.error(`${request.method} ${request.url}:`, error);
    return sendProblem(reply, {
      kind: 'internal',
      status: 500,
      title: 'Internal error',
      detail: 'The server failed to answer this request; nothing was written. The error is in its log.',
    });
  };
}

/** Writes a problem on a response Fastify has not been handed. */
export function sendRawProblem(res: ServerResponse, problem: ProblemDetails): void {
  const body = problemJson(problem);
  res.writeHead(problem.status, {
    ...problem.headers,
    'Content-Type': PROBLEM_TYPE,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

/**
 * Answers `Expect: 100-continue` itself: 413 (and close) when the declared body is over the
 * limit, else `100 Continue` and the request goes on to Fastify as usual.
 */
export function handleExpectContinue(server: Server, limit: number): void {
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    const declared = declaredLength(req);
    if (declared !== undefined && declared > limit) {
      sendRawProblem(res, { ...tooLarge(limit, declared), headers: { Connection: 'close' } });
      return;
    }
    res.writeContinue();
    server.emit('request', req, res);
  });
}
