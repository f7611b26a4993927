/**
 * The real process: acknowledged writes survive a kill -9 and a restart; SIGTERM closes streams
 * and exits cleanly with the database consistent.
 */
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from '../src/db/migrations.js';
import { parseFeedText } from '@safety-widgets/core';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { INDICATOR, SseClient, TOKEN, call, post, tempDir } from './helpers.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

const dir = tempDir();
const dbPath = join(dir, 'feeds.db');
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the server on the test's database; killed at the end if it is still running. */
async function startProcess(): Promise<ServerProcess> {
  const started = await startServerProcess(['--db', dbPath, '--no-site'], {
    ...process.env,
    SAFETY_FEED_TOKEN: TOKEN,
  });
  children.push(started.child);
  return started;
}

const exited = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));

describe('restart durability', () => {
  it('keeps every acknowledged write across kill -9 and a restart', async () => {
    const first = await startProcess();
    expect(first.output()).toContain('seeded 5 sample feeds');
    const acks: number[] = [];
    for (const value of [41, 42, 43]) {
      const reply = await post(first, '/api/feeds/yantian/indicators', {
        indicators: [{ id: INDICATOR, value }],
      });
      expect(reply.status).toBe(200);
      acks.push((reply.json() as { changeId: number }).changeId);
    }
    const event = await post(first, '/api/feeds/yantian/events', {
      events: [{ id: 'durable-1', category: 'fraud', grid: 'haishan-g01', provenance: 'synthetic' }],
    });
    expect(event.status).toBe(201);
    first.child.kill('SIGKILL');
    await exited(first.child);

    const second = await startProcess();
    expect(second.output()).not.toContain('seeded');
    const feed = parseFeedText((await call(`${second.url}/api/feeds/yantian`)).text).feed!;
    expect(feed.indicators.find((i) => i.id === INDICATOR)!.value).toBe(43);
    expect(feed.events.some((e) => e.id === 'durable-1')).toBe(true);
    // The change log survived too: a client that saw the first change resumes with the rest.
    const stream = new SseClient(`${second.url}/api/feeds/yantian/stream`, String(acks[0]));
    await stream.until(() => stream.changes().length === 3, 'the replayed changes');
    expect(stream.changes().map((c) => Number(c.id))).toEqual([acks[1], acks[2], acks[2]! + 1]);

    // SIGTERM: the open stream is ended, the process exits 0, the database passes its integrity check.
    second.child.kill('SIGTERM');
    await stream.until(() => stream.ended, 'the stream to be closed by the server');
    expect(await exited(second.child)).toBe(0);
    expect(second.output()).toContain('stopped cleanly');
    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });
});
