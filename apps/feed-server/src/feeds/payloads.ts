/**
 * The shape of write payloads, checked before core validation: the JSON parses, the top level is
 * `{ "indicators": [...] }` or `{ "events": [...] }`, items are objects with only the fields the
 * feed format defines, and no id appears twice in one request.
 */
import { describeValue, IndicatorSchema, EventSchema } from '@safety-widgets/core';
import type { PayloadProblem } from '../http/problem.js';

/** One item of a write, with the path it had in the request. */
export interface PayloadItem {
  path: string;
  fields: Record<string, unknown>;
}

/**
 * The items that can be validated further (unknown fields removed; items without a usable id,
 * or repeating one, left out) and the problems found so far. `ok` is false when nothing further
 * can be checked.
 */
export type PayloadOutcome =
  { ok: true; items: PayloadItem[]; problems: PayloadProblem[] } | { ok: false; problems: PayloadProblem[] };

export const INDICATOR_FIELDS: readonly string[] = Object.keys(IndicatorSchema.entries);
export const EVENT_FIELDS: readonly string[] = Object.keys(EventSchema.entries);

/** Most items one request may carry. */
export const MAX_ITEMS = 1000;

/**
 * Deepest nesting of arrays and objects a write body may have. The deepest a feed needs is 6
 * (`{"indicators":[{"rule":{"bands":[{…}]}}]}`); anything far deeper is refused before it is
 * parsed, so no later check can run out of stack on it.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * How deep `text`'s arrays and objects nest, counted up to `limit + 1` and no further. Brackets
 * inside strings do not count. Runs in one pass without recursion.
 */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

const problem = (path: string, reason: string): PayloadProblem => ({ path, message: `${path}: ${reason}` });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses JSON text, or says where it broke. */
export function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; problems: PayloadProblem[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problems: [problem('$', 'the body is empty (expected JSON)')] };
  if (jsonDepth(body) > MAX_JSON_DEPTH) {
    return {
      ok: false,
      problems: [
        problem(
          '$',
          `arrays and objects are nested more than ${MAX_JSON_DEPTH} levels deep (a feed needs at most 6)`,
        ),
      ],
    };
  }
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [problem('$', `not valid JSON: ${reason}`)] };
  }
}

/**
 * Checks `{ "<collection>": [items] }`: the key, an array of 1..MAX_ITEMS objects, known fields,
 * string ids (when `idRequired`, or when given) unique within the request.
 */
export function readItems(
  value: unknown,
  collection: 'indicators' | 'events',
  fields: readonly string[],
  idRequired: boolean,
): PayloadOutcome {
  if (!isRecord(value)) {
    return {
      ok: false,
      problems: [
        problem('$', `expected an object like {"${collection}": [...]}, got ${describeValue(value)}`),
      ],
    };
  }
  const problems: PayloadProblem[] = [];
  for (const key of Object.keys(value)) {
    if (key !== collection)
      problems.push(problem(key, `unknown field (the body holds only "${collection}")`));
  }
  const list = value[collection];
  if (!Array.isArray(list)) {
    problems.push(
      problem(
        collection,
        collection in value ? `expected an array, got ${describeValue(list)}` : 'is required but missing',
      ),
    );
    return { ok: false, problems };
  }
  if (list.length === 0) problems.push(problem(collection, 'expected at least one item'));
  if (list.length > MAX_ITEMS) {
    problems.push(problem(collection, `at most ${MAX_ITEMS} items per request, got ${list.length}`));
    return { ok: false, problems };
  }
  const seen = new Map<string, string>();
  const items: PayloadItem[] = [];
  list.forEach((item, i) => {
    const path = `${collection}[${i}]`;
    if (!isRecord(item)) {
      problems.push(problem(path, `expected an object, got ${describeValue(item)}`));
      return;
    }
    const known: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(item)) {
      if (fields.includes(key)) known[key] = field;
      else problems.push(problem(`${path}.${key}`, `unknown field (known fields: ${fields.join(', ')})`));
    }
    const id = item.id;
    if (id === undefined && idRequired) {
      problems.push(problem(`${path}.id`, 'is required but missing (it names the item to update or add)'));
      return;
    }
    if (id !== undefined && typeof id !== 'string') {
      problems.push(problem(`${path}.id`, `expected an id string, got ${describeValue(id)}`));
      return;
    }
    if (typeof id === 'string') {
      const first = seen.get(id);
      if (first !== undefined) {
        problems.push(problem(`${path}.id`, `duplicate id "${id}" in this request (first at ${first})`));
        return;
      }
      seen.set(id, path);
    }
    items.push({ path, fields: known });
  });
  return { ok: true, items, problems };
}
