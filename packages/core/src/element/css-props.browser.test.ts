import { html, render } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cssProps } from './css-props.js';

const hosts: HTMLElement[] = [];
afterEach(() => hosts.splice(0).forEach((h) => h.remove()));

function host(): HTMLElement {
  const el = document.createElement('div');
  document.body.append(el);
  hosts.push(el);
  return el;
}

describe('cssProps', () => {
  it('sets, updates and removes properties, custom properties included', () => {
    const el = host();
    const draw = (props: Record<string, string | number | null>) =>
      render(html`<span style=${cssProps(props)}>x</span>`, el);
    draw({ width: '40px', '--_aspect': 1.5, backgroundColor: 'rgb(1, 2, 3)' });
    const span = el.querySelector('span')!;
    expect(span.style.width).toBe('40px');
    expect(span.style.getPropertyValue('--_aspect')).toBe('1.5');
    expect(getComputedStyle(span).backgroundColor).toBe('rgb(1, 2, 3)');
    draw({ width: '50px', '--_aspect': null });
    expect(span.style.width).toBe('50px');
    expect(span.style.getPropertyValue('--_aspect')).toBe('');
    expect(span.style.backgroundColor).toBe('');
  });

  it('passes a page policy that refuses inline style attributes (styleMap would not)', async () => {
    const frame = document.createElement('iframe');
    hosts.push(frame);
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    frame.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="style-src 'self'"><body></body>`;
    document.body.append(frame);
    await loaded;
    const doc = frame.contentDocument!;
    const violations: string[] = [];
    doc.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const target = doc.createElement('div');
    doc.body.append(target);
    render(html`<span style=${cssProps({ width: '40px' })}>x</span>`, target);
    const span = target.querySelector('span')!;
    expect(span.style.width).toBe('40px');
    // The same value as an attribute is refused by the policy: the page would lose the style.
    const refused = doc.createElement('span');
    refused.setAttribute('style', 'width: 40px');
    doc.body.append(refused);
    // Reported in order: the refused attribute's violation comes after any the rendered one caused.
    await vi.waitFor(() => expect(violations).toEqual(['style-src-attr']));
    expect(refused.style.width).toBe('');
  });

  it('refuses to be one part of a longer style value', () => {
    const el = host();
    expect(() => render(html`<span style="color: red; ${cssProps({ width: '1px' })}"></span>`, el)).toThrow(
      /whole value of a style attribute/,
    );
  });
});
