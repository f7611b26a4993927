/**
 * Builds the embed files (see embed-files.ts): every ES entry in one build, sharing content-hashed
 * chunks in `dist/chunks/`, and the all-in-one classic script on its own. Then writes
 * `dist/manifest.json` (sizes and integrity of every file, entries and chunks, and for each entry
 * the chunks a page downloads with it) and `dist/SIZES.md`.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chunkedBundle, widgetBundle } from '../../../vite.bundle.js';
import { EMBED_FILES } from './embed-files.js';
import { pageSize, reportFile, sizeTable, type FileReport } from './size-report.js';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(packageDir, 'dist');
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };

interface BuiltChunk {
  type: 'chunk' | 'asset';
  fileName: string;
  imports?: string[];
  dynamicImports?: string[];
}

rmSync(dist, { recursive: true, force: true });

const modules = EMBED_FILES.filter((f) => f.format === 'es');
const built = (await build({
  configFile: false,
  logLevel: 'warn',
  ...chunkedBundle(packageDir, Object.fromEntries(modules.map((f) => [basename(f.file, '.js'), f.entry])), {
    outDir: 'dist',
    emptyOutDir: false,
  }),
})) as { output: BuiltChunk[] } | { output: BuiltChunk[] }[];
const output = (Array.isArray(built) ? built : [built])
  .flatMap((b) => b.output)
  .filter((o) => o.type === 'chunk');

for (const f of EMBED_FILES.filter((f) => f.format === 'iife')) {
  await build({
    configFile: false,
    logLevel: 'warn',
    ...widgetBundle(packageDir, f.entry, f.file, { outDir: 'dist', format: 'iife', emptyOutDir: false }),
  });
}

/** Static imports of each built file, by file name. */
const importsOf = new Map(output.map((o) => [o.fileName, o.imports ?? []]));
/** Dynamic imports of each built file, by file name. */
const dynamicImportsOf = new Map(output.map((o) => [o.fileName, o.dynamicImports ?? []]));
/** Every file a page downloads with `files`: the files, then their static imports, transitively. */
function closure(...files: string[]): string[] {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const i of importsOf.get(f) ?? []) visit(i);
  };
  files.forEach(visit);
  return [...seen];
}
/**
 * The files `file` may load later, by dynamic import (the live layer when a page uses a feed URL,
 * the diagnosis when a feed is rejected), with what they import, less what the page has already.
 */
function lazyClosure(file: string): string[] {
  const now = new Set(closure(file));
  const lazy = [...now].flatMap((f) => dynamicImportsOf.get(f) ?? []);
  return closure(...lazy).filter((f) => !now.has(f));
}

const read = (file: string) => readFileSync(join(dist, file));
const entries: FileReport[] = EMBED_FILES.map((f) => {
  const own = reportFile(f.file, read(f.file), f.format, f.defines);
  if (f.format !== 'es') return own;
  const chunks = closure(f.file).slice(1);
  const lazyChunks = lazyClosure(f.file);
  const textChunks = {
    en: lazyChunks.filter((c) => /^chunks\/messages-[\w-]+-en-/.test(c)),
    'zh-CN': lazyChunks.filter((c) => /^chunks\/messages-[\w-]+-zh-CN-/.test(c)),
  };
  const upFront = [...chunks, ...textChunks.en];
  return {
    ...own,
    chunks,
    lazyChunks,
    textChunks,
    page: pageSize([own, ...upFront.map((c) => reportFile(c, read(c), 'es', []))]),
  };
});
const chunks: FileReport[] = output
  .map((o) => o.fileName)
  .filter((name) => name.startsWith('chunks/'))
  .sort()
  .map((name) => reportFile(name, read(name), 'es', []));
const reports = [...entries, ...chunks];
writeFileSync(join(dist, 'manifest.json'), `${JSON.stringify({ version, files: reports }, null, 2)}\n`);
writeFileSync(join(dist, 'SIZES.md'), sizeTable(version, reports));
console.log(sizeTable(version, reports));
