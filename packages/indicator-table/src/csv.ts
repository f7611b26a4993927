/**
 * CSV of the rows the table shows (RFC 4180: comma separated, CRLF line ends, fields quoted when
 * they hold a comma, a quote or a line break, quotes doubled), UTF-8 with a byte-order mark so
 * that Excel reads Chinese correctly.
 *
 * Feed text is untrusted: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return would run as a formula in a spreadsheet (CSV injection), so it gets a leading apostrophe.
 * Numbers are written by this module from validated finite numbers and are left as numbers
 * (a negative change stays `-14.3`, not text).
 */
import { STATUS_CUES, localizedText, type SupportedLocale } from '@safety-widgets/core';
import { msg } from './messages.js';
import type { IndicatorRow, RowStatus, TableModel } from './view-model.js';

/** The byte-order mark that starts the file. */
export const BOM = '\uFEFF';

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text made safe to open in a spreadsheet: a leading apostrophe when it would start a formula. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One text field: formula-guarded, then quoted if it needs to be. */
export function csvText(text: string | null | undefined): string {
  const safe = guardFormula(text ?? '');
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One number field: the number (at most 4 decimals), or empty when missing. */
export function csvNumber(value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  return String(Math.round(value * 1e4) / 1e4);
}

/** The status as text in `locale`. */
export function statusLabel(status: RowStatus, locale: SupportedLocale): string {
  if (status === 'no-target') return msg(locale, 'status.no-target');
  return STATUS_CUES[status].label[locale === 'zh-CN' ? 'zh' : 'en'];
}

/**
 * The CSV text (with BOM) of `rows` in the given order: area, id, indicator, value, unit,
 * target, city average, score, weight, better when, status, provenance, note. Headers, names,
 * units and labels are in `locale`.
 */
export function indicatorsCsv(
  rows: readonly IndicatorRow[],
  model: Pick<TableModel, 'areaById'>,
  locale: SupportedLocale,
): string {
  const header = [
    'col.area',
    'col.id',
    'col.name',
    'col.value',
    'col.unit',
    'col.target',
    'col.city-average',
    'col.score',
    'col.weight',
    'col.direction',
    'col.status',
    'col.provenance',
    'col.note',
  ] as const;
  const lines = [header.map((k) => csvText(msg(locale, k))).join(',')];
  for (const row of rows) {
    lines.push(
      [
        csvText(localizedText(model.areaById.get(row.area)?.name, locale) || row.area),
        csvText(row.id),
        csvText(localizedText(row.name, locale)),
        csvNumber(row.value),
        csvText(localizedText(row.unit, locale)),
        csvNumber(row.target),
        csvNumber(row.cityAverage),
        csvNumber(row.score),
        csvNumber(row.weight),
        csvText(msg(locale, row.direction === 'higher' ? 'direction.higher' : 'direction.lower')),
        csvText(statusLabel(row.status, locale)),
        csvText(msg(locale, row.provenance === 'synthetic' ? 'synthetic' : 'published')),
        csvText(localizedText(row.note, locale)),
      ].join(','),
    );
  }
  return BOM + lines.join('\r\n') + '\r\n';
}

/** A file name for the CSV: `yantian-indicators-2017-12-04.csv` (unsafe characters become `-`). */
export function csvFileName(placeId: string, asOf: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(asOf)?.[0];
  const base = `${placeId}-indicators${day ? `-${day}` : ''}`;
  return `${base.replace(/[^A-Za-z0-9._-]+/g, '-')}.csv`;
}
