/**
 * The district page's "分享 / Share" links: each opens the image the feed service draws of one
 * widget, as the reader sees it now. Any host page can do the same with what it already has — the
 * widget's attributes, the view it wrote into its URL from the widgets' documented view events
 * (view-url.ts), its own feed URL — and the image URL the feed service documents:
 *
 *   <feed URL>/snapshots/<widget>.png?lang=…&theme=…&width=…&scale=2&<the widget's options>
 *
 * Pure functions; share.ts keeps the links' `href` current.
 */
import { attributesFromSearch, VIEW_BINDINGS } from './view-url.js';

/** A widget the page shares, and the attributes of its view that an image shows. */
export interface ShareWidget {
  /** The element (its tag name). */
  readonly selector: string;
  /** The widget in the image URL: the tag name without `safety-`. */
  readonly id: string;
  /** The attributes that make the picture, in the order they are written. */
  readonly attributes: readonly string[];
  /** Which of them are boolean (present or absent). */
  readonly flags: readonly string[];
  /** Width in CSS px when the widget has none on the page (not laid out). */
  readonly defaultWidth: number;
}

export const SHARE_WIDGETS: readonly ShareWidget[] = [
  {
    selector: 'safety-score-gauge',
    id: 'score-gauge',
    attributes: ['area', 'grades', 'compact'],
    flags: ['compact'],
    defaultWidth: 360,
  },
  {
    selector: 'safety-grid-map',
    id: 'grid-map',
    attributes: ['metric', 'rate', 'breaks', 'subdistrict', 'context', 'layers', 'selected', 'list'],
    flags: ['context', 'list'],
    defaultWidth: 640,
  },
  {
    selector: 'safety-case-timeline',
    id: 'case-timeline',
    attributes: ['interval', 'start', 'end', 'categories', 'yoy', 'subdistrict', 'grid', 'show-table'],
    flags: ['yoy', 'show-table'],
    defaultWidth: 720,
  },
  {
    selector: 'safety-indicator-table',
    id: 'indicator-table',
    attributes: ['area', 'status-filter', 'sort', 'query', 'compact'],
    flags: ['compact'],
    defaultWidth: 960,
  },
];

/** Attributes whose empty value means something (`layers=""`: no point layers). */
const EMPTY_IS_A_VALUE = new Set(['layers']);

/**
 * The widget's view as image options, `[attribute, value]`: its attributes as the page has them
 * (`read`), overlaid with the view the reader chose since, which the page keeps in its URL (`search`,
 * view-url.ts). A boolean attribute that is on is `1`; one that is off, or a value that is empty, is
 * left out (but `layers=""`).
 */
export function viewOptions(
  widget: ShareWidget,
  read: (attribute: string) => string | null,
  search: string,
): [string, string][] {
  const values = new Map<string, string | null>(widget.attributes.map((name) => [name, read(name)]));
  const binding = VIEW_BINDINGS.find((b) => b.selector === widget.selector);
  for (const [name, value] of binding ? attributesFromSearch(search, binding) : []) {
    if (values.has(name)) values.set(name, value === true ? '' : value === false ? null : value);
  }
  const out: [string, string][] = [];
  for (const name of widget.attributes) {
    const value = values.get(name);
    if (value === null || value === undefined) continue;
    if (widget.flags.includes(name)) out.push([name, '1']);
    else if (value.trim() !== '' || EMPTY_IS_A_VALUE.has(name)) out.push([name, value.trim()]);
  }
  return out;
}

/**
 * The URL images of a feed hang from: the feed's `src` resolved against the page, without `.json`,
 * a trailing slash, a query or a fragment; undefined when it is not an http(s) URL.
 */
export function snapshotBase(feedSrc: string | null | undefined, pageUrl: string): string | undefined {
  if (!feedSrc) return undefined;
  try {
    const url = new URL(feedSrc, pageUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return `${url.origin}${url.pathname.replace(/\/+$/, '').replace(/\.json$/i, '')}`;
  } catch {
    return undefined;
  }
}

/** A width the service draws: CSS px rounded to 10, from 280 to 1600; undefined when not measured. */
export function imageWidth(px: number): number | undefined {
  if (!Number.isFinite(px) || px <= 0) return undefined;
  return Math.min(1600, Math.max(280, Math.round(px / 10) * 10));
}

export interface ShareRequest {
  widget: ShareWidget;
  /** The `src` of the widget's feed (its `<safety-feed>`'s, or its own). */
  feedSrc: string | null | undefined;
  /** The page's URL, against which a relative `src` is read. */
  pageUrl: string;
  /** From `viewOptions`. */
  options: readonly [string, string][];
  /** The page's language (`<html lang>`). */
  lang: string;
  /** Whether the widget is drawn dark (`theme="auto"` on a dark system, or `theme="dark"`). */
  dark: boolean;
  /** The widget's width on the page in CSS px (NaN or 0 when it has none). */
  width: number;
}

/** A query value, percent-encoded but for `:` and `,` (kept readable: `category:fire`). */
const encode = (text: string) => encodeURIComponent(text).replace(/%3A/gi, ':').replace(/%2C/gi, ',');

/** The PNG of the widget as the reader sees it, or undefined when its feed has no http(s) URL. */
export function shareUrl(request: ShareRequest): string | undefined {
  const base = snapshotBase(request.feedSrc, request.pageUrl);
  if (!base) return undefined;
  const query: [string, string][] = [
    ['lang', /^en\b/i.test(request.lang) ? 'en' : 'zh-CN'],
    ['theme', request.dark ? 'dark' : 'light'],
    ['width', String(imageWidth(request.width) ?? request.widget.defaultWidth)],
    ['scale', '2'],
    ...request.options,
  ];
  const search = query.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&');
  return `${base}/snapshots/${request.widget.id}.png?${search}`;
}
