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
  /** An entry's shared chunks (`chunks/…`), every one a page downloads with it, in load order. */
  readonly chunks?: readonly string[];
  /**
   * Chunks an entry loads only when needed, by dynamic import: core's live layer (`chunks/live-…`,
   * when a page uses a feed URL) and its detailed diagnosis (`chunks/diagnosis-…`, when a feed is
   * rejected), with anything they import that the page does not have yet.
   */
  readonly lazyChunks?: readonly string[];
  /**
   * The entry's texts by language (`chunks/messages-<package>-<locale>-…`, among `lazyChunks`): a
   * page loads its own language's as soon as the scripts load, the other when a widget switches.
   */
  readonly textChunks?: { readonly en: readonly string[]; readonly 'zh-CN': readonly string[] };
  /**
   * What a page downloads up front for an entry: the entry, its chunks and its texts in one language
   * (English; see `textChunks`), each compressed on its own.
   */
  readonly page?: { readonly bytes: number; readonly gzip: number; readonly brotli: number };
}

/** What a page downloads for a set of files, each compressed on its own (as a server sends them). */
export function pageSize(files: readonly FileReport[]): NonNullable<FileReport['page']> {
  const sum = (key: 'bytes' | 'gzip' | 'brotli') => files.reduce((n, f) => n + f[key], 0);
  return { bytes: sum('bytes'), gzip: sum('gzip'), brotli: sum('brotli') };
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
      `| \`${r.file}\` | ${r.format === 'es' ? 'module' : 'classic'} | ${kb(r.bytes)} | ${kb(r.gzip)} | ${r.page ? `${kb(r.page.gzip)} (${1 + (r.chunks?.length ?? 0) + (r.textChunks?.en.length ?? 0)} files)` : r.file.startsWith('chunks/') ? '' : kb(r.gzip)} | \`${r.integrity}\` |`,
  );
  return [
    `# @safety-widgets/embed ${version}: sizes and integrity`,
    '',
    'Written by `pnpm build`. Minified bytes and gzip (level 9) of each file; "page" is what a page',
    'downloads with an entry: the entry, every shared chunk it imports and its texts in English (the',
    "page's language is loaded when the scripts load; Chinese texts are of about the same size), each",
    'gzipped on its own.',
    '',
    '| file | script | minified | gzip | page, gzip | integrity |',
    '| --- | --- | ---: | ---: | ---: | --- |',
    ...rows,
    '',
  ].join('\n');
}
