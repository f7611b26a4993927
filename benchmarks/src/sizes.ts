/**
 * Sizes: minified bytes, gzip (level 9) and brotli (quality 11) of what a page downloads, of the
 * reference libraries bundled the same way, and each widget's own code: its page minus the shared
 * runtime (Lit + core + <safety-feed>) bundled on its own.
 *
 * A page's size is the sum over every script file it fetches — its entry files and every shared
 * chunk they import (packages/embed/dist/manifest.json lists each entry's chunks), each file
 * compressed on its own, as a server sends them; a chunk two entries share is counted once.
 */
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { embedDist, embedSnapshot } from './paths.js';
import { buildReferences } from './references/build.js';
import { LIBRARIES, RUNTIME, type Reference } from './references/list.js';

export interface Size {
  /** Bytes, minified. */
  min: number;
  gzip: number;
  brotli: number;
}

export interface SizeRow extends Size {
  file: string;
  label: string;
  kind: 'embed' | 'own' | 'runtime' | 'reference';
}

/** The pages measured: the entry files each loads (their chunks follow from the manifest). */
export const EMBED_FILES = [
  { file: 'safety-widgets.js', label: 'all four through safety-widgets.js', entries: ['safety-widgets.js'] },
  {
    file: 'safety-widgets.iife.js',
    label: 'all four through the classic script',
    entries: ['safety-widgets.iife.js'],
  },
  { file: 'safety-score-gauge.js', label: 'gauge page', entries: ['safety-score-gauge.js'] },
  { file: 'safety-indicator-table.js', label: 'table page', entries: ['safety-indicator-table.js'] },
  { file: 'safety-grid-map.js', label: 'map page', entries: ['safety-grid-map.js'] },
  { file: 'safety-case-timeline.js', label: 'timeline page', entries: ['safety-case-timeline.js'] },
  {
    file: 'safety-score-gauge.js + safety-grid-map.js',
    label: 'gauge and map entry files on one page',
    entries: ['safety-score-gauge.js', 'safety-grid-map.js'],
  },
  { file: 'safety-autoloader.js', label: 'the autoloader alone', entries: ['safety-autoloader.js'] },
  {
    file: 'safety-autoloader.js → gauge',
    label: 'gauge page through the autoloader',
    entries: ['safety-autoloader.js', 'safety-score-gauge.js'],
  },
] as const;

export const WIDGET_FILES = EMBED_FILES.slice(2, 6).map((f) => f.file);

export function measure(code: Buffer): Size {
  return {
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: code.length },
    }).length,
  };
}

/**
 * Copies packages/embed/dist to `.cache/embed/`: the run measures and serves that copy, so a
 * rebuild of packages/embed during a run cannot mix two builds.
 */
export function snapshotEmbedFiles(): void {
  if (!existsSync(join(embedDist, 'manifest.json')))
    throw new Error(
      'packages/embed/dist is not built: run `pnpm turbo run build --filter @safety-widgets/embed...` first.',
    );
  rmSync(embedSnapshot, { recursive: true, force: true });
  cpSync(embedDist, embedSnapshot, { recursive: true });
}

function readEmbed(file: string, fromSnapshot: boolean): Buffer {
  try {
    return readFileSync(join(fromSnapshot ? embedSnapshot : embedDist, file));
  } catch {
    throw new Error(
      `packages/embed/dist/${file} is missing: run \`pnpm turbo run build --filter @safety-widgets/embed...\` first.`,
    );
  }
}

/** Every file a page loading `entries` fetches: the entries and their chunks, each once. */
export function pageFiles(entries: readonly string[], fromSnapshot = false): string[] {
  const manifest = JSON.parse(readEmbed('manifest.json', fromSnapshot).toString('utf8')) as {
    files: { file: string; chunks?: string[] }[];
  };
  const files = new Set<string>();
  for (const entry of entries) {
    const listed = manifest.files.find((f) => f.file === entry);
    if (!listed) throw new Error(`packages/embed/dist/manifest.json lists no ${entry}`);
    for (const f of [entry, ...(listed.chunks ?? [])]) files.add(f);
  }
  return [...files];
}

/** The size of a page that loads `entries`: each file compressed on its own, summed. */
function measurePage(entries: readonly string[], fromSnapshot: boolean): Size {
  const sizes = pageFiles(entries, fromSnapshot).map((f) => measure(readEmbed(f, fromSnapshot)));
  return {
    min: sizes.reduce((n, s) => n + s.min, 0),
    gzip: sizes.reduce((n, s) => n + s.gzip, 0),
    brotli: sizes.reduce((n, s) => n + s.brotli, 0),
  };
}

/**
 * Measures the embed files and the runtime, and the reference libraries unless `references` is
 * false (the CI size check only needs the runtime, which builds in a second or two).
 */
export async function measureSizes(
  options: { references?: boolean; fromSnapshot?: boolean } = {},
): Promise<SizeRow[]> {
  const refs: Reference[] = options.references === false ? [RUNTIME] : [RUNTIME, ...LIBRARIES];
  const built = await buildReferences(refs);
  const runtime = measure(readFileSync(built[0]!));
  const rows: SizeRow[] = [];
  for (const { file, label, entries } of EMBED_FILES) {
    rows.push({ file, label, kind: 'embed', ...measurePage(entries, options.fromSnapshot ?? false) });
  }
  rows.push({ file: RUNTIME.file, label: RUNTIME.label, kind: 'runtime', ...runtime });
  for (const { file, label } of EMBED_FILES.slice(2, 6)) {
    const whole = rows.find((r) => r.file === file)!;
    rows.push({
      file: `${file} − runtime`,
      label: `${label} own code`,
      kind: 'own',
      min: whole.min - runtime.min,
      gzip: whole.gzip - runtime.gzip,
      brotli: whole.brotli - runtime.brotli,
    });
  }
  refs.slice(1).forEach((ref, i) => {
    rows.push({
      file: ref.file,
      label: ref.label,
      kind: 'reference',
      ...measure(readFileSync(built[i + 1]!)),
    });
  });
  return rows;
}
