/**
 * Bundles reference entries the way the widgets are bundled (vite.bundle.ts: Vite 8 / rolldown,
 * one minified ES module, no chunks) into `.cache/references/`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { widgetBundle } from '../../../vite.bundle.ts';
import { benchDir, referenceDist } from '../paths.js';
import type { Reference } from './list.js';

/** Builds each reference; returns the paths of the files written. */
export async function buildReferences(references: readonly Reference[]): Promise<string[]> {
  mkdirSync(referenceDist, { recursive: true });
  const files: string[] = [];
  for (const ref of references) {
    const config = widgetBundle(benchDir, ref.entry, ref.file, {
      outDir: '.cache/references',
      format: 'es',
      emptyOutDir: false,
    });
    await build({
      configFile: false,
      logLevel: 'warn',
      root: benchDir,
      ...config,
      // As an application bundler would for a production build: drops the libraries' dev-only code.
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: { ...config.build, sourcemap: false, reportCompressedSize: false },
    });
    files.push(join(referenceDist, ref.file));
  }
  return files;
}
