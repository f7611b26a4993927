/** /readyz says what is wrong: shutting down, a database that does not answer, a fan-out reconnecting. */
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { healthRoutes, type Readiness } from './health-routes.js';

async function probe(
  readiness: Partial<Readiness>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const app = Fastify();
  healthRoutes(app, {
    ping: async () => undefined,
    listening: () => true,
    closing: () => false,
    database: 'postgres',
    ...readiness,
  });
  const reply = await app.inject({ method: 'GET', url: '/readyz' });
  await app.close();
  return { status: reply.statusCode, body: reply.json() };
}

describe('/readyz', () => {
  it('is ready when the database answers and the fan-out listens', async () => {
    expect(await probe({})).toEqual({
      status: 200,
      body: { status: 'ready', database: 'postgres', listening: true },
    });
  });

  it.each([
    { name: 'shutdown has begun', readiness: { closing: () => true }, says: 'shutting down' },
    {
      name: 'the database does not answer',
      readiness: {
        ping: async () => {
          throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        },
      },
      says: 'The postgres database does not answer: connect ECONNREFUSED',
    },
    { name: 'the fan-out is reconnecting', readiness: { listening: () => false }, says: 'reconnecting' },
  ])('answers 503 problem+json when $name', async ({ readiness, says }) => {
    const { status, body } = await probe(readiness);
    expect(status).toBe(503);
    expect(body.type).toBe('urn:safety-widgets:problem:not-ready');
    expect(body.detail).toContain(says);
  });
});
