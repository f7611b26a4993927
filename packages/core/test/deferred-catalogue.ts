/** A catalogue loader for tests that settles when the test says so, counting its calls. */
import { vi } from 'vitest';
import type { Catalogue } from '../src/locale/catalogue.js';

export function deferredCatalogue<K extends string>(catalogue: Catalogue<K>) {
  let settle!: (ok: boolean) => void;
  const loader = vi.fn(
    () =>
      new Promise<{ default: Catalogue<K> }>((resolve, reject) => {
        settle = (ok) => (ok ? resolve({ default: catalogue }) : reject(new Error('chunk missing')));
      }),
  );
  return { loader, resolve: () => settle(true), reject: () => settle(false) };
}
