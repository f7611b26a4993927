/**
 * Sizes (what CI checks, deterministic, no browser): minified bytes, gzip (level 9) and brotli
 * (quality 11) of what each entry needs before its first picture, of the reference libraries bundled
 * the same way, and each widget's own code: its own chunks, the files of that set no other widget
 * entry loads (the code only it ships, measured exactly).
 *
 * An entry's figure is the sum over the entry file, every chunk it imports statically and its texts
 * in one language (English; packages/embed/dist/manifest.json lists each entry's `chunks` and
 * `textChunks`, and a page loads its language's texts as soon as the scripts load), each file
 * compressed on its own, as a server sends them; a file two entries share is counted once. The other
 * chunks loaded later by dynamic import (the live layer, the diagnosis, the other language) are not in
 * it: pages.ts measures what a real page fetches.
 */
import { createHash } from 'node:crypto';
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
  /**
   * `embed`: an entry set's static graph and English texts; `chunks`: the files of a widget's set no
   * other widget entry loads; `runtime`, `reference`: bundles.
   */
  kind: 'embed' | 'chunks' | 'runtime' | 'reference';
}

/** The entry sets measured: the entry files each loads (their static chunks follow from the manifest). */
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

/** Why the copy at `dir` is not one whole build (a file the manifest lists missing or changed), or undefined. */
function incompleteBuild(dir: string): string | undefined {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return 'no manifest.json';
  let manifest: { files: { file: string; integrity?: string }[] };
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as typeof manifest;
  } catch {
    return 'manifest.json is being written';
  }
  for (const { file, integrity } of manifest.files) {
    const path = join(dir, file);
    if (!existsSync(path)) return `${file} is missing`;
    if (
      integrity &&
      `sha384-${createHash('sha384').update(readFileSync(path)).digest('base64')}` !== integrity
    )
      return `${file} does not match the manifest's integrity`;
  }
  return undefined;
}

/**
 * Copies packages/embed/dist to `.cache/embed/`: the run measures and serves that copy, so a
 * rebuild of packages/embed during a run cannot mix two builds. A copy taken while the embed
 * package is being rebuilt (a file the manifest lists missing, or not matching its integrity) is
 * taken again, for up to `waitSeconds`. Returns the build's id: the start of its manifest's SHA-256.
 */
export async function snapshotEmbedFiles(waitSeconds = 300): Promise<string> {
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    rmSync(embedSnapshot, { recursive: true, force: true });
    if (existsSync(embedDist)) cpSync(embedDist, embedSnapshot, { recursive: true });
    const why = existsSync(embedSnapshot) ? incompleteBuild(embedSnapshot) : 'no packages/embed/dist';
    if (!why)
      return createHash('sha256')
        .update(readFileSync(join(embedSnapshot, 'manifest.json')))
        .digest('hex')
        .slice(0, 12);
    if (Date.now() > deadline)
      throw new Error(
        `packages/embed/dist is not a whole build (${why}): run \`pnpm turbo run build --filter @safety-widgets/embed...\` first.`,
      );
    console.log(`  embed files: ${why} (a build in progress?); trying again in 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
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

/** The entries, the chunks they import statically and their English texts, each once (from the manifest). */
export function pageFiles(entries: readonly string[], fromSnapshot = false): string[] {
  const manifest = JSON.parse(readEmbed('manifest.json', fromSnapshot).toString('utf8')) as {
    files: { file: string; chunks?: string[]; textChunks?: { en: string[] } }[];
  };
  const files = new Set<string>();
  for (const entry of entries) {
    const listed = manifest.files.find((f) => f.file === entry);
    if (!listed) throw new Error(`packages/embed/dist/manifest.json lists no ${entry}`);
    for (const f of [entry, ...(listed.chunks ?? []), ...(listed.textChunks?.en ?? [])]) files.add(f);
  }
  return [...files];
}

/** The size of `files`: each compressed on its own, summed. */
function measureFiles(files: readonly string[], fromSnapshot: boolean): Size {
  const sizes = files.map((f) => measure(readEmbed(f, fromSnapshot)));
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
  const fromSnapshot = options.fromSnapshot ?? false;
  const rows: SizeRow[] = [];
  for (const { file, label, entries } of EMBED_FILES) {
    rows.push({
      file,
      label,
      kind: 'embed',
      ...measureFiles(pageFiles(entries, fromSnapshot), fromSnapshot),
    });
  }
  rows.push({ file: RUNTIME.file, label: RUNTIME.label, kind: 'runtime', ...runtime });
  // Own chunks: the files of a widget entry's set (static graph and texts) no other widget entry loads.
  const graphs = WIDGET_FILES.map((file) => pageFiles([file], fromSnapshot));
  WIDGET_FILES.forEach((file, i) => {
    const shared = new Set(graphs.filter((_, j) => j !== i).flat());
    const own = graphs[i]!.filter((f) => !shared.has(f));
    rows.push({
      file: `${file} own chunks`,
      label: `${EMBED_FILES[i + 2]!.label} own chunks (${own.join(', ')})`,
      kind: 'chunks',
      ...measureFiles(own, fromSnapshot),
    });
  });
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
