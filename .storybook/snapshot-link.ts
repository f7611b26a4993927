/**
 * A widget as an image, for places where no script may run (WeChat official-account articles, e-mail
 * newsletters, printed reports, chat messages): the feed service draws every widget of a feed at
 *
 *   <feed URL>/snapshots/<widget>.<png|svg|txt>?lang=…&theme=…&width=…&scale=…&<the widget's options>
 *
 * where the feed URL is the service's `/api/feeds/<id>` (without `.json`), `<widget>` the tag name
 * without `safety-`, `.svg` is offered for the gauge and the map (they draw in SVG) and `.txt` is the
 * widget's text alternative. The options are the widget's own attributes with their values, read from
 * the story args through the same attribute map as the embed snippet (widget-args.ts).
 *
 * Pure functions, no DOM: the docs' "Share as an image" block (blocks/ShareImage.tsx) and the embed
 * snippet's no-script fallback (embed-snippet.ts) build on them. Every value that goes into HTML is
 * escaped; every value that goes into a URL is percent-encoded.
 */
import {
  attributeValues,
  escapeAttribute,
  feedUrl,
  inheritedAttributes,
  isWidget,
  type ArgsOptions,
  type WidgetTag,
} from './widget-args.ts';

export type SnapshotFormat = 'png' | 'svg' | 'txt';
/** The languages and themes the feed service draws in. */
export type ImageLang = 'en' | 'zh-CN';
export type ImageTheme = 'light' | 'dark';

/** Widths the service draws, in CSS px: a phone column to a wide print page. */
export const MIN_WIDTH = 280;
export const MAX_WIDTH = 1600;
/** Device pixels per CSS px of a PNG: 2 for screens, 3 for print (about 300 dpi at 8 cm wide). */
export const DEFAULT_SCALE = 2;
export const PRINT_SCALE = 3;

interface WidgetImage {
  /** The widget in the URL: the tag name without `safety-`. */
  id: string;
  /** Whether it draws in SVG, so that an `.svg` exists. */
  vector: boolean;
  /** Width in CSS px when none is given (the service's own default for the widget). */
  width: number;
  /**
   * Height ÷ width of the picture of the district sample, measured in snapshot mode at the default
   * width (the table's, with all 56 rows, from 4.3 in Chinese to 6 in English): the `height` an `<img>`
   * keeps room for before it loads; the picture's own shape wins once it has (`height: auto`).
   */
  ratio: number;
  /** What the widget is called, for a text alternative that names it. */
  name: Readonly<Record<ImageLang, string>>;
}

export const IMAGE_WIDGETS: Readonly<Record<WidgetTag, WidgetImage>> = {
  'safety-score-gauge': {
    id: 'score-gauge',
    vector: true,
    width: 360,
    ratio: 1.6,
    name: { en: 'Composite safety index', 'zh-CN': '综合安全指数' },
  },
  'safety-grid-map': {
    id: 'grid-map',
    vector: true,
    width: 640,
    ratio: 0.96,
    name: { en: 'Map of the management grids', 'zh-CN': '网格地图' },
  },
  'safety-case-timeline': {
    id: 'case-timeline',
    vector: false,
    width: 720,
    ratio: 0.75,
    name: { en: 'Case trends', 'zh-CN': '案件走势' },
  },
  'safety-indicator-table': {
    id: 'indicator-table',
    vector: false,
    width: 960,
    ratio: 5,
    name: { en: 'Safety indicators', 'zh-CN': '安全指标' },
  },
};

export interface SnapshotOptions extends ArgsOptions {
  /** The feed URL, when it is not the story's own (`src`, else the example feed): the reader's feed. */
  feed?: string;
  /** Width of the picture in CSS px (280–1600); the widget's default width when not given. */
  width?: number;
  /** Device pixels per CSS px of a PNG (1–3, default 2). */
  scale?: number;
}

const isHttpUrl = (text: unknown): text is string => {
  if (typeof text !== 'string') return false;
  try {
    return /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
};

/**
 * The feed URL images hang from: `https://host/api/feeds/yantian.json?x#y` →
 * `https://host/api/feeds/yantian` (no `.json`, no trailing slash, no query or fragment: the service
 * answers images under the feed's own path). Undefined for anything but an http(s) URL.
 */
export function snapshotFeedBase(feed: unknown): string | undefined {
  if (!isHttpUrl(feed)) return undefined;
  const url = new URL(feed);
  const path = url.pathname.replace(/\/+$/, '').replace(/\.json$/i, '');
  return `${url.origin}${path}`;
}

/** The feed an image of this story is drawn from: the reader's feed if given, else the snippet's. */
function storyFeedBase(args: Record<string, unknown>, options: SnapshotOptions): string {
  return snapshotFeedBase(options.feed) ?? snapshotFeedBase(feedUrl(args.src))!;
}

/** `zh`, `zh-CN`, `zh-Hans` → zh-CN; `en`, `en-GB` → en; anything else: undefined. */
function langOf(value: unknown): ImageLang | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^zh\b/i.test(value)) return 'zh-CN';
  if (/^en\b/i.test(value)) return 'en';
  return undefined;
}

/** The image's language: the story's `lang`, else the toolbar's locale, else Chinese (the widgets' default). */
export function imageLang(args: Record<string, unknown>, globals: Record<string, unknown>): ImageLang {
  return langOf(args.lang) ?? langOf(globals.locale) ?? 'zh-CN';
}

/**
 * The image's theme: the story's `light` or `dark`, else the toolbar's. A picture cannot follow the
 * reader's system, so `auto` takes the toolbar's too. The toolbar's high-contrast theme is custom
 * properties a page sets around the widget, not a theme the service draws: its image is light.
 */
export function imageTheme(args: Record<string, unknown>, globals: Record<string, unknown>): ImageTheme {
  if (args.theme === 'light' || args.theme === 'dark') return args.theme;
  return globals.theme === 'dark' ? 'dark' : 'light';
}

/** A width the service draws: whole CSS px from 280 to 1600, the widget's default when not a number. */
export function imageWidth(tagName: WidgetTag, width?: number): number {
  if (typeof width !== 'number' || !Number.isFinite(width)) return IMAGE_WIDGETS[tagName].width;
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(width)));
}

/**
 * The width of a story's box (its `width` arg: `960`, `'420px'`) as an image width, or undefined for
 * anything else (`'100%'`): the image is then drawn at the widget's default width.
 */
export function storyWidth(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const px = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/i.exec(value) : null;
  return px ? Number(px[1]) : undefined;
}

/** The height of a picture `width` px wide, as expected before it loads (see `ratio`). */
export function imageHeight(tagName: WidgetTag, width: number): number {
  return Math.round(width * IMAGE_WIDGETS[tagName].ratio);
}

const scaleOf = (scale: unknown): number =>
  typeof scale === 'number' && Number.isInteger(scale) && scale >= 1 && scale <= 3 ? scale : DEFAULT_SCALE;

/**
 * The widget's own options for the image URL, `[attribute, value]` in the order of the args: what the
 * embed snippet would write, less what the service sets itself (`lang`, `theme`) and what the widget
 * inherits (`announce`, `snapshot`…, which an image does not take). A boolean that is on is `1`;
 * `layers=""` stays empty (no point layers).
 */
export function imageOptions(
  tagName: WidgetTag,
  args: Record<string, unknown>,
  options: ArgsOptions,
): [string, string][] {
  const inherited = inheritedAttributes(tagName, options.elements);
  return [...attributeValues(tagName, args, options)]
    .filter(([name]) => name !== 'lang' && name !== 'theme' && !inherited.has(name))
    .map(([name, value]) => [name, value === true ? '1' : value]);
}

/** A query value, percent-encoded but for `:` and `,` (kept readable: `category:fire`, `fire,police`). */
const encode = (text: string) => encodeURIComponent(text).replace(/%3A/gi, ':').replace(/%2C/gi, ',');

/**
 * The image of a widget story with its current args and the toolbar's globals, or undefined for
 * anything that is not a widget and for an `.svg` of a widget that does not draw in SVG. A PNG carries
 * the scale, a text alternative (`.txt`) only what changes its words (language and options).
 */
export function snapshotUrl(
  tagName: string | undefined,
  args: Record<string, unknown>,
  options: SnapshotOptions,
  format: SnapshotFormat,
): string | undefined {
  if (!isWidget(tagName)) return undefined;
  const widget = IMAGE_WIDGETS[tagName];
  if (format === 'svg' && !widget.vector) return undefined;
  const query: [string, string][] = [['lang', imageLang(args, options.globals)]];
  if (format !== 'txt') {
    query.push(['theme', imageTheme(args, options.globals)]);
    query.push(['width', String(imageWidth(tagName, options.width))]);
  }
  if (format === 'png') query.push(['scale', String(scaleOf(options.scale))]);
  query.push(...imageOptions(tagName, args, options));
  const search = query.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&');
  return `${storyFeedBase(args, options)}/snapshots/${widget.id}.${format}?${search}`;
}

/** Control characters (but tab and new lines, which are white space). */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g; // eslint-disable-line no-control-regex

/** Text as one line: runs of white space become one space, control characters go. */
function oneLine(text: string): string {
  return text.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

/** The text alternative while the widget has none yet: the widget's name and its feed. */
export function fallbackAlt(tagName: WidgetTag, lang: ImageLang, feedBase: string): string {
  const name = IMAGE_WIDGETS[tagName].name[lang];
  return lang === 'zh-CN' ? `${name}（数据源：${feedBase}）` : `${name}, from the feed ${feedBase}`;
}

/** What an image of the story says to a screen reader: the widget's `summary`, else `fallbackAlt`. */
export function imageAlt(
  tagName: WidgetTag,
  args: Record<string, unknown>,
  options: SnapshotOptions & { alt?: string },
): string {
  const given = typeof options.alt === 'string' ? oneLine(options.alt) : '';
  return given || fallbackAlt(tagName, imageLang(args, options.globals), storyFeedBase(args, options));
}

/**
 * The embed snippet's fallback (embed-snippet.ts): the PNG of the same view with its text alternative
 * and its expected size, lazy, for the widget's light DOM. Shown only where scripts are stripped; never
 * wider than its column, and in the picture's own shape once loaded (where a page's policy refuses
 * inline styles, the width and height attributes alone size it).
 */
export function fallbackImage(
  tagName: WidgetTag,
  args: Record<string, unknown>,
  options: SnapshotOptions & { alt?: string },
): string {
  const width = imageWidth(tagName, options.width);
  const src = snapshotUrl(tagName, args, options, 'png')!;
  return [
    '<img',
    `  src="${escapeAttribute(src)}"`,
    `  alt="${escapeAttribute(imageAlt(tagName, args, options))}"`,
    `  width="${width}"`,
    `  height="${imageHeight(tagName, width)}"`,
    '  loading="lazy"',
    '  decoding="async"',
    '  style="max-width: 100%; height: auto"',
    '/>',
  ].join('\n');
}

/**
 * The "WeChat/newsletter snippet": the PNG (at scale 2) with its text alternative, as wide as asked
 * and never wider than its column, and under it one line linking to the live figures (`link`, else
 * the feed). Inline styles only, no script, no iframe, no stylesheet: WeChat's editor and e-mail
 * clients keep it as it is. Undefined for anything that is not a widget.
 */
export function noScriptSnippet(
  tagName: string | undefined,
  args: Record<string, unknown>,
  options: SnapshotOptions & { alt?: string; link?: string },
): string | undefined {
  if (!isWidget(tagName)) return undefined;
  const width = imageWidth(tagName, options.width);
  const src = snapshotUrl(tagName, args, options, 'png')!;
  const link = isHttpUrl(options.link) ? options.link : storyFeedBase(args, options);
  const label =
    imageLang(args, options.globals) === 'zh-CN' ? '来源及实时数据：' : 'Source and live figures: ';
  const shown = link.replace(/^https?:\/\//i, '');
  return [
    `<p style="margin:0"><img src="${escapeAttribute(src)}" width="${width}" alt="${escapeAttribute(imageAlt(tagName, args, options))}" style="display:block;max-width:100%;height:auto;border:0"></p>`,
    `<p style="margin:4px 0 0;font-size:13px;line-height:1.5">${escapeAttribute(label)}<a href="${escapeAttribute(link)}">${escapeAttribute(shown)}</a></p>`,
  ].join('\n');
}
