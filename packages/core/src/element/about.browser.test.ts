/// <reference types="@vitest/browser-playwright" />
import axe from 'axe-core';
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFeed } from '../../test/fixtures/feed.js';
import { validateFeed } from '../feed/validate.js';
import type { SupportedLocale } from '../locale/resolve.js';
import { hostReset, tokens } from '../theme/tokens.js';
import { aboutData, aboutStyles, renderAbout, renderKeyHint } from './about.js';

@customElement('about-test')
class AboutTest extends LitElement {
  static override styles = [tokens, hostReset, aboutStyles];
  @property() locale: SupportedLocale = 'en';
  override render() {
    const feed = validateFeed({ ...makeFeed(), synthetic: true }).feed!;
    return html`<div style="position: relative; height: 80px">
        <canvas tabindex="0" aria-label="chart"></canvas>
        ${renderKeyHint('Arrow keys move between grids.')}
      </div>
      ${renderAbout({
        locale: this.locale,
        what: 'The composite index <b>0–100</b>.',
        how: 'Weighted sum of 56 indicators.',
        data: aboutData(feed, this.locale),
        keys: 'Tab to the chart, then arrow keys.',
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'about-test': AboutTest;
  }
}

let el: AboutTest | undefined;
afterEach(() => el?.remove());

async function mount(locale: SupportedLocale = 'en'): Promise<ShadowRoot> {
  el = document.createElement('about-test');
  el.locale = locale;
  document.body.append(el);
  await el.updateComplete;
  return el.shadowRoot!;
}

describe('the description block', () => {
  it('is collapsed, one control away, and holds what, how, data and keys as text', async () => {
    const root = await mount();
    const details = root.querySelector('details')!;
    expect(details.open).toBe(false);
    const summary = root.querySelector('summary')!;
    expect(summary.textContent!.trim()).toBe('About this chart');
    summary.focus();
    await userEvent.keyboard('{Enter}');
    expect(details.open).toBe(true);
    const terms = [...root.querySelectorAll('dt')].map((d) => d.textContent!.trim());
    expect(terms).toEqual(['What it shows', 'How it is computed', 'Data and freshness', 'Keyboard']);
    expect(root.querySelector('b')).toBeNull();
    const data = root.querySelectorAll('dd')[2]!.textContent!.replace(/\s+/g, ' ');
    expect(data).toMatch(/^Source: .+\. Figures as of .+\..*Sample data, partly synthetic\./);
  });

  it('speaks Chinese on a Chinese page', async () => {
    const root = await mount('zh-CN');
    expect(root.querySelector('summary')!.textContent!.trim()).toBe('关于此图');
    expect(root.querySelectorAll('dd')[2]!.textContent).toMatch(/数据截至/);
  });

  it('shows the keyboard hint only while the chart has keyboard focus', async () => {
    const root = await mount();
    const hint = root.querySelector<HTMLElement>('[part="key-hint"]')!;
    expect(getComputedStyle(hint).display).toBe('none');
    await userEvent.tab();
    expect(root.activeElement?.localName).toBe('canvas');
    expect(getComputedStyle(hint).display).toBe('block');
    expect(hint.textContent).toBe('Arrow keys move between grids.');
  });

  it('has no serious or critical axe violations, open or closed', async () => {
    const root = await mount();
    for (const open of [false, true]) {
      root.querySelector('details')!.open = open;
      const result = await axe.run(el!, { resultTypes: ['violations'] });
      expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    }
  });
});
