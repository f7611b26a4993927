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

/** The parts of a custom-elements.json the snippet needs. */
export interface CemAttribute {
  name: string;
  fieldName?: string;
}
export interface CemDeclaration {
  tagName?: string;
  attributes?: CemAttribute[];
}
export interface CemManifest {
  modules: { declarations?: CemDeclaration[] }[];
}

export interface SnippetOptions {
  /** The embed package's manifest, or undefined when packages/embed has not been built. */
  embed: EmbedManifest | undefined;
  /** The merged custom-elements manifest (to map story args to attributes). */
  elements: CemManifest;
  /** Toolbar globals: `locale` (zh-CN, en) and `theme` (light, dark, high-contrast). */
  globals: Record<string, unknown>;
}

/** The widgets that have an embed file of their own; anything else keeps Storybook's source. */
export const WIDGETS = [
  'safety-score-gauge',
  'safety-indicator-table',
  'safety-grid-map',
  'safety-case-timeline',
] as const;

export const CDN_BASE = 'https://cdn.jsdelivr.net/npm/@safety-widgets/embed';

/** Where the snippet's `<safety-feed>` points when the story's data is not a public URL. */
export const EXAMPLE_FEED_URL = 'https://safety.example.gov.cn/api/feeds/yantian.json';

/** Attributes every widget has (from SafetyElement) that the snippet writes from args. */
const BASE_ATTRIBUTES = ['lang', 'theme'];
/** Attributes whose empty value means something (`layers=""`: no point layers). */
const EMPTY_IS_A_VALUE = new Set(['layers']);
/** Never written: read-only (`status`), or replaced by the snippet's own `<safety-feed>`. */
const SKIPPED_ATTRIBUTES = new Set(['status', 'feed', 'src']);

/** Text safe inside a `<script>` element: no `</script` can end it early. */
function escapeScriptText(text: string): string {
  return text.replace(/<\/(script)/gi, '<\\/$1');
}

/** Escapes text for a double-quoted HTML attribute value (and for text content). */
export function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The attribute for each arg name a widget's story may use: `statusFilter` → `status-filter`. */
export function attributeMap(tagName: string, elements: CemManifest): Map<string, string> {
  const map = new Map<string, string>();
  for (const name of BASE_ATTRIBUTES) map.set(name, name);
  for (const module of elements.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName !== tagName) continue;
      for (const attribute of declaration.attributes ?? []) {
        if (SKIPPED_ATTRIBUTES.has(attribute.name)) continue;
        map.set(attribute.name, attribute.name);
        if (attribute.fieldName) map.set(attribute.fieldName, attribute.name);
      }
    }
  }
  return map;
}

/**
 * The feed URL for the snippet: an absolute http(s) `src` as it is; a story's sample path
 * (`feeds/meisha.json`) or data set from script become the example URL of that sample.
 */
export function feedUrl(src: unknown): string {
  if (typeof src === 'string' && /^https?:\/\//i.test(src)) return src;
  const sample = typeof src === 'string' ? /([a-z0-9-]+)\.json$/i.exec(src)?.[1] : undefined;
  return sample ? EXAMPLE_FEED_URL.replace('yantian.json', `${sample}.json`) : EXAMPLE_FEED_URL;
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
  options: SnippetOptions,
): string[] {
  const map = attributeMap(tagName, options.elements);
  const out = new Map<string, string | true>();
  for (const [key, value] of Object.entries(args)) {
    const attribute = map.get(key);
    if (!attribute || value === undefined || value === null || value === false) continue;
    if (value === '' && !EMPTY_IS_A_VALUE.has(attribute)) continue;
    if (value === true) out.set(attribute, true);
    else if (typeof value === 'string' || typeof value === 'number') out.set(attribute, String(value));
  }
  // The toolbar's locale and dark theme apply when the story does not set its own.
  const locale = options.globals.locale;
  if (!out.has('lang') && typeof locale === 'string') out.set('lang', locale);
  if (!out.has('theme') && options.globals.theme === 'dark') out.set('theme', 'dark');
  return [...out].map(([name, value]) => (value === true ? name : `${name}="${escapeAttribute(value)}"`));
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

/** The embed snippet for a widget story, or undefined for anything that is not a widget. */
export function embedSnippet(
  tagName: string | undefined,
  args: Record<string, unknown>,
  options: SnippetOptions,
): string | undefined {
  if (!tagName || !(WIDGETS as readonly string[]).includes(tagName)) return undefined;
  const url = feedUrl(args.src);
  const attributes = ['feed="district"', ...widgetAttributes(tagName, args, options)];
  const widget =
    attributes.join(' ').length > 70
      ? `<${tagName}\n${attributes.map((a) => `  ${a}`).join('\n')}\n></${tagName}>`
      : `<${tagName} ${attributes.join(' ')}></${tagName}>`;
  const parts = [
    `<!-- ${tagName}: its entry file (it defines <safety-feed> too) and the shared chunks it imports, pinned. -->`,
    scriptTag(`${tagName}.js`, options.embed),
    '',
    '<!-- One feed for the page: replace the URL with your own feed. -->',
    `<safety-feed id="district" src="${escapeAttribute(url)}"></safety-feed>`,
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
