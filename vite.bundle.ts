/**
 * Shared Vite 8 library build for a widget's self-contained script: one ES module with Lit,
 * core and the widget's d3/Chart.js parts inlined, minified, no chunks, so a plain HTML page can
 * load it with one `<script type="module">`. Each widget package's vite.config.ts calls this.
 */
import { resolve } from 'node:path';
import type { UserConfig } from 'vite';

export function widgetBundle(packageDir: string, entry: string, fileName: string): UserConfig {
  return {
    build: {
      outDir: resolve(packageDir, 'dist/bundle'),
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      reportCompressedSize: true,
      lib: {
        entry: resolve(packageDir, entry),
        formats: ['es'],
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
