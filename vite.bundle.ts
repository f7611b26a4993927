/**
 * Shared Vite 8 library builds of the widgets' scripts, minified, with the stylesheets' whitespace
 * removed:
 * - `widgetBundle`: one self-contained file (Lit, core and the widget's d3/Chart.js parts inlined,
 *   no chunks), for a classic script and for each widget package's own bundle;
 * - `chunkedBundle`: several entry files that share content-hashed chunks, so a page that loads two
 *   entries downloads each shared module once (the embed package's script-tag files).
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

/** The plugins every bundle uses. */
function bundlePlugins(): UserConfig['plugins'] {
  return [
    // The widgets' stylesheets are Lit `css` templates: the JS minifier keeps their text as written,
    // so their indentation and comments are minified here (clean-css). HTML templates lose their
    // comments and their indentation, conservatively: a run of whitespace becomes one space, never
    // none, which renders the same (inline elements keep the space between them; nothing in the
    // widgets is `white-space: pre`). Nothing else in the markup is touched (no attribute is
    // removed, no entity decoded).
    minifyTemplateLiterals({
      exclude: '**/node_modules/**',
      failOnError: true,
      options: {
        shouldMinify: (template) => template.tag === 'html' || template.tag === 'svg',
        // A fragment of declarations (core's colour sets, interpolated into a rule) is not a
        // stylesheet on its own: left as written, so that the rest of its file is still minified.
        shouldMinifyCSS: (template) =>
          template.tag === 'css' && template.parts.some((part) => part.text.includes('{')),
        minifyOptions: {
          caseSensitive: true,
          collapseWhitespace: true,
          conservativeCollapse: true,
          decodeEntities: false,
          minifyJS: false,
          processConditionalComments: false,
          removeAttributeQuotes: false,
          removeComments: true,
          removeEmptyAttributes: false,
          removeScriptTypeAttributes: false,
          removeStyleLinkTypeAttributes: false,
          useShortDoctype: false,
        },
      },
    }),
  ];
}

/** Lit's packages, under node_modules (pnpm's layout included). */
const LIT =
  /node_modules[\\/](?:\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(?:lit|lit-html|lit-element|@lit|@lit-labs)[\\/]/;
const CORE = /packages[\\/]core[\\/]/;

/** Names of the chunks of core's dynamically imported modules. */
const LAZY_CHUNK_NAMES: Readonly<Record<string, string>> = { registry: 'live', validate: 'diagnosis' };

/** A package's texts in one language (`packages/<package>/…/messages/<locale>.ts`, loaded per language). */
const MESSAGES_MODULE =
  /packages[\\/]([\w-]+)[\\/](?:src|dist)[\\/](?:[\w-]+[\\/])*messages[\\/](en|zh-CN)\.[jt]s$/;

/** A chunk's file name: texts as `messages-<package>-<locale>`, core's lazy layers by what they hold. */
function chunkName(chunk: { name: string; facadeModuleId?: string | null }): string {
  const texts = chunk.facadeModuleId ? MESSAGES_MODULE.exec(chunk.facadeModuleId) : null;
  if (texts) return `messages-${texts[1]}-${texts[2]}`;
  return LAZY_CHUNK_NAMES[chunk.name] ?? chunk.name;
}

const OUTPUT = {
  minify: true,
  comments: { legal: false, annotation: false, jsdoc: false },
} as const;

export function widgetBundle(
  packageDir: string,
  entry: string,
  fileName: string,
  options: BundleOptions = {},
): UserConfig {
  const format = options.format ?? 'es';
  return {
    plugins: bundlePlugins(),
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
      rolldownOptions: { output: { ...OUTPUT, codeSplitting: false } },
    },
  };
}

/**
 * ES modules for several entries (`{ 'safety-score-gauge': 'src/safety-score-gauge.ts', … }`, written
 * as `<name>.js`) sharing chunks written as `chunks/<name>-<hash>.js`: a chunk's name changes whenever
 * its content does, so browsers may cache chunks for good, across pages and across entries.
 */
export function chunkedBundle(
  packageDir: string,
  entries: Readonly<Record<string, string>>,
  options: Pick<BundleOptions, 'outDir' | 'emptyOutDir'> = {},
): UserConfig {
  return {
    plugins: bundlePlugins(),
    build: {
      outDir: resolve(packageDir, options.outDir ?? 'dist'),
      emptyOutDir: options.emptyOutDir ?? true,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      reportCompressedSize: false,
      lib: {
        entry: Object.fromEntries(
          Object.entries(entries).map(([name, path]) => [name, resolve(packageDir, path)]),
        ),
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      rolldownOptions: {
        output: {
          ...OUTPUT,
          // Core's lazy layers and the texts are named for what they hold, not for their first module.
          chunkFileNames: (chunk: { name: string; facadeModuleId?: string | null }) =>
            `chunks/${chunkName(chunk)}-[hash].js`,
          // Lit and the core modules a page loads up front are one `runtime` chunk (every page needs
          // nearly all of it, and each file a page fetches costs a request and compresses on its own);
          // the rest is split by who uses it. `$initial` keeps core's lazily imported layers out of it:
          // the live layer (`loadLiveLayer()`, fetched when a page uses a feed URL) and the detailed
          // diagnosis with valibot (`loadDiagnosis()`, fetched when a feed is rejected) are chunks of
          // their own (the embed tests check that a page given `.data` fetches neither).
          codeSplitting: {
            groups: [
              { name: 'runtime', test: (id: string) => LIT.test(id) || CORE.test(id), tags: ['$initial'] },
            ],
          },
        },
      },
    },
  };
}
