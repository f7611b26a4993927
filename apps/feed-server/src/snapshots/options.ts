/**
 * An image request read from its URL: `/api/feeds/:id/snapshots/<widget>.<format>?lang=…&theme=…
 * &width=…&scale=…&<widget options>`. Checked in two steps — the form of every parameter, then
 * what the options name against the feed version — and written in one canonical form (defaults
 * dropped, values normalised, parameters sorted), which is the cache key with the feed version.
 * Every refusal names the parameter and what it may be; values from the URL are quoted escaped.
 */
import type { PayloadProblem } from '../http/problem.js';
import type { FeedVocabulary } from './feed-vocabulary.js';
import { escapeMarkup, listOf, manifestDefault, ruleFor, shown } from './value-rules.js';
import {
  FORMATS,
  WIDGET_IDS,
  isFormat,
  isWidgetId,
  widgetSpecs,
  type SnapshotFormat,
  type WidgetSpec,
} from './widgets.js';

export const LANGS = ['en', 'zh-CN'] as const;
export type SnapshotLang = (typeof LANGS)[number];
export const THEMES = ['light', 'dark'] as const;
export type SnapshotTheme = (typeof THEMES)[number];

/** Width bounds in CSS px: a phone column to a wide print page. */
export const MIN_WIDTH = 280;
export const MAX_WIDTH = 1600;
/** Device pixels per CSS px of a PNG. */
export const SCALES = [1, 2, 3] as const;
export const DEFAULT_SCALE = 2;

/** The parameters every widget takes besides its own options. */
const COMMON_PARAMETERS = ['lang', 'theme', 'width', 'scale'];

export interface SnapshotRequest {
  feedId: string;
  widget: WidgetSpec;
  format: SnapshotFormat;
  lang: SnapshotLang;
  theme: SnapshotTheme;
  /** CSS px. */
  width: number;
  /** Device pixels per CSS px (PNG only; 1 elsewhere). */
  scale: number;
  /** The widget's attributes (name, value; `''` for a boolean that is on), sorted by name. */
  attributes: [string, string][];
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: PayloadProblem[] };

/** The widget and format of the path's last segment, or why there is no such image (a 404). */
export function parseSnapshotFile(
  file: string,
): { ok: true; widget: WidgetSpec; format: SnapshotFormat } | { ok: false; detail: string } {
  const dot = file.lastIndexOf('.');
  const name = dot < 0 ? file : file.slice(0, dot);
  const format = dot < 0 ? '' : file.slice(dot + 1);
  if (!isWidgetId(name))
    return {
      ok: false,
      detail: `There is no widget ${shown(name)}. Images are made of ${listOf(WIDGET_IDS)}: /api/feeds/<id>/snapshots/<widget>.<${FORMATS.join('|')}>.`,
    };
  const widget = widgetSpecs().get(name)!;
  if (!isFormat(format))
    return {
      ok: false,
      detail: `No format ${shown(format)}: ${name} is served as ${formatsOf(widget)
        .map((f) => `.${f}`)
        .join(', ')}.`,
    };
  if (format === 'svg' && !widget.vector)
    return {
      ok: false,
      detail: `${name} draws ${name === 'case-timeline' ? 'on a canvas' : 'in HTML'}, not in SVG, so there is no .svg of it: use ${name}.png (or ${name}.txt for its text alternative).`,
    };
  return { ok: true, widget, format };
}

const formatsOf = (widget: WidgetSpec): SnapshotFormat[] =>
  FORMATS.filter((f) => f !== 'svg' || widget.vector);

/** The parameters `widget` takes, in the order they are listed in refusals. */
export const parametersOf = (widget: WidgetSpec): string[] => [
  ...COMMON_PARAMETERS,
  ...widget.attributes.map((a) => a.name),
];

/**
 * Checks the query's form (without the feed): unknown or repeated parameters, the common ones,
 * and each option by its rule. The attributes it returns are checked against the feed next.
 */
export function parseSnapshotQuery(
  feedId: string,
  widget: WidgetSpec,
  format: SnapshotFormat,
  query: Record<string, unknown>,
): Checked<SnapshotRequest> {
  const problems: PayloadProblem[] = [];
  const problem = (path: string, reason: string) =>
    problems.push({ path: escapeMarkup(path), message: `${escapeMarkup(path)}: ${reason}` });
  const values = new Map<string, string>();
  const known = parametersOf(widget);
  for (const [name, raw] of Object.entries(query)) {
    if (!known.includes(name)) {
      problem(name, `unknown parameter ${shown(name)}; ${widget.id} takes ${listOf(known)}`);
      continue;
    }
    if (typeof raw !== 'string') {
      problem(name, 'given more than once; give it once');
      continue;
    }
    values.set(name, raw);
  }

  const lang = values.get('lang') ?? 'en';
  if (!(LANGS as readonly string[]).includes(lang))
    problem('lang', `${shown(lang)} is not one of ${LANGS.join(', ')}`);
  const theme = values.get('theme') ?? 'light';
  if (!(THEMES as readonly string[]).includes(theme))
    problem('theme', `${shown(theme)} is not one of ${THEMES.join(', ')}`);
  const widthText = values.get('width');
  const width =
    widthText === undefined ? widget.defaultWidth : /^\d{1,5}$/.test(widthText) ? Number(widthText) : NaN;
  if (!(width >= MIN_WIDTH && width <= MAX_WIDTH))
    problem(
      'width',
      `${shown(widthText ?? '')} is not a whole number of CSS px from ${MIN_WIDTH} to ${MAX_WIDTH} (default for ${widget.id}: ${widget.defaultWidth})`,
    );
  const scaleText = values.get('scale');
  const scale = scaleText === undefined ? DEFAULT_SCALE : /^\d$/.test(scaleText) ? Number(scaleText) : NaN;
  if (!(SCALES as readonly number[]).includes(scale))
    problem(
      'scale',
      `${shown(scaleText ?? '')} is not one of ${SCALES.join(', ')} (device pixels per CSS px; default ${DEFAULT_SCALE})`,
    );

  const attributes: [string, string][] = [];
  for (const attribute of widget.attributes) {
    const raw = values.get(attribute.name);
    if (raw === undefined) continue;
    const outcome = ruleFor(attribute).check(raw);
    if (!outcome.ok) problem(attribute.name, outcome.reason);
    else if (outcome.value !== undefined && outcome.value !== manifestDefault(attribute))
      attributes.push([attribute.name, outcome.value]);
  }
  const start = attributes.find(([n]) => n === 'start')?.[1];
  const end = attributes.find(([n]) => n === 'end')?.[1];
  if (start !== undefined && end !== undefined && start > end)
    problem('end', `${shown(end)} is before start ${shown(start)}`);

  if (problems.length > 0) return { ok: false, problems };
  attributes.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    ok: true,
    value: {
      feedId,
      widget,
      format,
      lang: lang as SnapshotLang,
      theme: theme as SnapshotTheme,
      width,
      scale: format === 'png' ? scale : 1,
      attributes,
    },
  };
}

/** Checks what the options name (areas, grids, metrics…) against the feed version. */
export function checkAgainstFeed(
  request: SnapshotRequest,
  vocabulary: FeedVocabulary,
): Checked<SnapshotRequest> {
  const problems: PayloadProblem[] = [];
  const attributes: [string, string][] = [];
  for (const [name, value] of request.attributes) {
    const attribute = request.widget.attributes.find((a) => a.name === name)!;
    const inFeed = ruleFor(attribute).inFeed;
    const outcome = inFeed ? inFeed(value, vocabulary, request.feedId) : { ok: true as const, value };
    if (!outcome.ok) problems.push({ path: name, message: `${name}: ${outcome.reason}` });
    else if (outcome.value !== undefined) attributes.push([name, outcome.value]);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { ...request, attributes } };
}

/**
 * The options in canonical form: what decides the picture, and nothing else. The text
 * alternative depends on neither width, theme nor scale; an SVG not on the scale.
 */
export function canonicalOptions(request: SnapshotRequest): string {
  const parts = [`lang=${request.lang}`];
  if (request.format !== 'txt') parts.push(`theme=${request.theme}`, `width=${request.width}`);
  if (request.format === 'png') parts.push(`scale=${request.scale}`);
  for (const [name, value] of request.attributes) parts.push(`${name}=${encodeURIComponent(value)}`);
  return parts.join('&');
}
