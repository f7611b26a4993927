/**
 * Load benchmark (not a test): `pnpm --filter feed-server bench`.
 *
 * Starts the server as its own process (temp database, no simulate), opens CLIENTS concurrent SSE
 * streams on loopback, POSTs an indicator change every WRITE_EVERY_MS for DURATION_S, and reports
 * the delivery latency of each change to each stream (from the POST being sent, and from the
 * server's commit time in the event), how many deliveries arrived, and the server's memory.
 *
 * The clients are spread over BENCH_CLIENT_PROCESSES forked processes (bench/sse-clients.ts), so
 * one reader's queue of sockets does not count as delivery latency.
 *
 * Several instances: BENCH_INSTANCES=3 starts three servers on one PostgreSQL (a throwaway
 * embedded cluster, or DATABASE_URL when set), spreads the client processes over them in turn and
 * writes through the first, so every delivery on the others crossed LISTEN/NOTIFY.
 *
 * Environment: BENCH_CLIENTS (2000), BENCH_DURATION_S (30), BENCH_WRITE_EVERY_MS (100),
 * BENCH_CLIENT_PROCESSES (2, at least one per instance), BENCH_INSTANCES (1),
 * BENCH_DATABASE (sqlite, or postgres; postgres whenever BENCH_INSTANCES > 1).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres, type PostgresCluster } from '../test/postgres/cluster.js';
import { startServerProcess } from '../test/server-process.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 2000);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 30);
const WRITE_EVERY_MS = Number(process.env.BENCH_WRITE_EVERY_MS ?? 100);
const TOKEN = 'bench-token';
const FEED = 'yantian';
const INSTANCES = Math.max(1, Number(process.env.BENCH_INSTANCES ?? 1));
const CLIENT_PROCESSES = Math.max(INSTANCES, Number(process.env.BENCH_CLIENT_PROCESSES ?? 2));
const POSTGRES = INSTANCES > 1 || process.env.BENCH_DATABASE === 'postgres';
const CLIENT = fileURLToPath(new URL('./sse-clients.ts', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'feed-server-bench-'));
let cluster: PostgresCluster | undefined;
let databaseUrl = process.env.DATABASE_URL;
if (POSTGRES && !databaseUrl) {
  cluster = await startPostgres();
  databaseUrl = await cluster.createDatabase();
}
const database = POSTGRES ? ['--database', databaseUrl!] : ['--db', join(dir, 'feeds.db')];

/** Starts one server process; resolves with it and its URL once it prints it. */
function startServer(): Promise<{ child: ChildProcess; url: string }> {
  return startServerProcess(
    [
      ...database,
      '--no-site',
      '--quiet',
      '--streams-per-client',
      String(CLIENTS + 10),
      '--max-streams',
      String(CLIENTS + 10),
      // Every client is on loopback: one address holds all the connections.
      '--connections-per-client',
      String(CLIENTS + 100),
      '--max-connections',
      String(CLIENTS + 100),
      '--writes-per-minute',
      '1000000',
    ],
    { ...process.env, SAFETY_FEED_TOKEN: TOKEN },
  );
}

// One after the other: the first migrates and seeds the database.
const servers: { child: ChildProcess; url: string }[] = [];
for (let i = 0; i < INSTANCES; i++) servers.push(await startServer());
const base = servers[0]!.url;

const rssMb = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

/** When the POST of each change id was sent. */
const postedAt = new Map<number, number>();

interface ClientProcess {
  child: ChildProcess;
  delivered: number;
  opened: Promise<void>;
  report: Promise<{ deliveries: number[]; fromCommit: number[] }>;
}

/** Forks one client process holding `count` streams of the instance at `url`. */
function forkClients(count: number, url: string): ClientProcess {
  const child = fork(CLIENT, [`${url}/api/feeds/${FEED}/stream`, String(count)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const proc = { child, delivered: 0 } as ClientProcess;
  proc.opened = new Promise((resolve, reject) => {
    child.on('message', (m: { type: string }) => m.type === 'opened' && resolve());
    child.once('exit', (code) => reject(new Error(`client process exited with ${code}`)));
  });
  proc.report = new Promise((resolve) => {
    child.on(
      'message',
      (m: { type: string; total?: number; deliveries?: number[]; fromCommit?: number[] }) => {
        if (m.type === 'delivered') proc.delivered = m.total!;
        if (m.type === 'report') resolve({ deliveries: m.deliveries!, fromCommit: m.fromCommit! });
      },
    );
  });
  return proc;
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
  const totalRss = () => servers.reduce((n, s) => n + rssMb(s.child.pid!), 0);
  const idleRss = totalRss();
  const opening = performance.now();
  const clients = Array.from({ length: CLIENT_PROCESSES }, (_, i) =>
    forkClients(
      Math.floor(CLIENTS / CLIENT_PROCESSES) + (i < CLIENTS % CLIENT_PROCESSES ? 1 : 0),
      servers[i % INSTANCES]!.url,
    ),
  );
  await Promise.all(clients.map((c) => c.opened));
  const openedIn = performance.now() - opening;
  const connectedRss = totalRss();
  const setup = POSTGRES ? `${INSTANCES} instance(s) on PostgreSQL` : '1 instance on SQLite';
  console.log(
    `${setup}: ${CLIENTS} streams open in ${(openedIn / 1000).toFixed(1)} s; server RSS (all instances) ${idleRss.toFixed(0)} MB idle → ${connectedRss.toFixed(0)} MB`,
  );

  let writes = 0;
  let peakRss = connectedRss;
  const started = performance.now();
  const writesDone: Promise<void>[] = [];
  while (performance.now() - started < DURATION_S * 1000) {
    writesDone.push(post(300 + (writes % 50)));
    writes += 1;
    peakRss = Math.max(peakRss, totalRss());
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, started + writes * WRITE_EVERY_MS - performance.now())),
    );
  }
  await Promise.all(writesDone);
  const expected = writes * CLIENTS;
  const deadline = Date.now() + 10_000;
  const deliveredSoFar = () => clients.reduce((n, c) => n + c.delivered, 0);
  while (deliveredSoFar() < expected && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  for (const c of clients) c.child.send({ type: 'report' });
  const reports = await Promise.all(clients.map((c) => c.report));
  const fromCommit = reports.flatMap((r) => r.fromCommit);
  const fromPost: number[] = [];
  for (const { deliveries } of reports) {
    for (let i = 0; i < deliveries.length; i += 2) {
      const sent = postedAt.get(deliveries[i]!);
      if (sent !== undefined) fromPost.push(deliveries[i + 1]! - sent);
    }
  }
  const delivered = fromCommit.length;
  console.log(
    `${writes} writes every ${WRITE_EVERY_MS} ms for ${DURATION_S} s; ${delivered} of ${expected} deliveries (clients in ${CLIENT_PROCESSES} processes)`,
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
    `node ${process.version}; load average ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  for (const { child } of servers) {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  await cluster?.dispose();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
