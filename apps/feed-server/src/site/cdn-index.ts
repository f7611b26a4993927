/**
 * `/cdn/`: the index of the widget files served there — name, size and the Subresource
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

/** The files at the top of the /cdn/ folders, the first folder's winning a name clash. */
export async function cdnIndex(roots: readonly string[]): Promise<CdnFile[]> {
  const files = new Map<string, CdnFile>();
  for (const root of roots) {
    for (const name of (await readdir(root)).sort()) {
      if (name.startsWith('.') || files.has(name)) continue;
      const path = join(root, name);
      const info = await stat(path);
      if (!info.isFile()) continue;
      const integrity = await integrityOf(path, info.size, info.mtimeMs);
      files.set(name, { name, size: info.size, integrity, url: `/cdn/${encodeURIComponent(name)}` });
    }
  }
  return [...files.values()];
}
