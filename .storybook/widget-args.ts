/**
 * From a story's args to a widget's attributes, shared by the docs' embed snippet (embed-snippet.ts)
 * and its image links (snapshot-link.ts): which widgets there are, which arg is which attribute (from
 * the custom-elements manifests), the feed URL a snippet names, and HTML escaping. Pure functions.
 */

/** The parts of a custom-elements.json the snippets need. */
export interface CemAttribute {
  name: string;
  fieldName?: string;
  /** Set on an attribute a widget inherits (from SafetyElement): `lang`, `theme`, `announce`… */
  inheritedFrom?: unknown;
}
export interface CemDeclaration {
  tagName?: string;
  attributes?: CemAttribute[];
}
export interface CemManifest {
  modules: { declarations?: CemDeclaration[] }[];
}

/** What turns args into attributes: the manifest and the toolbar's globals. */
export interface ArgsOptions {
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
export type WidgetTag = (typeof WIDGETS)[number];

export const isWidget = (tagName: string | undefined): tagName is WidgetTag =>
  tagName !== undefined && (WIDGETS as readonly string[]).includes(tagName);

/** Where the snippet's `<safety-feed>` points when the story's data is not a public URL. */
export const EXAMPLE_FEED_URL = 'https://safety.example.gov.cn/api/feeds/yantian.json';

/** Attributes every widget has (from SafetyElement) that the snippet writes from args. */
const BASE_ATTRIBUTES = ['lang', 'theme'];
/** Attributes whose empty value means something (`layers=""`: no point layers). */
export const EMPTY_IS_A_VALUE: ReadonlySet<string> = new Set(['layers']);
/** Never written: read-only (`status`), or replaced by the snippet's own `<safety-feed>`. */
const SKIPPED_ATTRIBUTES = new Set(['status', 'feed', 'src']);

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

/** The attributes a widget inherits from its base class (`lang`, `theme`, `announce`, `snapshot`…). */
export function inheritedAttributes(tagName: string, elements: CemManifest): Set<string> {
  const inherited = new Set<string>();
  for (const module of elements.modules)
    for (const declaration of module.declarations ?? [])
      if (declaration.tagName === tagName)
        for (const attribute of declaration.attributes ?? [])
          if (attribute.inheritedFrom !== undefined) inherited.add(attribute.name);
  return inherited;
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
 * The attributes a widget gets from story args and toolbar globals, in the order of the args: the
 * value (unescaped), or `true` for a boolean attribute that is on. Args that are not attributes,
 * unset, `false` or empty (but `layers=""`) are left out.
 */
export function attributeValues(
  tagName: string,
  args: Record<string, unknown>,
  options: ArgsOptions,
): Map<string, string | true> {
  const map = attributeMap(tagName, options.elements);
  const out = new Map<string, string | true>();
  for (const [key, value] of Object.entries(args)) {
    const attribute = map.get(key);
    if (!attribute || value === undefined || value === null || value === false) continue;
    if (value === '' && !EMPTY_IS_A_VALUE.has(attribute)) continue;
    if (value === true) out.set(attribute, true);
    else if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))
      out.set(attribute, String(value));
  }
  // The toolbar's locale and dark theme apply when the story does not set its own.
  const locale = options.globals.locale;
  if (!out.has('lang') && typeof locale === 'string') out.set('lang', locale);
  if (!out.has('theme') && options.globals.theme === 'dark') out.set('theme', 'dark');
  return out;
}
