/**
 * What the embed page's query string asks for: `?widget=safety-score-gauge&src=/api/feeds/yantian&lang=en`.
 * Reserved keys: `widget` (one of the four tags), `src` (the feed URL, http or https, absolute or relative),
 * `frame` (an id echoed in the height messages, so a parent with several frames can tell them apart).
 * Every other key becomes an attribute of the widget (`area=fire`, `compact=`, `theme=dark`), except
 * names that could run script or restyle the page (`on…`, `style`) and anything not a plain attribute name.
 */

export const WIDGET_TAGS = [
  'safety-score-gauge',
  'safety-indicator-table',
  'safety-grid-map',
  'safety-case-timeline',
] as const;
export type WidgetTag = (typeof WIDGET_TAGS)[number];

export interface EmbedRequest {
  readonly widget: WidgetTag;
  readonly src: string;
  readonly frame: string;
  readonly attributes: readonly (readonly [string, string])[];
}

export type EmbedParse = { ok: true; request: EmbedRequest } | { ok: false; message: string };

const RESERVED = new Set(['widget', 'src', 'frame']);
const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]{0,39}$/;
const REFUSED = new Set(['style', 'class', 'id', 'slot', 'part', 'is']);
const MAX_VALUE = 500;

/** The embed page's `<title>` for each widget, in the page's language (a screen reader reads it first). */
const TITLES: Readonly<Record<WidgetTag | '', { zh: string; en: string }>> = {
  'safety-score-gauge': { zh: '安全指数', en: 'Safety index' },
  'safety-indicator-table': { zh: '安全指标一览', en: 'Safety indicators' },
  'safety-grid-map': { zh: '网格安全地图', en: 'Safety grid map' },
  'safety-case-timeline': { zh: '案件趋势', en: 'Case timeline' },
  '': { zh: '安全数据组件', en: 'Safety widget' },
};

/** The page title for `widget` (or none) in `lang`: Chinese unless the language is not Chinese. */
export function frameTitle(widget: WidgetTag | '', lang: string): string {
  const t = TITLES[widget];
  return /^zh\b/i.test(lang) || lang === '' ? t.zh : t.en;
}

const isWidget = (tag: string): tag is WidgetTag => (WIDGET_TAGS as readonly string[]).includes(tag);

/** Reads the query string of `location` (never throws). */
export function parseEmbedQuery(search: string, base: string): EmbedParse {
  const query = new URLSearchParams(search);
  const widget = query.get('widget')?.trim() ?? '';
  if (!isWidget(widget)) {
    return {
      ok: false,
      message: widget
        ? `Unknown widget "${widget.slice(0, 60)}". Use widget=${WIDGET_TAGS.join(', ')}.`
        : `Name the widget to show: ?widget=${WIDGET_TAGS[0]}&src=<feed URL>.`,
    };
  }
  const rawSrc = query.get('src')?.trim() ?? '';
  if (!rawSrc) return { ok: false, message: 'Give the feed URL: &src=<feed URL>.' };
  let src: URL;
  try {
    src = new URL(rawSrc, base);
  } catch {
    return { ok: false, message: `The feed URL "${rawSrc.slice(0, 120)}" is not a URL.` };
  }
  if (src.protocol !== 'https:' && src.protocol !== 'http:') {
    return { ok: false, message: `The feed URL must be http or https, not ${src.protocol}` };
  }
  const attributes: [string, string][] = [];
  for (const [name, value] of query) {
    if (RESERVED.has(name)) continue;
    if (!ATTRIBUTE_NAME.test(name) || name.startsWith('on') || REFUSED.has(name)) continue;
    attributes.push([name, value.slice(0, MAX_VALUE)]);
  }
  const frame = (query.get('frame') ?? '').slice(0, 100);
  return { ok: true, request: { widget, src: src.href, frame, attributes } };
}

/** The message a frame posts to its parent when its content height changes. */
export interface HeightMessage {
  readonly type: 'safety-widgets:height';
  readonly frame: string;
  readonly height: number;
}

export const HEIGHT_MESSAGE = 'safety-widgets:height';
