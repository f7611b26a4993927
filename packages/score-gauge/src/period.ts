/**
 * Which period the change is measured against, so that the gauge can say "on last month"
 * when it knows, and "on the previous period" when it does not.
 */

/** The kind of period the change compares with; `period` when unknown or mixed. */
export type ComparisonPeriod = 'day' | 'month' | 'quarter' | 'half' | 'year' | 'period';

/** The kind of a history period label (`2017`, `2017-H1`, `2017-Q3`, `2017-06`, `2017-06-30`), or null. */
export function periodKind(label: string): Exclude<ComparisonPeriod, 'period'> | null {
  if (/^\d{4}$/.test(label)) return 'year';
  if (/^\d{4}-H[12]$/.test(label)) return 'half';
  if (/^\d{4}-Q[1-4]$/.test(label)) return 'quarter';
  if (/^\d{4}-\d{2}$/.test(label)) return 'month';
  if (/^\d{4}-\d{2}-\d{2}$/.test(label)) return 'day';
  return null;
}

/** The fields of an indicator this module reads. */
export interface PeriodIndicator {
  readonly id: string;
  readonly history?: readonly { readonly period: string }[] | undefined;
}

/**
 * The period the change compares with: the kind of the latest history period of every
 * compared indicator (`comparedIds`), when they all agree; `period` when they differ, when
 * one has no history (its previous value came without a period), or when none was compared.
 */
export function comparisonPeriod(
  indicators: readonly PeriodIndicator[],
  comparedIds: ReadonlySet<string>,
): ComparisonPeriod {
  let kind: ComparisonPeriod | null = null;
  for (const indicator of indicators) {
    if (!comparedIds.has(indicator.id)) continue;
    const last = indicator.history?.[indicator.history.length - 1];
    const own = last ? periodKind(last.period) : null;
    if (own === null) return 'period';
    if (kind !== null && kind !== own) return 'period';
    kind = own;
  }
  return kind ?? 'period';
}
