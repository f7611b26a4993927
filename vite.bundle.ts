/**
 * Shared Vite 8 library build for a widget's self-contained script: one ES module with Lit,
 * core and the widget's d3/Chart.js parts inlined, minified, no chunks, so a plain HTML page can
 * load it with one `<script type="module">`. Each widget package's vite.config.ts calls this.
 */
import { resolve } from 'node:path';
import type { UserConfig } from 'vite';

/** Where and how to write a bundle (defaults: `dist/bundle/`, ES module, folder emptied first). */
export interface BundleOptions {
  /** Output folder, relative to the package. */
  outDir?: string;
  /** `es` for `<script type="module">`, `iife` for a classic `<script>`. */
  format?: 'es' | 'iife';
  /** Empty the output folder first (false when several bundles share it). */
  emptyOutDir?: boolean;
}

export function widgetBundle(
  packageDir: string,
  entry: string,
  fileName: string,
  options: BundleOptions = {},
): UserConfig {
  const format = options.format ?? 'es';
  return {
    build: {
      outDir: resolve(packageDir, options.outDir ?? 'dist/bundle'),
      emptyOutDir: options.emptyOutDir ?? true,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      reportCompressedSize: true,
      lib: {
        entry: resolve(packageDir, entry),
        formats: [format],
        // An IIFE declares no global: it only defines the custom elements.
        name: '_safetyWidgets',
        fileName: () => fileName,
      },
      rolldownOptions: {
        output: {
          codeSplitting: false,
          minify: true,
          comments: { legal: false, annotation: false, jsdoc: false },
        },
      },
    },
  };
}
