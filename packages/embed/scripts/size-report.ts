/**
 * Sizes and integrity hashes of the built embed files: minified bytes, gzip (level 9) and brotli
 * (quality 11), and a Subresource Integrity value (sha384) to paste into `integrity="…"`.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface FileReport {
  readonly file: string;
  readonly format: 'es' | 'iife';
  readonly defines: readonly string[];
  readonly bytes: number;
  readonly gzip: number;
  readonly brotli: number;
  /** `sha384-…`, for the script tag's `integrity` attribute. */
  readonly integrity: string;
}

/** The report of one file's contents. */
export function reportFile(
  file: string,
  code: Buffer,
  format: 'es' | 'iife',
  defines: readonly string[],
): FileReport {
  return {
    file,
    format,
    defines,
    bytes: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: code.length },
    }).length,
    integrity: `sha384-${createHash('sha384').update(code).digest('base64')}`,
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The reports as a Markdown table. */
export function sizeTable(version: string, reports: readonly FileReport[]): string {
  const rows = reports.map(
    (r) =>
      `| \`${r.file}\` | ${r.format === 'es' ? 'module' : 'classic'} | ${kb(r.bytes)} | ${kb(r.gzip)} | ${kb(r.brotli)} | \`${r.integrity}\` |`,
  );
  return [
    `# @safety-widgets/embed ${version}: sizes and integrity`,
    '',
    'Written by `pnpm build`. Minified bytes, gzip level 9, brotli quality 11.',
    '',
    '| file | script | minified | gzip | brotli | integrity |',
    '| --- | --- | ---: | ---: | ---: | --- |',
    ...rows,
    '',
  ].join('\n');
}
