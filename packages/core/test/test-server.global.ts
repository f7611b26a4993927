/**
 * Vitest globalSetup of the browser project: starts the scripted feed server (test/server/) on
 * 127.0.0.1 with a random port, provides its URL to the tests as `feedServer`, and stops it after.
 */
import type { TestProject } from 'vitest/node';
import { startFeedServer } from './server/feed-server.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startFeedServer();
  project.provide('feedServer', server.url);
  return () => server.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    feedServer: string;
  }
}
