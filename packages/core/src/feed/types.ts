/** Types of feed format v1, inferred from the valibot schemas in ./schema.ts (one source). */
import type * as v from 'valibot';
import type * as s from './schema.js';

export type LocalizedText = v.InferOutput<typeof s.LocalizedTextSchema>;
export type LonLat = v.InferOutput<typeof s.LonLatSchema>;
export type AreaGeometry = v.InferOutput<typeof s.AreaGeometrySchema>;
export type Place = v.InferOutput<typeof s.PlaceSchema>;
export type Source = v.InferOutput<typeof s.SourceSchema>;
export type Area = v.InferOutput<typeof s.AreaSchema>;
export type ScoringRule = v.InferOutput<typeof s.ScoringRuleSchema>;
export type HistoryPoint = v.InferOutput<typeof s.HistoryPointSchema>;
export type Indicator = v.InferOutput<typeof s.IndicatorSchema>;
export type Subdistrict = v.InferOutput<typeof s.SubdistrictSchema>;
export type Neighbour = v.InferOutput<typeof s.NeighbourSchema>;
export type GridFeature = v.InferOutput<typeof s.GridFeatureSchema>;
export type RiskLevel = v.InferOutput<typeof s.RiskLevelSchema>;
export type Point = v.InferOutput<typeof s.PointSchema>;
export type Layer = v.InferOutput<typeof s.FeedSchema>['layers'][number];
export type Category = v.InferOutput<typeof s.CategorySchema>;
export type Series = v.InferOutput<typeof s.SeriesSchema>;
export type SafetyEvent = v.InferOutput<typeof s.EventSchema>;
export type Links = v.InferOutput<typeof s.LinksSchema>;
export type Provenance = v.InferOutput<typeof s.ProvenanceSchema>;
/** A validated feed: every collection holds only items that passed validation. */
export type Feed = v.InferOutput<typeof s.FeedSchema>;
/** What a producer writes (optional collections may be left out). */
export type FeedInput = v.InferInput<typeof s.FeedSchema>;

/** One problem found in a feed. */
export interface ValidationIssue {
  /** `fatal`: nothing usable; `warning`: the item at `path` was dropped or a value ignored. */
  severity: 'fatal' | 'warning';
  /** JSON path of the problem, e.g. `indicators[12].value` (`$` for the document itself). */
  path: string;
  /** A sentence a feed producer understands: `indicators[12].value: expected a number, got "98%"`. */
  message: string;
}

export type ValidationResult =
  | { ok: true; feed: Feed; issues: ValidationIssue[]; dropped: DroppedCounts }
  | { ok: false; feed?: undefined; issues: ValidationIssue[]; dropped: DroppedCounts };

/** How many items of each collection were dropped as invalid. */
export type DroppedCounts = Partial<
  Record<
    | 'areas'
    | 'indicators'
    | 'subdistricts'
    | 'neighbours'
    | 'grids'
    | 'layers'
    | 'points'
    | 'categories'
    | 'series'
    | 'events',
    number
  >
>;
