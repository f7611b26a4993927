import { readFileSync } from 'node:fs';
import { inlineParts, loadsOnly } from '@safety-widgets/demo-kit/built-page';
import { describe, expect, it } from 'vitest';
import { STREETS, escapeHtml, renderStreetPage } from './streets.js';

const template = readFileSync(new URL('./street.html', import.meta.url), 'utf8');

describe('the sub-district pages', () => {
  it('has the four sub-districts of the sample feeds', () => {
    expect(STREETS.map((s) => s.id)).toEqual(['shatoujiao', 'haishan', 'yantian-subdistrict', 'meisha']);
  });

  it.each(STREETS)('puts $id’s feed, map and names into its page', (street) => {
    const html = renderStreetPage(template, street);
    expect(html).not.toMatch(/\{\{/);
    expect(html).toContain(`<safety-feed id="street" src="/api/feeds/${street.id}"></safety-feed>`);
    expect(html).toContain(`subdistrict="${street.id}"`);
    expect(html).toContain(street.zh);
    expect(html).toContain(street.en);
    // Links to the three others, not to itself.
    for (const other of STREETS)
      expect(html.includes(`href="/streets/${other.id}/"`)).toBe(other.id !== street.id);
  });

  it('builds every page with the embed script as written, then only its own files, nothing inline', () => {
    for (const page of ['index.html', ...STREETS.map((s) => `${s.id}/index.html`)]) {
      const html = readFileSync(new URL(`../dist/${page}`, import.meta.url), 'utf8');
      expect(loadsOnly(html, '/streets/'), page).toBe(true);
      expect(inlineParts(html), page).toEqual([]);
    }
  });

  it('refuses a placeholder it does not know and escapes what it writes', () => {
    expect(() => renderStreetPage('{{nope}}', STREETS[0]!)).toThrow('unknown placeholder {{nope}}');
    expect(escapeHtml('<a href="x">&\'')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
  });
});
