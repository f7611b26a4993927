/**
 * The script-tag snippets of the docs, pinned to the build: every `<script src>` of an embed file on
 * the CDN names the embed package's version and carries the file's `integrity` from
 * packages/embed/dist/manifest.json, after an import map pinning the chunks it imports — exactly what
 * the docs app's snippets show (`scriptTag()` of .storybook/embed-snippet.ts), plus any other attribute
 * the doc gives the tag (`blocking="render"`). `pinSnippets()` returns a doc with its snippets brought
 * in step; the test asserts it changes nothing, `pnpm --filter @safety-widgets/docs-check pin` writes it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CDN_BASE, scriptTag, type EmbedManifest } from '../../../.storybook/embed-snippet.ts';
import { ROOT } from './doc-files.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const CDN = escape(CDN_BASE);

/**
 * An embed script tag, with the import map right before it if there is one. Groups: the line's
 * indentation, the tag's attributes, the file.
 */
const SCRIPT_TAG = new RegExp(
  String.raw`^([ \t]*)(?:<script type="importmap">(?:(?!</script>)[\s\S])*</script>\r?\n[ \t]*)?` +
    String.raw`<script\b([^>]*?\bsrc="${CDN}@[^/"]*/dist/([^"]+)"[^>]*)>\s*</script>`,
  'gm',
);
/** Any other URL of an embed file on the CDN (in prose or attributes): only the version is pinned. */
const CDN_URL = new RegExp(String.raw`${CDN}@([^/"'\s)]*)/`, 'g');
/** The attributes `scriptTag()` writes; others (`blocking`, `defer`, …) are the doc's own. */
const OWN = new Set(['type', 'src', 'integrity', 'crossorigin']);

/** The built embed manifest and the embed package's version. */
export function buildInfo(): { manifest: EmbedManifest; version: string } {
  const embed = join(ROOT, 'packages/embed');
  const { version } = JSON.parse(readFileSync(join(embed, 'package.json'), 'utf8')) as { version: string };
  const manifest = JSON.parse(readFileSync(join(embed, 'dist/manifest.json'), 'utf8')) as EmbedManifest;
  return { manifest, version };
}

/** The tags pinned in a doc: file names, in order. */
export function pinnedFiles(text: string): string[] {
  return [...text.matchAll(SCRIPT_TAG)].map((match) => match[3]!);
}

/**
 * `text` with every embed snippet pinned to `manifest` (its version and integrity hashes). A tag of a
 * file the manifest does not list is left as it is and named in `unknown`.
 */
export function pinSnippets(text: string, manifest: EmbedManifest): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const pinned = text.replace(SCRIPT_TAG, (whole, indent: string, attributes: string, file: string) => {
    if (!manifest.files.some((f) => f.file === file)) {
      unknown.push(file);
      return whole;
    }
    const extras = [...attributes.matchAll(/([a-z][\w-]*)(?:\s*=\s*"([^"]*)")?/gi)]
      .filter(([, name]) => !OWN.has(name!.toLowerCase()))
      .map(([, name, value]) => (value === undefined ? `  ${name}` : `  ${name}="${value}"`));
    const lines = scriptTag(file, manifest).split('\n');
    lines.splice(lines.indexOf('  crossorigin="anonymous"'), 0, ...extras);
    return lines.map((line) => (line ? indent + line : line)).join('\n');
  });
  return { text: pinned.replace(CDN_URL, `${CDN_BASE}@${manifest.version}/`), unknown };
}
