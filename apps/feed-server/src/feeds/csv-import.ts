/**
 * Bulk import of indicator values from CSV, as district staff export it from a spreadsheet:
 *
 *     id,value,target,updatedAt
 *     fraud-cases,225,200,2017-06-30T00:00:00+08:00
 *
 * Header row first (names as in the feed format; `id` and `value` required, then any of
 * `target`, `cityAverage`, `previous`, `updatedAt`, `provenance`). Comma-separated, UTF-8 (a BOM is
 * fine), quotes as in RFC 4180. Numbers are plain (`1234.5`: no thousands separators, units or
 * percent signs). An empty cell leaves that field as it is; `null` clears it (no data). Rows update
 * indicators the feed already has; each becomes one item of an indicators write, so the rows are
 * validated with core and written all together or not at all.
 */
import { parse } from 'csv-parse/sync';
import type { PayloadProblem } from '../http/problem.js';
import { MAX_ITEMS, type PayloadItem } from './payloads.js';

const NUMBER_COLUMNS = ['value', 'target', 'cityAverage', 'previous'];
const TEXT_COLUMNS = ['updatedAt', 'provenance'];
export const CSV_COLUMNS: readonly string[] = ['id', ...NUMBER_COLUMNS, ...TEXT_COLUMNS];

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

export type CsvOutcome = { ok: true; items: PayloadItem[] } | { ok: false; problems: PayloadProblem[] };

const problem = (path: string, reason: string): PayloadProblem => ({ path, message: `${path}: ${reason}` });

function cellValue(column: string, raw: string, path: string): { value?: unknown; problem?: PayloadProblem } {
  if (raw === 'null') return { value: null };
  if (!NUMBER_COLUMNS.includes(column)) return { value: raw };
  if (!NUMBER.test(raw)) {
    return {
      problem: problem(
        path,
        `expected a number such as 12 or 0.85 (no units, percent signs or thousands separators), got ${JSON.stringify(raw)}`,
      ),
    };
  }
  return { value: Number(raw) };
}

/** Reads CSV text into indicator updates for a feed whose indicator ids are `known`. */
export function readIndicatorCsv(text: string, known: ReadonlySet<string>, feedId: string): CsvOutcome {
  let records: string[][];
  try {
    records = parse(text, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: false });
  } catch (error) {
    const e = error as Error & { lines?: number };
    const path = e.lines !== undefined ? `line ${e.lines}` : '$';
    return { ok: false, problems: [problem(path, `not valid CSV: ${e.message}`)] };
  }
  const [header, ...rows] = records;
  if (!header)
    return { ok: false, problems: [problem('$', 'the CSV is empty (expected a header row and data rows)')] };
  const problems: PayloadProblem[] = [];
  header.forEach((name, i) => {
    if (!CSV_COLUMNS.includes(name)) {
      problems.push(
        problem(
          `line 1, column ${i + 1}`,
          `unknown column ${JSON.stringify(name)} (columns: ${CSV_COLUMNS.join(', ')})`,
        ),
      );
    } else if (header.indexOf(name) !== i) {
      problems.push(problem(`line 1, column ${i + 1}`, `column ${JSON.stringify(name)} appears twice`));
    }
  });
  for (const required of ['id', 'value']) {
    if (!header.includes(required))
      problems.push(problem('line 1', `the header needs a column "${required}"`));
  }
  if (rows.length === 0) problems.push(problem('$', 'the CSV has a header but no data rows'));
  if (rows.length > MAX_ITEMS)
    problems.push(problem('$', `at most ${MAX_ITEMS} rows per import, got ${rows.length}`));
  if (problems.length > 0) return { ok: false, problems };

  const seen = new Map<string, string>();
  const items: PayloadItem[] = [];
  rows.forEach((row, r) => {
    const path = `line ${r + 2}`;
    const fields: Record<string, unknown> = {};
    header.forEach((column, c) => {
      const raw = row[c] ?? '';
      if (raw === '') return;
      const cell = cellValue(column, raw, `${path}.${column}`);
      if (cell.problem) problems.push(cell.problem);
      else fields[column] = cell.value;
    });
    const id = fields.id;
    if (typeof id !== 'string') {
      problems.push(problem(`${path}.id`, 'is empty (each row names the indicator it updates)'));
      return;
    }
    if (!known.has(id)) {
      problems.push(
        problem(
          `${path}.id`,
          `feed "${feedId}" has no indicator "${id}" (the import only updates existing indicators)`,
        ),
      );
    }
    const first = seen.get(id);
    if (first !== undefined) problems.push(problem(`${path}.id`, `duplicate id "${id}" (first at ${first})`));
    else seen.set(id, path);
    items.push({ path, fields });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, items };
}
