/**
 * What `pnpm start` shows a new user: the process prints its URLs, and every one of them answers.
 * Run against this workspace as it is built (turbo builds the demo apps and the embed files first); the
 * docs app at /docs/ is printed only when it is built (`pnpm start` builds it before starting).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { call, tempDir } from './helpers.js';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const WORKSPACE = fileURLToPath(new URL('../../..', import.meta.url));
const dir = tempDir();
let child: ChildProcess | undefined;

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `main.ts` as `pnpm start` does (simulate mode, site on); resolves with all it printed. */
function start(): Promise<string> {
  child = spawn(
    process.execPath,
    ['--import', 'tsx', MAIN, '--port', '0', '--db', join(dir, 'feeds.db'), '--simulate'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // The URLs are printed in one write, the docs line (if any) right after the widgets line.
      if (/^ {2}widgets /m.test(output)) resolve(output);
    };
    child!.stdout!.on('data', onData);
    child!.stderr!.on('data', onData);
    child!.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
}

it('answers every URL it prints with 200, the docs app’s among them when it is built', async () => {
  const output = await start();
  const urls = [...output.matchAll(/https?:\/\/[^\s)]+/g)].map((m) => m[0]);
  expect(urls.length, output).toBeGreaterThan(5);
  const docsBuilt = existsSync(join(WORKSPACE, 'storybook-static/index.html'));
  expect(
    urls.some((url) => url.endsWith('/docs/')),
    output,
  ).toBe(docsBuilt);
  for (const url of urls) {
    const reply = await call(url);
    expect(reply.status, url).toBe(200);
  }
});
