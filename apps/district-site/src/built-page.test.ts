import { readFileSync } from 'node:fs';
import { inlineParts, loadsOnly } from '@safety-widgets/demo-kit/built-page';
import { describe, expect, it } from 'vitest';

describe('the built page (dist/index.html, run after pnpm build)', () => {
  const html = readFileSync(new URL('../dist/index.html', import.meta.url), 'utf8');

  it('loads the embed script as written, then only its own files from /assets/, nothing inline', () => {
    expect(loadsOnly(html, '/')).toBe(true);
    expect(inlineParts(html)).toEqual([]);
  });
});
