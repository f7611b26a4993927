/**
 * Checks between items that each passed their schema: duplicate ids within a collection,
 * and references from one collection to another (an indicator's area, a grid's subdistrict,
 * an event's category…). An item failing any of them is dropped with a warning.
 */
import { quoteString } from './describe.js';

export { seriesKey } from './rules.js';

/** One cross-reference problem: where, and why (the message is `${path}: ${reason}`). */
export interface Problem {
  path: string;
  reason: string;
}

/** The path of item `index` of the collection at `basePath`: `indicators[12]`. */
export function itemPath(basePath: string, index: number): string {
  return `${basePath}[${index}]`;
}

/**
 * Remembers where each key was first kept, to find duplicates: the first item with a key
 * is kept, later ones are dropped. Positions are kept, paths written only for a duplicate.
 */
export class FirstSeen {
  private readonly first = new Map<string, number>();

  /** @param basePath where the collection is, e.g. `indicators` */
  constructor(private readonly basePath: string) {}

  /** The path of the kept item with this key, if any. */
  firstPath(key: string): string | undefined {
    const index = this.first.get(key);
    return index === undefined ? undefined : itemPath(this.basePath, index);
  }

  /** Records item `index` as the one kept for `key` (ignored if one already is). */
  claim(key: string, index: number): void {
    if (!this.first.has(key)) this.first.set(key, index);
  }
}

/** A problem for an item whose id was already used: `duplicate id "fires" (first at indicators[2]); dropped`. */
export function duplicateId(path: string, id: string, firstPath: string): Problem {
  return { path: `${path}.id`, reason: `duplicate id ${quoteString(id)} (first at ${firstPath}); dropped` };
}

/**
 * The ids of a collection that references can point to. `given` is false when the feed
 * left the collection out or empty: references into it are then not checked (a feed
 * without subdistricts may still name them on its grids).
 */
export interface KnownIds {
  /** Singular noun for messages, e.g. `area`. */
  readonly noun: string;
  /** Where the collection is, e.g. `areas` or `grids.features`. */
  readonly collection: string;
  /** Whether the feed has the collection at all (any item, valid or not). */
  readonly given: boolean;
  /** Ids of the items kept after validation. */
  readonly ids: ReadonlySet<string>;
}

/** Builds {@link KnownIds} from the kept items of a collection. */
export function knownIds(
  noun: string,
  collection: string,
  given: boolean,
  items: Iterable<{ id: string }>,
): KnownIds {
  const ids = new Set<string>();
  for (const item of items) ids.add(item.id);
  return { noun, collection, given, ids };
}

/**
 * Checks one reference, `key` of item `index` of the collection at `basePath` (`.area` of
 * `indicators[3]`): nothing to say when the reference is absent, the target collection was not
 * given, or the id is known; otherwise a problem such as
 * `unknown area "crime" (no valid item in areas has this id); dropped`.
 */
export function checkReference(
  basePath: string,
  index: number,
  key: string,
  id: string | null | undefined,
  known: KnownIds,
): Problem | undefined {
  if (id === null || id === undefined || !known.given || known.ids.has(id)) return undefined;
  return {
    path: `${itemPath(basePath, index)}${key}`,
    reason: `unknown ${known.noun} ${quoteString(id)} (no valid item in ${known.collection} has this id); dropped`,
  };
}

/** Words for a series' identity in messages: `category "fraud", interval "month", whole place`. */
export function describeSeries(series: {
  category: string;
  interval: string;
  subdistrict?: string | null;
  grid?: string | null;
}): string {
  const scope: string[] = [];
  if (series.subdistrict != null) scope.push(`subdistrict ${quoteString(series.subdistrict)}`);
  if (series.grid != null) scope.push(`grid ${quoteString(series.grid)}`);
  return `category ${quoteString(series.category)}, interval ${quoteString(series.interval)}, ${scope.length > 0 ? scope.join(', ') : 'whole place'}`;
}
