/// <reference types="@vitest/browser-playwright" />
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { cdp } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { renderLoading, statesStyles } from '../element/states.js';
import { RISK_CUES, RISK_LEVELS, RISK_SHAPE_PATHS, STATUS_CUES } from './cues.js';
import { contrastRatio } from './contrast.js';
import { registerTextSize } from './text-size.js';
import { hostReset, tokens } from './tokens.js';

@customElement('theme-test-widget')
class ThemeTestWidget extends LitElement {
  static override styles = [
    tokens,
    hostReset,
    statesStyles,
    css`
      .box {
        padding: 10px;
        border: 2px solid var(--_border);
        background: var(--_surface);
        width: 100px;
        transition: opacity var(--_motion);
      }
      .small {
        font-size: var(--_font-size-sm);
      }
    `,
  ];

  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';

  override render() {
    return html`<div class="box">
        <p>Text</p>
        <span class="small">small</span>
      </div>
      ${renderLoading('en')}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'theme-test-widget': ThemeTestWidget;
  }
}

const cleanup: (() => void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) f();
  await cdp().send('Emulation.setEmulatedMedia', { features: [] });
});

async function mount(theme: 'light' | 'dark' | 'auto' = 'light', parent: HTMLElement = document.body) {
  const el = document.createElement('theme-test-widget');
  el.theme = theme;
  parent.append(el);
  cleanup.push(() => el.remove());
  await el.updateComplete;
  const root = el.shadowRoot!;
  return { el, root, box: root.querySelector<HTMLElement>('.box')!, p: root.querySelector('p')! };
}

function pageStyle(text: string): void {
  const style = document.createElement('style');
  style.textContent = text;
  document.head.append(style);
  cleanup.push(() => style.remove());
}

const emulate = (features: { name: string; value: string }[]) =>
  cdp().send('Emulation.setEmulatedMedia', { features });
const prop = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim();

describe('tokens', () => {
  it('defines light defaults on the host', async () => {
    const { el, p } = await mount();
    expect(getComputedStyle(p).color).toBe('rgb(27, 31, 36)');
    expect(prop(el, '--_surface')).toBe('#ffffff');
    expect(getComputedStyle(el).colorScheme).toBe('light');
    expect(getComputedStyle(p).fontSize).toBe('14px');
    expect(getComputedStyle(p).fontFamily).toContain('Noto Sans CJK SC');
    expect(getComputedStyle(p).fontFamily).toContain('Microsoft YaHei');
  });

  it('keeps small print at 12px or more, whatever base size the page sets', async () => {
    const { el, box } = await mount();
    for (const base of ['14px', '11px', '8px']) {
      el.style.setProperty('--safety-font-size', base);
      for (const size of ['--_font-size-xs', '--_font-size-sm']) {
        box.style.fontSize = `var(${size})`;
        expect(parseFloat(getComputedStyle(box).fontSize), `${size} at ${base}`).toBeGreaterThanOrEqual(12);
      }
    }
    el.style.setProperty('--safety-font-size', '21px');
    box.style.fontSize = 'var(--_font-size-sm)';
    expect(getComputedStyle(box).fontSize).toBe('18px');
  });

  it('dark theme gives different colours', async () => {
    const light = await mount('light');
    const dark = await mount('dark');
    expect(getComputedStyle(dark.p).color).toBe('rgb(230, 237, 243)');
    expect(getComputedStyle(dark.box).backgroundColor).toBe('rgb(13, 17, 23)');
    expect(getComputedStyle(dark.box).backgroundColor).not.toBe(getComputedStyle(light.box).backgroundColor);
    expect(getComputedStyle(dark.el).colorScheme).toBe('dark');
  });

  it('theme="auto" follows prefers-color-scheme', async () => {
    const auto = await mount('auto');
    await emulate([{ name: 'prefers-color-scheme', value: 'light' }]);
    expect(getComputedStyle(auto.p).color).toBe('rgb(27, 31, 36)');
    await emulate([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(getComputedStyle(auto.p).color).toBe('rgb(230, 237, 243)');
    const light = await mount('light');
    expect(getComputedStyle(light.p).color).toBe('rgb(27, 31, 36)');
  });

  it('takes --safety-* overrides from anywhere up the page, in both themes', async () => {
    const wrapper = document.createElement('div');
    wrapper.style.setProperty('--safety-color-text', 'rgb(1, 2, 3)');
    wrapper.style.setProperty('--safety-font-size', '20px');
    document.body.append(wrapper);
    cleanup.push(() => wrapper.remove());
    for (const theme of ['light', 'dark'] as const) {
      const { p, root } = await mount(theme, wrapper);
      expect(getComputedStyle(p).color).toBe('rgb(1, 2, 3)');
      expect(getComputedStyle(p).fontSize).toBe('20px');
      // 20px × 6/7.
      expect(getComputedStyle(root.querySelector('.small')!).fontSize).toBe('17.1429px');
    }
  });

  it('uses Chinese fonts first on a Chinese page', async () => {
    const zh = document.createElement('div');
    zh.lang = 'zh-CN';
    document.body.append(zh);
    cleanup.push(() => zh.remove());
    const { p } = await mount('light', zh);
    expect(getComputedStyle(p).fontFamily.startsWith('"PingFang SC"')).toBe(true);
  });

  it('forced colors: every colour token becomes a system colour', async () => {
    const { el, box } = await mount('dark');
    const sheetText = el
      .shadowRoot!.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText))
      .join('\n');
    expect(sheetText).toContain('@media (forced-colors: active)');

    await emulate([{ name: 'forced-colors', value: 'active' }]);
    expect(matchMedia('(forced-colors: active)').matches).toBe(true);
    expect(prop(el, '--_fg')).toBe('CanvasText');
    expect(prop(el, '--_surface')).toBe('Canvas');
    expect(prop(el, '--_focus')).toBe('Highlight');
    expect(prop(el, '--_accent')).toBe('LinkText');
    expect(prop(el, '--_risk-yellow')).toBe('CanvasText');
    expect(getComputedStyle(box).borderTopStyle).toBe('solid');
    expect(getComputedStyle(box).borderTopWidth).toBe('2px');
  });

  it('reduced motion: the motion token is 0 and the skeleton stops', async () => {
    const { el, root } = await mount();
    expect(prop(el, '--_motion')).toBe('200ms');
    expect(getComputedStyle(root.querySelector('.bone')!).animationName).toBe('safety-pulse');
    await emulate([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    expect(prop(el, '--_motion')).toBe('0ms');
    expect(getComputedStyle(root.querySelector('.box')!).transitionDuration).toBe('0s');
    expect(getComputedStyle(root.querySelector('.bone')!).animationName).toBe('none');
  });
});

describe('the reader’s own styles', () => {
  it('more contrast: secondary text as strong as body text, borders strong (light and dark)', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const { el, box, p } = await mount(theme);
      const muted = prop(el, '--_muted');
      expect(muted).not.toBe(prop(el, '--_fg'));
      await emulate([{ name: 'prefers-contrast', value: 'more' }]);
      const probe = document.createElement('span');
      el.shadowRoot!.append(probe);
      probe.style.color = 'var(--_border-strong)';
      expect(getComputedStyle(box).borderTopColor).toBe(getComputedStyle(probe).color);
      probe.style.color = 'var(--_muted)';
      expect(getComputedStyle(probe).color).toBe(getComputedStyle(p).color);
      await emulate([]);
      el.remove();
    }
  });

  it('a reader’s style sheet restyles every widget through the public properties, which reach into the shadow root', async () => {
    const { p } = await mount();
    pageStyle(
      ':root { --safety-color-text: rgb(255, 255, 0); --safety-color-surface: rgb(0, 0, 0); --safety-font-family: monospace }',
    );
    expect(getComputedStyle(p).color).toBe('rgb(255, 255, 0)');
    expect(getComputedStyle(p).fontFamily).toMatch(/^monospace/);
    expect(contrastRatio(getComputedStyle(p).color, 'rgb(0, 0, 0)')).toBeGreaterThan(15);
  });
});

describe('text follows the reader', () => {
  afterEach(async () => {
    await cdp().send('Page.setFontSizes', { fontSizes: { standard: 16 } });
  });

  it('is 14px body text at the default size and grows with the reader’s default font size, never compounding', async () => {
    registerTextSize();
    const { el, p, root } = await mount();
    const small = root.querySelector<HTMLElement>('.small')!;
    expect(getComputedStyle(p).fontSize).toBe('14px');
    expect(getComputedStyle(small).fontSize).toBe('12px');

    await cdp().send('Page.setFontSizes', { fontSizes: { standard: 32 } });
    await new Promise((r) => requestAnimationFrame(r));
    expect(getComputedStyle(el).fontSize).toBe('32px');
    expect(getComputedStyle(p).fontSize).toBe('28px');
    expect(getComputedStyle(small).fontSize).toBe('24px');
  });

  it('is not shrunk by the page’s root size, nor by !important rules on the element', async () => {
    registerTextSize();
    const { p } = await mount();
    pageStyle('html { font-size: 10px } theme-test-widget { font-size: 8px !important }');
    expect(getComputedStyle(p).fontSize).toBe('14px');
  });

  it('takes a size the page sets on purpose through --safety-font-size', async () => {
    registerTextSize();
    const { el, p } = await mount();
    el.style.setProperty('--safety-font-size', '18px');
    expect(getComputedStyle(p).fontSize).toBe('18px');
  });
});

describe('contrastRatio', () => {
  it('gives the WCAG ratio for hex and rgb() colours', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('rgb(255, 255, 255)', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#fff')).toBeCloseTo(4.54, 2);
    expect(() => contrastRatio('red', '#fff')).toThrow(/not a colour/);
  });
});

describe('hostReset', () => {
  it('keeps the widget’s typography and box model under hostile page CSS', async () => {
    const { el, box, p } = await mount();
    const before = {
      fontSize: getComputedStyle(p).fontSize,
      lineHeight: getComputedStyle(p).lineHeight,
      fontFamily: getComputedStyle(p).fontFamily,
      color: getComputedStyle(p).color,
      boxSizing: getComputedStyle(box).boxSizing,
      width: box.getBoundingClientRect().width,
    };
    expect(before.boxSizing).toBe('border-box');
    expect(before.width).toBe(100);

    pageStyle(`
      * { all: unset }
      html { font-size: 40px; line-height: 4; letter-spacing: 3px; font-family: serif; color: red }
      body { font-size: 30px !important }
      * { box-sizing: content-box }
      theme-test-widget { font-size: 50px !important; color: blue !important; box-sizing: content-box !important }
    `);
    expect(getComputedStyle(document.documentElement).fontSize).toBe('40px');

    expect(getComputedStyle(p).fontSize).toBe(before.fontSize);
    expect(getComputedStyle(p).lineHeight).toBe(before.lineHeight);
    expect(getComputedStyle(p).fontFamily).toBe(before.fontFamily);
    expect(getComputedStyle(p).color).toBe(before.color);
    expect(getComputedStyle(box).boxSizing).toBe('border-box');
    expect(getComputedStyle(el).boxSizing).toBe('border-box');
    expect(box.getBoundingClientRect().width).toBe(100);
  });

  it('lets text spacing through (WCAG 1.4.12): the text-spacing bookmarklet’s rules reach the widget’s text', async () => {
    const { p } = await mount();
    expect(getComputedStyle(p).letterSpacing).toBe('normal');
    pageStyle(`* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important }
      p { margin-bottom: 2em !important }`);
    // 0.12em and 0.16em of the host's 16px default, inherited as lengths.
    expect(getComputedStyle(p).letterSpacing).toBe('1.92px');
    expect(getComputedStyle(p).wordSpacing).toBe('2.56px');
    expect(getComputedStyle(p).lineHeight).toBe('21px');
  });

  it('lets the page lay the widget out and hide it', async () => {
    const { el } = await mount();
    expect(getComputedStyle(el).display).toBe('block');
    pageStyle('theme-test-widget.inline { --safety-display: inline-block; margin: 7px }');
    el.classList.add('inline');
    expect(getComputedStyle(el).display).toBe('inline-block');
    expect(getComputedStyle(el).marginTop).toBe('7px');
    el.hidden = true;
    expect(getComputedStyle(el).display).toBe('none');
  });

  it('stays a block with its own surface under `* { all: unset }`, `display: inline` and `background: none`', async () => {
    pageStyle('* { all: unset } theme-test-widget { display: inline; background: none }');
    const { el } = await mount('dark');
    expect(getComputedStyle(el).display).toBe('block');
    expect(getComputedStyle(el).backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
    expect(el.getBoundingClientRect().height).toBeGreaterThan(0);
  });

  it('hides with `--safety-display: none`', async () => {
    pageStyle('theme-test-widget { --safety-display: none }');
    const { el } = await mount();
    expect(getComputedStyle(el).display).toBe('none');
    expect(el.getBoundingClientRect().height).toBe(0);
  });

  it('custom properties cross `all: initial` and `* { all: unset }`', async () => {
    pageStyle('* { all: unset } body { --safety-color-text: rgb(9, 8, 7) }');
    const { p } = await mount();
    expect(getComputedStyle(p).color).toBe('rgb(9, 8, 7)');
  });
});

describe('cues', () => {
  it('gives each risk level its own shape, glyph and bilingual label', () => {
    const shapes = new Set(RISK_LEVELS.map((l) => RISK_CUES[l].shape));
    expect(shapes.size).toBe(4);
    expect(new Set(RISK_LEVELS.map((l) => RISK_CUES[l].glyph)).size).toBe(4);
    expect(RISK_CUES.red).toMatchObject({
      shape: 'triangle',
      label: { zh: '重大风险', en: 'Major risk' },
      colorVar: 'var(--_risk-red)',
    });
    expect(RISK_CUES.blue.label.zh).toBe('低风险');
    for (const shape of shapes) expect(RISK_SHAPE_PATHS[shape]).toMatch(/^M/);
  });

  it('gives each status an icon and a label', () => {
    const icons = Object.values(STATUS_CUES).map((c) => c.icon);
    expect(new Set(icons).size).toBe(icons.length);
    expect(STATUS_CUES['not-met'].label).toEqual({ zh: '未达标', en: 'Target not met' });
  });

  it('risk fills resolve to real colours in both themes', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const { root } = await mount(theme);
      const probe = document.createElement('i');
      root.append(probe);
      for (const level of RISK_LEVELS) {
        probe.style.color = RISK_CUES[level].colorVar;
        expect(getComputedStyle(probe).color, `${theme} ${level}`).toMatch(/^rgb\(/);
        probe.style.color = RISK_CUES[level].onColorVar;
        expect(getComputedStyle(probe).color, `${theme} ${level} on`).toMatch(/^rgb\(/);
      }
    }
  });
});
