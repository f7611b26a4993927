/**
 * The "embed code" of the docs pages: turns a story's current args (what the Controls panel set)
 * into the exact HTML a web developer pastes into a page — the script tag of the widget's
 * self-contained file from @safety-widgets/embed with its SRI hash, one `<safety-feed>`, and the
 * widget with the attributes the controls set.
 *
 * Wired up as `parameters.docs.source.transform` in preview.ts, so every Canvas "Show code" panel
 * of a widget story shows this snippet instead of the story's internal markup. Pure functions, no
 * DOM: every value from a control is escaped, so a control holding quotes or `<script>` comes out
 * as inert text.
 */

import { fallbackImage } from './snapshot-link.ts';
import { attributeValues, escapeAttribute, feedUrl, isWidget, type ArgsOptions } from './widget-args.ts';

// The args-to-attributes helpers, where the docs and their tests have always imported them from.
export {
  EXAMPLE_FEED_URL,
  WIDGETS,
  attributeMap,
  attributeValues,
  escapeAttribute,
  feedUrl,
  type ArgsOptions,
  type CemAttribute,
  type CemDeclaration,
  type CemManifest,
} from './widget-args.ts';

/** One file of packages/embed/dist/manifest.json. */
export interface EmbedFile {
  file: string;
  format: 'es' | 'iife';
  defines: string[];
  integrity: string;
  /** An ES entry's shared chunks (`chunks/…`), every one a page downloads with it. */
  chunks?: string[];
  /** Chunks an ES entry fetches only when needed (the live layer, the diagnosis). */
  lazyChunks?: string[];
}

/** packages/embed/dist/manifest.json (written by `pnpm --filter @safety-widgets/embed build`). */
export interface EmbedManifest {
  version: string;
  files: EmbedFile[];
}

export interface SnippetOptions extends ArgsOptions {
  /** The embed package's manifest, or undefined when packages/embed has not been built. */
  embed: EmbedManifest | undefined;
}

export const CDN_BASE = 'https://cdn.jsdelivr.net/npm/@safety-widgets/embed';

/** Text safe inside a `<script>` element: no `</script` can end it early. */
function escapeScriptText(text: string): string {
  return text.replace(/<\/(script)/gi, '<\\/$1');
}

/**
 * `<script type="module" src=… integrity=… crossorigin="anonymous">` for a file of the embed package,
 * after an import map that pins the integrity of each chunk the file imports, now or later (browsers that do
 * not read an import map's `integrity` still check the entry file's own).
 */
export function scriptTag(file: string, embed: EmbedManifest | undefined): string {
  const entry = embed?.files.find((f) => f.file === file);
  const version = embed?.version ?? 'VERSION';
  const base = `${CDN_BASE}@${version}/dist/`;
  // Chunks fetched later are checked against the same map: pin them too.
  const pins = [...(entry?.chunks ?? []), ...(entry?.lazyChunks ?? [])].map((chunk) => {
    const integrity = embed?.files.find((f) => f.file === chunk)?.integrity ?? '';
    return escapeScriptText(`      ${JSON.stringify(`${base}${chunk}`)}: ${JSON.stringify(integrity)}`);
  });
  const importMap = pins.length
    ? [
        '<script type="importmap">',
        '  {',
        '    "integrity": {',
        pins.join(',\n'),
        '    }',
        '  }',
        '</script>',
      ]
    : [];
  const lines = [
    ...importMap,
    '<script',
    ...(entry?.format === 'iife' ? [] : ['  type="module"']),
    `  src="${escapeAttribute(`${CDN_BASE}@${version}/dist/${file}`)}"`,
    `  integrity="${escapeAttribute(entry?.integrity ?? 'sha384-(run pnpm --filter @safety-widgets/embed build)')}"`,
    '  crossorigin="anonymous"',
    '></script>',
  ];
  return lines.join('\n');
}

/** `name="value"` pairs (or bare boolean names) for a widget from story args and toolbar globals. */
export function widgetAttributes(
  tagName: string,
  args: Record<string, unknown>,
  options: ArgsOptions,
): string[] {
  return [...attributeValues(tagName, args, options)].map(([name, value]) =>
    value === true ? name : `${name}="${escapeAttribute(value)}"`,
  );
}

/** The high-contrast theme of the toolbar, as CSS a page can paste into its stylesheet. */
export const HIGH_CONTRAST_CSS: Readonly<Record<string, string>> = {
  '--safety-color-text': '#ffffff',
  '--safety-color-muted': '#ffffff',
  '--safety-color-surface': '#000000',
  '--safety-color-surface-alt': '#000000',
  '--safety-color-border': '#ffffff',
  '--safety-color-border-strong': '#ffffff',
  '--safety-color-focus': '#ffff00',
  '--safety-color-accent': '#ffff00',
  '--safety-color-skeleton': '#3a3a3a',
  '--safety-color-good': '#5cff7a',
  '--safety-color-fair': '#ffff00',
  '--safety-color-poor': '#ff8a8a',
  '--safety-color-met': '#5cff7a',
  '--safety-color-not-met': '#ff8a8a',
  '--safety-color-no-data': '#d0d0d0',
  '--safety-color-error': '#ff8a8a',
  '--safety-color-warning': '#ffff00',
  '--safety-color-synthetic': '#ffff00',
  '--safety-color-risk-red': '#ff5c5c',
  '--safety-color-risk-orange': '#ffa64d',
  '--safety-color-risk-yellow': '#ffff00',
  '--safety-color-risk-blue': '#6cb6ff',
  '--safety-color-on-risk-red': '#000000',
  '--safety-color-on-risk-orange': '#000000',
  '--safety-color-on-risk-yellow': '#000000',
  '--safety-color-on-risk-blue': '#000000',
  '--safety-color-risk-outline': '#ffffff',
  '--safety-color-series-1': '#ffff00',
  '--safety-color-series-2': '#00ffff',
  '--safety-color-series-3': '#ff80ff',
  '--safety-color-series-4': '#5cff7a',
  '--safety-color-series-5': '#ffa64d',
  '--safety-color-series-6': '#ffffff',
  '--safety-color-grid': '#8a8a8a',
  '--safety-color-grid-line': '#ffffff',
  '--safety-color-map-background': '#000000',
  '--safety-color-map-no-data': '#3a3a3a',
  '--safety-color-map-context': '#262626',
  '--safety-gauge-track': '#000000',
  '--safety-gauge-track-edge': '#ffffff',
  '--safety-table-header-surface': '#000000',
  '--safety-table-group-surface': '#1f1f1f',
  '--safety-table-row-hover': '#333333',
  '--safety-sparkline-color': '#ffff00',
  '--safety-focus-width': '3px',
};

/** `--a: x; --b: y` for a style attribute or a CSS rule. */
export function cssDeclarations(properties: Readonly<Record<string, string>>, separator = '; '): string {
  return Object.entries(properties)
    .map(([name, value]) => `${name}: ${value}`)
    .join(separator);
}

/**
 * The embed snippet for a widget story, or undefined for anything that is not a widget. Inside the
 * widget, in its light DOM, an `<img>` of the same view from the feed service (snapshot-link.ts):
 * where a content system strips scripts the element stays unknown and the image shows the current
 * figure; where scripts run the widget draws itself and its shadow root has no slot, so the image is
 * never drawn. It is lazy, so it is not fetched either when the widget is defined before the page is
 * first drawn (the script in the head with `blocking="render"`, as the README has it); a page that
 * draws before its script has run may fetch it once, for a widget in view.
 */
export function embedSnippet(
  tagName: string | undefined,
  args: Record<string, unknown>,
  options: SnippetOptions & { alt?: string; width?: number },
): string | undefined {
  if (!isWidget(tagName)) return undefined;
  const url = feedUrl(args.src);
  const attributes = ['feed="district"', ...widgetAttributes(tagName, args, options)];
  const image = fallbackImage(tagName, args, options)
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  const widget =
    attributes.join(' ').length > 70
      ? `<${tagName}\n${attributes.map((a) => `  ${a}`).join('\n')}\n>\n${image}\n</${tagName}>`
      : `<${tagName} ${attributes.join(' ')}>\n${image}\n</${tagName}>`;
  const parts = [
    `<!-- ${tagName}: its entry file (it defines <safety-feed> too) and the shared chunks it imports, pinned. -->`,
    scriptTag(`${tagName}.js`, options.embed),
    '',
    '<!-- One feed for the page: replace the URL with your own feed (in the image URL too). -->',
    `<safety-feed id="district" src="${escapeAttribute(url)}"></safety-feed>`,
    '<!-- The image is for sites that strip scripts: it shows the current figure there, the live widget everywhere else. -->',
    widget,
  ];
  if (options.globals.theme === 'high-contrast') {
    parts.push(
      '',
      '<!-- The high-contrast theme: put these in your stylesheet (Windows High Contrast needs nothing). -->',
      `<style>\n  ${tagName} {\n    ${cssDeclarations(HIGH_CONTRAST_CSS, ';\n    ')};\n  }\n</style>`,
    );
  }
  return parts.join('\n');
}
