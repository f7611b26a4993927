/**
 * Point marks as the map draws them: one path per kind and level (a few elements however many
 * marks), at low visual weight, and the counts of merged marks placed beside them where they
 * collide with no mark and no other count (./label-placement.ts).
 */
import { RISK_CUES, RISK_SHAPE_PATHS, type RiskLevel } from '@safety-widgets/core';
import { placeLabels, type PlacedLabel } from './label-placement.js';
import { markWriter, type MarkWriter } from './mark-path.js';
import type { LayerKind, PointMark } from './points.js';

/** Shapes of the non-risk layers, in the same 16 × 16 box as RISK_SHAPE_PATHS. */
const LAYER_SHAPES: Record<Exclude<LayerKind, 'risk-source'>, string> = {
  'fire-station': 'M8 1.5 14.5 7v7.5h-13V7Z',
  'emergency-point': 'M6 1.5h4v4.5h4.5v4H10v4.5H6V10H1.5V6H6Z',
  camera: 'M2 5h8.5l4-2.5v11l-4-2.5H2Z',
  other: 'M8 3a5 5 0 1 1 0 10A5 5 0 0 1 8 3Z',
};

/** A kind's (and risk level's) symbol, as path data in a 16 × 16 box. */
export function shapeFor(kind: LayerKind, level: RiskLevel | undefined): string {
  if (kind === 'risk-source') return RISK_SHAPE_PATHS[RISK_CUES[level ?? 'blue'].shape];
  return LAYER_SHAPES[kind];
}

/** A point mark's size on screen, in CSS pixels: small, so that the choropleth stays the message. */
export function markSize(kind: LayerKind): number {
  return kind === 'risk-source' ? 11 : 10;
}

/** Font size of the count labels at the browser's default text size, in CSS pixels (never under 12 px). */
export const COUNT_FONT_SIZE = 12;

/** The marks of one kind and level: one path. */
export interface MarkGroup {
  readonly kind: LayerKind;
  readonly level: RiskLevel | undefined;
  readonly marks: number;
  readonly d: string;
}

/** A merged mark's count, placed. */
export interface CountLabel {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly box: PlacedLabel['box'];
}

/** What the marks layer draws. */
export interface MarkLayer {
  readonly groups: readonly MarkGroup[];
  readonly labels: readonly CountLabel[];
  /** Merged marks whose count found no free place (it is in the tooltip and the list). */
  readonly unlabelled: number;
}

const writers = new Map<string, MarkWriter>();

function writerFor(kind: LayerKind, level: RiskLevel | undefined): MarkWriter {
  const key = `${kind} ${level ?? ''}`;
  let writer = writers.get(key);
  if (!writer) writers.set(key, (writer = markWriter(shapeFor(kind, level), markSize(kind) / 16)));
  return writer;
}

const SEVERITY: Record<string, number> = { blue: 1, yellow: 2, orange: 3, red: 4 };

/**
 * The marks as paths by kind and level (marks come most severe last, and so do the groups), and
 * their counts placed in a `width` × `height` view; `format` writes a count for the locale and
 * `fontSize` is the counts' size in CSS px (the widget's small print as computed: it follows the
 * reader's default font size).
 */
export function markLayer(
  marks: readonly PointMark[],
  width: number,
  height: number,
  format: (n: number) => string,
  fontSize = COUNT_FONT_SIZE,
): MarkLayer {
  const groups = new Map<
    string,
    { kind: LayerKind; level: RiskLevel | undefined; marks: number; d: string }
  >();
  for (const m of marks) {
    const key = `${m.kind} ${m.level ?? ''}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { kind: m.kind, level: m.level, marks: 0, d: '' }));
    const size = markSize(m.kind);
    group.d += writerFor(m.kind, m.level)(m.x - size / 2, m.y - size / 2);
    group.marks++;
  }
  const boxes = marks.map((m) => ({ x: m.x, y: m.y, size: markSize(m.kind) }));
  const requests = marks.flatMap((m, i) =>
    m.n > 1 ? [{ mark: i, text: format(m.n), priority: (SEVERITY[m.level ?? ''] ?? 0) * 1e6 + m.n }] : [],
  );
  const placed = placeLabels(boxes, requests, {
    width,
    height,
    fontSize,
    charWidth: fontSize * 0.62,
    gap: 2,
  });
  const labels = placed.map((p) => ({ text: requests[p.request]!.text, x: p.x, y: p.y, box: p.box }));
  return { groups: [...groups.values()], labels, unlabelled: requests.length - labels.length };
}
