/**
 * Sizes: minified bytes, gzip (level 9) and brotli (quality 11) of each self-contained embed
 * file, of the reference libraries bundled the same way, and each widget's own code: its file
 * minus the shared runtime (Lit + core + <safety-feed>) that every self-contained file carries.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
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

/** The self-contained embed files measured, and for the widgets, which tag each holds. */
export const EMBED_FILES = [
  { file: 'safety-widgets.js', label: 'all-in-one (module)' },
  { file: 'safety-widgets.iife.js', label: 'all-in-one (classic script)' },
  { file: 'safety-score-gauge.js', label: '<safety-score-gauge>' },
  { file: 'safety-indicator-table.js', label: '<safety-indicator-table>' },
  { file: 'safety-grid-map.js', label: '<safety-grid-map>' },
  { file: 'safety-case-timeline.js', label: '<safety-case-timeline>' },
] as const;

export const WIDGET_FILES = EMBED_FILES.slice(2).map((f) => f.file);

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
 * Copies the embed files to `.cache/embed/`: the run measures and serves that copy, so a rebuild
 * of packages/embed during a run cannot mix two builds.
 */
export function snapshotEmbedFiles(): void {
  mkdirSync(embedSnapshot, { recursive: true });
  for (const { file } of EMBED_FILES) copyFileSync(readEmbedPath(file), join(embedSnapshot, file));
}

function readEmbedPath(file: string): string {
  const path = join(embedDist, file);
  if (!existsSync(path))
    throw new Error(
      `packages/embed/dist/${file} is missing: run \`pnpm turbo run build --filter @safety-widgets/embed...\` first.`,
    );
  return path;
}

function readEmbed(file: string, fromSnapshot: boolean): Buffer {
  try {
    return readFileSync(fromSnapshot ? join(embedSnapshot, file) : readEmbedPath(file));
  } catch {
    throw new Error(
      `packages/embed/dist/${file} is missing: run \`pnpm turbo run build --filter @safety-widgets/embed...\` first.`,
    );
  }
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
  for (const { file, label } of EMBED_FILES) {
    const size = measure(readEmbed(file, options.fromSnapshot ?? false));
    rows.push({ file, label, kind: 'embed', ...size });
  }
  rows.push({ file: RUNTIME.file, label: RUNTIME.label, kind: 'runtime', ...runtime });
  for (const { file, label } of EMBED_FILES.slice(2)) {
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
