/**
 * Validates written indicators and events with @safety-widgets/core, in the context of their feed.
 *
 * The whole district feed takes core 100–250 ms to validate on a busy machine, too slow to do on
 * every write, so the candidate items are validated inside a small stand-in feed: the real
 * envelope, areas and categories, and one stub per grid and sub-district (ids only, tiny
 * geometry). `validateFeed` then checks every field and every reference (unknown area, category,
 * grid, sub-district) with exactly the messages a widget would show; any issue at all rejects the
 * write. The full feed is validated again when it is next served.
 *
 * One publishing rule is added here: feed text is plain text. Core keeps markup verbatim (widgets
 * render it as text, so it is harmless there), but a title or name with `<script>` or other tags
 * in it is a mistake or an attack, so this server refuses it.
 */
import { validateFeed } from '@safety-widgets/core';
import type { PayloadProblem } from '../http/problem.js';

/** What a feed contributes to validating items written to it. */
export interface FeedContext {
  envelope: Record<string, unknown>;
  areas: unknown[];
  categories: unknown[];
  gridStubs: unknown[];
  subdistrictStubs: unknown[];
}

const STUB_RING = [
  [0, 0],
  [0, 0.001],
  [0.001, 0],
  [0, 0],
];

/** Builds the context from a feed's base document (everything but indicators and events). */
export function feedContext(base: Record<string, unknown>): FeedContext {
  const place = { ...(base.place as Record<string, unknown>), outline: null };
  const grids = (
    base.grids as { features?: { id: string; properties?: { subdistrict?: string } }[] } | undefined
  )?.features;
  return {
    envelope: {
      format: base.format,
      version: base.version,
      id: base.id,
      place,
      asOf: base.asOf,
      expectedUpdateSeconds: base.expectedUpdateSeconds,
      source: base.source,
    },
    areas: (base.areas as unknown[]) ?? [],
    categories: (base.categories as unknown[]) ?? [],
    gridStubs: (grids ?? []).map((g) => ({
      type: 'Feature',
      id: g.id,
      geometry: { type: 'Polygon', coordinates: [STUB_RING] },
      properties: { name: { zh: g.id, en: g.id }, subdistrict: g.properties?.subdistrict ?? 'x' },
    })),
    subdistrictStubs: ((base.subdistricts as { id: string }[] | undefined) ?? []).map((s) => ({
      id: s.id,
      name: { zh: s.id, en: s.id },
    })),
  };
}

/** Maps an item index of the stand-in feed to the path the item had in the request. */
export type PathMapper = (index: number) => string;

const MARKUP = /<\s*[A-Za-z!/?]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Plain-text rule for every string inside an item. */
function textProblems(value: unknown, path: string, out: PayloadProblem[]): void {
  if (typeof value === 'string') {
    if (MARKUP.test(value)) {
      out.push({
        path,
        message: `${path}: looks like HTML markup (${JSON.stringify(value.slice(0, 40))}); feed text is plain text, so leave tags out`,
      });
    } else if (CONTROL.test(value)) {
      out.push({ path, message: `${path}: contains a control character; feed text is plain text` });
    }
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => textProblems(v, `${path}[${i}]`, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) textProblems(v, `${path}.${key}`, out);
  }
}

/** Rewrites a core issue about `collection[k]…` to the request's path for item k. */
function remap(collection: string, path: string, message: string, mapPath: PathMapper): PayloadProblem {
  const match = new RegExp(`^${collection}\\[(\\d+)\\]`).exec(path);
  if (!match) return { path, message };
  const mapped = mapPath(Number(match[1])) + path.slice(match[0].length);
  const rest = message.startsWith(path) ? message.slice(path.length) : `: ${message}`;
  return { path: mapped, message: mapped + rest };
}

/**
 * Validates `items` as the feed's `collection` (already merged with what they update); returns
 * every problem, empty when all are valid.
 */
export function validateItems(
  context: FeedContext,
  collection: 'indicators' | 'events',
  items: readonly Record<string, unknown>[],
  mapPath: PathMapper,
): PayloadProblem[] {
  const problems: PayloadProblem[] = [];
  items.forEach((item, i) => textProblems(item, mapPath(i), problems));
  const feed = {
    ...context.envelope,
    areas: context.areas,
    categories: context.categories,
    subdistricts: context.subdistrictStubs,
    grids: { type: 'FeatureCollection', features: context.gridStubs },
    indicators: collection === 'indicators' ? items : [],
    events: collection === 'events' ? items : [],
  };
  const result = validateFeed(feed);
  for (const issue of result.issues) {
    // Duplicates are judged against the request and the stored feed by the caller.
    if (/: duplicate id /.test(issue.message)) continue;
    problems.push(remap(collection, issue.path, issue.message, mapPath));
  }
  return problems;
}
