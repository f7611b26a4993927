/**
 * budgets.json: the targets, and how each measured figure stands against them. Every budget says
 * in `measures` what figure it reads and how that figure is measured, and in `source` where the
 * target comes from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageResult } from './pages.js';
import type { PaintResult } from './paint.js';
import { benchDir } from './paths.js';
import type { Library } from './reference-pictures.js';
import type { SizeRow } from './sizes.js';
import type { Figure } from './stats.js';

interface Described {
  /** What the figure is and how it is measured, in words. */
  measures: string;
  /** Where the target comes from (`issue N: …`, `proposal: …`, `regression ceiling …`). */
  source: string;
}

/** A size of the `sizes` section (the embed manifest's static import graph; CI checks these). */
export interface SizeBudget extends Described {
  file: string;
  /**
   * `whole`: the entry and the chunks it imports statically; `own`: that minus the shared runtime
   * bundle; `chunks`: the files of that graph no other widget entry loads.
   */
  of: 'whole' | 'chunks';
  gzipKB: number;
  /** Checked by CI (`check:sizes`); otherwise only reported. */
  enforced: boolean;
}

/** The script bytes a real page fetched (the `pages` section); reported, never enforced. */
export interface PageBudget extends Described {
  /** A page id of pages.ts. */
  page: string;
  gzipKB: number;
}

/** A timing; reported, never enforced. */
export interface TimingBudget extends Described {
  /** `<section>/<result id>`, e.g. `render/gauge`. */
  result: string;
  /** The figure of that result it is read against, e.g. `warm.work`. */
  metric: string;
  ms: number;
}

/** Widget ÷ reference, first paint medians of the same `paint` run; reported, never enforced. */
export interface RatioBudget extends Described {
  /** `paint/<case id>`. */
  result: string;
  reference: Library;
  max: number;
}

export interface Budgets {
  note: string[];
  sizes: SizeBudget[];
  pages: PageBudget[];
  timings: TimingBudget[];
  ratios: RatioBudget[];
}

export function loadBudgets(): Budgets {
  const budgets = JSON.parse(readFileSync(join(benchDir, 'budgets.json'), 'utf8')) as Budgets;
  return { ...budgets, pages: budgets.pages ?? [], ratios: budgets.ratios ?? [] };
}

export interface SizeVerdict extends SizeBudget {
  /** Measured gzip size in KB. */
  actualKB: number;
  met: boolean;
}

/** The size row a budget is about. */
export function sizeRowFor(rows: readonly SizeRow[], budget: SizeBudget): SizeRow | undefined {
  return rows.find((r) =>
    budget.of === 'whole'
      ? r.kind === 'embed' && r.file === budget.file
      : r.kind === budget.of && r.file.split(' ')[0] === budget.file,
  );
}

export function judgeSizes(rows: readonly SizeRow[], budgets: readonly SizeBudget[]): SizeVerdict[] {
  return budgets.map((b) => {
    const row = sizeRowFor(rows, b);
    if (!row) throw new Error(`budgets.json names ${b.file} (${b.of}), which was not measured`);
    const actualKB = row.gzip / 1024;
    return { ...b, actualKB, met: actualKB <= b.gzipKB };
  });
}

export interface PageVerdict extends PageBudget {
  actualKB?: number;
  met?: boolean;
}

export function judgePages(
  results: readonly PageResult[] | undefined,
  budgets: readonly PageBudget[],
): PageVerdict[] {
  return budgets.map((b) => {
    const found = results?.find((r) => r.id === b.page);
    if (!found) return { ...b };
    const actualKB = found.gzip / 1024;
    return { ...b, actualKB, met: actualKB <= b.gzipKB };
  });
}

export interface TimingVerdict extends TimingBudget {
  actual?: Figure;
  met?: boolean;
}

/** `results` maps `<section>/<id>` to that result's figures. */
export function judgeTimings(
  results: ReadonlyMap<string, Record<string, Figure>>,
  budgets: readonly TimingBudget[],
): TimingVerdict[] {
  return budgets.map((b) => {
    const actual = results.get(b.result)?.[b.metric];
    return actual ? { ...b, actual, met: actual.median <= b.ms } : { ...b };
  });
}

export interface RatioVerdict extends RatioBudget {
  /** The widget's and the reference's median first paint (ms), and their ratio. */
  widgetMs?: number;
  referenceMs?: number;
  actual?: number;
  met?: boolean;
}

export function judgeRatios(
  results: readonly PaintResult[] | undefined,
  budgets: readonly RatioBudget[],
): RatioVerdict[] {
  return budgets.map((b) => {
    const found = results?.find((r) => `paint/${r.id}` === b.result);
    const reference = found?.references.find((r) => r.library === b.reference);
    if (!found || !reference) return { ...b };
    const widgetMs = found.widget.painted.median;
    const referenceMs = reference.figures.painted.median;
    const actual = widgetMs / referenceMs;
    return { ...b, widgetMs, referenceMs, actual, met: actual <= b.max };
  });
}
