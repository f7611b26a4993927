/// <reference types="@vitest/browser-playwright" />
/**
 * <safety-grid-map> is true, steady and calm (issue 15): class breaks chosen for the metric and
 * shared by a district and its sub-districts, the `breaks` attribute, 3:1 contrast of every class
 * in light and dark, no data never drawn as a class, point labels that cover nothing, controls off
 * the map, a loading state of the final size, and touch targets.
 */
import { contrastRatio as contrast, luminance } from '@safety-widgets/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import './safety-grid-map.js';
import type { SafetyGridMap } from './safety-grid-map.element.js';
import { markSize } from './mark-groups.js';
import type { LayerKind } from './points.js';
import { freshYantianInput, meishaInput } from '../test/fixtures.js';

const POLL = { timeout: 10_000, interval: 20 };

afterEach(async () => {
  document.body.replaceChildren();
  await page.viewport(1280, 720);
});

async function mount(attrs: Record<string, string>, data: unknown, width = 800, lang = 'en') {
  const wrapper = document.createElement('div');
  wrapper.lang = lang;
  wrapper.style.width = `${width}px`;
  const el = document.createElement('safety-grid-map') as SafetyGridMap;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (data !== undefined) el.data = data;
  wrapper.append(el);
  document.body.append(wrapper);
  if (data === undefined) {
    await el.updateComplete;
    return el;
  }
  await vi.waitFor(() => expect(el.getAttribute('status')).toBe('ready'), POLL);
  await vi.waitFor(
    () => expect(el.shadowRoot!.querySelector('svg.vector g[transform]')).not.toBeNull(),
    POLL,
  );
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => requestAnimationFrame(r));
    await el.updateComplete;
  }
  return el;
}

const q = <T extends Element = Element>(el: SafetyGridMap, s: string) => el.shadowRoot!.querySelector<T>(s);
const qa = <T extends Element = Element>(el: SafetyGridMap, s: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(s),
];
const text = (n: Element | null | undefined) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const legend = (el: SafetyGridMap) => qa(el, '.legend ul[aria-labelledby] li').map(text);
const current = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/** A colour token as the widget resolves it, through an element in its shadow root. */
function resolved(el: SafetyGridMap, token: string): string {
  const probe = document.createElement('i');
  probe.style.color = `var(${token})`;
  el.shadowRoot!.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

describe('class breaks for the metric', () => {
  it('gives the district, a sub-district of it and the sub-district’s own feed the same legend', async () => {
    const attrs = { metric: 'cases', rate: 'per-10k' };
    const district = await mount(attrs, freshYantianInput());
    const wanted = ['0–20', '20–40', '40–60', '60–80', '80–100'];
    expect(legend(district)).toEqual(wanted);
    document.body.replaceChildren();
    const filtered = await mount({ ...attrs, subdistrict: 'meisha' }, freshYantianInput());
    expect(legend(filtered)).toEqual(wanted);
    document.body.replaceChildren();
    // The street page: Meisha's own feed (its grids' rates all lie between 62.8 and 74.1).
    const street = await mount({ ...attrs, subdistrict: 'meisha' }, { ...meishaInput(), asOf: current() });
    expect(legend(street)).toEqual(wanted);
    expect(legend(street).join(' ')).not.toMatch(/62\.5|72\.5/);
    // Its seven grids are drawn in one or two classes, not spread over five.
    const classes = new Set(qa(street, 'path.grid').map((p) => p.getAttribute('class')));
    expect(classes.size).toBeLessThanOrEqual(2);
  });

  it('takes breaks from the page, for the page’s figure only', async () => {
    const el = await mount({ metric: 'cases', breaks: '0, 25, 50, 100, 150' }, freshYantianInput());
    expect(legend(el)).toEqual(['0–24', '25–49', '50–99', '100–150']);
    // The reader picks another figure: its own breaks.
    const select = q<HTMLSelectElement>(el, '.toolbar select')!;
    select.value = 'fires';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(legend(el)).toEqual(['0', '1', '2', '3', '4–5']);
  });

  it('refuses bad breaks with a note and a console warning, and uses its own', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      for (const bad of ['0,20,x', '50,40,60', '<img src=x onerror=alert(1)>', '7']) {
        document.body.replaceChildren();
        const el = await mount({ metric: 'cases', rate: 'per-10k', breaks: bad }, freshYantianInput());
        expect(legend(el)).toEqual(['0–20', '20–40', '40–60', '60–80', '80–100']);
        const note = q(el, '[part~="breaks"]');
        expect(text(note)).toContain('could not be used');
        expect(q(el, 'img')).toBeNull();
        expect(warn.mock.calls.some((c) => String(c[0]).includes('breaks='))).toBe(true);
        warn.mockClear();
      }
    } finally {
      warn.mockRestore();
    }
  });
});

describe('contrast (WCAG 1.4.11), from the widget’s own colours', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`every class has 3:1 against the surface and the map, and the borders 3:1 against every class (${theme})`, async () => {
      const el = await mount({ metric: 'cases', theme }, freshYantianInput());
      const surface = getComputedStyle(el).backgroundColor;
      const map = getComputedStyle(q(el, '.map')!).backgroundColor;
      const border = getComputedStyle(q(el, 'path.grid')!).stroke;
      const fills = [0, 1, 2, 3, 4, 5].map((i) => resolved(el, `--_choro-${i}`));
      // The drawn grids use these fills.
      for (const path of qa(el, 'path.grid')) expect(fills).toContain(getComputedStyle(path).fill);
      const report = fills.map((f) => ({
        f,
        surface: contrast(f, surface),
        map: contrast(f, map),
        border: contrast(f, border),
      }));
      for (const r of report) {
        expect(r.surface, `${r.f} on ${surface}`).toBeGreaterThanOrEqual(3);
        expect(r.map, `${r.f} on ${map}`).toBeGreaterThanOrEqual(3);
        expect(r.border, `${r.f} beside ${border}`).toBeGreaterThanOrEqual(3);
      }
      // Classes are ordered by lightness (light: darker = more; dark: lighter = more).
      const l = fills.map(luminance);
      for (let i = 1; i < l.length; i++) {
        if (theme === 'light') expect(l[i]).toBeLessThan(l[i - 1]!);
        else expect(l[i]).toBeGreaterThan(l[i - 1]!);
      }
      expect(Number.parseFloat(getComputedStyle(q(el, 'path.grid')!).strokeWidth)).toBeGreaterThanOrEqual(1);
    });
  }
});

describe('no data is never a class', () => {
  it('draws grids without the figure as "No data", unranked, outside the classes', async () => {
    const input = freshYantianInput() as unknown as {
      grids: { features: { id: string; properties: { metrics: Record<string, number | null> } }[] };
    };
    const features = input.grids.features;
    features[0]!.properties.metrics.cases = null;
    delete features[1]!.properties.metrics.cases;
    const el = await mount({ metric: 'cases', list: '' }, input);
    const paths = qa(el, 'path.grid');
    expect(paths[0]!.classList.contains('nd')).toBe(true);
    expect(paths[1]!.classList.contains('nd')).toBe(true);
    expect(getComputedStyle(paths[0]!).fill).toContain('no-data');
    expect(paths.filter((p) => p.classList.contains('nd'))).toHaveLength(2);
    expect(qa(el, '.legend li').map(text)).toContain('No data');
    const rows = qa<HTMLTableRowElement>(el, '#twin tbody tr');
    const last = rows.slice(-2).map((r) => [...r.cells].map(text));
    for (const row of last) {
      expect(row[4]).toBe('Not ranked');
      expect(row[2]).toBe('No data');
      expect(row[3]).toBe('No data');
    }
    const ranks = rows.slice(0, -2).map((r) => Number(text(r.cells[4])));
    expect(Math.max(...ranks)).toBeLessThanOrEqual(28);
  });

  it('a category the feed has no case of is "No data" everywhere, not zero', async () => {
    const input = freshYantianInput() as unknown as { events: { category: string }[] };
    input.events = input.events.filter((e) => e.category !== 'fire');
    const el = await mount({ metric: 'category:fire' }, input);
    expect(qa(el, 'path.grid').every((p) => p.classList.contains('nd'))).toBe(true);
    expect(legend(el)).toEqual(['No data']);
  });
});

describe('point layers at low weight', () => {
  it('labels merged marks without covering any mark or another label (149 risk sources at 390 px)', async () => {
    await page.viewport(390, 800);
    const el = await mount({ metric: 'cases', layers: 'risk-source' }, freshYantianInput(), 358);
    const marks = (el as unknown as { memos: Map<string, { value: unknown }> }).memos.get('marks')!.value as {
      kind: LayerKind;
      x: number;
      y: number;
      n: number;
      points: number;
    }[];
    expect(marks.reduce((n, m) => n + m.points, 0)).toBe(149);
    const svgBox = q(el, 'svg.vector')!.getBoundingClientRect();
    const labels = qa<SVGTextElement>(el, 'g.mark-counts text').map((t) => {
      const r = t.getBoundingClientRect();
      return {
        x0: r.left - svgBox.left,
        y0: r.top - svgBox.top,
        x1: r.right - svgBox.left,
        y1: r.bottom - svgBox.top,
        t: text(t),
      };
    });
    expect(labels.length).toBeGreaterThan(5);
    const overlaps: string[] = [];
    const hit = (a: { x0: number; y0: number; x1: number; y1: number }, b: typeof a) =>
      a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
    for (const l of labels) {
      expect(
        Number.parseFloat(getComputedStyle(q(el, 'g.mark-counts text')!).fontSize),
      ).toBeGreaterThanOrEqual(12);
      for (const m of marks) {
        const h = markSize(m.kind) / 2;
        if (hit(l, { x0: m.x - h, y0: m.y - h, x1: m.x + h, y1: m.y + h }))
          overlaps.push(
            `${l.t} [${l.x0.toFixed(1)},${l.y0.toFixed(1)},${l.x1.toFixed(1)},${l.y1.toFixed(1)}] over a mark at ${m.x.toFixed(1)},${m.y.toFixed(1)}`,
          );
      }
      for (const o of labels) if (o !== l && hit(l, o)) overlaps.push(`${l.t} over ${o.t}`);
    }
    expect(overlaps).toEqual([]);
  });

  it('rings every mark with the surface colour under a dark outline, so a blue one shows on purple', async () => {
    const el = await mount({ metric: 'cases', layers: 'risk-source' }, freshYantianInput());
    const blue = q(el, 'g.mark.blue')!;
    const [halo, mark] = [...blue.querySelectorAll('path')];
    expect(halo!.classList.contains('halo')).toBe(true);
    expect(halo!.getAttribute('d')).toBe(mark!.getAttribute('d'));
    const surface = getComputedStyle(el).backgroundColor;
    expect(getComputedStyle(halo!).stroke).toBe(surface);
    const outline = getComputedStyle(mark!).stroke;
    const darkest = resolved(el, '--_choro-5');
    // The outline stands out from the surface halo, and the halo from the darkest class.
    expect(contrast(outline, surface)).toBeGreaterThanOrEqual(3);
    expect(contrast(surface, darkest)).toBeGreaterThanOrEqual(3);
  });
});

describe('steady and within reach', () => {
  for (const [vw, width] of [
    [390, 358],
    [1366, 800],
  ] as const) {
    it(`keeps the zoom buttons off the grids and every control big enough at ${vw} px`, async () => {
      await page.viewport(vw, 800);
      const el = await mount({ metric: 'cases', rate: 'per-10k', context: '' }, freshYantianInput(), width);
      const grids = q(el, 'g.grids')!.getBoundingClientRect();
      const mapBox = q(el, '.map')!.getBoundingClientRect();
      const min = vw <= 480 ? 44 : 24;
      for (const b of qa<HTMLButtonElement>(el, '[part="zoom-controls"] button')) {
        const r = b.getBoundingClientRect();
        const intersects =
          r.left < grids.right && grids.left < r.right && r.top < grids.bottom && grids.top < r.bottom;
        expect(intersects).toBe(false);
        expect(r.bottom).toBeLessThanOrEqual(mapBox.top);
        expect(r.width).toBeGreaterThanOrEqual(min);
        expect(r.height).toBeGreaterThanOrEqual(min);
      }
      const details = q<HTMLDetailsElement>(el, 'details.layers')!;
      details.open = true;
      await el.updateComplete;
      for (const box of qa<HTMLInputElement>(el, 'input[type="checkbox"]')) {
        const r = box.getBoundingClientRect();
        expect(r.width).toBeGreaterThanOrEqual(24);
        expect(r.height).toBeGreaterThanOrEqual(24);
      }
      for (const control of qa<HTMLElement>(
        el,
        '.toolbar select, .toolbar button, .legend label, .layers > summary',
      )) {
        expect(control.getBoundingClientRect().height, control.outerHTML.slice(0, 60)).toBeGreaterThanOrEqual(
          min === 44 ? 44 : 24,
        );
      }
      for (const li of qa<HTMLElement>(el, '.legend li')) {
        const style = getComputedStyle(li);
        expect(Number.parseFloat(style.fontSize)).toBeGreaterThanOrEqual(vw <= 480 ? 14 : 12);
        expect(style.fontVariantNumeric).toContain('tabular-nums');
      }
      for (const t of qa<SVGTextElement>(el, '.context-label'))
        expect(Number.parseFloat(getComputedStyle(t).fontSize)).toBeGreaterThanOrEqual(12);
    });

    for (const lang of ['en', 'zh-CN']) {
      it(`loads in the size it ends at (${vw} px, ${lang})`, async () => {
        await page.viewport(vw, 800);
        const attrs = { metric: 'cases', rate: 'per-10k', context: '' };
        const loading = await mount(attrs, undefined, width, lang);
        expect(loading.getAttribute('status')).toBe('loading');
        expect(q(loading, '[part~="skeleton"]')!.getAttribute('aria-busy')).toBe('true');
        const before = loading.getBoundingClientRect().height;
        const mapBefore = q(loading, '.map')!.getBoundingClientRect().height;
        loading.data = freshYantianInput();
        await vi.waitFor(() => expect(loading.getAttribute('status')).toBe('ready'), POLL);
        await loading.updateComplete;
        await new Promise((r) => requestAnimationFrame(r));
        const after = loading.getBoundingClientRect().height;
        expect(Math.abs(q(loading, '.map')!.getBoundingClientRect().height - mapBefore)).toBeLessThanOrEqual(
          2,
        );
        expect(Math.abs(after - before), `${before} → ${after}`).toBeLessThanOrEqual(2);
      });
    }
  }
});
