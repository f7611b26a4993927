/**
 * The Vite build of a demo site (the district site, the street portal): HTML pages in `src/` (the
 * Vite root) built into `dist/`, which the feed server serves at `base`. Each page's own script and
 * stylesheet (with the kit's page.css and lang.ts bundled in) become hashed files in `dist/assets/`.
 *
 * The pages run under `default-src 'self'; script-src 'self'; style-src 'self'`, so nothing may be
 * inlined: no module-preload polyfill (an inline script), no asset turned into a data: URL. The
 * widgets come from the embed script exactly as on any other site: its tag carries `vite-ignore`,
 * so Vite leaves it as written (and drops the attribute; `tidyIgnoredTags` drops the space it left).
 *
 * The page's language comes from its URL (`?lang=en`). A page written in Chinese and switched to
 * English by its module script would paint in Chinese first and then reflow: so a tiny classic script
 * (`assets/lang-early-<hash>.js`, `earlyLanguage()`) at the end of the head sets `<html lang>` from the URL before the body is
 * parsed, and the first paint is already in the right language.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Plugin, UserConfig } from 'vite';
import { langFromSearch } from './lang.js';

export interface SiteBuildOptions {
  /** The app's folder (its vite.config.ts passes `import.meta.dirname`). */
  appDir: string;
  /** Where the feed server serves the app's dist/: `/` for the district site, `/streets/` for the portal. */
  base: string;
  /** The pages to build, relative to `src/`; each keeps its path in `dist/`. */
  pages: readonly string[];
  plugins?: Plugin[];
}

/** `<script src="…" vite-ignore>` comes out as `<script src="…" >`: this puts the `>` back in place. */
export function tidyIgnoredTags(html: string): string {
  return html.replace(/(<script\b[^>]*?)\s+>/g, '$1>');
}

/** The classic script that sets `<html lang>` from the URL, built from `langFromSearch` itself. */
export function earlyLanguageSource(): string {
  return `document.documentElement.lang=(${langFromSearch.toString()})(location.search);\n`;
}

/**
 * Emits the early-language script and loads it at the end of every page's head: after the CSP meta
 * (which applies only to what follows it), before the body (a classic script blocks parsing; it is tiny).
 */
export function earlyLanguage(base: string): Plugin {
  const source = earlyLanguageSource();
  const fileName = `assets/lang-early-${createHash('sha256').update(source).digest('hex').slice(0, 8)}.js`;
  return {
    name: 'early-language',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName, source });
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'script', attrs: { src: `${base}${fileName}` }, injectTo: 'head' }],
    },
  };
}

export function siteBuild(options: SiteBuildOptions): UserConfig {
  const root = resolve(options.appDir, 'src');
  return {
    root,
    base: options.base,
    publicDir: false,
    plugins: [
      ...(options.plugins ?? []),
      earlyLanguage(options.base),
      { name: 'tidy-ignored-tags', transformIndexHtml: { order: 'post', handler: tidyIgnoredTags } },
    ],
    build: {
      outDir: resolve(options.appDir, 'dist'),
      emptyOutDir: true,
      target: 'es2022',
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
      rolldownOptions: { input: options.pages.map((page) => resolve(root, page)) },
    },
  };
}
