/**
 * Shared Vite 8 library build for a widget's self-contained script: one ES module with Lit,
 * core and the widget's d3/Chart.js parts inlined, minified, no chunks, so a plain HTML page can
 * load it with one `<script type="module">`. Each widget package's vite.config.ts calls this.
 */
import { resolve } from 'node:path';
import minifyTemplateLiterals from 'rollup-plugin-minify-template-literals';
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
    plugins: [
      // The widgets' stylesheets are Lit `css` templates: the JS minifier keeps their text as written,
      // so their indentation and comments are minified here (clean-css). HTML templates are left
      // alone: collapsing the whitespace between inline elements would change what is shown.
      minifyTemplateLiterals({
        exclude: '**/node_modules/**',
        failOnError: true,
        options: {
          shouldMinify: () => false,
          // A fragment of declarations (core's colour sets, interpolated into a rule) is not a
          // stylesheet on its own: left as written, so that the rest of its file is still minified.
          shouldMinifyCSS: (template) =>
            template.tag === 'css' && template.parts.some((part) => part.text.includes('{')),
        },
      }),
    ],
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
