/**
 * What each widget option may be. The options themselves come from the widgets' manifests
 * (./widgets.ts); this file says, per attribute name, which values a URL may give: a closed list,
 * a number in a range, a date, or an id the feed version has. An attribute without a rule here
 * is checked by its manifest type (boolean, number, a union of string literals) or else taken
 * as short plain text. Each rule also writes the value in one canonical form, so that equal
 * options make one cache entry.
 *
 * The closed lists mirror the widgets' own parsers (named beside each); the widgets stay lenient
 * (an unusable attribute falls back to a default), while a URL is refused, so that a typo does
 * not quietly give a different picture.
 */
import { parseGradeBands } from '@safety-widgets/core';
import type { FeedVocabulary } from './feed-vocabulary.js';
import type { WidgetAttribute } from './widgets.js';

/** A value as the widget gets it (`''` for a boolean attribute that is on), or `undefined`: left off. */
export type RuleOutcome = { ok: true; value: string | undefined } | { ok: false; reason: string };

export interface ValueRule {
  /** The value's form, without the feed. */
  check(raw: string): RuleOutcome;
  /** What it names, against the feed version (after `check`). */
  inFeed?(value: string, vocabulary: FeedVocabulary, feedId: string): RuleOutcome;
}

/** Longest text value accepted (search text, a list of ids). */
export const MAX_VALUE_LENGTH = 200;
/** Most values listed in a refusal; the rest are counted. */
const LISTED = 40;

const ok = (value: string | undefined): RuleOutcome => ({ ok: true, value });
const fail = (reason: string): RuleOutcome => ({ ok: false, reason });

/**
 * A value from the URL, quoted for a message: at most 40 characters, JSON-quoted, with `<`, `>`
 * and `&` written as `\u003c`… so that no markup from a URL ever reaches an answer as markup.
 */
export function shown(raw: string): string {
  const cut = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  return escapeMarkup(JSON.stringify(cut));
}

/** `<`, `>` and `&` (and the JSON line separators) as `\uXXXX` escapes. */
export function escapeMarkup(text: string): string {
  return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `a, b, c` (the first LISTED of them, then how many more). */
export function listOf(values: readonly string[]): string {
  if (values.length === 0) return '(none)';
  const head = values.slice(0, LISTED).join(', ');
  return values.length > LISTED ? `${head} and ${values.length - LISTED} more` : head;
}

/** Plain text: no control characters, at most `max` characters. */
function plainText(raw: string, max = MAX_VALUE_LENGTH): RuleOutcome {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) return fail('control characters are not allowed');
  if (raw.length > max) return fail(`at most ${max} characters`);
  return ok(raw.trim() === '' ? undefined : raw.trim());
}

export const textRule = (max = MAX_VALUE_LENGTH): ValueRule => ({ check: (raw) => plainText(raw, max) });

export const enumRule = (values: readonly string[]): ValueRule => ({
  check: (raw) =>
    values.includes(raw.trim()) ? ok(raw.trim()) : fail(`${shown(raw)} is not one of ${listOf(values)}`),
});

/** `?compact`, `compact=true` or `compact=1` is on; `false` or `0` is off. */
export const booleanRule: ValueRule = {
  check: (raw) => {
    const v = raw.trim().toLowerCase();
    if (v === '' || v === 'true' || v === '1') return ok('');
    if (v === 'false' || v === '0') return ok(undefined);
    return fail(`${shown(raw)} is not a boolean: give true, false, 1, 0 or no value`);
  },
};

const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)$/;

export const numberRule = (min: number, max: number, whole = false, why = ''): ValueRule => ({
  check: (raw) => {
    const text = raw.trim();
    const n = DECIMAL.test(text) ? Number(text) : NaN;
    if (!Number.isFinite(n) || (whole && !Number.isInteger(n)) || n < min || n > max)
      return fail(`${shown(raw)} is not a ${whole ? 'whole number' : 'number'} from ${min} to ${max}${why}`);
    return ok(String(n));
  },
});

/** `YYYY-MM-DD`, a real calendar day. */
export const dateRule: ValueRule = {
  check: (raw) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
    const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
    if (!m || !d || d.toISOString().slice(0, 10) !== raw.trim())
      return fail(`${shown(raw)} is not a date: give YYYY-MM-DD, e.g. 2017-01-31`);
    return ok(raw.trim());
  },
};

/** One id the feed has, in `pick(vocabulary)`. */
export const idRule = (what: string, pick: (v: FeedVocabulary) => readonly string[]): ValueRule => ({
  check: (raw) => plainText(raw),
  inFeed: (value, vocabulary, feedId) =>
    pick(vocabulary).includes(value)
      ? ok(value)
      : fail(`${shown(value)} is not ${what} of feed ${feedId}; it has: ${listOf(pick(vocabulary))}`),
});

const splitList = (text: string): string[] => [
  ...new Set(
    text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

/** Comma-separated ids, each in `pick(vocabulary)`; order kept, repeats dropped. */
export const idListRule = (what: string, pick: (v: FeedVocabulary) => readonly string[]): ValueRule => ({
  check: (raw) => plainText(raw),
  inFeed: (value, vocabulary, feedId) => {
    const known = pick(vocabulary);
    const unknown = splitList(value).filter((id) => !known.includes(id));
    if (unknown.length > 0)
      return fail(
        `${unknown.map(shown).join(', ')} ${unknown.length === 1 ? 'is not' : 'are not'} ${what} of feed ${feedId}; it has: ${listOf(known)}`,
      );
    return ok(splitList(value).join(','));
  },
});

/** The gauge's `grades` (core's `parseGradeBands`), written `name:min,…`. */
const gradesRule: ValueRule = {
  check: (raw) => {
    const parsed = parseGradeBands(raw);
    if (!parsed.bands) return fail(escapeMarkup(parsed.error));
    return ok(parsed.bands.map((b) => `${b.name}:${b.min}`).join(','));
  },
};

/** The map's `breaks` (grid-map's `parseBreaks`: 2 to 7 increasing numbers), written `a,b,c`. */
const MAX_BOUNDS = 7;
const breaksRule: ValueRule = {
  check: (raw) => {
    const parts = raw
      .trim()
      .split(/[\s,，、;；]+/)
      .filter(Boolean);
    const bounds = parts.map((p) => (DECIMAL.test(p) ? Number(p) : NaN));
    if (bounds.some((n) => !Number.isFinite(n)))
      return fail(`${shown(raw)} is not a list of numbers such as 0,20,40,60,80,100`);
    if (bounds.length < 2 || bounds.length > MAX_BOUNDS)
      return fail(`give 2 to ${MAX_BOUNDS} numbers (the bounds of 1 to ${MAX_BOUNDS - 1} classes)`);
    if (bounds.some((n, i) => i > 0 && !(n > bounds[i - 1]!))) return fail('the numbers must increase');
    return ok(bounds.join(','));
  },
};

/** The map's `metric`: a grid metric key or `category:<id>` (a bare category id is taken too). */
const metricRule: ValueRule = {
  check: (raw) => plainText(raw),
  inFeed: (value, vocabulary, feedId) => {
    if (vocabulary.metrics.includes(value)) return ok(value);
    if (vocabulary.metrics.includes(`category:${value}`)) return ok(`category:${value}`);
    return fail(`${shown(value)} is not a figure of feed ${feedId}; it has: ${listOf(vocabulary.metrics)}`);
  },
};

/** The map's `layers`: layer ids or kinds; empty (`layers=`) means no point layers, as on the widget. */
const layersRule: ValueRule = {
  check: (raw) => (raw.trim() === '' ? ok('') : plainText(raw)),
  inFeed: (value, vocabulary, feedId) => {
    const known = [...vocabulary.layers, ...vocabulary.layerKinds];
    const unknown = splitList(value).filter((id) => !known.includes(id));
    if (unknown.length > 0)
      return fail(
        `${unknown.map(shown).join(', ')} ${unknown.length === 1 ? 'is not' : 'are not'} a layer id or kind of feed ${feedId}; it has: ${listOf(known)}`,
      );
    return ok(splitList(value).join(','));
  },
};

/** The table's sort columns (indicator-table's `SORT_KEYS`, parsed as its `parseSort` does). */
const SORT_KEYS = ['name', 'value', 'target', 'city-average', 'score', 'trend', 'status'];
const sortRule: ValueRule = {
  check: (raw) => {
    const m = /^\s*([a-z-]+)\s*(?::\s*(asc|desc)\s*)?$/i.exec(raw);
    const key = m?.[1]?.toLowerCase();
    if (!m || !key || !SORT_KEYS.includes(key))
      return fail(`${shown(raw)} is not column or column:asc|desc, with a column of ${listOf(SORT_KEYS)}`);
    return ok(`${key}:${m[2]?.toLowerCase() ?? 'asc'}`);
  },
};

/** The rules by attribute name (an attribute name means the same in every widget that has it). */
export const VALUE_RULES: Readonly<Record<string, ValueRule>> = {
  // score-gauge and indicator-table
  area: idRule('an area', (v) => v.areas),
  grades: gradesRule,
  // grid-map
  breaks: breaksRule,
  metric: metricRule,
  rate: enumRule(['count', 'per-10k']),
  layers: layersRule,
  // Never below the widget's default of 3: an image shows no sensitive count the live widget hides by default.
  'privacy-threshold': numberRule(3, 1000, true, ' (3 is the widget default and the least an image may use)'),
  selected: idRule('a grid', (v) => v.grids),
  renderer: enumRule(['auto', 'svg', 'canvas']),
  'canvas-threshold': numberRule(0, 1_000_000, true),
  // grid-map and case-timeline
  subdistrict: idRule('a sub-district', (v) => v.subdistricts),
  // case-timeline
  interval: enumRule(['day', 'week', 'month', 'year']),
  start: dateRule,
  end: dateRule,
  grid: idRule('a grid', (v) => v.grids),
  categories: idListRule('a category', (v) => v.categories),
  'small-base': numberRule(0, 1_000_000),
  'heading-level': numberRule(1, 6, true),
  // indicator-table (its `parseStatus`: met, not-met, no-data, no-target)
  'status-filter': enumRule(['met', 'not-met', 'no-data', 'no-target']),
  sort: sortRule,
  query: textRule(100),
};

/** The string literals of a manifest type such as `'off' | 'polite' | undefined`, if it is only those. */
function literalUnion(type: string): string[] | undefined {
  const parts = type
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p !== 'undefined' && p !== 'null');
  const literals = parts.map((p) => /^'([^']*)'$/.exec(p)?.[1]);
  return parts.length > 0 && literals.every((l) => l !== undefined) ? (literals as string[]) : undefined;
}

/** The rule for an attribute: its own, else one from its manifest type, else short plain text. */
export function ruleFor(attribute: WidgetAttribute): ValueRule {
  const own = VALUE_RULES[attribute.name];
  if (own) return own;
  const type = (attribute.type ?? '').replace(/\s*\|\s*undefined/g, '').trim();
  if (type === 'boolean') return booleanRule;
  if (type === 'number') return numberRule(-1_000_000_000, 1_000_000_000);
  const literals = literalUnion(attribute.type ?? '');
  if (literals) return enumRule(literals);
  return textRule(100);
}

/** The manifest default as the value the widget would take (`'month'` → `month`, `false` → off). */
export function manifestDefault(attribute: WidgetAttribute): string | undefined {
  const text = attribute.default?.trim();
  if (text === undefined || text === 'undefined' || text === 'false') return undefined;
  if (text === 'true') return '';
  const literal = /^'([^']*)'$/.exec(text)?.[1] ?? /^"([^"]*)"$/.exec(text)?.[1];
  if (literal !== undefined) return literal;
  return DECIMAL.test(text) ? String(Number(text)) : undefined;
}
