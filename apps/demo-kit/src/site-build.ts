/**
 * The Vite build of a demo site (the district site, the street portal): HTML pages in `src/` (the
 * Vite root) built into `dist/`, which the feed server serves at `base`. Each page's own script and
 * stylesheet (with the kit's page.css and lang.ts bundled in) become hashed files in `dist/assets/`.
 *
 * The pages run under `default-src 'self'; script-src 'self'; style-src 'self'`, so nothing may be
 * inlined: no module-preload polyfill (an inline script), no asset turned into a data: URL. The
 * widgets come from the embed script exactly as on any other site: its tag carries `vite-ignore`,
 * so Vite leaves it as written (and drops the attribute; `tidyIgnoredTags` drops the space it left).
 */
import { resolve } from 'node:path';
import type { Plugin, UserConfig } from 'vite';

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

export function siteBuild(options: SiteBuildOptions): UserConfig {
  const root = resolve(options.appDir, 'src');
  return {
    root,
    base: options.base,
    publicDir: false,
    plugins: [
      ...(options.plugins ?? []),
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
