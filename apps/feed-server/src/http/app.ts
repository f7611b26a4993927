/**
 * The HTTP layer on Fastify: limits and fairness first (connection gate, body limit, timeouts),
 * then security headers on every answer, compression, and the two route trees — /api (feeds,
 * streams, writes) and the site (/cdn/, /docs/, demo pages).
 */
import compress from '@fastify/compress';
import proxyAddr from '@fastify/proxy-addr';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { installConnectionGate } from './connection-gate.js';
import { errorHandler, handleExpectContinue } from './errors.js';
import { apiRoutes, type ApiContext } from './feed-routes.js';
import { notFound, sendProblem } from './problem.js';
import { siteRoutes } from './site-routes.js';
import { staticHeaders } from './static-files.js';

/** Time a client has to send a whole request (headers and body). */
const REQUEST_TIMEOUT_MS = 30_000;
/** A connection with no traffic either way for this long is closed (a stuck reader, say). */
const IDLE_TIMEOUT_MS = 120_000;

const HOST_HEADER = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

export type AppContext = Omit<ApiContext, 'originOf'>;

export async function createApp(ctx: AppContext, listening: () => string): Promise<FastifyInstance> {
  const { config } = ctx;
  const trusted = config.trustProxy.length > 0 ? proxyAddr.compile(config.trustProxy) : () => false;
  const app = Fastify({
    logger: false,
    bodyLimit: config.maxBodyBytes,
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    requestTimeout: REQUEST_TIMEOUT_MS,
    connectionTimeout: Math.max(IDLE_TIMEOUT_MS, 2 * config.heartbeatMs),
    keepAliveTimeout: 10_000,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 500 },
    ajv: {
      customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: true },
    },
    frameworkErrors: (error, request, reply) => {
      // A path that cannot be decoded names nothing here.
      if (error.code === 'FST_ERR_BAD_URL') {
        if (request.url.startsWith('/api/')) reply.header('Access-Control-Allow-Origin', '*');
        return sendProblem(
          reply.header('X-Content-Type-Options', 'nosniff'),
          notFound(`Nothing at ${request.url}.`),
        );
      }
      return sendProblem(reply.header('X-Content-Type-Options', 'nosniff'), {
        kind: 'bad-request',
        status: 400,
        title: 'Bad request',
        detail: error.message,
      });
    },
  });

  installConnectionGate(app, {
    maxPipelined: config.maxPipelined,
    maxUnreadBytes: config.maxUnreadBytes,
    connectionsPerClient: config.connectionsPerClient,
    maxConnections: config.maxConnections,
    isTrustedProxy: (address) => trusted(address, 0),
  });
  handleExpectContinue(app.server, config.maxBodyBytes);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    done();
  });
  app.setErrorHandler(errorHandler(config.maxBodyBytes));

  // Brotli or gzip for every text answer that is not compressed already (feeds are: feed-bodies.ts).
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024 });
  await app.register(rateLimit, { global: false, cache: 10_000 });
  await app.register(fastifyStatic, { serve: false, cacheControl: false, setHeaders: staticHeaders });

  const originOf = (request: FastifyRequest): string => {
    if (config.publicOrigin) return config.publicOrigin;
    // `request.host` and `request.protocol` follow X-Forwarded-Host/-Proto only from trusted proxies.
    const host = request.host;
    return HOST_HEADER.test(host) ? `${request.protocol}://${host}` : listening();
  };
  await app.register(
    (api, _options, done) => {
      apiRoutes(api, { ...ctx, originOf }).then(() => done(), done);
    },
    { prefix: '/api' },
  );

  if (config.serveSite) siteRoutes(app, { repository: ctx.repository, workspaceRoot: config.workspaceRoot });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      notFound(`Nothing at ${new URL(request.raw.url ?? '/', 'http://localhost').pathname}.`),
    ),
  );
  return app;
}
