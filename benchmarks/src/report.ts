/**
 * The report: latest.json (everything measured, with the machine) and latest.md (the tables,
 * each figure against its budget and beside the reference library), formatted with Prettier.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import {
  judgePages,
  judgeRatios,
  judgeSizes,
  judgeTimings,
  type Budgets,
  type PageVerdict,
  type RatioVerdict,
  type SizeVerdict,
  type TimingVerdict,
} from './budgets.js';
import type { InteractionResult } from './interaction.js';
import { LIVE_LABELS, type LiveResult } from './live.js';
import type { Machine } from './machine.js';
import type { MemoryResult } from './memory.js';
import type { PageResult } from './pages.js';
import { PAINT_CASES, type PaintResult } from './paint.js';
import { repoDir, resultsDir } from './paths.js';
import { LIBRARY_NAMES } from './reference-pictures.js';
import type { RenderResult } from './render.js';
import type { SizeRow } from './sizes.js';
import type { Figure } from './stats.js';

export interface Section<T> {
  measuredAt: string;
  /** The embed build measured: the start of its manifest's SHA-256. */
  build?: string;
  runs: number;
  results: T;
}

export interface Results {
  machine: Machine;
  /** Mount/unmount cycles per memory run. */
  cycles?: number;
  sizes?: Section<SizeRow[]>;
  pages?: Section<PageResult[]>;
  paint?: Section<PaintResult[]>;
  render?: Section<RenderResult[]>;
  interaction?: Section<InteractionResult[]>;
  live?: Section<LiveResult[]>;
  memory?: Section<MemoryResult[]>;
  budgets?: { sizes: SizeVerdict[]; pages: PageVerdict[]; timings: TimingVerdict[]; ratios: RatioVerdict[] };
}

export const LATEST_JSON = join(resultsDir, 'latest.json');
export const LATEST_MD = join(resultsDir, 'latest.md');

export function readLatest(): Partial<Results> {
  return existsSync(LATEST_JSON) ? (JSON.parse(readFileSync(LATEST_JSON, 'utf8')) as Results) : {};
}

/** Markdown would take `<safety-feed>` for an HTML tag: code-quote tag names. */
const md = (text: string) => text.replace(/(?<!`)<[a-z-]+>(?!`)/g, (tag) => `\`${tag}\``);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
/** "median (min–max) ms". */
const cell = (f: Figure | undefined, unit = 'ms') =>
  f ? `${ms(f.median)} ${unit} (${ms(f.min)}–${ms(f.max)})` : '—';
const ratio = (a: Figure | undefined, b: Figure | undefined) =>
  a && b && b.median > 0 ? `${(a.median / b.median).toFixed(2)}×` : '—';
const verdict = (v: { met?: boolean } | undefined) =>
  v?.met === undefined ? 'not measured' : v.met ? 'met' : '**missed**';
/** "issue 17", "proposal", "regression ceiling": the first words of a source. */
const origin = (source: string) => source.split(/[:(]/)[0]!.trim();
const when = (section: Section<unknown> | undefined) =>
  section
    ? `Measured ${section.measuredAt.slice(0, 16).replace('T', ' ')} UTC${section.build ? ` on embed build \`${section.build}\` (its manifest's SHA-256)` : ''}, ${section.runs} run(s).`
    : '';

function budgetCell(verdicts: readonly TimingVerdict[], key: string): string {
  const found = verdicts.filter((v) => v.result === key);
  if (found.length === 0) return '—';
  return found.map((v) => `${v.ms} ms (${v.metric}): ${verdict(v)}`).join('<br>');
}

/** The label of a result named `<section>/<id>`. */
function labelOf(results: Results, key: string): string | undefined {
  const [section, id] = key.split('/');
  const list: readonly { id: string; label: string }[] | undefined =
    section === 'render'
      ? results.render?.results
      : section === 'live'
        ? results.live?.results
        : section === 'paint'
          ? results.paint?.results
          : results.interaction?.results;
  const fallback =
    section === 'paint'
      ? PAINT_CASES.find((c) => c.id === id)?.label
      : section === 'live'
        ? LIVE_LABELS[id!]
        : undefined;
  return list?.find((r) => r.id === id)?.label ?? fallback;
}

/**
 * One row per budget: the figure, what was measured, the target, met or missed, and which
 * definition (numbered under the table) it reads. Issue 17's targets first.
 */
export function summaryMd(results: Results, withDefinitions = true): string[] {
  const budgets = results.budgets;
  if (!budgets) return [];
  const m = results.machine;
  // Each distinct `measures` text once, numbered in the order the rows show them.
  const numbers = new Map<string, number>();
  const def = (measures: string) => {
    if (!withDefinitions) return '';
    if (!numbers.has(measures)) numbers.set(measures, numbers.size + 1);
    return ` [${numbers.get(measures)}]`;
  };
  const out = [
    `Measured ${m.date.slice(0, 10)} on ${m.cpuModel} (${m.cpus} logical CPUs, ${m.ramGiB} GiB RAM, load average ${m.loadAverage[0]} at the start), Chromium ${m.chromium}, Node ${m.node}. Timings are medians of fresh pages (min–max); sizes gzip. Only the sizes marked "CI" are enforced.`,
    '',
    '| figure | measured | target | verdict | source |',
    '| --- | ---: | ---: | --- | --- |',
  ];
  for (const v of budgets.pages) {
    const label = results.pages?.results.find((r) => r.id === v.page)?.label ?? v.page;
    out.push(
      `| ${md(label)}, script gzip fetched${def(v.measures)} | ${v.actualKB === undefined ? '—' : `${v.actualKB.toFixed(1)} KB`} | ${v.gzipKB} KB | ${verdict(v)} | ${origin(v.source)} |`,
    );
  }
  for (const v of budgets.ratios) {
    const label = labelOf(results, v.result) ?? v.result;
    const measured =
      v.actual === undefined
        ? '—'
        : `${v.actual.toFixed(2)}× (${ms(v.widgetMs!)} ÷ ${ms(v.referenceMs!)} ms)`;
    out.push(
      `| ${md(label)}: first paint ÷ ${LIBRARY_NAMES[v.reference]}${def(v.measures)} | ${measured} | ${v.max}× | ${verdict(v)} | ${origin(v.source)} |`,
    );
  }
  for (const v of [...budgets.timings].sort(
    (a, b) => Number(b.source.startsWith('issue 17')) - Number(a.source.startsWith('issue 17')),
  )) {
    out.push(
      `| ${md(labelOf(results, v.result) ?? v.result)}, \`${v.metric}\`${def(v.measures)} | ${cell(v.actual)} | ${v.ms} ms | ${verdict(v)} | ${origin(v.source)} |`,
    );
  }
  for (const v of budgets.sizes) {
    const what = `\`${v.file}\`${v.of === 'chunks' ? ' own chunks' : v.file.endsWith('.iife.js') ? '' : ' static graph'}`;
    out.push(
      `| ${what}${v.enforced ? ' (CI)' : ''}${def(v.measures)} | ${v.actualKB.toFixed(1)} KB | ${v.gzipKB} KB | ${verdict(v)} | ${origin(v.source)} |`,
    );
  }
  if (withDefinitions)
    out.push(
      '',
      'What each figure measures (its `measures` in budgets.json):',
      '',
      ...definitionsMd([...numbers.keys()]),
    );
  return out;
}

/** Where two texts stop agreeing, cut back to the end of a sentence; 0 when they share none. */
function sharedSentences(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const cut = a.lastIndexOf('. ', i - 1);
  return cut < 0 ? 0 : cut + 2;
}

/**
 * The numbered definitions, [1] first. Consecutive definitions that open with the same sentences
 * (the pages, the first-paint pictures) show those once, then what each adds.
 */
export function definitionsMd(texts: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < texts.length;) {
    let j = i + 1;
    let shared = 0;
    while (j < texts.length) {
      const next = sharedSentences(texts[i]!, texts[j]!);
      if (next < 40 || (shared && next !== shared)) break;
      shared = next;
      j++;
    }
    if (j - i === 1) {
      out.push(`- [${i + 1}] ${md(texts[i]!)}`);
    } else {
      out.push(`- [${i + 1}–${j}] ${md(texts[i]!.slice(0, shared).trim())}`);
      for (let k = i; k < j; k++) out.push(`  - [${k + 1}] ${md(texts[k]!.slice(shared))}`);
    }
    i = j;
  }
  return out;
}

function pagesMd(section: Section<PageResult[]>, verdicts: readonly PageVerdict[]): string[] {
  const out = [
    '## Page script bytes',
    '',
    `${when(section)} Every script file a page fetched from the embed folder in headless Chromium (a fresh browser context): entries, the chunks they import and chunks loaded later by dynamic import, each counted once, once every widget is drawn and the network has been quiet for 1 s. Each file is compressed on its own (gzip level 9, brotli quality 11), as a server sends it; the page's figure is the sum. Widgets read the sample feed as published (\`src="/feeds/yantian.json"\`), except the \`.data\` page.`,
    '',
    '| page | files fetched (gzip each) | minified | gzip | brotli | target | verdict |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of section.results) {
    const v = verdicts.find((x) => x.page === r.id);
    const files = r.files.map((f) => `\`${f.file}\` ${kb(f.gzip)}`).join('<br>');
    out.push(
      `| ${md(r.label)} | ${files} | ${kb(r.min)} | ${kb(r.gzip)} | ${kb(r.brotli)} | ${v ? `${v.gzipKB} KB` : '—'} | ${v ? verdict(v) : ''} |`,
    );
  }
  return out;
}

function paintMd(section: Section<PaintResult[]>, verdicts: readonly RatioVerdict[]): string[] {
  const out = [
    '## First paint',
    '',
    `${when(section)} The first render in a fresh page, widget and references interleaved run by run (each run: the widget and every reference once, each in a fresh browser context, the order rotated every run). Widget: from setting \`.data\` (the feed already fetched and parsed in the page, the widget mounted with its own entry file) to the second animation frame after it is drawn ("painted"); "work" stops at drawn and laid out. References: from the drawing call (ECharts \`registerMap\` + \`setOption\`, Highcharts \`chart\`/\`mapChart\`, \`new Chart\`) to the same two frames. Ratio: median ÷ median of the same run.`,
    '',
    '| picture | widget: painted | widget: work | reference | reference: painted | widget ÷ reference | target | verdict |',
    '| --- | ---: | ---: | --- | ---: | ---: | ---: | --- |',
  ];
  for (const r of section.results) {
    r.references.forEach((ref, i) => {
      const v = verdicts.find((x) => x.result === `paint/${r.id}` && x.reference === ref.library);
      const first = i === 0;
      out.push(
        `| ${first ? md(r.label) : ''} | ${first ? cell(r.widget.painted) : ''} | ${first ? cell(r.widget.work) : ''} | ${ref.label} | ${cell(ref.figures.painted)} | ${ratio(r.widget.painted, ref.figures.painted)} | ${v ? `${v.max}×` : '—'} | ${v ? verdict(v) : ''} |`,
      );
    });
  }
  return out;
}

function liveMd(section: Section<LiveResult[]>, verdicts: readonly TimingVerdict[]): string[] {
  const out = [
    '## Live update, 20 widgets on one feed',
    '',
    `${when(section)} 20 widgets (5 of each, \`safety-widgets.js\`) read one \`<safety-feed>\`, whose \`data\` is set to a changed feed (one indicator value, one grid figure and one event more, a later \`asOf\`) from a task of its own. Four changes per page: the first in the page, then three more ("later": their median). "Painted": from the change to the second animation frame after every widget has drawn it; "longest task": the longest main-thread task in that time, from a Chromium trace; "after": the longest in the 300 ms after painted. Per widget, "own" is the time inside its own updates and "latency" from the change to its last update done.`,
    '',
    '| figure | first change in the page | later changes | target (later changes) | verdict |',
    '| --- | ---: | ---: | ---: | --- |',
  ];
  const page = section.results.find((r) => r.id === 'live-page');
  if (page) {
    const rows: [string, string][] = [
      ['feed validated', 'validated'],
      ['all drawn and laid out', 'work'],
      ['changed feed → painted', 'painted'],
      ['longest task, change → painted', 'longestTask'],
      ['longest task in the 300 ms after', 'longestTaskAfter'],
    ];
    for (const [label, key] of rows) {
      const next = verdicts.find((v) => v.result === 'live/live-page' && v.metric === `next.${key}`);
      const firstV = verdicts.find((v) => v.result === 'live/live-page' && v.metric === `first.${key}`);
      const target = [next && `${next.ms} ms`, firstV && `first: ${firstV.ms} ms`]
        .filter(Boolean)
        .join('<br>');
      const verdicts_ = [next && verdict(next), firstV && `first: ${verdict(firstV)}`]
        .filter(Boolean)
        .join('<br>');
      out.push(
        `| ${label} | ${cell(page.figures[`first.${key}`])} | ${cell(page.figures[`next.${key}`])} | ${target || '—'} | ${verdicts_} |`,
      );
    }
  }
  out.push('', '| widget (later changes) | own | latency | budget |', '| --- | ---: | ---: | --- |');
  for (const r of section.results.filter((x) => x.id !== 'live-page')) {
    out.push(
      `| ${md(r.label)} | ${cell(r.figures.own)} | ${cell(r.figures.latency)} | ${budgetCell(verdicts, `live/${r.id}`)} |`,
    );
  }
  return out;
}

function sizesMd(section: Section<SizeRow[]>, verdicts: readonly SizeVerdict[]): string[] {
  const rows = section.results;
  const echarts = rows.find((r) => r.file.startsWith('echarts'));
  const budgets = (file: string, of: 'whole' | 'chunks') =>
    verdicts
      .filter((v) => v.file === file && v.of === of)
      .map((v) => `${v.gzipKB} KB ${v.enforced ? '(CI)' : '(target)'}: ${verdict(v)}`)
      .join('<br>') || '—';
  const out = [
    '## Sizes (static import graph; what CI checks)',
    '',
    `${when(section)} Minified bytes, gzip (level 9) and brotli (quality 11), KB = 1,024 bytes, of each entry file with the chunks it imports statically (the embed manifest's \`chunks\`), each file compressed on its own, a chunk counted once. Chunks loaded by dynamic import are not in these figures: the page script bytes above are what a page fetches. "Own code" is the widget's figure minus the shared runtime bundle (Lit + core + \`<safety-feed>\`). The references are bundled the same way (Vite 8, minified ES module).`,
    '',
    '| file | minified | gzip | brotli | gzip budget | gzip ÷ ECharts |',
    '| --- | ---: | ---: | ---: | --- | ---: |',
  ];
  for (const r of rows) {
    const name = md(
      r.kind === 'reference'
        ? `${r.label} (reference)`
        : r.kind === 'chunks'
          ? r.label
          : `\`${r.file}\` ${r.label}`,
    );
    const budget =
      r.kind === 'embed'
        ? budgets(r.file, 'whole')
        : r.kind === 'chunks'
          ? budgets(r.file.split(' ')[0]!, r.kind)
          : '—';
    const vs = echarts && r.kind === 'embed' ? `${(r.gzip / echarts.gzip).toFixed(2)}×` : '—';
    out.push(`| ${name} | ${kb(r.min)} | ${kb(r.gzip)} | ${kb(r.brotli)} | ${budget} | ${vs} |`);
  }
  return out;
}

function renderMd(section: Section<RenderResult[]>, verdicts: readonly TimingVerdict[]): string[] {
  const out = [
    "## Render (first and second render in a page; the widget issues' figures)",
    '',
    `${when(section)} From setting \`.data\` on a mounted widget (its entry file in the page) to the picture drawn and laid out ("work") and to painted (two animation frames). "First" is the first render in a fresh page, "again" a second one in the same page with a new element and a new copy of the data. The issue 3, 4 and 5 budgets read "again: work" (\`warm.work\`), as those issues measured it: compiled code, and nothing painted yet. ECharts draws the same picture in a fresh page of its own, not interleaved (the first-paint section above is). The last column is widget ÷ ECharts, first render, painted.`,
    '',
    '| picture | first: work | first: painted | again: work | budget | ECharts first: painted | ECharts again: work | ÷ ECharts |',
    '| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |',
  ];
  for (const r of section.results) {
    const f = r.figures;
    const e = r.reference?.figures;
    out.push(
      `| ${r.label} | ${cell(f['cold.work'])} | ${cell(f['cold.painted'])} | ${cell(f['warm.work'])} | ${budgetCell(verdicts, `render/${r.id}`)} | ${cell(e?.['cold.painted'])} | ${cell(e?.['warm.work'])} | ${ratio(f['cold.painted'], e?.['cold.painted'])} |`,
    );
  }
  return out;
}

function interactionMd(section: Section<InteractionResult[]>, verdicts: readonly TimingVerdict[]): string[] {
  const out = [
    '## Interaction',
    '',
    `${when(section)} Hover: real pointer moves over the 20,000-polygon map, from the event to the widget updated and laid out ("work") and to the second animation frame ("painted"), beside ECharts' map of the same polygons. Table: a click on a column's sort button, and a search, on 5,000 rows.`,
    '',
    '| interaction | figures | budget | reference | ÷ reference (painted) |',
    '| --- | --- | --- | --- | ---: |',
  ];
  for (const r of section.results) {
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

function memoryMd(section: Section<MemoryResult[]>, cycles: number): string[] {
  const out = [
    '## Memory',
    '',
    `${when(section)} JS heap used (CDP \`Runtime.getHeapUsage\` after \`HeapProfiler.collectGarbage\`) before and after ${cycles.toLocaleString('en')} mount/unmount cycles of one widget reading a \`<safety-feed>\` that holds the sample district, after 10 warm-up cycles. A leak grows with the number of cycles; one-time growth (compiled code, caches) does not: compare runs with different \`--cycles\`.`,
    '',
    '| widget | heap before | heap after | growth | time per cycle |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const r of section.results) {
    const f = r.figures;
    out.push(
      `| ${r.label.split(':')[0]} | ${cell(f.beforeKB, 'KB')} | ${cell(f.afterKB, 'KB')} | ${cell(f.growthKB, 'KB')} | ${cell(f.cycleMs)} |`,
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
  return `${readme.slice(0, start + README_START.length)}\n\n${summaryMd(results, false).join('\n')}\n\n${readme.slice(end)}`;
}

/** Judges the results against the budgets and renders the Markdown report. */
export function buildReport(results: Results, budgets: Budgets): string {
  const m = results.machine;
  const timed = new Map<string, Record<string, Figure>>();
  for (const r of results.render?.results ?? []) timed.set(`render/${r.id}`, r.figures);
  for (const r of results.interaction?.results ?? []) timed.set(`interaction/${r.id}`, r.figures);
  for (const r of results.live?.results ?? []) timed.set(`live/${r.id}`, r.figures);
  const timings = judgeTimings(timed, budgets.timings);
  const sizes = results.sizes ? judgeSizes(results.sizes.results, budgets.sizes) : [];
  const pages = judgePages(results.pages?.results, budgets.pages);
  const ratios = judgeRatios(results.paint?.results, budgets.ratios);
  results.budgets = { sizes, pages, timings, ratios };
  const lines = [
    '# Benchmark results',
    '',
    `Run started ${m.date.slice(0, 16).replace('T', ' ')} UTC on ${m.cpuModel}, ${m.cpus} logical CPUs, ${m.ramGiB} GiB RAM, load average ${m.loadAverage.join(' / ')} at the start; Chromium ${m.chromium} (headless), Node ${m.node}. Each section says when it was measured and over how many runs (a run with \`--only\` keeps the other sections of the previous one). Every timing is the median of its runs, each in a fresh page, with the fastest and slowest run in brackets. Budgets come from \`benchmarks/budgets.json\`; only the sizes marked CI are enforced, everything else is reported. How each figure is measured: \`benchmarks/README.md\`.`,
    '',
  ];
  lines.push('## Budgets', '', ...summaryMd(results).slice(2), '');
  if (results.pages) lines.push(...pagesMd(results.pages, pages), '');
  if (results.paint) lines.push(...paintMd(results.paint, ratios), '');
  if (results.live) lines.push(...liveMd(results.live, timings), '');
  if (results.sizes) lines.push(...sizesMd(results.sizes, sizes), '');
  if (results.render) lines.push(...renderMd(results.render, timings), '');
  if (results.interaction) lines.push(...interactionMd(results.interaction, timings), '');
  if (results.memory) lines.push(...memoryMd(results.memory, results.cycles ?? 1000), '');
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
