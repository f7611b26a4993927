/**
 * Request bodies of the write API. Fastify reads them within `bodyLimit` (a declared
 * Content-Length over it is refused before a byte is read; a chunked body is cut at it); this
 * module decodes them as strict UTF-8 and, for JSON routes, parses them with a bound on nesting.
 * Each failure is a problem+json answer naming what is wrong.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseJson } from '../feeds/payloads.js';
import { badRequest, ProblemError } from './problem.js';

/** What a write route reads its body as: set in the route's `config.body`. */
export type BodyKind = 'json' | 'csv';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The write route's body: JSON (parsed) or CSV (text). */
    body?: BodyKind;
  }
}

export const JSON_TYPES = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
export const CSV_TYPES = /^(?:text\/csv|text\/plain|application\/csv)\s*(?:;|$)/i;

const notUtf8 = new ProblemError({
  kind: 'bad-encoding',
  status: 400,
  title: 'Body is not UTF-8',
  detail: 'The request body is not valid UTF-8 text. Save the file as UTF-8 and send it again.',
});

const bodyKindOf = (request: FastifyRequest): BodyKind => request.routeOptions.config.body ?? 'json';

/**
 * Replaces Fastify's parsers with one for every type the write routes accept (which route takes
 * which type is checked before the body is read; see write-gate.ts).
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (request, raw, done) => {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw as Buffer);
    } catch {
      done(notUtf8, undefined);
      return;
    }
    if (bodyKindOf(request) === 'csv') {
      done(null, text);
      return;
    }
    const parsed = parseJson(text);
    if (!parsed.ok)
      done(
        new ProblemError(
          badRequest('The JSON body could not be read; nothing was written.', parsed.problems),
        ),
        undefined,
      );
    else done(null, parsed.value);
  });
}
