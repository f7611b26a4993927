/**
 * The runtime feed validator.
 *
 * - The top level (format, version, id, place, asOf, source…) is checked with
 *   `FeedEnvelopeSchema`; any problem there is **fatal**: the result has no feed.
 * - Every collection is then checked item by item with its item schema; a bad item is
 *   **dropped** with one warning per problem, and the rest is kept. Then cross-references
 *   (duplicate ids, references to areas, subdistricts, grids and categories) drop more.
 * - Zero valid areas is fatal; zero indicators is not (widgets show an empty state).
 * - Values are never coerced: a wrong type is reported, not repaired.
 * - It never throws. A value that can't be read (a getter or Proxy trap that throws) makes
 *   the result fatal. Cycles are harmless: only the keys the format defines are read, and
 *   the returned feed is a fresh copy holding only those keys, so it has no cycles, getters
 *   or prototype tricks of the input.
 *
 * Text fields (names, titles, units, notes, the source) are untrusted and kept **verbatim**:
 * HTML or `<script>` in them is valid text. Widgets render feed text as text only (Lit text
 * bindings, `textContent`), never as markup.
 */
import * as v from 'valibot';
import {
  AreaSchema,
  CategorySchema,
  EventSchema,
  FEED_FORMAT,
  FEED_VERSION,
  FeedEnvelopeSchema,
  GridFeatureSchema,
  IndicatorSchema,
  LayerSchema,
  NeighbourSchema,
  PointSchema,
  SeriesSchema,
  SubdistrictSchema,
} from './schema.js';
import {
  FirstSeen,
  checkReference,
  itemPath,
  describeSeries,
  duplicateId,
  knownIds,
  seriesKey,
  type Problem,
} from './cross-references.js';
import { describeError, describeValue, groupDigits } from './describe.js';
import { acceptEvent, acceptGridFeature, acceptPoint, acceptSeries } from './fast-accept.js';
import { IssueList, withoutRepeats } from './issues.js';
import { DEFAULT_MAX_BYTES, describeJsonError, sizeOver, tooLargeReason } from './json-text.js';
import type { DroppedCounts, Feed, Layer, ValidationResult } from './types.js';

export { DEFAULT_MAX_BYTES } from './json-text.js';

/** Options for {@link validateFeed} and {@link parseFeedText}. */
export interface ValidateOptions {
  /**
   * Largest feed text {@link parseFeedText} reads, in UTF-8 bytes (default 20 MB,
   * 1 MB = 1,048,576 bytes; `Infinity` for no limit). {@link validateFeed} accepts the same
   * options but doesn't use this: an object's size isn't known without serialising it.
   */
  maxBytes?: number;
}

/** Format versions this library reads. */
export const SUPPORTED_VERSIONS: readonly number[] = [FEED_VERSION];

/**
 * Messages come from the schemas; where a schema has none, `formatIssue` words it.
 * `abortPipeEarly`: one problem per value (Infinity is "not finite", not also "too large").
 */
const PARSE_CONFIG: v.Config<v.BaseIssue<unknown>> = { message: '', abortPipeEarly: true };

type CollectionName = keyof DroppedCounts;

/** Thrown inside the validator when reading the value at `path` threw. */
class UnreadableValue {
  constructor(
    readonly path: string,
    readonly cause: unknown,
  ) {}
}

/**
 * A cross-reference check of one item that passed its schema: the problems (none: undefined or
 * empty). `index` is the item's position in its collection: paths are only written for problems.
 */
type Check<T> = (item: T, index: number) => Problem[] | undefined;

/** State of one validation: the issues and the counts of dropped items. */
class Validation {
  readonly issues = new IssueList();
  readonly dropped: DroppedCounts = {};

  private drop(collection: CollectionName): void {
    this.dropped[collection] = (this.dropped[collection] ?? 0) + 1;
  }

  /**
   * Validates each of `list` with `schema`, then with `check` (cross-references); drops bad
   * items with a warning per problem and returns the rest (and, in `keptAt`, their positions in
   * `list`). `accept` (see ./fast-accept.ts), when given, builds a plainly valid item without the
   * schema; what it does not accept goes through the schema, which has the last word and every
   * message.
   */
  items<TSchema extends v.GenericSchema>(
    collection: CollectionName,
    basePath: string,
    list: readonly unknown[],
    schema: TSchema,
    check?: Check<v.InferOutput<TSchema>>,
    accept?: (item: unknown) => v.InferOutput<TSchema> | undefined,
    keptAt?: number[],
  ): v.InferOutput<TSchema>[] {
    const kept: v.InferOutput<TSchema>[] = [];
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      let output: v.InferOutput<TSchema> | undefined;
      if (accept) {
        try {
          output = accept(item);
        } catch {
          // A value that throws when read: the schema reads it again and reports it.
          output = undefined;
        }
      }
      if (output === undefined) {
        const path = itemPath(basePath, i);
        let result: v.SafeParseResult<TSchema>;
        try {
          // valibot's object() accepts arrays; say plainly that an item must be an object.
          if (Array.isArray(item)) {
            this.issues.addReason('warning', path, () => `expected an object, got ${describeValue(item)}`);
            this.drop(collection);
            continue;
          }
          result = v.safeParse(schema, item, PARSE_CONFIG);
        } catch (error) {
          throw new UnreadableValue(path, error);
        }
        if (!result.success) {
          for (const issue of withoutRepeats(result.issues)) this.issues.addValibot('warning', path, issue);
          this.drop(collection);
          continue;
        }
        output = result.output;
      }
      const problems = check?.(output, i);
      if (problems !== undefined && problems.length > 0) {
        for (const problem of problems) this.issues.addReason('warning', problem.path, problem.reason);
        this.drop(collection);
        continue;
      }
      kept.push(output);
      keptAt?.push(i);
    }
    return kept;
  }

  /**
   * A `check` that drops items whose `id` was already kept earlier in the collection at
   * `basePath`, after the problems `more` finds (undefined entries are no problem).
   */
  static uniqueIds<T extends { id: string }>(
    basePath: string,
    more?: (item: T, index: number) => (Problem | undefined)[],
  ): Check<T> {
    const seen = new FirstSeen(basePath);
    return (item, index) => {
      let problems: Problem[] | undefined;
      if (more) for (const problem of more(item, index)) if (problem) (problems ??= []).push(problem);
      const first = seen.firstPath(item.id);
      if (first !== undefined) (problems ??= []).push(duplicateId(itemPath(basePath, index), item.id, first));
      if (problems === undefined) seen.claim(item.id, index);
      return problems;
    };
  }
}

function isRecord(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

/** Checks that the input is an object of our format and version; false (with a fatal issue) if not. */
function checkFormatAndVersion(input: unknown, run: Validation): input is Record<string, unknown> {
  if (!isRecord(input)) {
    const hint = typeof input === 'string' ? ' (for JSON text use parseFeedText)' : '';
    run.issues.addReason('fatal', '$', () => `expected a feed object, got ${describeValue(input)}${hint}`);
    return false;
  }
  if (input.format !== FEED_FORMAT) {
    const format = input.format;
    run.issues.addReason(
      'fatal',
      'format',
      'format' in input
        ? () => `expected "${FEED_FORMAT}" (this is not a Safety Widgets feed), got ${describeValue(format)}`
        : `is required but missing (expected "${FEED_FORMAT}")`,
    );
    return false;
  }
  const version = input.version;
  if (typeof version !== 'number' || !SUPPORTED_VERSIONS.includes(version)) {
    const reads = `this library reads format version ${SUPPORTED_VERSIONS.join(' or ')}`;
    run.issues.addReason('fatal', 'version', () => {
      if (!('version' in input)) return `is required but missing (${reads})`;
      const note =
        typeof version === 'string' && SUPPORTED_VERSIONS.includes(Number(version))
          ? ' (a string: write the number)'
          : '';
      return `${reads}, the feed says ${describeValue(version)}${note}`;
    });
    return false;
  }
  return true;
}

/** The validation proper; returns the feed, or undefined when a fatal issue was found. */
function validateInto(input: unknown, run: Validation): Feed | undefined {
  if (!checkFormatAndVersion(input, run)) return undefined;

  const envelope = v.safeParse(FeedEnvelopeSchema, input, PARSE_CONFIG);
  if (!envelope.success) {
    for (const issue of withoutRepeats(envelope.issues)) run.issues.addValibot('fatal', '', issue);
    return undefined;
  }
  const env = envelope.output;

  const areas = run.items('areas', 'areas', env.areas, AreaSchema, Validation.uniqueIds('areas'));
  if (areas.length === 0) {
    const n = env.areas.length;
    run.issues.addReason(
      'fatal',
      'areas',
      `none of the ${groupDigits(n)} ${n === 1 ? 'area is' : 'areas are'} valid (see the warnings), and a feed needs at least one`,
    );
  }
  const areaIds = knownIds('area', 'areas', true, areas);

  const indicators = run.items(
    'indicators',
    'indicators',
    env.indicators,
    IndicatorSchema,
    Validation.uniqueIds('indicators', (item, i) => [
      checkReference('indicators', i, '.area', item.area, areaIds),
    ]),
  );

  const subdistricts = run.items(
    'subdistricts',
    'subdistricts',
    env.subdistricts,
    SubdistrictSchema,
    Validation.uniqueIds('subdistricts'),
  );
  const subdistrictIds = knownIds('subdistrict', 'subdistricts', env.subdistricts.length > 0, subdistricts);

  const neighbours = run.items(
    'neighbours',
    'neighbours',
    env.neighbours,
    NeighbourSchema,
    Validation.uniqueIds('neighbours'),
  );

  const grids = run.items(
    'grids',
    'grids.features',
    env.grids.features,
    GridFeatureSchema,
    Validation.uniqueIds('grids.features', (item, i) => [
      checkReference(
        'grids.features',
        i,
        '.properties.subdistrict',
        item.properties.subdistrict,
        subdistrictIds,
      ),
    ]),
    acceptGridFeature,
  );
  const gridIds = knownIds('grid', 'grids.features', env.grids.features.length > 0, grids);

  const categories = run.items(
    'categories',
    'categories',
    env.categories,
    CategorySchema,
    Validation.uniqueIds('categories'),
  );
  const categoryIds = knownIds('category', 'categories', env.categories.length > 0, categories);

  const layerAt: number[] = [];
  const layers: Layer[] = run
    .items('layers', 'layers', env.layers, LayerSchema, Validation.uniqueIds('layers'), undefined, layerAt)
    .map((layer, k) => {
      const pointsPath = `${itemPath('layers', layerAt[k]!)}.points`;
      return {
        ...layer,
        points: run.items(
          'points',
          pointsPath,
          layer.points,
          PointSchema,
          Validation.uniqueIds(pointsPath, (point, i) => [
            checkReference(pointsPath, i, '.grid', point.grid, gridIds),
          ]),
          acceptPoint,
        ),
      };
    });

  const seenSeries = new FirstSeen('series');
  const series = run.items(
    'series',
    'series',
    env.series,
    SeriesSchema,
    (item, i) => {
      const problems = [
        checkReference('series', i, '.category', item.category, categoryIds),
        checkReference('series', i, '.subdistrict', item.subdistrict, subdistrictIds),
        checkReference('series', i, '.grid', item.grid, gridIds),
      ].filter((p): p is Problem => p !== undefined);
      const key = seriesKey(item);
      const first = seenSeries.firstPath(key);
      if (first !== undefined) {
        problems.push({
          path: itemPath('series', i),
          reason: `duplicate series (${describeSeries(item)}; first at ${first}); dropped`,
        });
      }
      if (problems.length === 0) seenSeries.claim(key, i);
      return problems;
    },
    acceptSeries,
  );

  const events = run.items(
    'events',
    'events',
    env.events,
    EventSchema,
    Validation.uniqueIds('events', (item, i) => [
      checkReference('events', i, '.category', item.category, categoryIds),
      checkReference('events', i, '.subdistrict', item.subdistrict, subdistrictIds),
      checkReference('events', i, '.grid', item.grid, gridIds),
    ]),
    acceptEvent,
  );

  if (run.issues.hasFatal) return undefined;
  return {
    ...env,
    areas,
    indicators,
    subdistricts,
    neighbours,
    grids: { type: 'FeatureCollection', features: grids },
    layers,
    categories,
    series,
    events,
  };
}

/** Shortcut for a result with one fatal issue. */
function fatal(path: string, reason: string): ValidationResult {
  const issues = new IssueList();
  issues.addReason('fatal', path, reason);
  return { ok: false, issues: issues.toArray(), dropped: {} };
}

/**
 * Validates a feed object (for example `JSON.parse`d text, or an element's `.data`).
 *
 * Returns `{ ok: true, feed }` with only the valid items, or `{ ok: false }` with no feed
 * when the feed is unusable; either way `issues` says what was wrong (fatal issues first,
 * at most 200 listed then one `… and N more problems`) and `dropped` counts the dropped
 * items per collection (a collection with nothing dropped is absent). Points of a dropped
 * layer are not counted in `points`.
 *
 * Reference checks: an indicator's `area` must be a valid area; a grid's `subdistrict`,
 * and a series' or event's `subdistrict`, must be a valid subdistrict when the feed has
 * subdistricts; a series' or event's `category` must be a valid category when it has
 * categories; a point's, series' or event's `grid` must be a valid grid when it has grids.
 * Ids must be unique per collection (points: per layer), series unique per category,
 * interval and scope; the first is kept.
 *
 * Never throws; text is kept verbatim (see the module documentation).
 *
 * @param input anything; only a feed object of format "safety-feed" version 1 can pass
 * @param options see {@link ValidateOptions} (`maxBytes` applies to text only)
 */
export function validateFeed(input: unknown, options?: ValidateOptions): ValidationResult {
  void options;
  const run = new Validation();
  try {
    const feed = validateInto(input, run);
    if (feed !== undefined) return { ok: true, feed, issues: run.issues.toArray(), dropped: run.dropped };
  } catch (error) {
    const path = error instanceof UnreadableValue ? error.path : '$';
    const cause = error instanceof UnreadableValue ? error.cause : error;
    run.issues.addReason(
      'fatal',
      path,
      () => `could not be read (${describeError(cause)}); the feed is rejected`,
    );
  }
  return { ok: false, issues: run.issues.toArray(), dropped: run.dropped };
}

/**
 * Parses feed text (JSON) and validates it with {@link validateFeed}.
 *
 * Fatal, before parsing: text larger than `options.maxBytes` UTF-8 bytes (default 20 MB:
 * `$: feed is 23.4 MB, larger than the 20 MB limit`) and empty text. A JSON syntax error is
 * fatal with the parser's message and its line and column. A leading byte order mark is
 * ignored. Never throws.
 *
 * @param text the feed as JSON text
 * @param options see {@link ValidateOptions}
 */
export function parseFeedText(text: string, options?: ValidateOptions): ValidationResult {
  try {
    if (typeof text !== 'string')
      return fatal('$', `expected feed text (a string), got ${describeValue(text)}`);
    const requested = options?.maxBytes;
    const limit = typeof requested === 'number' && requested > 0 ? requested : DEFAULT_MAX_BYTES;
    const bytes = sizeOver(text, limit);
    if (bytes !== undefined) return fatal('$', tooLargeReason(bytes, limit));

    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (body.trim() === '') return fatal('$', 'the feed text is empty (expected JSON)');

    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch (error) {
      return fatal('$', `not valid JSON: ${describeJsonError(error, body)}`);
    }
    // validateFeed would suggest parseFeedText for a string; here that would be no help.
    if (typeof data === 'string') return fatal('$', `expected a feed object, got ${describeValue(data)}`);
    return validateFeed(data, options);
  } catch (error) {
    return fatal('$', `could not be read (${describeError(error)})`);
  }
}
