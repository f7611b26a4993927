/**
 * The docs' script-tag snippets and packages/embed/dist/manifest.json in step (turbo builds the embed
 * package before this test): the version of packages/embed/package.json, each file's integrity, the
 * import map of each entry's chunks. When the build changes, `pnpm --filter @safety-widgets/docs-check pin`
 * rewrites the snippets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EmbedManifest } from '../../../.storybook/embed-snippet.ts';
import { ROOT, docFiles } from './doc-files.ts';
import { buildInfo, pinSnippets, pinnedFiles } from './pinned-snippets.ts';

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('the docs and the build', () => {
  const { manifest, version } = buildInfo();

  it('the built manifest is of the version in packages/embed/package.json', () => {
    expect(manifest.version, 'packages/embed/dist is out of date: run pnpm build').toBe(version);
  });

  it.each(docFiles())('%s: every embed snippet is pinned to the build', (file) => {
    const text = read(file);
    const pinned = pinSnippets(text, manifest);
    expect(pinned.unknown, 'files the embed package does not build').toEqual([]);
    const before = text.split('\n');
    const line = pinned.text.split('\n').findIndex((l, i) => l !== before[i]);
    expect(
      line === -1 ? '' : `${file}:${line + 1}: ${before[line]?.trim()}`,
      'out of step with packages/embed/dist/manifest.json: run `pnpm --filter @safety-widgets/docs-check pin`',
    ).toBe('');
  });

  it('the README and the embed README load pinned files', () => {
    expect(pinnedFiles(read('README.md'))).not.toEqual([]);
    expect(pinnedFiles(read('packages/embed/README.md'))).toEqual(
      expect.arrayContaining(['safety-widgets.js', 'safety-score-gauge.js']),
    );
    expect(read('README.md')).toContain(`@safety-widgets/embed@${version}/dist/`);
  });

  it('the docs app renders its snippets from the built manifest', () => {
    // Getting started and every widget page's "Show code" use scriptTag() with packages/embed/dist/manifest.json.
    expect(read('.storybook/docs/getting-started.mdx')).toContain(
      "scriptTag('safety-widgets.js', embedManifest)",
    );
    expect(read('.storybook/embed-info.ts')).toContain("'../packages/embed/dist/manifest.json'");
  });
});

describe('pinSnippets', () => {
  const manifest: EmbedManifest = {
    version: '1.2.3',
    files: [
      {
        file: 'safety-widgets.js',
        format: 'es',
        defines: [],
        integrity: 'sha384-ENTRY',
        chunks: ['chunks/runtime-A.js'],
        lazyChunks: ['chunks/live-B.js'],
      },
      { file: 'safety-widgets.iife.js', format: 'iife', defines: [], integrity: 'sha384-IIFE' },
      { file: 'chunks/runtime-A.js', format: 'es', defines: [], integrity: 'sha384-RUNTIME' },
      { file: 'chunks/live-B.js', format: 'es', defines: [], integrity: 'sha384-LIVE' },
    ],
  };
  const base = 'https://cdn.jsdelivr.net/npm/@safety-widgets/embed';

  it('pins a floating version: integrity, and an import map for the chunks; keeps the doc’s own attributes', () => {
    const doc = [
      '<!-- everything -->',
      '<script',
      '  type="module"',
      `  src="${base}@0/dist/safety-widgets.js"`,
      '  blocking="render"',
      '  crossorigin="anonymous"',
      '></script>',
      '<safety-feed></safety-feed>',
    ].join('\n');
    expect(pinSnippets(doc, manifest).text).toBe(
      [
        '<!-- everything -->',
        '<script type="importmap">',
        '  {',
        '    "integrity": {',
        `      "${base}@1.2.3/dist/chunks/runtime-A.js": "sha384-RUNTIME",`,
        `      "${base}@1.2.3/dist/chunks/live-B.js": "sha384-LIVE"`,
        '    }',
        '  }',
        '</script>',
        '<script',
        '  type="module"',
        `  src="${base}@1.2.3/dist/safety-widgets.js"`,
        '  integrity="sha384-ENTRY"',
        '  blocking="render"',
        '  crossorigin="anonymous"',
        '></script>',
        '<safety-feed></safety-feed>',
      ].join('\n'),
    );
  });

  it('replaces an old import map and integrity, at the indentation of the snippet, and is stable', () => {
    const doc = [
      '- item:',
      '  <script type="importmap">',
      `    { "integrity": { "${base}@0.9.0/dist/chunks/runtime-OLD.js": "sha384-OLD" } }`,
      '  </script>',
      `  <script type="module" src="${base}@0.9.0/dist/safety-widgets.js" integrity="sha384-OLD"></script>`,
    ].join('\n');
    const once = pinSnippets(doc, manifest).text;
    expect(once).not.toMatch(/OLD|0\.9\.0/);
    expect(
      once
        .split('\n')
        .slice(1)
        .every((line) => line.startsWith('  ')),
    ).toBe(true);
    expect(pinSnippets(once, manifest).text).toBe(once);
  });

  it('pins the classic file without an import map, and the version of any other CDN link', () => {
    const doc = `<script src="${base}@0/dist/safety-widgets.iife.js"></script>\nSee ${base}@0/dist/SIZES.md.`;
    expect(pinSnippets(doc, manifest).text).toBe(
      [
        '<script',
        `  src="${base}@1.2.3/dist/safety-widgets.iife.js"`,
        '  integrity="sha384-IIFE"',
        '  crossorigin="anonymous"',
        '></script>',
        `See ${base}@1.2.3/dist/SIZES.md.`,
      ].join('\n'),
    );
  });

  it('names a file the build does not have, and leaves other scripts alone', () => {
    const doc = `<script src="${base}@1.2.3/dist/gone.js"></script>\n<script src="/app.js"></script>`;
    expect(pinSnippets(doc, manifest)).toEqual({ text: doc, unknown: ['gone.js'] });
  });
});
