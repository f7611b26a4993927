/**
 * Load benchmark (not a test): `pnpm --filter feed-server bench`.
 *
 * Starts the server as its own process (temp database, no simulate), opens CLIENTS concurrent SSE
 * streams on loopback, POSTs an indicator change every WRITE_EVERY_MS for DURATION_S, and reports
 * the delivery latency of each change to each stream (from the POST being sent, and from the
 * server's commit time in the event), how many deliveries arrived, and the server's memory.
 *
 * Environment: BENCH_CLIENTS (2000), BENCH_DURATION_S (30), BENCH_WRITE_EVERY_MS (100).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 2000);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 30);
const WRITE_EVERY_MS = Number(process.env.BENCH_WRITE_EVERY_MS ?? 100);
const TOKEN = 'bench-token';
const FEED = 'yantian';
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'feed-server-bench-'));
const server = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    MAIN,
    '--port',
    '0',
    '--db',
    join(dir, 'feeds.db'),
    '--no-site',
    '--streams-per-client',
    String(CLIENTS + 10),
    '--max-streams',
    String(CLIENTS + 10),
    '--writes-per-minute',
    '1000000',
  ],
  { env: { ...process.env, SAFETY_FEED_TOKEN: TOKEN }, stdio: ['ignore', 'pipe', 'inherit'] },
);

const base = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const match = /feed server on (http:\/\/[\d.]+:\d+)/.exec(out);
    if (match) resolve(match[1]!);
  });
  server.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
});

const rssMb = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

/** When the POST of each change id was sent; every delivery as [change id, received at]. */
const postedAt = new Map<number, number>();
const deliveries: [number, number][] = [];
const fromCommit: number[] = [];
let delivered = 0;

function openStream(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}/api/feeds/${FEED}/stream`,
      { agent: false, headers: { Accept: 'text/event-stream' } },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`stream answered ${res.statusCode}`));
          return;
        }
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          const now = performance.timeOrigin + performance.now();
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (!block.includes('event: changed')) continue;
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (!data) continue;
            const change = JSON.parse(data) as { id: number; at: number };
            delivered += 1;
            fromCommit.push(now - change.at);
            deliveries.push([change.id, now]);
          }
        });
        resolve();
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function post(value: number): Promise<void> {
  const body = JSON.stringify({ indicators: [{ id: 'fraud-alerts', value }] });
  const sent = performance.timeOrigin + performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}/api/feeds/${FEED}/indicators`,
      {
        method: 'POST',
        agent: false,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`write answered ${res.statusCode}: ${text}`));
          postedAt.set((JSON.parse(text) as { changeId: number }).changeId, sent);
          resolve();
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

try {
  const idleRss = rssMb(server.pid!);
  const opening = performance.now();
  for (let i = 0; i < CLIENTS; i += 100) {
    await Promise.all(Array.from({ length: Math.min(100, CLIENTS - i) }, () => openStream()));
  }
  const openedIn = performance.now() - opening;
  const connectedRss = rssMb(server.pid!);
  console.log(
    `${CLIENTS} streams open in ${(openedIn / 1000).toFixed(1)} s; server RSS ${idleRss.toFixed(0)} MB idle → ${connectedRss.toFixed(0)} MB`,
  );

  let writes = 0;
  let peakRss = connectedRss;
  const started = performance.now();
  const writesDone: Promise<void>[] = [];
  while (performance.now() - started < DURATION_S * 1000) {
    writesDone.push(post(300 + (writes % 50)));
    writes += 1;
    peakRss = Math.max(peakRss, rssMb(server.pid!));
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, started + writes * WRITE_EVERY_MS - performance.now())),
    );
  }
  await Promise.all(writesDone);
  const expected = writes * CLIENTS;
  const deadline = Date.now() + 10_000;
  while (delivered < expected && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));

  const fromPost = deliveries.flatMap(([id, at]) => {
    const sent = postedAt.get(id);
    return sent === undefined ? [] : [at - sent];
  });
  console.log(
    `${writes} writes every ${WRITE_EVERY_MS} ms for ${DURATION_S} s; ${delivered} of ${expected} deliveries`,
  );
  console.log(
    `delivery latency from the POST being sent: p50 ${ms(percentile(fromPost, 50))}, p99 ${ms(percentile(fromPost, 99))}, max ${ms(percentile(fromPost, 100))}`,
  );
  console.log(
    `delivery latency from the commit:          p50 ${ms(percentile(fromCommit, 50))}, p99 ${ms(percentile(fromCommit, 99))}, max ${ms(percentile(fromCommit, 100))}`,
  );
  console.log(
    `server RSS: ${idleRss.toFixed(0)} MB idle, ${connectedRss.toFixed(0)} MB with ${CLIENTS} streams, ${peakRss.toFixed(0)} MB peak under writes`,
  );
  console.log(
    `bench process RSS: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB; node ${process.version}; load average ${(
      await import('node:os')
    )
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
