import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const html = readFileSync(new URL('./index.html', import.meta.url), 'utf8');
const css = readFileSync(new URL('./newsletter.css', import.meta.url), 'utf8');

describe('the third-party page', () => {
  it('loads only the classic embed script, with no script, style or handler inline', () => {
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script src="/cdn/safety-widgets.iife.js">']);
    expect(html).not.toContain('type="module"');
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
  });

  it('declares the strict CSP in a meta element too', () => {
    expect(html).toContain(
      `<meta
      http-equiv="Content-Security-Policy"
      content="default-src 'self'; script-src 'self'; style-src 'self'"
    />`,
    );
  });

  it('is hostile on purpose: a total reset, a huge root font, content-box and heavy element rules', () => {
    expect(css).toMatch(/\*\s*{\s*all: unset;/);
    expect(css).toMatch(/html\s*{[^}]*font-size: 32px/);
    expect(css).toContain('box-sizing: content-box !important');
    for (const element of ['div', 'table', 'svg', 'canvas'])
      expect(css).toMatch(new RegExp(`^${element} {`, 'm'));
  });

  it('embeds a few widgets and says the figures are synthetic', () => {
    for (const tag of [
      'safety-score-gauge',
      'safety-grid-map',
      'safety-case-timeline',
      'safety-indicator-table',
    ])
      expect(html).toMatch(new RegExp(`<${tag}\\s`));
    expect(html).toContain('synthetic');
  });
});
