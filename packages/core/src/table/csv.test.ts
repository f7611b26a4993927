import { describe, expect, it } from 'vitest';
import { BOM, csvField, csvFileName, csvNumber, csvText, guardFormula, toCsv } from './csv.js';

describe('csv', () => {
  it('guards text that a spreadsheet would run as a formula', () => {
    for (const bad of ['=1+1', '+SUM(A1)', '-2', '@cmd', '\tx', '\rx'])
      expect(guardFormula(bad)).toBe(`'${bad}`);
    expect(guardFormula('安全')).toBe('安全');
  });

  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
    expect(csvText(null)).toBe('');
  });

  it('writes numbers as numbers and a missing number as an empty field, never 0', () => {
    expect(csvNumber(-14.3)).toBe('-14.3');
    expect(csvNumber(1 / 3)).toBe('0.3333');
    expect(csvNumber(null)).toBe('');
    expect(csvNumber(Number.NaN)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(0)).toBe('0');
  });

  it('makes a BOM-led, CRLF-ended file', () => {
    expect(
      toCsv([
        ['Area', 'Score'],
        ['消防', 12],
        ['=x', null],
      ]),
    ).toBe(`${BOM}Area,Score\r\n消防,12\r\n'=x,\r\n`);
  });

  it('names files from untrusted ids with letters, digits and dashes only', () => {
    expect(csvFileName('Yantian', '2026-12-07T10:00:00+08:00', 'areas')).toBe(
      'yantian-2026-12-07t10-00-00-08-00-areas.csv',
    );
    expect(csvFileName('../../etc', '')).toBe('etc.csv');
    expect(csvFileName('安全')).toBe('safety-data.csv');
  });
});
