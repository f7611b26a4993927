/**
 * `/cdn/`: the index of the widget files served there, read from its folders — name, size and the Subresource
 * Integrity hash to paste beside each `<script src>` — so a page author can pin exactly what
 * this server serves. Hashes are computed once per file version (size and modification time).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface CdnFile {
  name: string;
  /** Bytes, uncompressed. */
  size: number;
  /** `sha384-…`, for the `integrity` attribute. */
  integrity: string;
  url: string;
}

const hashes = new Map<string, { key: string; integrity: string }>();

async function integrityOf(path: string, size: number, mtimeMs: number): Promise<string> {
  const key = `${size}:${mtimeMs}`;
  const known = hashes.get(path);
  if (known?.key === key) return known.integrity;
  const integrity = `sha384-${createHash('sha384')
    .update(await readFile(path))
    .digest('base64')}`;
  hashes.set(path, { key, integrity });
  return integrity;
}

/** The names of the files under `root` that /cdn/ lists: the top level and the shared `chunks/`. */
async function listed(root: string): Promise<string[]> {
  const top = (await readdir(root)).sort();
  const chunks = top.includes('chunks')
    ? (await readdir(join(root, 'chunks'))).sort().map((name) => `chunks/${name}`)
    : [];
  return [...top, ...chunks];
}

/**
 * The files at the top of the folders `roots` and in their `chunks/` (the shared chunks the entry
 * files import, whose integrity an import map pins), the first folder's winning a name clash;
 * each with its URL under `prefix`.
 */
export async function cdnIndex(roots: readonly string[], prefix: string): Promise<CdnFile[]> {
  const files = new Map<string, CdnFile>();
  for (const root of roots) {
    for (const name of await listed(root)) {
      if (name.startsWith('.') || name.includes('/.') || files.has(name)) continue;
      const path = join(root, name);
      const info = await stat(path);
      if (!info.isFile()) continue;
      const integrity = await integrityOf(path, info.size, info.mtimeMs);
      files.set(name, {
        name,
        size: info.size,
        integrity,
        url: `${prefix}${name.split('/').map(encodeURIComponent).join('/')}`,
      });
    }
  }
  return [...files.values()];
}
