import { describe, expect, it } from 'vitest';
import {
  END_ANGLE,
  PAD_ANGLE,
  RADII,
  START_ANGLE,
  TRACK_PATH,
  ARC_FRAME,
  RING_FRAME,
  RING_BAND_PATH,
  ringSegments,
  valueArcPath,
  valueToAngle,
} from './geometry.js';

describe('value → angle', () => {
  it('maps 0–100 onto the arc and clamps the rest', () => {
    expect(valueToAngle(0)).toBe(START_ANGLE);
    expect(valueToAngle(100)).toBe(END_ANGLE);
    expect(valueToAngle(50)).toBeCloseTo(0);
    expect(valueToAngle(-5)).toBe(START_ANGLE);
    expect(valueToAngle(140)).toBe(END_ANGLE);
    expect(valueToAngle(NaN)).toBe(START_ANGLE);
  });
});

describe('paths', () => {
  it('draws no value arc for nothing, and the whole track for 100', () => {
    expect(valueArcPath(null)).toBe('');
    expect(valueArcPath(0)).toBe('');
    expect(valueArcPath(NaN)).toBe('');
    // The value is a plain sector (drawn clipped to the round-ended track), so it ends square.
    expect(valueArcPath(100)).not.toBe(TRACK_PATH);
    expect(valueArcPath(250)).toBe(valueArcPath(100));
    expect(valueArcPath(50)).toMatch(/^M/);
    expect(valueArcPath(50)).not.toBe(valueArcPath(51));
  });

  it('gives the track round ends and the value square ones', () => {
    // d3 draws a rounded corner as an elliptical arc command ("A"); a plain sector has only the
    // two arcs along its radii.
    const arcs = (d: string) => (d.match(/A/g) ?? []).length;
    expect(arcs(TRACK_PATH)).toBeGreaterThan(2);
    expect(arcs(RING_BAND_PATH)).toBeGreaterThan(2);
    for (const v of [2, 50, 97, 98, 99.5, 100]) expect(arcs(valueArcPath(v))).toBe(2);
  });
});

describe('ringSegments', () => {
  const areas = [
    { id: 'a', score: 10, max: 10 },
    { id: 'b', score: 0, max: 30 },
    { id: 'c', score: 15, max: 30 },
    { id: 'd', score: 0, max: 0 },
  ];
  const segments = ringSegments(areas);

  it('gives one segment per area, in order, spanning the arc by weight', () => {
    expect(segments.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(segments[0]!.startAngle).toBeCloseTo(START_ANGLE);
    expect(segments[2]!.endAngle).toBeCloseTo(END_ANGLE);
    // Each sector includes its share of the gaps (d3's pie); without it, lengths follow weights.
    const span = (i: number) => segments[i]!.endAngle - segments[i]!.startAngle - PAD_ANGLE;
    expect(span(1) / span(0)).toBeCloseTo(3);
  });

  it('fills each segment to the share earned, as a plain sector clipped to its track', () => {
    expect(segments[0]!.fill).not.toBe('');
    expect(segments[0]!.fill).not.toBe(segments[0]!.track);
    expect(segments[1]!.fill).toBe('');
    expect(segments[2]!.fill).not.toBe('');
    expect(segments[2]!.fill).not.toBe(segments[2]!.track);
  });

  it('keeps an area of weight 0 as an empty segment', () => {
    expect(segments[3]).toMatchObject({ id: 'd', track: '', fill: '', hit: '' });
  });

  it('copes with no weight at all and with a score above the maximum', () => {
    expect(ringSegments([{ id: 'x', score: 0, max: 0 }])[0]!.track).toBe('');
    const [over] = ringSegments([{ id: 'x', score: 20, max: 10 }]);
    expect(over!.fill).toBe(ringSegments([{ id: 'x', score: 10, max: 10 }])[0]!.fill);
  });
});

it('the frames hold the whole ring, or the whole arc', () => {
  for (const [frame, radius] of [
    [RING_FRAME, RADII.ringFrame],
    [ARC_FRAME, RADII.arcOuter],
  ] as const) {
    for (let a = START_ANGLE; a <= END_ANGLE; a += 0.01) {
      const x = Math.sin(a) * radius;
      const y = -Math.cos(a) * radius;
      expect(x).toBeGreaterThanOrEqual(frame.x);
      expect(x).toBeLessThanOrEqual(frame.x + frame.width);
      expect(y).toBeGreaterThanOrEqual(frame.y);
      expect(y).toBeLessThanOrEqual(frame.y + frame.height);
    }
    expect(frame.viewBox).toBe(`${frame.x} ${frame.y} ${frame.width} ${frame.height}`);
    expect(frame.inner.top).toBeGreaterThan(0);
    expect(frame.inner.width).toBeLessThan(1);
  }
});

it('gives each area a pointer target 32 units deep, inside the frame', () => {
  expect(RADII.hitOuter - RADII.hitInner).toBe(32);
  expect(RADII.hitOuter).toBeLessThanOrEqual(-RING_FRAME.x);
});
