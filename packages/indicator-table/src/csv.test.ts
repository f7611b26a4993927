import { BOM, validateFeed } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import { yantianFeed } from '../test/large-feed.js';
import { indicatorsCsv, indicatorsCsvFileName } from './csv.js';
import { buildTableModel } from './table-model.js';

const model = (() => {
  const r = validateFeed(yantianFeed);
  if (!r.ok) throw new Error('invalid sample');
  return buildTableModel(r.feed);
})();

describe('indicatorsCsv', () => {
  it('starts with a BOM and a header in the display language, CRLF line ends', () => {
    const en = indicatorsCsv(model.rows.slice(0, 2), model, 'en');
    expect(en.startsWith(BOM)).toBe(true);
    const lines = en.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Area,ID,Indicator,Value,Unit,Target,City average,Score,Weight,Better when,Status,Provenance,Note',
    );
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    const zh = indicatorsCsv(model.rows.slice(0, 1), model, 'zh-CN');
    expect(zh.slice(1).split('\r\n')[0]).toBe(
      '领域,编号,指标,数值,单位,目标,全市平均,得分,权重,方向,状态,来源,说明',
    );
  });

  it('writes one line per row, in the given order', () => {
    const fraud = model.rows.find((r) => r.id === 'fraud-alerts')!;
    const text = indicatorsCsv([fraud], model, 'en');
    const line = text.slice(1).split('\r\n')[1]!;
    expect(
      line.startsWith('Public order,fraud-alerts,Fraud alerts (first half-year),225,alerts,300,360,'),
    ).toBe(true);
    expect(line).toContain(',lower,Target met,published,');
    const zh = indicatorsCsv([fraud], model, 'zh-CN');
    expect(zh).toContain('社会治安,fraud-alerts,诈骗警情（上半年）,225,起,300,360,');
  });

  it('writes a missing value as an empty field, never 0, and negative numbers as numbers', () => {
    const row = { ...model.rows[0]!, value: null, score: null, target: -14.3 };
    const fields = indicatorsCsv([row], model, 'en').slice(1).split('\r\n')[1]!.split(',');
    expect(fields[3]).toBe('');
    expect(fields[5]).toBe('-14.3');
    expect(fields[7]).toBe('');
  });

  it('guards untrusted feed text', () => {
    const row = {
      ...model.rows[0]!,
      name: { zh: '=1+1', en: '@SUM(1,2)' },
      note: { zh: '-x', en: '+cmd|"/c calc"!A0' },
    };
    const line = indicatorsCsv([row], model, 'en').slice(1).split('\r\n')[1]!;
    expect(line).toContain(`"'@SUM(1,2)"`);
    expect(line.endsWith(`"'+cmd|""/c calc""!A0"`)).toBe(true);
  });
});

describe('indicatorsCsvFileName', () => {
  it('names the file by place and day', () => {
    expect(indicatorsCsvFileName('yantian', '2017-12-04T09:00:00+08:00')).toBe(
      'yantian-indicators-2017-12-04.csv',
    );
    expect(indicatorsCsvFileName('a/b c', 'nope')).toBe('a-b-c-indicators.csv');
  });
});
