/**
 * `application/problem+json` answers (RFC 9457). Every refusal says what went wrong and, for a
 * rejected payload, lists each problem with its JSON path and a sentence.
 */
import type { ServerResponse } from 'node:http';

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

export function sendProblem(res: ServerResponse, problem: ProblemDetails, instance?: string): void {
  const body = JSON.stringify({
    type: `urn:safety-widgets:problem:${problem.kind}`,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    ...(instance ? { instance } : {}),
    ...(problem.problems ? { problems: problem.problems } : {}),
  });
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(problem.status, {
    ...problem.headers,
    'Content-Type': PROBLEM_TYPE,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

export const notFound = (detail: string): ProblemDetails => ({
  kind: 'not-found',
  status: 404,
  title: 'Not found',
  detail,
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
