/** budgets.json: the targets, and how each measured figure stands against them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir } from './paths.js';
import type { SizeRow } from './sizes.js';
import type { Figure } from './stats.js';

export interface SizeBudget {
  file: string;
  /** `whole`: the file as shipped; `own`: the file minus the shared runtime bundle. */
  of: 'whole' | 'own';
  gzipKB: number;
  /** Checked by CI (`check:sizes`); otherwise only reported. */
  enforced: boolean;
  source: string;
}

export interface TimingBudget {
  /** `<section>/<result id>`, e.g. `render/gauge`. */
  result: string;
  /** The figure of that result it is read against, e.g. `warm.work`. */
  metric: string;
  ms: number;
  source: string;
}

export interface Budgets {
  note: string[];
  sizes: SizeBudget[];
  timings: TimingBudget[];
}

export function loadBudgets(): Budgets {
  return JSON.parse(readFileSync(join(benchDir, 'budgets.json'), 'utf8')) as Budgets;
}

export interface SizeVerdict extends SizeBudget {
  /** Measured gzip size in KB. */
  actualKB: number;
  met: boolean;
}

/** The size row a budget is about. */
export function sizeRowFor(rows: readonly SizeRow[], budget: SizeBudget): SizeRow | undefined {
  return rows.find((r) =>
    budget.of === 'own' ? r.kind === 'own' && r.file.startsWith(budget.file) : r.file === budget.file,
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
