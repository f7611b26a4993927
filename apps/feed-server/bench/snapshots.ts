/**
 * Images benchmark (not a test): `pnpm --filter feed-server exec tsx bench/snapshots.ts`.
 *
 * Each run starts the server as its own process (temp database, `--no-site`) and measures, over
 * HTTP on loopback:
 *
 * - cold: a 2× PNG of each widget that was never asked for before (so it is rendered), with the
 *   renderer warm (Chromium and its pages already started by a first image of each widget);
 *   SAMPLES per widget, each at another width, p50 per widget and over all;
 * - cached: each of those images asked again 10 times once all are made, p50 per widget and over all;
 * - burst: 50 concurrent requests for 20 distinct new images (5 per widget), errors (any answer
 *   but 200) and the time until the last answer;
 * - memory: the peak resident memory of the server process and every process under it (Chromium's
 *   browser, GPU, renderer and utility processes), sampled every 50 ms, during the burst and over
 *   the whole run (whose peak is the district's whole indicator table, a 1920 × 12,000 px PNG);
 *   RSS summed (counts pages shared between processes once per process, so it overstates) and
 *   PSS summed (shares them out);
 * - the default gauge PNG's size.
 *
 * BENCH_RUNS (3) runs, each in a fresh server; the report gives every run and the median. The
 * server's per-client budget is raised for the benchmark (one client asks for every image).
 * Environment: BENCH_RUNS, BENCH_SAMPLES (5), CHROME_PATH, BENCH_SERVER_ARGS (more server flags,
 * e.g. `--snapshot-concurrency 1`).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../test/server-process.js';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const SAMPLES = Math.max(1, Number(process.env.BENCH_SAMPLES ?? 5));
const FEED = 'yantian';
const WIDGETS = [
  ['score-gauge', 360],
  ['grid-map', 640],
  ['case-timeline', 720],
  ['indicator-table', 960],
] as const;
const AREAS = ['stability', 'public-order', 'fire', 'work-safety', 'food-drug', 'disputes', 'community'];

async function startServer(dir: string): Promise<{ child: ChildProcess; url: string }> {
  return startServerProcess([
    '--db',
    join(dir, 'feeds.db'),
    '--no-site',
    '--quiet',
    '--snapshot-renders-per-minute',
    '100000',
    '--snapshot-queue',
    '64',
    ...(process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean),
  ]);
}

function get(url: string): Promise<{ status: number; bytes: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The pid and every descendant of it. */
function tree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    for (const child of children.get(pid) ?? []) walk(child);
  };
  walk(root);
  return out;
}

/** Resident and proportional set size of a process tree, in MB. */
function memory(root: number): { rss: number; pss: number; processes: number } {
  let rss = 0;
  let pss = 0;
  const pids = tree(root);
  for (const pid of pids) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return { rss: rss / 1024, pss: pss / 1024, processes: pids.length };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface RunResult {
  coldByWidget: Record<string, number>;
  cold: number;
  cached: number;
  cachedByWidget: Record<string, number>;
  burstErrors: number;
  burstMs: number;
  peakRss: number;
  peakPss: number;
  burstRss: number;
  burstPss: number;
  processes: number;
  gaugeBytes: number;
}

async function run(): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'feed-server-snapshots-bench-'));
  const { child, url } = await startServer(dir);
  // Peaks over the whole run and over the burst alone.
  const peaks = { run: { rss: 0, pss: 0, processes: 0 }, burst: { rss: 0, pss: 0, processes: 0 } };
  let inBurst = false;
  const sampler = setInterval(() => {
    const m = memory(child.pid!);
    for (const peak of inBurst ? [peaks.run, peaks.burst] : [peaks.run]) {
      peak.rss = Math.max(peak.rss, m.rss);
      peak.pss = Math.max(peak.pss, m.pss);
      peak.processes = Math.max(peak.processes, m.processes);
    }
  }, 50);
  try {
    const image = (widget: string, query: string) =>
      `${url}/api/feeds/${FEED}/snapshots/${widget}.png?${query}`;
    const ok = async (target: string) => {
      const reply = await get(target);
      if (reply.status !== 200) throw new Error(`${target}: HTTP ${reply.status}`);
      return reply;
    };
    // Warm: Chromium, a page, the feed in it, each widget's code and texts.
    for (const [widget, width] of WIDGETS) await ok(image(widget, `width=${width + 10}`));
    const gaugeBytes = (await ok(image('score-gauge', ''))).bytes;

    const coldByWidget: Record<string, number> = {};
    const coldAll: number[] = [];
    const made: [string, string][] = [];
    for (const [widget, width] of WIDGETS) {
      const times: number[] = [];
      for (let i = 1; i <= SAMPLES; i++) {
        const target = image(widget, `width=${width - i}`);
        times.push((await ok(target)).ms);
        made.push([widget, target]);
      }
      coldByWidget[widget] = median(times);
      coldAll.push(...times);
    }
    // The same images again, once they are all made: served from the cache.
    const cachedByWidget: Record<string, number[]> = {};
    for (let k = 0; k < 10; k++)
      for (const [widget, target] of made) (cachedByWidget[widget] ??= []).push((await ok(target)).ms);

    // 50 concurrent requests for 20 distinct images never made before.
    const distinct = WIDGETS.flatMap(([widget, width]) =>
      [0, 1, 2, 3, 4].map((i) =>
        widget === 'indicator-table'
          ? image(widget, `area=${AREAS[i]}&width=${width - 20}`)
          : image(widget, `width=${width - 20 - i}&theme=dark`),
      ),
    );
    const burst = Array.from({ length: 50 }, (_, i) => distinct[i % distinct.length]!);
    inBurst = true;
    const started = performance.now();
    const replies = await Promise.all(
      burst.map((target) => get(target).catch(() => ({ status: 0, bytes: 0, ms: 0 }))),
    );
    const burstMs = performance.now() - started;
    inBurst = false;
    const burstErrors = replies.filter((r) => r.status !== 200).length;
    return {
      coldByWidget,
      cold: median(coldAll),
      cached: median(Object.values(cachedByWidget).flat()),
      cachedByWidget: Object.fromEntries(Object.entries(cachedByWidget).map(([w, t]) => [w, median(t)])),
      burstErrors,
      burstMs,
      peakRss: peaks.run.rss,
      peakPss: peaks.run.pss,
      burstRss: peaks.burst.rss,
      burstPss: peaks.burst.pss,
      processes: peaks.run.processes,
      gaugeBytes,
    };
  } finally {
    clearInterval(sampler);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

const load = loadavg()[0]!;
console.log(
  `Images benchmark: ${RUNS} runs × ${SAMPLES} cold samples per widget; ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), load average ${load.toFixed(2)} at the start, Node ${process.version}`,
);
const results: RunResult[] = [];
for (let i = 0; i < RUNS; i++) {
  const r = await run();
  results.push(r);
  console.log(
    `run ${i + 1}: cold p50 ${r.cold.toFixed(0)} ms (${Object.entries(r.coldByWidget)
      .map(([w, ms]) => `${w} ${ms.toFixed(0)}`)
      .join(', ')}); cached p50 ${r.cached.toFixed(2)} ms (${Object.entries(r.cachedByWidget)
      .map(([w, ms]) => `${w} ${ms.toFixed(2)}`)
      .join(
        ', ',
      )}); burst 50/20: ${r.burstErrors} errors, ${r.burstMs.toFixed(0)} ms, peak RSS ${r.burstRss.toFixed(0)} MB (PSS ${r.burstPss.toFixed(0)} MB); whole run peak RSS ${r.peakRss.toFixed(0)} MB (PSS ${r.peakPss.toFixed(0)} MB, ${r.processes} processes); gauge 2× PNG ${(r.gaugeBytes / 1024).toFixed(1)} KB`,
  );
}
const m = (pick: (r: RunResult) => number) => median(results.map(pick));
console.log(
  JSON.stringify(
    {
      runs: RUNS,
      loadAverageAtStart: load,
      median: {
        coldMs: m((r) => r.cold),
        coldMsByWidget: Object.fromEntries(WIDGETS.map(([w]) => [w, m((r) => r.coldByWidget[w]!)])),
        cachedMs: m((r) => r.cached),
        cachedMsByWidget: Object.fromEntries(WIDGETS.map(([w]) => [w, m((r) => r.cachedByWidget[w]!)])),
        burstErrors: m((r) => r.burstErrors),
        burstMs: m((r) => r.burstMs),
        burstPeakRssMb: m((r) => r.burstRss),
        burstPeakPssMb: m((r) => r.burstPss),
        runPeakRssMb: m((r) => r.peakRss),
        runPeakPssMb: m((r) => r.peakPss),
        gaugePngKb: m((r) => r.gaugeBytes) / 1024,
      },
    },
    null,
    2,
  ),
);
