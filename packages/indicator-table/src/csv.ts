/**
 * The table's CSV: which columns it has and what goes in them. The file format itself (RFC 4180,
 * UTF-8 with a byte-order mark, formula-guarded text, numbers as numbers, missing as an empty
 * field) is core's `toCsv`; the file name is core's `csvFileName`.
 */
import { STATUS_CUES, csvFileName, localizedText, toCsv, type SupportedLocale } from '@safety-widgets/core';
import { msg } from './messages.js';
import type { IndicatorRow, RowStatus, TableModel } from './table-model.js';

/** The status as text in `locale`. */
export function statusLabel(status: RowStatus, locale: SupportedLocale): string {
  if (status === 'no-target') return msg(locale, 'status.no-target');
  return STATUS_CUES[status].label[locale === 'zh-CN' ? 'zh' : 'en'];
}

const HEADER = [
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
  return toCsv([
    HEADER.map((k) => msg(locale, k)),
    ...rows.map((row) => [
      localizedText(model.areaById.get(row.area)?.name, locale) || row.area,
      row.id,
      localizedText(row.name, locale),
      row.value,
      localizedText(row.unit, locale),
      row.target,
      row.cityAverage,
      row.score,
      row.weight,
      msg(locale, row.direction === 'higher' ? 'direction.higher' : 'direction.lower'),
      statusLabel(row.status, locale),
      msg(locale, row.provenance === 'synthetic' ? 'synthetic' : 'published'),
      localizedText(row.note, locale),
    ]),
  ]);
}

/** The CSV's file name, `yantian-indicators-2017-12-04.csv` (core's `csvFileName`: lower case, dashes). */
export function indicatorsCsvFileName(placeId: string, asOf: string): string {
  return csvFileName(placeId, 'indicators', /^\d{4}-\d{2}-\d{2}/.exec(asOf)?.[0] ?? '');
}
