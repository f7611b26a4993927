import { describe, expect, it } from 'vitest';
import { AREAS } from './areas.js';
import { INDICATORS } from './indicators.js';
import { buildFeeds } from './index.js';

const { district, subdistricts } = buildFeeds();
const byId = (id: string) => {
  const indicator = district.indicators.find((i) => i.id === id);
  if (!indicator) throw new Error(`no indicator ${id}`);
  return indicator;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Whether a target is more demanding than the city average. */
const stricter = (i: { direction: string; target: number | null; cityAverage?: number | null }) =>
  i.target !== null &&
  i.cityAverage != null &&
  (i.direction === 'higher' ? i.target > i.cityAverage : i.target < i.cityAverage);

describe('areas and indicators', () => {
  it('has 8 areas, including fire, with weights adding up to 100', () => {
    expect(district.areas).toHaveLength(8);
    expect(district.areas.map((a) => a.id)).toContain('fire');
    expect(sum(district.areas.map((a) => a.weight))).toBe(100);
  });

  it('has 56 indicators with unique ids, weights adding up to 100 and to each area weight', () => {
    expect(INDICATORS).toHaveLength(56);
    for (const feed of [district, ...subdistricts]) {
      expect(feed.indicators).toHaveLength(56);
      expect(new Set(feed.indicators.map((i) => i.id)).size).toBe(56);
      expect(sum(feed.indicators.map((i) => i.weight))).toBe(100);
      for (const area of AREAS) {
        const inArea = feed.indicators.filter((i) => i.area === area.id);
        expect(inArea.length, area.id).toBeGreaterThanOrEqual(5);
        expect(sum(inArea.map((i) => i.weight)), area.id).toBe(area.weight);
      }
    }
  });

  it('gives every indicator zh and en names and units, a history array and an update time', () => {
    for (const i of district.indicators) {
      expect(i.name.zh.length * i.name.en.length, i.id).toBeGreaterThan(0);
      expect(i.unit?.zh && i.unit.en, i.id).toBeTruthy();
      expect(Array.isArray(i.history), i.id).toBe(true);
      expect(i.updatedAt, i.id).toMatch(/^2017-\d\d-\d\dT09:00:00\+08:00$/);
    }
  });

  it('sets about half the targets stricter than the city average', () => {
    const count = district.indicators.filter(stricter).length;
    expect(count).toBeGreaterThanOrEqual(24);
    expect(count).toBeLessThanOrEqual(32);
  });

  it('mixes linear, threshold and band rules', () => {
    const types = new Set(district.indicators.map((i) => i.rule.type));
    expect([...types].sort()).toEqual(['bands', 'linear', 'threshold']);
  });

  it('carries the published figures as published', () => {
    const published: [string, number, number?][] = [
      ['fraud-alerts', 225, 417],
      ['fires', 41, 53],
      ['fire-injuries', 1, 1],
      ['fire-loss-change', -43.7],
      ['micro-fire-stations', 239],
      ['emergency-fire-points', 147],
      ['risk-sources-graded', 149],
      ['supervised-enterprises', 1962],
      ['cameras-online-rate', 98],
      ['camera-density', 150],
      ['food-sampling-pass', 98],
      ['farm-produce-pass', 97.8],
      ['drug-sampling-pass', 100],
      ['food-sampling-batches', 624],
      ['mental-patients-registered', 100],
      ['mediation-success', 99],
      ['access-control-coverage', 90],
      ['anti-climb-coverage', 99],
      ['safe-community-coverage', 100],
      ['labour-disputes-mediated', 90],
      ['public-opinion-satisfaction', 95],
      ['video-solved-share', 35],
      ['patrol-group-solved-share', 32],
      ['community-participation', 4.1],
      ['murder-kidnap-gun-solved', 100],
      ['reoffending-rate', 0],
      ['supervised-persons-lost-contact', 0],
      ['dameisha-cases-change', -50],
      ['public-safety-spending', 5.06, 4.02],
    ];
    for (const [id, value, previous] of published) {
      const i = byId(id);
      expect(i.provenance, id).toBe('published');
      expect(i.value, id).toBe(value);
      if (previous !== undefined) expect(i.previous, id).toBe(previous);
    }
    expect(byId('public-safety-spending').history).toEqual([
      { period: '2013', value: 3.56 },
      { period: '2014', value: 3.68 },
      { period: '2015', value: 4.02 },
      { period: '2016', value: 5.06 },
    ]);
  });

  it('labels every value: published ones quote the source, synthetic ones say so, targets are synthetic', () => {
    for (const i of district.indicators) {
      expect(['published', 'synthetic'], i.id).toContain(i.provenance);
      if (i.provenance === 'published') expect(i.note?.en, i.id).toMatch(/^Published: /);
      else expect(i.note?.en, i.id).toMatch(/synthetic/);
      expect(i.note?.en, i.id).toMatch(/Target (and city average are|is) synthetic\./);
      expect(i.note?.zh, i.id).toMatch(/合成数据/);
    }
    expect(district.indicators.filter((i) => i.provenance === 'synthetic').length).toBeGreaterThanOrEqual(8);
  });

  it('marks every sub-district indicator synthetic and derives it from the district', () => {
    for (const feed of subdistricts) {
      for (const i of feed.indicators) {
        expect(i.provenance, `${feed.id} ${i.id}`).toBe('synthetic');
        expect(i.note?.en, `${feed.id} ${i.id}`).toMatch(/District figure: .*\((published|synthetic)\)\./);
      }
    }
  });

  it('shares whole counts out among the sub-districts exactly', () => {
    for (const id of [
      'fraud-alerts',
      'fires',
      'micro-fire-stations',
      'emergency-fire-points',
      'risk-sources-graded',
      'supervised-enterprises',
      'eight-major-cases',
      'fire-injuries',
      'food-sampling-batches',
    ]) {
      const parts = subdistricts.map((f) => f.indicators.find((i) => i.id === id)?.value ?? 0);
      expect(sum(parts), id).toBe(byId(id).value);
    }
    const previous = subdistricts.map(
      (f) => f.indicators.find((i) => i.id === 'fraud-alerts')?.previous ?? 0,
    );
    expect(sum(previous)).toBe(417);
  });

  it('gives the Dameisha indicator a value in Meisha only', () => {
    for (const feed of subdistricts) {
      const i = feed.indicators.find((x) => x.id === 'dameisha-cases-change');
      if (feed.id === 'meisha') expect(i?.value).toBe(-50);
      else expect(i?.value).toBeNull();
    }
  });

  it('keeps every text within the format limit of 500 characters', () => {
    for (const feed of [district, ...subdistricts]) {
      for (const i of feed.indicators) {
        for (const text of [i.name, i.unit, i.note]) {
          expect(text?.zh.length ?? 0, i.id).toBeLessThanOrEqual(500);
          expect(text?.en.length ?? 0, i.id).toBeLessThanOrEqual(500);
        }
      }
    }
  });
});
