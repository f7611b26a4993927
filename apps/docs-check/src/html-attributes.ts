/**
 * The attributes of the first `<tag …>` in generated HTML, their values unescaped: how the
 * snippet tests read what a browser would.
 */
import { expect } from 'vitest';

export function attributesOf(html: string, tag: string): Record<string, string> {
  const open = new RegExp(`<${tag}\\s([^>]*?)/?>`).exec(html);
  expect(open, `a <${tag}> in ${html}`).not.toBeNull();
  const out: Record<string, string> = {};
  for (const [, name, value] of open![1]!.matchAll(/([a-z-]+)="([^"]*)"/g)) {
    out[name!] = value!
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  }
  return out;
}
