/**
 * One PostgreSQL cluster for the whole run (each test file makes its own databases in it);
 * tests that restart PostgreSQL start a cluster of their own.
 */
import type { TestProject } from 'vitest/node';
import { startPostgres } from './cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the run's PostgreSQL cluster. */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgres();
  project.provide('postgresUrl', cluster.url());
  return () => cluster.dispose();
}
