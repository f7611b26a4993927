/**
 * `pnpm bench`: measures the embed files in headless Chromium and writes results/latest.json and
 * results/latest.md. Build the embed files first (the root `pnpm bench` does).
 *
 *   tsx src/main.ts [--only sizes,pages,paint,render,interaction,live,memory] [--runs 5] [--cycles 1000] [--report] [--readme]
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
import { runLive } from './live.js';
import { describeMachine } from './machine.js';
import { runMemory } from './memory.js';
import { pagesHtml, runPages } from './pages.js';
import { runPaint } from './paint.js';
import { buildReferences } from './references/build.js';
import { LIBRARIES } from './references/list.js';
import { buildReport, LATEST_MD, readLatest, updateReadme, writeResults, type Results } from './report.js';
import { runRender } from './render.js';
import { startServer } from './server.js';
import { measureSizes, snapshotEmbedFiles } from './sizes.js';

const SECTIONS = ['sizes', 'pages', 'paint', 'render', 'interaction', 'live', 'memory'] as const;
type SectionName = (typeof SECTIONS)[number];
const USAGE = `tsx src/main.ts [--only ${SECTIONS.join(',')}] [--runs 5] [--cycles 1000] [--report] [--readme]`;

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
  console.log(USAGE);
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
const build = await snapshotEmbedFiles();
const section = <T>(results: T) => ({ measuredAt: new Date().toISOString(), build, runs, results });

const previous = readLatest();
// Live updates had their rows in the interaction section before they became a section of their own.
if (previous.interaction)
  previous.interaction.results = previous.interaction.results.filter((r) => !r.id.startsWith('live-'));
const browser = await launchChromium();
const server = await startServer(pagesHtml());
const results: Results = { ...previous, machine: describeMachine(browser.version()) };
try {
  if (only.includes('sizes')) {
    log('sizes: building the reference bundles…');
    results.sizes = { ...section(await measureSizes({ fromSnapshot: true })), runs: 1 };
  } else if (only.some((s) => s === 'paint' || s === 'render' || s === 'interaction')) {
    log('references: building…');
    await buildReferences(LIBRARIES);
  }
  if (only.includes('pages')) {
    log('pages:');
    results.pages = { ...section(await runPages(browser, server.origin, log)), runs: 1 };
  }
  if (only.some((s) => s !== 'sizes' && s !== 'pages')) {
    log('data: generating…');
    generateData();
  }
  if (only.includes('paint')) {
    log('paint (first paint, interleaved with the references):');
    results.paint = section(await runPaint(browser, server.origin, runs, log));
  }
  if (only.includes('render')) {
    log('render:');
    results.render = section(await runRender(browser, server.origin, runs, log));
  }
  if (only.includes('interaction')) {
    log('interaction:');
    results.interaction = section(await runInteraction(browser, server.origin, runs, log));
  }
  if (only.includes('live')) {
    log('live (20 widgets on one feed):');
    results.live = section(await runLive(browser, server.origin, runs, log));
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
