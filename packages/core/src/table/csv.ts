/**
 * CSV files of the widgets' data tables (RFC 4180: comma separated, CRLF line ends, a field quoted
 * when it holds a comma, a quote or a line break, quotes doubled), UTF-8 with a byte-order mark so
 * that Excel reads Chinese correctly.
 *
 * Feed text is untrusted: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return would run as a formula in a spreadsheet (CSV injection), so it gets a leading apostrophe.
 * Numbers are written as numbers (a negative change stays `-14.3`, not text); a missing number is
 * an empty field, never 0.
 */

/** The byte-order mark that starts the file. */
export const BOM = '\uFEFF';

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A CSV field: text, a number, or missing (`null`/`undefined`, written empty). */
export type CsvField = string | number | null | undefined;

/** Text made safe to open in a spreadsheet: a leading apostrophe when it would start a formula. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One text field: formula-guarded, then quoted if it needs to be. */
export function csvText(text: string | null | undefined): string {
  const safe = guardFormula(text ?? '');
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One number field: the number (at most 4 decimals), or empty when missing or not finite. */
export function csvNumber(value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  return String(Math.round(value * 1e4) / 1e4);
}

/** One field of either kind. */
export function csvField(value: CsvField): string {
  return typeof value === 'number' ? csvNumber(value) : csvText(value);
}

/** The whole file: BOM, then one CRLF-ended line per row. */
export function toCsv(rows: readonly (readonly CsvField[])[]): string {
  return BOM + rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** A file name from parts: lower-case letters, digits and dashes only (feed ids are untrusted). */
export function csvFileName(...parts: readonly string[]): string {
  const name = parts
    .map((p) =>
      p
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter(Boolean)
    .join('-');
  return `${name || 'safety-data'}.csv`;
}

/**
 * Offers `text` as a download named `fileName`, through a link placed in `root` (the widget's shadow
 * root, so the page's DOM is never touched). Returns false (and logs why) when the browser refused.
 */
export function downloadText(
  root: ParentNode,
  fileName: string,
  text: string,
  type = 'text/csv;charset=utf-8',
): boolean {
  try {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.rel = 'noopener';
    a.hidden = true;
    root.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return true;
  } catch (error) {
    console.error('[safety-widgets] could not make the CSV file:', error);
    return false;
  }
}
