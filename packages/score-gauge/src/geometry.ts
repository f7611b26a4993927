/**
 * The gauge's drawing, as SVG path data in one fixed view box (the SVG scales to its box):
 * a 240° arc for the 0–100 value (d3-shape's `arc`), and around it a ring of area segments laid
 * out by weight (d3-shape's `pie`). Pure functions: no DOM, the same input always gives the same
 * strings.
 *
 * Tracks have round ends; what is filled (the value, an area's points) is a plain sector drawn
 * clipped to its track, so a fill always ends square and what is left unfilled keeps the
 * track's own shape at any value: at 98 the last 2 % is a short piece of track, never a sliver
 * around a rounded cap.
 *
 * There are no grade ticks: unlabelled they cannot be read, and labels at a legible size would
 * crowd the reading inside the arc; the grade is said in words beside the number.
 *
 * The value → angle map is one clamped linear function written out here rather than d3-scale's
 * `scaleLinear`, which would add about 10 KB (gzip) of interpolators, colour parsing and number
 * formatting to the self-contained bundle for this one multiplication.
 */
import { arc, pie, type PieArcDatum } from 'd3-shape';

/** Where the arc starts and ends, in radians clockwise from 12 o'clock (d3's convention). */
export const START_ANGLE = (-2 * Math.PI) / 3;
export const END_ANGLE = (2 * Math.PI) / 3;

/** Radii, in view-box units around the centre (0, 0). */
export const RADII = {
  /** The area ring. */
  ringInner: 89,
  ringOuter: 100,
  /**
   * The pointer target of an area: much wider than its segment (over the edge of the value
   * arc, which is not a control, and to the edge of the frame), so that each segment of a
   * full-size gauge is at least 24 px deep (44 px on a phone-wide gauge).
   */
  hitInner: 78,
  hitOuter: 110,
  /** The value arc and its track. */
  arcInner: 62,
  arcOuter: 82,
  /** What the frame of the ring holds: the ring and a little room for its focus outline. */
  ringFrame: 104,
} as const;

const MARGIN = 6;

/** A view box around the centre (0, 0) that holds everything out to `radius`, cut below the arc's ends. */
export interface GaugeFrame {
  x: number;
  y: number;
  width: number;
  height: number;
  /** `viewBox` attribute text. */
  viewBox: string;
  /**
   * Where HTML drawn over the dial goes (the reading, an area's detail), as fractions of the
   * box: from just inside the top of the arc down to the bottom, as wide as the gap between
   * the arc's ends.
   */
  inner: { top: number; width: number };
}

function frame(radius: number): GaugeFrame {
  const half = radius + MARGIN;
  const bottom = Math.ceil(-Math.cos(END_ANGLE) * radius) + MARGIN;
  const width = 2 * half;
  const height = half + bottom;
  const innerTop = RADII.arcInner - 7;
  const gap = 2 * Math.sin(END_ANGLE) * RADII.arcInner;
  return {
    x: -half,
    y: -half,
    width,
    height,
    viewBox: `${-half} ${-half} ${width} ${height}`,
    inner: { top: (half - innerTop) / height, width: gap / width },
  };
}

/** The frame with the area ring. */
export const RING_FRAME: GaugeFrame = frame(RADII.ringFrame);

/** The frame without it (one area shown alone): the arc fills the box. */
export const ARC_FRAME: GaugeFrame = frame(RADII.arcOuter);

/** Value (0–100) → angle, clamped: out-of-range values stop at the ends; NaN gives the start. */
export function valueToAngle(value: number): number {
  const t = value >= 100 ? 1 : value > 0 ? value / 100 : 0;
  return START_ANGLE + (END_ANGLE - START_ANGLE) * t;
}

interface Sector {
  startAngle: number;
  endAngle: number;
  padAngle?: number;
}

/** Two decimals are far below a pixel at any size the gauge is drawn, and keep the markup small. */
const DIGITS = 2;

/** The value's track: round ends (half its depth). */
const trackArc = arc<Sector>()
  .innerRadius(RADII.arcInner)
  .outerRadius(RADII.arcOuter)
  .cornerRadius((RADII.arcOuter - RADII.arcInner) / 2)
  .digits(DIGITS);

/** The value: a plain sector, drawn clipped to the track. */
const valueArc = arc<Sector>().innerRadius(RADII.arcInner).outerRadius(RADII.arcOuter).digits(DIGITS);

/** An area's track: slightly rounded corners. */
const ringArc = arc<Sector>()
  .innerRadius(RADII.ringInner)
  .outerRadius(RADII.ringOuter)
  .cornerRadius(2)
  .digits(DIGITS);

/** An area's points: a plain sector, drawn clipped to the tracks. */
const ringFillArc = arc<Sector>().innerRadius(RADII.ringInner).outerRadius(RADII.ringOuter).digits(DIGITS);

const hitArc = arc<Sector>().innerRadius(RADII.hitInner).outerRadius(RADII.hitOuter).digits(DIGITS);

/** The full track under the value arc (round ends); also the value arc's clip. */
export const TRACK_PATH = trackArc({ startAngle: START_ANGLE, endAngle: END_ANGLE }) ?? '';

/** The whole ring as one band (what the loading placeholder draws before the areas are known). */
export const RING_BAND_PATH = ringArc({ startAngle: START_ANGLE, endAngle: END_ANGLE }) ?? '';

/**
 * The value arc from 0 to `value` (clamped to 0–100), a plain sector to draw clipped to
 * `TRACK_PATH`; empty for null, NaN or 0 and below.
 */
export function valueArcPath(value: number | null): string {
  if (value === null || !Number.isFinite(value) || value <= 0) return '';
  return valueArc({ startAngle: START_ANGLE, endAngle: valueToAngle(value) }) ?? '';
}

/** What the ring needs of an area: its id, its points and its maximum (its indicators' weight). */
export interface RingArea {
  id: string;
  score: number;
  max: number;
}

/** One area's segment on the ring. */
export interface RingSegment {
  id: string;
  /** The whole segment (the area's weight). */
  track: string;
  /** The part earned (`score / max` of the segment), a plain sector to draw clipped to the tracks; empty when nothing is earned. */
  fill: string;
  /** A wider, invisible pointer target. */
  hit: string;
  startAngle: number;
  endAngle: number;
}

/**
 * Ring paths already drawn, by kind and angles: a live update usually moves one area's fill,
 * so the other 23 paths of an 8-area ring come from here. Cleared when it grows past a bound.
 */
const drawn = new Map<string, string>();
const MAX_DRAWN = 512;

const ARCS = { ring: ringArc, fill: ringFillArc, hit: hitArc } as const;

function cachedArc(kind: keyof typeof ARCS, sector: Sector): string {
  const key = `${kind} ${sector.startAngle} ${sector.endAngle} ${sector.padAngle ?? 0}`;
  let path = drawn.get(key);
  if (path === undefined) {
    path = ARCS[kind](sector) ?? '';
    if (drawn.size >= MAX_DRAWN) drawn.clear();
    drawn.set(key, path);
  }
  return path;
}

/** Gap between segments, in radians. */
export const PAD_ANGLE = 0.03;

/**
 * The ring: one segment per area, in the given order clockwise from the arc's start, each as
 * long as the area's weight, filled to the share of it earned. Areas of weight 0 get an empty
 * segment (they are still listed, for keyboard users).
 */
export function ringSegments(areas: readonly RingArea[]): RingSegment[] {
  // Areas of weight 0 take no room on the ring (not even a gap).
  const weighted = areas.filter((a) => a.max > 0);
  const layout = pie<RingArea>()
    .value((a) => a.max)
    .sort(null)
    .startAngle(START_ANGLE)
    .endAngle(END_ANGLE)
    .padAngle(weighted.length > 1 ? PAD_ANGLE : 0);
  const sectors = new Map<RingArea, PieArcDatum<RingArea>>(layout(weighted).map((s) => [s.data, s]));
  return areas.map((area) => {
    const sector = sectors.get(area);
    if (!sector || sector.endAngle <= sector.startAngle) {
      return { id: area.id, track: '', fill: '', hit: '', startAngle: START_ANGLE, endAngle: START_ANGLE };
    }
    const share = area.max > 0 ? Math.min(1, Math.max(0, area.score / area.max)) : 0;
    const fillEnd = sector.startAngle + (sector.endAngle - sector.startAngle) * share;
    return {
      id: area.id,
      track: cachedArc('ring', sector),
      fill: share > 0 ? cachedArc('fill', { ...sector, endAngle: fillEnd }) : '',
      hit: cachedArc('hit', { startAngle: sector.startAngle, endAngle: sector.endAngle }),
      startAngle: sector.startAngle,
      endAngle: sector.endAngle,
    };
  });
}
