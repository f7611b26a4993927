import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { siteBuild } from '../demo-kit/src/site-build.ts';
import { defineConfig, type Plugin } from 'vite';
import { STREETS, renderStreetPage, type Street } from './src/streets.ts';

const SRC = resolve(import.meta.dirname, 'src');

/** Each sub-district's page, src/<id>/index.html, rendered from src/street.html (no file on disk). */
const PAGES = new Map<string, Street>(
  STREETS.map((street) => [resolve(SRC, street.id, 'index.html'), street]),
);

function streetPages(): Plugin {
  return {
    name: 'street-pages',
    enforce: 'pre',
    resolveId: (id) => (PAGES.has(id) ? id : undefined),
    load(id) {
      const street = PAGES.get(id);
      if (!street) return undefined;
      return renderStreetPage(readFileSync(resolve(SRC, 'street.html'), 'utf8'), street);
    },
  };
}

// Served at /streets/ by the feed server: dist/index.html lists the sub-districts, dist/<id>/index.html
// is one's page.
export default defineConfig(
  siteBuild({
    appDir: import.meta.dirname,
    base: '/streets/',
    pages: ['index.html', ...STREETS.map((street) => `${street.id}/index.html`)],
    plugins: [streetPages()],
  }),
);
