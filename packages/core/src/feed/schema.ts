/**
 * Feed format v1: the one source of truth for the shape of a Safety Widgets feed.
 *
 * TypeScript types (./types.ts), the runtime validator (./validate.ts) and the published
 * JSON Schema (dist/schema/feed-v1.schema.json) are all derived from these valibot schemas. Their
 * limits, patterns, enumerations and checks come from ./rules.ts, which the fast acceptance path
 * (./fast-accept.ts) reads too; neither depends on the other.
 *
 * Every text field is untrusted: it is carried verbatim and only ever rendered as text.
 */
import * as v from 'valibot';
import {
  DEFAULT_EVENT_KIND,
  DIRECTIONS,
  EVENT_KINDS,
  FEED_FORMAT,
  FEED_VERSION,
  HTTP_URL_PREFIX,
  ID_MAX_LENGTH,
  ID_PATTERN,
  INTERVALS,
  ISO_DATE_REGEX,
  ISO_TIMESTAMP_REGEX,
  LATITUDE_LIMIT,
  LAYER_KINDS,
  LONGITUDE_LIMIT,
  MAX_HISTORY_POINTS,
  MAX_SERIES_PERIODS,
  MAX_WEIGHT,
  MIN_RING_POSITIONS,
  MIN_UPDATE_SECONDS,
  NAME_MAX_LENGTH,
  NUMBER_LIMIT,
  PERIOD_PATTERN,
  PLACE_KINDS,
  PROVENANCES,
  RISK_LEVELS,
  TIME_ZONE_PATTERN,
  hasTextInALocale,
  isClosedRing,
  isOnRealDay,
  isRealDate,
  isValidMultiPolygon,
  isValidPolygon,
} from './rules.js';

export { FEED_FORMAT, FEED_VERSION } from './rules.js';

/** Identifier used for places, areas, indicators, grids, layers, categories and events. */
export const IdSchema = v.pipe(
  v.string('expected an id string'),
  v.minLength(1, 'expected a non-empty id'),
  v.maxLength(ID_MAX_LENGTH, `an id may be at most ${ID_MAX_LENGTH} characters`),
  v.regex(ID_PATTERN, 'an id may only use letters, digits, ".", "_", ":" and "-"'),
);

const Text = (max: number) =>
  v.pipe(v.string('expected text'), v.maxLength(max, `text may be at most ${max} characters`));

/** A name or title in both published locales. Either may be empty, not both. */
export const LocalizedTextSchema = v.pipe(
  v.object({
    zh: Text(NAME_MAX_LENGTH),
    en: Text(NAME_MAX_LENGTH),
  }),
  v.check(hasTextInALocale, 'needs text in zh or en'),
);

/** A finite number (rejects NaN, Infinity and numbers beyond ±1e15). */
export const FiniteNumberSchema = v.pipe(
  v.number('expected a number'),
  v.finite('expected a finite number'),
  v.minValue(-NUMBER_LIMIT, 'number is too small (below -1e15)'),
  v.maxValue(NUMBER_LIMIT, 'number is too large (above 1e15)'),
);
const NonNegative = v.pipe(FiniteNumberSchema, v.minValue(0, 'expected a number of 0 or more'));

/** ISO 8601 date-time with a zone, e.g. `2017-12-04T09:00:00+08:00`. */
export const DateTimeSchema = v.pipe(
  v.string('expected an ISO 8601 date-time'),
  v.regex(
    ISO_TIMESTAMP_REGEX,
    'expected an ISO 8601 date-time with a time zone, e.g. 2017-12-04T09:00:00+08:00',
  ),
  v.check(isOnRealDay, 'expected a date-time on a real calendar day'),
);

/** Calendar date `YYYY-MM-DD`. */
export const DateSchema = v.pipe(
  v.string('expected a date'),
  v.regex(ISO_DATE_REGEX, 'expected a date as YYYY-MM-DD'),
  v.check(isRealDate, 'expected a real calendar day'),
);

/** Web addresses a feed may carry: http and https only (never `javascript:` or `data:`). */
export const HttpUrlSchema = v.pipe(
  v.string('expected a URL'),
  v.url('expected an absolute URL'),
  v.regex(HTTP_URL_PREFIX, 'expected an http or https URL'),
);

export const ProvenanceSchema = v.picklist(
  PROVENANCES,
  'expected "published" (a figure from the cited source) or "synthetic" (made up for the sample)',
);

export const LonLatSchema = v.tuple(
  [
    v.pipe(
      FiniteNumberSchema,
      v.minValue(-LONGITUDE_LIMIT, `longitude below -${LONGITUDE_LIMIT}`),
      v.maxValue(LONGITUDE_LIMIT, `longitude above ${LONGITUDE_LIMIT}`),
    ),
    v.pipe(
      FiniteNumberSchema,
      v.minValue(-LATITUDE_LIMIT, `latitude below -${LATITUDE_LIMIT}`),
      v.maxValue(LATITUDE_LIMIT, `latitude above ${LATITUDE_LIMIT}`),
    ),
  ],
  'expected a [longitude, latitude] pair',
);

/** A linear ring: at least 4 positions, the last equal to the first (RFC 7946 §3.1.6). */
const Ring = v.pipe(
  v.array(LonLatSchema, 'expected a ring of positions'),
  v.minLength(MIN_RING_POSITIONS, `a ring needs at least ${MIN_RING_POSITIONS} positions`),
  // Short rings are reported by minLength above; only rings long enough to be one are judged.
  v.check(isClosedRing, 'a ring must be closed: its last position must equal its first'),
);

/**
 * Fast accept, slow diagnose: geometry that is valid (the common case, and tens of thousands of
 * grids in a city-wide feed) is checked by a loop that allocates nothing and is passed through as
 * it is; anything else goes through the detailed schema, which names each problem with its path.
 * The detailed schema is also what the published JSON Schema describes.
 */
function fastOrDetailed<TInput, TOutput>(
  isValid: (input: unknown) => boolean,
  detailed: v.GenericSchema<TInput, TOutput>,
): v.GenericSchema<TInput, TOutput> {
  const trusted = v.custom<TOutput>(() => true);
  // valibot types a lazy schema's input and output as unknown; both branches read TInput and give TOutput.
  return v.lazy((input: unknown) => (isValid(input) ? trusted : detailed)) as unknown as v.GenericSchema<
    TInput,
    TOutput
  >;
}

/**
 * `schema` for an object, refusing an array: valibot's object() and record() read an array's keys
 * as an object's, so without this `links: []` would pass as `{}` (values are reported, never
 * repaired; and JSON Schema's "object" is never an array).
 */
function objectNotArray<TInput, TOutput>(
  schema: v.GenericSchema<TInput, TOutput>,
): v.GenericSchema<TInput, TOutput> {
  const array = v.custom<TOutput>(() => false, 'expected an object');
  // As in fastOrDetailed: both branches read TInput and give TOutput.
  return v.lazy((input: unknown) => (Array.isArray(input) ? array : schema)) as unknown as v.GenericSchema<
    TInput,
    TOutput
  >;
}

const PolygonCoordinates = fastOrDetailed(
  isValidPolygon,
  v.pipe(v.array(Ring, 'expected an array of rings'), v.minLength(1, 'a polygon needs an outer ring')),
);

const MultiPolygonCoordinates = fastOrDetailed(
  isValidMultiPolygon,
  v.pipe(
    v.array(
      v.pipe(v.array(Ring), v.minLength(1, 'a polygon needs an outer ring')),
      'expected an array of polygons',
    ),
    v.minLength(1, 'a multipolygon needs at least one polygon'),
  ),
);

export const PolygonSchema = v.object({
  type: v.literal('Polygon', 'expected geometry type "Polygon"'),
  coordinates: PolygonCoordinates,
});
export const MultiPolygonSchema = v.object({
  type: v.literal('MultiPolygon', 'expected geometry type "MultiPolygon"'),
  coordinates: MultiPolygonCoordinates,
});
/**
 * Polygon or MultiPolygon in WGS84 lon/lat (GeoJSON, RFC 7946), rings closed.
 * Winding: the sample feeds use d3-geo's spherical order (exterior rings clockwise, holes
 * counter-clockwise); widgets must also accept RFC 7946 order (exterior counter-clockwise)
 * and normalise it before drawing.
 */
export const AreaGeometrySchema = v.variant(
  'type',
  [PolygonSchema, MultiPolygonSchema],
  'expected a GeoJSON Polygon or MultiPolygon',
);

export const PlaceRefSchema = v.object({ id: IdSchema, name: LocalizedTextSchema });

export const PlaceSchema = v.object({
  id: IdSchema,
  kind: v.picklist(PLACE_KINDS, 'expected "city", "district" or "subdistrict"'),
  name: LocalizedTextSchema,
  population: v.nullish(NonNegative),
  areaKm2: v.nullish(NonNegative),
  parent: v.nullish(PlaceRefSchema),
  /** IANA time zone used for periods and dates, e.g. `Asia/Shanghai`. */
  timeZone: v.pipe(
    v.string('expected an IANA time zone'),
    v.regex(TIME_ZONE_PATTERN, 'expected an IANA time zone such as "Asia/Shanghai"'),
  ),
  outline: v.nullish(AreaGeometrySchema),
});

export const SourceSchema = v.object({
  name: LocalizedTextSchema,
  url: v.nullish(HttpUrlSchema),
  published: v.nullish(DateSchema),
  note: v.nullish(LocalizedTextSchema),
});

export const AreaSchema = v.object({
  id: IdSchema,
  name: LocalizedTextSchema,
  /** Points this area contributes to the 100-point composite (normally the sum of its indicators' weights). */
  weight: v.pipe(NonNegative, v.maxValue(MAX_WEIGHT, `an area weight may be at most ${MAX_WEIGHT}`)),
});

/** How an indicator's value becomes attainment in [0, 1]. */
export const ScoringRuleSchema = v.variant(
  'type',
  [
    /** 0 at `floor`, 1 at target, linear between (direction aware). */
    v.object({ type: v.literal('linear'), floor: FiniteNumberSchema }),
    /** 1 when the target is met, else 0. */
    v.object({ type: v.literal('threshold') }),
    /** Highest band whose bound the value reaches: `min` for higher-is-better, `max` for lower-is-better. */
    v.object({
      type: v.literal('bands'),
      bands: v.pipe(
        v.array(
          v.object({
            bound: FiniteNumberSchema,
            attainment: v.pipe(
              FiniteNumberSchema,
              v.minValue(0, 'attainment below 0'),
              v.maxValue(1, 'attainment above 1'),
            ),
          }),
        ),
        v.minLength(1, 'bands needs at least one band'),
      ),
    }),
  ],
  'expected a scoring rule: {type:"linear",floor}, {type:"threshold"} or {type:"bands",bands}',
);

export const HistoryPointSchema = v.object({
  /** Period label: `YYYY`, `YYYY-MM`, `YYYY-Qn` or `YYYY-MM-DD`. */
  period: v.pipe(
    v.string(),
    v.regex(PERIOD_PATTERN, 'expected a period such as 2017, 2017-H1, 2017-Q3, 2017-06 or 2017-06-30'),
  ),
  value: v.nullable(FiniteNumberSchema),
});

export const IndicatorSchema = v.object({
  id: IdSchema,
  area: IdSchema,
  name: LocalizedTextSchema,
  unit: v.nullish(LocalizedTextSchema),
  value: v.nullable(FiniteNumberSchema),
  target: v.nullable(FiniteNumberSchema),
  cityAverage: v.nullish(FiniteNumberSchema),
  direction: v.picklist(DIRECTIONS, 'expected "higher" or "lower" (which way is better)'),
  weight: v.pipe(NonNegative, v.maxValue(MAX_WEIGHT, `an indicator weight may be at most ${MAX_WEIGHT}`)),
  rule: ScoringRuleSchema,
  /** Value of the previous period, for the change; falls back to the second-to-last history point with a value (the last being the current period). */
  previous: v.nullish(FiniteNumberSchema),
  history: v.optional(
    v.pipe(
      v.array(HistoryPointSchema),
      v.maxLength(MAX_HISTORY_POINTS, `history may hold at most ${MAX_HISTORY_POINTS} points`),
    ),
    [],
  ),
  updatedAt: v.nullish(DateTimeSchema),
  provenance: ProvenanceSchema,
  note: v.nullish(LocalizedTextSchema),
});

export const SubdistrictSchema = v.object({
  id: IdSchema,
  name: LocalizedTextSchema,
  population: v.nullish(NonNegative),
  geometry: v.nullish(AreaGeometrySchema),
});

export const NeighbourSchema = v.object({
  id: IdSchema,
  name: LocalizedTextSchema,
  geometry: AreaGeometrySchema,
});

export const GridPropertiesSchema = v.object({
  name: LocalizedTextSchema,
  subdistrict: IdSchema,
  population: v.nullish(NonNegative),
  /** Named figures for the choropleth, e.g. `cases`, `alerts110`; null = no data. */
  metrics: v.optional(objectNotArray(v.record(IdSchema, v.nullable(FiniteNumberSchema))), {}),
  synthetic: v.optional(v.boolean(), false),
});

export const GridFeatureSchema = v.object({
  type: v.literal('Feature', 'expected a GeoJSON Feature'),
  id: IdSchema,
  geometry: AreaGeometrySchema,
  properties: GridPropertiesSchema,
});

export const GridCollectionSchema = v.object({
  type: v.literal('FeatureCollection', 'expected a GeoJSON FeatureCollection'),
  features: v.array(v.unknown()),
});

export const RiskLevelSchema = v.picklist(
  RISK_LEVELS,
  'expected a risk level: "red" (major), "orange" (large), "yellow" (general) or "blue" (low)',
);

export const PointSchema = v.object({
  id: IdSchema,
  coordinates: LonLatSchema,
  name: v.nullish(LocalizedTextSchema),
  grid: v.nullish(IdSchema),
  level: v.nullish(RiskLevelSchema),
  /** How many items this point stands for (for example cameras at one site). */
  count: v.nullish(v.pipe(NonNegative, v.integer('expected a whole number'))),
});

export const LayerSchema = v.object({
  id: IdSchema,
  kind: v.picklist(
    LAYER_KINDS,
    'expected a layer kind: "fire-station", "emergency-point", "camera", "risk-source" or "other"',
  ),
  name: LocalizedTextSchema,
  /** Sensitive layers are never drawn at a point: widgets count them per grid. */
  sensitive: v.boolean('expected true or false'),
  provenance: ProvenanceSchema,
  points: v.array(v.unknown()),
});

export const CategorySchema = v.object({
  id: IdSchema,
  name: LocalizedTextSchema,
  /** Events of a sensitive category are never placed at a point. */
  sensitive: v.optional(v.boolean(), false),
});

export const SeriesSchema = v.object({
  category: IdSchema,
  interval: v.picklist(INTERVALS, 'expected an interval: "day", "week", "month" or "year"'),
  /** First period's start date (local to the place's time zone). */
  start: DateSchema,
  /** One count per consecutive period from `start`; null = no data. */
  counts: v.pipe(
    v.array(v.nullable(v.pipe(NonNegative, v.integer('expected a whole count')))),
    v.maxLength(MAX_SERIES_PERIODS, 'a series may hold at most 100,000 periods'),
  ),
  subdistrict: v.nullish(IdSchema),
  grid: v.nullish(IdSchema),
  provenance: ProvenanceSchema,
});

export const EventSchema = v.object({
  id: IdSchema,
  time: DateTimeSchema,
  category: IdSchema,
  /** `incident` is counted; `annotation` marks a campaign or operation on the timeline. */
  kind: v.optional(v.picklist(EVENT_KINDS, 'expected "incident" or "annotation"'), DEFAULT_EVENT_KIND),
  grid: v.nullish(IdSchema),
  subdistrict: v.nullish(IdSchema),
  /** Never a person's data. */
  title: v.nullish(LocalizedTextSchema),
  provenance: ProvenanceSchema,
});

export const LinksSchema = v.object({
  self: v.nullish(HttpUrlSchema),
  /** Server-Sent Events stream of changes to this feed. */
  stream: v.nullish(HttpUrlSchema),
  schema: v.nullish(HttpUrlSchema),
});

/**
 * The top level. Collections are checked item by item by the validator (a bad item is
 * dropped with a warning), so here they are arrays of unknown.
 */
export const FeedEnvelopeSchema = v.object({
  format: v.literal(FEED_FORMAT, 'expected "format": "safety-feed"'),
  version: v.literal(FEED_VERSION, 'expected "version": 1'),
  id: IdSchema,
  place: PlaceSchema,
  asOf: DateTimeSchema,
  /** How often the publisher updates this feed; a feed older than twice this is stale. */
  expectedUpdateSeconds: v.pipe(
    NonNegative,
    v.minValue(MIN_UPDATE_SECONDS, `expected at least ${MIN_UPDATE_SECONDS} second`),
  ),
  source: SourceSchema,
  /** True when any value in the feed is synthetic (each item says which). */
  synthetic: v.optional(v.boolean(), false),
  areas: v.pipe(
    v.array(v.unknown(), 'expected an array of areas'),
    v.minLength(1, 'expected at least one area'),
  ),
  indicators: v.array(v.unknown(), 'expected an array of indicators'),
  subdistricts: v.optional(v.array(v.unknown()), []),
  neighbours: v.optional(v.array(v.unknown()), []),
  grids: v.optional(GridCollectionSchema, { type: 'FeatureCollection', features: [] }),
  layers: v.optional(v.array(v.unknown()), []),
  categories: v.optional(v.array(v.unknown()), []),
  series: v.optional(v.array(v.unknown()), []),
  events: v.optional(v.array(v.unknown()), []),
  links: v.nullish(objectNotArray(LinksSchema)),
});

/**
 * The whole feed with every collection typed: what `validateFeed` returns and what
 * the JSON Schema describes.
 */
export const FeedSchema = v.object({
  ...FeedEnvelopeSchema.entries,
  areas: v.pipe(v.array(AreaSchema), v.minLength(1, 'expected at least one area')),
  indicators: v.array(IndicatorSchema),
  subdistricts: v.optional(v.array(SubdistrictSchema), []),
  neighbours: v.optional(v.array(NeighbourSchema), []),
  grids: v.optional(
    v.object({ type: v.literal('FeatureCollection'), features: v.array(GridFeatureSchema) }),
    { type: 'FeatureCollection', features: [] },
  ),
  layers: v.optional(v.array(v.object({ ...LayerSchema.entries, points: v.array(PointSchema) })), []),
  categories: v.optional(v.array(CategorySchema), []),
  series: v.optional(v.array(SeriesSchema), []),
  events: v.optional(v.array(EventSchema), []),
});
