/**
 * `pnpm bench`: measures the embed files in headless Chromium and writes results/latest.json and
 * results/latest.md. Build the embed files first (the root `pnpm bench` does).
 *
 *   tsx src/main.ts [--only sizes,render,interaction,memory] [--runs 5] [--cycles 1000] [--report] [--readme]
 *
 * With --only, the other sections of the previous latest.json are kept. --report measures
 * nothing: it writes latest.md again from latest.json (after a change to budgets.json). --readme
 * also puts the budget summary in the root README's Performance section.
 */
import { parseArgs } from 'node:util';
import { loadBudgets } from './budgets.js';
import { launchChromium } from './browser.js';
import { generateData } from './data.js';
import { runInteraction } from './interaction.js';
import { describeMachine } from './machine.js';
import { runMemory } from './memory.js';
import { buildReport, LATEST_MD, readLatest, updateReadme, writeResults, type Results } from './report.js';
import { runRender } from './render.js';
import { startServer } from './server.js';
import { measureSizes, snapshotEmbedFiles } from './sizes.js';

const SECTIONS = ['sizes', 'render', 'interaction', 'memory'] as const;
type SectionName = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    runs: { type: 'string', default: '5' },
    cycles: { type: 'string', default: '1000' },
    report: { type: 'boolean' },
    readme: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.report) {
  const latest = readLatest() as Results;
  if (!latest.machine) throw new Error('no results/latest.json yet: run the benchmarks first');
  const markdown = buildReport(latest, loadBudgets());
  await writeResults(latest, markdown);
  if (values.readme) await updateReadme(latest);
  console.log(markdown);
  process.exit(0);
}
if (values.help) {
  console.log(
    'tsx src/main.ts [--only sizes,render,interaction,memory] [--runs 5] [--cycles 1000] [--report] [--readme]',
  );
  process.exit(0);
}
const only = (values.only?.split(',').map((s) => s.trim()) ?? [...SECTIONS]) as SectionName[];
const unknown = only.filter((s) => !SECTIONS.includes(s));
if (unknown.length) throw new Error(`unknown section(s): ${unknown.join(', ')}; use ${SECTIONS.join(', ')}`);
const runs = Number(values.runs);
const cycles = Number(values.cycles);
if (!(runs >= 1) || !(cycles >= 1)) throw new Error('--runs and --cycles must be positive numbers');

const log = (line: string) => console.log(line);
const started = Date.now();
const section = <T>(results: T) => ({ measuredAt: new Date().toISOString(), runs, results });

snapshotEmbedFiles();
const previous = readLatest();
const browser = await launchChromium();
const server = await startServer();
const results: Results = { ...previous, machine: describeMachine(browser.version()) };
try {
  if (only.includes('sizes')) {
    log('sizes: building the reference bundles…');
    results.sizes = { ...section(await measureSizes({ fromSnapshot: true })), runs: 1 };
  }
  if (only.some((s) => s !== 'sizes')) {
    log('data: generating…');
    generateData();
  }
  if (only.includes('render')) {
    log('render:');
    results.render = section(await runRender(browser, server.origin, runs, log));
  }
  if (only.includes('interaction')) {
    log('interaction:');
    results.interaction = section(await runInteraction(browser, server.origin, runs, log));
  }
  if (only.includes('memory')) {
    log(`memory (${cycles} cycles):`);
    results.memory = section(await runMemory(browser, server.origin, runs, cycles, log));
    results.cycles = cycles;
  }
} finally {
  await browser.close();
  await server.close();
}

const markdown = buildReport(results, loadBudgets());
await writeResults(results, markdown);
if (values.readme) await updateReadme(results);
console.log(`\n${markdown}`);
console.log(`Wrote ${LATEST_MD} and latest.json in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
