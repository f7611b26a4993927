/**
 * Writes dist/schema/feed-v1.schema.json from the valibot schema, so feed producers
 * can validate what they publish with any JSON Schema tool.
 *
 * Nothing is dropped without a word: a part of the schema the converter cannot write stops the
 * build. Each `v.check` rule is either restated in JSON Schema (CHECKS below) or named in
 * BEYOND_JSON_SCHEMA, whose sentences the schema's description lists; so are the validator's
 * cross-reference rules, which no JSON Schema can state.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toJsonSchema, type JsonSchema, type OverrideActionContext } from '@valibot/to-json-schema';
import {
  HAS_TEXT_SOURCE,
  REAL_DATE_SOURCE,
  hasTextInALocale,
  isClosedRing,
  isOnRealDay,
  isRealDate,
} from '../src/feed/rules.js';
import { FeedSchema } from '../src/feed/schema.js';

/** Where the schema is published. */
export const FEED_SCHEMA_ID = 'https://safety-widgets.dev/schema/feed-v1.schema.json';

/**
 * The rules the widgets' validator (`validateFeed`) applies that the JSON Schema cannot state,
 * in the plain words the schema's description lists them with.
 */
export const BEYOND_JSON_SCHEMA = {
  uniqueIds:
    'Ids are unique within each collection (areas, indicators, subdistricts, neighbours, grids.features, layers, categories and events) and the ids of points within their layer.',
  uniqueSeries:
    'There is at most one series for each category, interval and scope (the whole place, one subdistrict or one grid).',
  references:
    "References name an item of the feed: an indicator's area is one of the areas; when the feed lists subdistricts, a grid's properties.subdistrict and a series' or event's subdistrict are among them; when it lists categories, a series' or event's category is among them; when it has grids, a point's, series' or event's grid is one of grids.features.",
  closedRings: 'Every ring of a Polygon or MultiPolygon is closed: its last position equals its first.',
  parsableUrls:
    'Web addresses (source.url and links.self, links.stream and links.schema) are ones a browser can read (the WHATWG URL Standard, for example a valid host name); this schema checks only that they start with http:// or https://.',
  utf16Lengths:
    'Lengths of text (names and titles at most 500, ids at most 128) count UTF-16 code units, as JavaScript does: a character beyond U+FFFF, such as most emoji, counts as two, where maxLength here counts it as one.',
} as const;

/** The name of a rule the JSON Schema cannot state. */
export type BeyondJsonSchema = keyof typeof BEYOND_JSON_SCHEMA;

/** `json` with the added pattern `source` (in `allOf` when it has a pattern already). */
function withPattern(json: JsonSchema, source: string): JsonSchema {
  if (json.pattern === undefined || json.pattern === source) return { ...json, pattern: source };
  return { ...json, allOf: [...(json.allOf ?? []), { pattern: source }] };
}

/**
 * The JSON Schema form of each `v.check` of the schema, found by its requirement (a function of
 * ../src/feed/rules.ts), or the name of the rule in {@link BEYOND_JSON_SCHEMA} when it has none.
 */
const CHECKS = new Map<unknown, ((json: JsonSchema) => JsonSchema) | BeyondJsonSchema>([
  [
    hasTextInALocale,
    (json) => ({
      ...json,
      anyOf: ['zh', 'en'].map((locale) => ({
        properties: { [locale]: { type: 'string', pattern: HAS_TEXT_SOURCE } },
      })),
    }),
  ],
  [isRealDate, (json) => withPattern(json, `^${REAL_DATE_SOURCE}$`)],
  [isOnRealDay, (json) => withPattern(json, `^${REAL_DATE_SOURCE}`)],
  [isClosedRing, 'closedRings'],
]);

/** Writes the actions valibot's converter leaves out or gets wrong for this format; throws on the unknown. */
function overrideAction({ valibotAction, jsonSchema, errors }: OverrideActionContext): JsonSchema | null {
  // Checks, patterns and URLs each carry a requirement (a function or a RegExp) and a message.
  const action = valibotAction as typeof valibotAction & { requirement?: unknown; message?: unknown };
  switch (action.type) {
    case 'check': {
      const form = CHECKS.get(action.requirement);
      if (form === undefined)
        throw new Error(
          `the check "${String(action.message)}" has no JSON Schema form: add it to CHECKS or BEYOND_JSON_SCHEMA in scripts/write-json-schema.ts`,
        );
      return typeof form === 'string' ? { ...jsonSchema } : form(jsonSchema);
    }
    case 'regex': {
      const regex = action.requirement as RegExp;
      // JSON Schema patterns are ECMA-262 regular expressions without flags. The `u` flag of the
      // ISO date patterns changes nothing for their ASCII-only syntax (ajv reads every pattern
      // with it); any other flag would change the meaning and must be written out instead.
      if (regex.flags !== '' && regex.flags !== 'u')
        throw new Error(`the pattern /${regex.source}/${regex.flags} needs its flags written out`);
      return errors ? withPattern(jsonSchema, regex.source) : null;
    }
    case 'url': {
      // JSON Schema's "uri" format (RFC 3986) rejects addresses browsers read, such as those with
      // non-ASCII host names: the rule is named in the description instead (parsableUrls).
      const { format, ...rest } = jsonSchema;
      void format;
      return rest;
    }
    default:
      return null;
  }
}

/** The description: what a feed is, then the rules this schema cannot state. */
function describeFeed(): string {
  const rules = Object.values(BEYOND_JSON_SCHEMA).map((text, i) => `(${i + 1}) ${text}`);
  return [
    'One district or sub-district at a point in time: indicators, management grids, point layers, case series and events. Text fields are untrusted and rendered as text only.',
    `The widgets also apply rules a JSON Schema cannot state, so a feed valid here may still lose items (or, for its top-level fields, be rejected): ${rules.join(' ')}`,
  ].join('\n\n');
}

/** The published JSON Schema (draft-07) of feed format v1. */
export function feedJsonSchema(): JsonSchema {
  const converted = toJsonSchema(FeedSchema, {
    target: 'draft-07',
    errorMode: 'throw',
    // JSON has no NaN or Infinity: every number it can hold is finite.
    ignoreActions: ['finite'],
    overrideAction,
  });
  const { $schema, ...rest } = converted;
  return {
    $schema,
    $id: FEED_SCHEMA_ID,
    title: 'Safety Widgets feed, format version 1',
    description: describeFeed(),
    ...rest,
  };
}

const out = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/schema/feed-v1.schema.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(feedJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);
