import { describe, expect, it } from 'vitest';
import { markWriter } from './mark-path.js';

describe('mark paths', () => {
  it('writes a symbol at a position and scale, in relative commands after the first point', () => {
    // The risk-source square, 12 px (scale 0.75), its box's top-left at (100, 50).
    expect(markWriter('M2.5 2.5h11v11h-11Z', 0.75)(100, 50)).toBe('M101.88 51.88h8.25v8.25h-8.25z');
    // Implicit linetos after a moveto, and absolute H and V.
    expect(markWriter('M8 1.5 15 14.5H1Z', 1)(0, 0)).toBe('M8 1.5l7 13h-14z');
    expect(markWriter('M8 1.5 14.5 7v7.5h-13V7Z', 0.5)(10, 10)).toBe('M14 10.75l3.25 2.75v3.75h-6.5v-3.75z');
  });

  it('scales arcs (radii and ends) and keeps their flags', () => {
    expect(markWriter('M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13Z', 0.75)(0, 0)).toBe(
      'M6 1.13a4.88 4.88 0 1 1 0 9.75a4.88 4.88 0 0 1 0 -9.75z',
    );
    // Absolute arcs become relative.
    expect(markWriter('M8 3a5 5 0 1 1 0 10A5 5 0 0 1 8 3Z', 1)(0, 0)).toBe(
      'M8 3a5 5 0 1 1 0 10a5 5 0 0 1 0 -10z',
    );
  });

  it('writes every copy the same shape wherever it goes', () => {
    const write = markWriter('M6 1.5h4v4.5h4.5v4H10v4.5H6V10H1.5V6H6Z', 0.625);
    const a = write(0, 0);
    const b = write(40, -20);
    expect(a.slice(a.indexOf('h'))).toBe(b.slice(b.indexOf('h')));
    expect(b.startsWith('M43.75 -19.06')).toBe(true);
  });

  it('writes nothing for path data it cannot read', () => {
    expect(markWriter('', 1)(0, 0)).toBe('');
    expect(markWriter('M1 2 3', 1)(0, 0)).toBe('');
    expect(markWriter('Q1 2 3 4', 1)(0, 0)).toBe('');
  });
});
