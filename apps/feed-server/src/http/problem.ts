/**
 * `application/problem+json` answers (RFC 9457). Every refusal says what went wrong and, for a
 * rejected payload, lists each problem with its JSON path and a sentence.
 */
import type { FastifyReply } from 'fastify';

/** One problem in a payload: where (`indicators[2].value`, `line 4, value`) and what. */
export interface PayloadProblem {
  path: string;
  message: string;
}

export interface ProblemDetails {
  /** A short name; the `type` is `urn:safety-widgets:problem:<kind>`. */
  kind: string;
  status: number;
  title: string;
  detail: string;
  problems?: PayloadProblem[];
  headers?: Record<string, string | number>;
}

export const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

/** Thrown where a reply is not at hand (body parsers, hooks); the error handler answers with it. */
export class ProblemError extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail);
    this.name = 'ProblemError';
  }
}

/** The problem document as JSON text. */
export function problemJson(problem: ProblemDetails): string {
  return JSON.stringify({
    type: `urn:safety-widgets:problem:${problem.kind}`,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    ...(problem.problems ? { problems: problem.problems } : {}),
  });
}

/**
 * The whole HTTP/1.1 response for `problem`, for the few answers written straight to a socket
 * (a connection refused at a cap, a request Node could not parse); it closes the connection.
 */
export function rawProblemResponse(problem: ProblemDetails): string {
  const body = problemJson(problem);
  const headers = {
    ...problem.headers,
    'Content-Type': PROBLEM_TYPE,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    Connection: 'close',
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${problem.status} ${problem.title}\r\n${head.join('\r\n')}\r\n\r\n${body}`;
}

export function sendProblem(reply: FastifyReply, problem: ProblemDetails): FastifyReply {
  return reply
    .code(problem.status)
    .headers({ ...problem.headers, 'Content-Type': PROBLEM_TYPE, 'Cache-Control': 'no-store' })
    .send(problemJson(problem));
}

export const notFound = (detail: string): ProblemDetails => ({
  kind: 'not-found',
  status: 404,
  title: 'Not found',
  detail,
});

export const methodNotAllowed = (allow: string): ProblemDetails => ({
  kind: 'method-not-allowed',
  status: 405,
  title: 'Method not allowed',
  detail: `This URL answers ${allow}.`,
  headers: { Allow: allow },
});

export const invalidPayload = (problems: PayloadProblem[], what: string): ProblemDetails => ({
  kind: 'invalid-payload',
  status: 422,
  title: 'The payload was rejected',
  detail: `${problems.length === 1 ? 'One problem' : `${problems.length} problems`} in the ${what}; nothing was written.`,
  problems,
});

export const badRequest = (detail: string, problems?: PayloadProblem[]): ProblemDetails => ({
  kind: 'bad-request',
  status: 400,
  title: 'Bad request',
  detail,
  ...(problems ? { problems } : {}),
});

export const tooLarge = (limit: number, size?: number): ProblemDetails => ({
  kind: 'body-too-large',
  status: 413,
  title: 'Request body too large',
  detail: `The body${size !== undefined ? ` is ${size} bytes,` : ' is'} larger than this server's limit of ${limit} bytes. Split the change into smaller requests.`,
});

/** The database cannot be reached: nothing was read or written; the client may try again soon. */
export function storeUnavailable(reason: string): ProblemDetails {
  return {
    kind: 'database-unavailable',
    status: 503,
    title: 'Service Unavailable',
    detail: `The feed database cannot be reached just now, so nothing was read or written. Try again in a few seconds. (${reason})`,
    headers: { 'Retry-After': 5 },
  };
}
