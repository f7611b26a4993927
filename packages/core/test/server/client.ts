/**
 * Browser-side helpers for talking to the test feed server (no Node imports: runs in Chromium).
 */
import { inject } from 'vitest';
import type { KeyStats } from './stats.js';

/** The test feed server's origin, e.g. http://127.0.0.1:41234. */
export function serverBase(): string {
  return inject('feedServer');
}

let counter = 0;

/** A key no other test uses (the server keeps stats and state per key). */
export function uniqueKey(label = 'k'): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The absolute URL of a scenario: `scenarioUrl('/feed/ok', { key })`. */
export function scenarioUrl(path: string, params: Record<string, string | number | boolean> = {}): string {
  const url = new URL(path, serverBase());
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, String(value));
  return url.href;
}

/** What the server saw for `key`. */
export async function serverStats(key: string): Promise<KeyStats> {
  const response = await fetch(scenarioUrl('/stats', { key }), { cache: 'no-store' });
  return (await response.json()) as KeyStats;
}
