/**
 * The four widgets an image can be made of, and the attributes each documents. The attribute list
 * is read from the widget package's custom elements manifest (`custom-elements.json`, found as
 * editors find it, through the `customElements` field of its package.json), so an attribute a
 * widget gains is offered here without a change; what a value may be is `value-rules.ts`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The widgets, as named in the URL (`/snapshots/score-gauge.png`). */
export const WIDGET_IDS = ['score-gauge', 'grid-map', 'case-timeline', 'indicator-table'] as const;
export type WidgetId = (typeof WIDGET_IDS)[number];

export const FORMATS = ['png', 'svg', 'txt'] as const;
export type SnapshotFormat = (typeof FORMATS)[number];

/** One attribute of a widget, as its manifest describes it. */
export interface WidgetAttribute {
  name: string;
  /** The manifest's type text (`string | undefined`, `boolean`, `'off' | 'polite'`…), if any. */
  type: string | undefined;
  /** The default as the manifest writes it (`'month'`, `3`, `false`), if any. */
  default: string | undefined;
  description: string;
}

export interface WidgetSpec {
  id: WidgetId;
  /** The custom element's tag, from the manifest. */
  tag: string;
  /** Whether the widget draws SVG (an `.svg` is offered); the others draw a canvas or HTML. */
  vector: boolean;
  /** Width in CSS px when the URL gives none. */
  defaultWidth: number;
  /** The attributes a URL may set: the widget's own, without those of its base class. */
  attributes: readonly WidgetAttribute[];
}

/**
 * Per widget: its package, whether it is vector, and a width at which it looks as designed (the
 * gauge is a tile; the map and the timeline a column of an article; the table needs room for its
 * seven columns, which turn into cards below about 640 px).
 */
const WIDGET_PACKAGES: Record<WidgetId, { pkg: string; vector: boolean; defaultWidth: number }> = {
  'score-gauge': { pkg: '@safety-widgets/score-gauge', vector: true, defaultWidth: 360 },
  'grid-map': { pkg: '@safety-widgets/grid-map', vector: true, defaultWidth: 640 },
  'case-timeline': { pkg: '@safety-widgets/case-timeline', vector: false, defaultWidth: 720 },
  'indicator-table': { pkg: '@safety-widgets/indicator-table', vector: false, defaultWidth: 960 },
};

/**
 * Attributes the service sets itself (`lang`, `theme`, `snapshot`) or that make no sense in an
 * image (`status` is the widget's output). Inherited attributes are left out anyway; these are
 * left out even if a widget declares them itself.
 */
const RESERVED_ATTRIBUTES = new Set(['feed', 'src', 'lang', 'theme', 'status', 'announce', 'snapshot']);

interface ManifestItem {
  name: string;
  description?: string;
  type?: { text?: string };
  default?: string;
  inheritedFrom?: unknown;
}
interface ManifestDeclaration {
  customElement?: boolean;
  tagName?: string;
  attributes?: ManifestItem[];
}
interface Manifest {
  modules?: { declarations?: ManifestDeclaration[] }[];
}

const require = createRequire(import.meta.url);

/** The manifest of package `pkg` (through its package.json's `customElements` field). */
export function readManifest(pkg: string): Manifest {
  const packageJson = require.resolve(`${pkg}/package.json`);
  const { customElements } = JSON.parse(readFileSync(packageJson, 'utf8')) as { customElements?: string };
  if (!customElements) throw new Error(`${pkg} declares no custom elements manifest`);
  return JSON.parse(readFileSync(join(dirname(packageJson), customElements), 'utf8')) as Manifest;
}

function specOf(id: WidgetId): WidgetSpec {
  const { pkg, vector, defaultWidth } = WIDGET_PACKAGES[id];
  const declaration = (readManifest(pkg).modules ?? [])
    .flatMap((m) => m.declarations ?? [])
    .find((d) => d.customElement && d.tagName === `safety-${id}`);
  if (!declaration?.tagName) throw new Error(`${pkg}'s manifest does not describe <safety-${id}>`);
  const attributes = (declaration.attributes ?? [])
    .filter((a) => a.inheritedFrom === undefined && !RESERVED_ATTRIBUTES.has(a.name))
    .map((a) => ({
      name: a.name,
      type: a.type?.text,
      default: a.default,
      description: a.description ?? '',
    }));
  return { id, tag: declaration.tagName, vector, defaultWidth, attributes };
}

let specs: ReadonlyMap<WidgetId, WidgetSpec> | undefined;

/** Every widget's spec, read from the manifests once. */
export function widgetSpecs(): ReadonlyMap<WidgetId, WidgetSpec> {
  specs ??= new Map(WIDGET_IDS.map((id) => [id, specOf(id)]));
  return specs;
}

export const isWidgetId = (value: string): value is WidgetId =>
  (WIDGET_IDS as readonly string[]).includes(value);

export const isFormat = (value: string): value is SnapshotFormat =>
  (FORMATS as readonly string[]).includes(value);
