/**
 * How failures are answered: every error becomes a problem+json answer (a 500 says nothing of
 * the error, which goes to the log), and an oversized body is refused without being buffered.
 *
 * A body over the limit is answered 413 as soon as it is known — from Content-Length before a
 * byte is read, or when a chunked body passes the limit — and the rest of it is read and
 * thrown away (up to DISCARD_BYTES or DISCARD_MS), so the client reads the answer instead of a
 * reset connection. `Expect: 100-continue` is answered 413 at once when the declared body is
 * over the limit; otherwise `100 Continue` is sent only once the request has passed every check
 * made before its body is read (token, budgets, feed, type), so no body is invited to be refused.
 */
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest, preParsingHookHandler } from 'fastify';
import { StoreUnavailableError } from '../db/store.js';
import {
  problemJson,
  ProblemError,
  PROBLEM_TYPE,
  rawProblemResponse,
  sendProblem,
  storeUnavailable,
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

const titleOf = (status: number): string => STATUS_CODES[status] ?? 'Error';
const kindOf = (status: number): string =>
  titleOf(status)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');

/** Fastify's error handler. */
export function errorHandler(limit: number) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    if (error instanceof ProblemError) return sendProblem(reply, error.problem);
    if (error instanceof StoreUnavailableError) return sendProblem(reply, storeUnavailable(error.message));
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      discardRest(request.raw);
      return sendProblem(reply, tooLarge(limit, declaredLength(request.raw)));
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      return sendProblem(reply, {
        kind: kindOf(status),
        status,
        title: titleOf(status),
        detail: error.message,
        headers: (error as { headers?: Record<string, string> }).headers,
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
function sendRawProblem(res: ServerResponse, problem: ProblemDetails): void {
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
 * Answers `Expect` itself: 413 (and close) for `100-continue` with a declared body over the
 * limit, 417 for any other expectation; else the request goes on to Fastify, and `continueBody`
 * sends `100 Continue` once it has passed the checks.
 */
export function handleExpect(server: Server, limit: number): void {
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    const declared = declaredLength(req);
    if (declared !== undefined && declared > limit) {
      sendRawProblem(res, { ...tooLarge(limit, declared), headers: { Connection: 'close' } });
      return;
    }
    server.emit('request', req, res);
  });
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    sendRawProblem(res, {
      kind: 'expectation-failed',
      status: 417,
      title: 'Expectation Failed',
      detail: `This server meets no expectation but "100-continue", not "${String(req.headers.expect)}".`,
      headers: { Connection: 'close' },
    });
  });
}

/** preParsing: the request has passed every check made before its body is read. */
export const continueBody: preParsingHookHandler = (request, reply, payload, done) => {
  if (request.headers.expect?.toLowerCase() === '100-continue' && !reply.raw.headersSent)
    reply.raw.writeContinue();
  done(null, payload);
};

/** Fastify's `clientErrorHandler`: a request Node could not parse, answered as a problem. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  // Not while an answer is half sent on this connection (as Node's own handler).
  const answering = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (!socket.writable || answering?.headersSent) {
    socket.destroy();
    return;
  }
  const status =
    error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  socket.end(
    rawProblemResponse({
      kind: kindOf(status),
      status,
      title: titleOf(status),
      detail:
        status === 408
          ? 'The request did not arrive whole in time.'
          : status === 431
            ? 'The request headers are too large.'
            : 'The request is not valid HTTP/1.1.',
    }),
  );
}
