/**
 * The HTTP layer on Fastify: limits and fairness first (connection gate, body limit, timeouts),
 * then security headers on every answer, compression, the probes (/healthz, /readyz) and the two
 * route trees — /api (feeds, streams, writes) and the site (the `--sites` folders: demo sites, /cdn/, /docs/).
 */
import compress from '@fastify/compress';
import proxyAddr from '@fastify/proxy-addr';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { installConnectionGate } from './connection-gate.js';
import { clientErrorHandler, continueBody, errorHandler, handleExpect } from './errors.js';
import { apiRoutes, sendApiNotFound, type ApiContext } from './feed-routes.js';
import { healthRoutes, type Readiness } from './health-routes.js';
import { originResolver, requestPath } from './origin.js';
import { notFound, sendProblem } from './problem.js';
import { siteRoutes } from './site-routes.js';
import { staticHeaders } from './static-files.js';

/** Time a client has to send a whole request (headers and body). */
const REQUEST_TIMEOUT_MS = 30_000;
/** A connection with no traffic either way for this long is closed (a stuck reader, say). */
const IDLE_TIMEOUT_MS = 120_000;

export type AppContext = Omit<ApiContext, 'originOf'> & { readiness: Readiness };

export async function createApp(ctx: AppContext, port: () => number): Promise<FastifyInstance> {
  const { config } = ctx;
  const trusted = config.trustProxy.length > 0 ? proxyAddr.compile(config.trustProxy) : () => false;
  const app = Fastify({
    logger: false,
    bodyLimit: config.maxBodyBytes,
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    requestTimeout: REQUEST_TIMEOUT_MS,
    connectionTimeout: Math.max(IDLE_TIMEOUT_MS, 2 * config.heartbeatMs),
    keepAliveTimeout: 10_000,
    routerOptions: { maxParamLength: 500 },
    ajv: {
      customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: true },
    },
    clientErrorHandler,
    frameworkErrors: (error, request, reply) => {
      reply.header('X-Content-Type-Options', 'nosniff');
      const path = requestPath(request.raw.url);
      // A path that cannot be decoded names nothing here.
      if (path.startsWith('/api/')) return sendApiNotFound(reply, path);
      if (error.code === 'FST_ERR_BAD_URL') return sendProblem(reply, notFound(`Nothing at ${path}.`));
      return sendProblem(reply, {
        kind: 'bad-request',
        status: 400,
        title: 'Bad Request',
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
  handleExpect(app.server, config.maxBodyBytes);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    done();
  });
  app.addHook('preParsing', continueBody);
  app.setErrorHandler(errorHandler(config.maxBodyBytes));

  // Brotli or gzip for every text answer not compressed already (feeds are: feed-bodies.ts).
  // Request bodies are never inflated: a small gzip bomb must not cost the server anything.
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024, globalDecompression: false });
  await app.register(rateLimit, { global: false });
  await app.register(fastifyStatic, { serve: false, cacheControl: false, setHeaders: staticHeaders });

  healthRoutes(app, ctx.readiness);
  const originOf = originResolver(config.publicOrigin, config.host, port);
  await app.register(async (api) => apiRoutes(api, { ...ctx, originOf }), { prefix: '/api' });

  if (config.serveSite) siteRoutes(app, { sites: config.sites, root: config.workspaceRoot });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, notFound(`Nothing at ${requestPath(request.raw.url)}.`)),
  );
  return app;
}
