/**
 * The report: latest.json (everything measured, with the machine) and latest.md (the tables,
 * each figure against its budget and beside the reference library), formatted with Prettier.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { judgeSizes, judgeTimings, type Budgets, type SizeVerdict, type TimingVerdict } from './budgets.js';
import type { InteractionResult } from './interaction.js';
import type { Machine } from './machine.js';
import type { MemoryResult } from './memory.js';
import { repoDir, resultsDir } from './paths.js';
import type { RenderResult } from './render.js';
import type { SizeRow } from './sizes.js';
import type { Figure } from './stats.js';

export interface Section<T> {
  measuredAt: string;
  runs: number;
  results: T;
}

export interface Results {
  machine: Machine;
  /** Mount/unmount cycles per memory run. */
  cycles?: number;
  sizes?: Section<SizeRow[]>;
  render?: Section<RenderResult[]>;
  interaction?: Section<InteractionResult[]>;
  memory?: Section<MemoryResult[]>;
  budgets?: { sizes: SizeVerdict[]; timings: TimingVerdict[] };
}

export const LATEST_JSON = join(resultsDir, 'latest.json');
export const LATEST_MD = join(resultsDir, 'latest.md');

export function readLatest(): Partial<Results> {
  return existsSync(LATEST_JSON) ? (JSON.parse(readFileSync(LATEST_JSON, 'utf8')) as Results) : {};
}

/** Markdown would take `<safety-feed>` for an HTML tag: code-quote tag names. */
const md = (text: string) => text.replace(/<[a-z-]+>/g, (tag) => `\`${tag}\``);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
/** "median (min–max) ms". */
const cell = (f: Figure | undefined, unit = 'ms') =>
  f ? `${ms(f.median)} ${unit} (${ms(f.min)}–${ms(f.max)})` : '—';
const ratio = (a: Figure | undefined, b: Figure | undefined) =>
  a && b && b.median > 0 ? `${(a.median / b.median).toFixed(2)}×` : '—';
const verdict = (v: { met?: boolean } | undefined) =>
  v?.met === undefined ? '' : v.met ? 'met' : '**missed**';

function budgetCell(verdicts: readonly TimingVerdict[], key: string): string {
  const found = verdicts.filter((v) => v.result === key);
  if (found.length === 0) return '—';
  return found.map((v) => `${v.ms} ms (${v.metric}): ${verdict(v)}`).join('<br>');
}

function sizesMd(rows: readonly SizeRow[], verdicts: readonly SizeVerdict[]): string[] {
  const echarts = rows.find((r) => r.file.startsWith('echarts'));
  const budgets = (file: string, of: 'whole' | 'own') =>
    verdicts
      .filter((v) => v.file === file && v.of === of)
      .map((v) => `${v.gzipKB} KB ${v.enforced ? '(CI)' : '(target)'}: ${verdict(v)}`)
      .join('<br>') || '—';
  const out = [
    '## Sizes',
    '',
    'Minified bytes, gzip (level 9) and brotli (quality 11), KB = 1,024 bytes. "Own code" is the widget file minus the shared runtime bundle (Lit + core + `<safety-feed>`), which every self-contained file carries. The references are bundled the same way (Vite 8, minified ES module).',
    '',
    '| file | minified | gzip | brotli | gzip budget | gzip ÷ ECharts |',
    '| --- | ---: | ---: | ---: | --- | ---: |',
  ];
  for (const r of rows) {
    const name = md(
      r.kind === 'reference'
        ? `${r.label} (reference)`
        : r.kind === 'own'
          ? r.label
          : `\`${r.file}\` ${r.label}`,
    );
    const budget =
      r.kind === 'embed'
        ? budgets(r.file, 'whole')
        : r.kind === 'own'
          ? budgets(r.file.split(' ')[0]!, 'own')
          : '—';
    const vs = echarts && r.kind === 'embed' ? `${(r.gzip / echarts.gzip).toFixed(2)}×` : '—';
    out.push(`| ${name} | ${kb(r.min)} | ${kb(r.gzip)} | ${kb(r.brotli)} | ${budget} | ${vs} |`);
  }
  return out;
}

function renderMd(results: readonly RenderResult[], verdicts: readonly TimingVerdict[]): string[] {
  const out = [
    '## Render',
    '',
    'From setting `.data` on a mounted widget (its embed file in the page) to the picture drawn and laid out ("work") and to painted (two animation frames). "First" is the first render in a fresh page, "again" a second one in the same page with a new element and a new copy of the data. ECharts draws the same picture (gauge; the same polygons registered with `registerMap`; the same daily counts as lines) in a fresh page of its own. The last column is widget ÷ ECharts, first render, painted.',
    '',
    '| picture | first: work | first: painted | again: work | budget | ECharts first: painted | ECharts again: work | ÷ ECharts |',
    '| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    const f = r.figures;
    const e = r.reference?.figures;
    out.push(
      `| ${r.label} | ${cell(f['cold.work'])} | ${cell(f['cold.painted'])} | ${cell(f['warm.work'])} | ${budgetCell(verdicts, `render/${r.id}`)} | ${cell(e?.['cold.painted'])} | ${cell(e?.['warm.work'])} | ${ratio(f['cold.painted'], e?.['cold.painted'])} |`,
    );
  }
  return out;
}

function interactionMd(results: readonly InteractionResult[], verdicts: readonly TimingVerdict[]): string[] {
  const out = [
    '## Interaction',
    '',
    'Hover: real pointer moves over the 20,000-polygon map, from the event to the widget updated and laid out ("work") and to the second animation frame ("painted"), beside ECharts\' map of the same polygons. Table: a click on a column\'s sort button, and a search, on 5,000 rows. Live: 20 widgets (5 of each) on one page reading one `<safety-feed>`, whose `data` is set to a changed feed; "own" is the time inside one widget\'s own updates, "latency" from the change to that widget\'s last update done (after core validated the feed and the widgets before it updated).',
    '',
    '| interaction | figures | budget | reference | ÷ reference (painted) |',
    '| --- | --- | --- | --- | ---: |',
  ];
  for (const r of results) {
    const figures = Object.entries(r.figures)
      .map(([k, f]) => `${k} ${cell(f)}`)
      .join('<br>');
    const ref = r.reference ? `${r.reference.label}: painted ${cell(r.reference.figures.painted)}` : '—';
    out.push(
      `| ${md(r.label)} | ${figures} | ${budgetCell(verdicts, `interaction/${r.id}`)} | ${ref} | ${ratio(r.figures.painted, r.reference?.figures.painted)} |`,
    );
  }
  return out;
}

function memoryMd(results: readonly MemoryResult[], cycles: number): string[] {
  const out = [
    '## Memory',
    '',
    `JS heap used (CDP \`Runtime.getHeapUsage\` after \`HeapProfiler.collectGarbage\`) before and after ${cycles.toLocaleString('en')} mount/unmount cycles of one widget reading a \`<safety-feed>\` that holds the sample district, after 10 warm-up cycles. A leak grows with the number of cycles; one-time growth (compiled code, caches) does not: compare runs with different \`--cycles\`.`,
    '',
    '| widget | heap before | heap after | growth | time per cycle |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    const f = r.figures;
    out.push(
      `| ${r.label.split(':')[0]} | ${cell(f.beforeKB, 'KB')} | ${cell(f.afterKB, 'KB')} | ${cell(f.growthKB, 'KB')} | ${cell(f.cycleMs)} |`,
    );
  }
  return out;
}

/** The label of a result named `<section>/<id>`. */
function labelOf(results: Results, key: string): string | undefined {
  const [section, id] = key.split('/');
  const list: { id: string; label: string }[] | undefined =
    section === 'render' ? results.render?.results : results.interaction?.results;
  return list?.find((r) => r.id === id)?.label;
}

/** Where a budgeted timing's reference figure is, if it has one. */
function referenceOf(results: Results, key: string): Figure | undefined {
  const [section, id] = key.split('/');
  if (section === 'render')
    return results.render?.results.find((r) => r.id === id)?.reference?.figures['warm.work'];
  return undefined;
}

/** One row per budget: the figure, the budget, met or missed; the summary the root README shows. */
export function summaryMd(results: Results): string[] {
  const verdicts = results.budgets;
  if (!verdicts) return [];
  const m = results.machine;
  const out = [
    `Measured ${m.date.slice(0, 10)} on ${m.cpuModel} (${m.cpus} logical CPUs, ${m.ramGiB} GiB RAM, load average ${m.loadAverage[0]} at the start), Chromium ${m.chromium}, Node ${m.node}. Medians of ${results.render?.runs ?? '—'} runs in fresh pages (min–max); sizes gzip.`,
    '',
    '| budget | measured | target | verdict | ECharts, same picture |',
    '| --- | ---: | ---: | --- | ---: |',
  ];
  const echarts = results.sizes?.results.find((r) => r.file.startsWith('echarts'));
  for (const v of verdicts.sizes) {
    const what = `\`${v.file}\`${v.of === 'own' ? ' own code' : ''}`;
    const kind = v.enforced ? 'enforced in CI' : v.source.split(':')[0];
    const ref = echarts && v.file === 'safety-widgets.js' ? kb(echarts.gzip) : '';
    out.push(`| ${what} (${kind}) | ${v.actualKB.toFixed(1)} KB | ${v.gzipKB} KB | ${verdict(v)} | ${ref} |`);
  }
  for (const v of verdicts.timings) {
    const ref = referenceOf(results, v.result);
    out.push(
      `| ${md(labelOf(results, v.result) ?? v.result)}, \`${v.metric}\` (${v.source.split(':')[0]}) | ${cell(v.actual)} | ${v.ms} ms | ${verdict(v)} | ${ref ? cell(ref) : ''} |`,
    );
  }
  return out;
}

const README_START = '<!-- benchmarks:start -->';
const README_END = '<!-- benchmarks:end -->';

/** Replaces the text between the benchmark markers of `readme` with the summary. */
export function withSummary(readme: string, results: Results): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`the README has no ${README_START} … ${README_END} markers`);
  return `${readme.slice(0, start + README_START.length)}\n\n${summaryMd(results).join('\n')}\n\n${readme.slice(end)}`;
}

/** Judges the results against the budgets and renders the Markdown report. */
export function buildReport(results: Results, budgets: Budgets): string {
  const m = results.machine;
  const timed = new Map<string, Record<string, Figure>>();
  for (const r of results.render?.results ?? []) timed.set(`render/${r.id}`, r.figures);
  for (const r of results.interaction?.results ?? []) timed.set(`interaction/${r.id}`, r.figures);
  const timings = judgeTimings(timed, budgets.timings);
  const sizes = results.sizes ? judgeSizes(results.sizes.results, budgets.sizes) : [];
  results.budgets = { sizes, timings };
  const runs = [results.render, results.interaction, results.memory].find(Boolean)?.runs;
  const lines = [
    '# Benchmark results',
    '',
    `Measured ${m.date.slice(0, 16).replace('T', ' ')} UTC on ${m.cpuModel}, ${m.cpus} logical CPUs, ${m.ramGiB} GiB RAM, load average ${m.loadAverage.join(' / ')} at the start; Chromium ${m.chromium} (headless), Node ${m.node}. Every timing is the median of ${runs ?? 'several'} runs, each in a fresh page, with the fastest and slowest run in brackets. Budgets come from \`benchmarks/budgets.json\`; timings are reported, never enforced.`,
    '',
  ];
  lines.push('## Budgets', '', ...summaryMd(results).slice(2), '');
  if (results.sizes) lines.push(...sizesMd(results.sizes.results, sizes), '');
  if (results.render) lines.push(...renderMd(results.render.results, timings), '');
  if (results.interaction) lines.push(...interactionMd(results.interaction.results, timings), '');
  if (results.memory) lines.push(...memoryMd(results.memory.results, results.cycles ?? 1000), '');
  return lines.join('\n');
}

async function prettier(text: string, filepath: string): Promise<string> {
  return format(text, { ...((await resolveConfig(filepath)) ?? {}), filepath });
}

/** Writes latest.json and latest.md (Prettier-formatted, as the repository's check expects). */
export async function writeResults(results: Results, markdown: string): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(LATEST_JSON, await prettier(JSON.stringify(results), LATEST_JSON));
  writeFileSync(LATEST_MD, await prettier(markdown, LATEST_MD));
}

/** Puts the budget summary in the root README's Performance section (between its markers). */
export async function updateReadme(results: Results): Promise<void> {
  const path = join(repoDir, 'README.md');
  writeFileSync(path, await prettier(withSummary(readFileSync(path, 'utf8'), results), path));
}
