/**
 * Static files: the widget bundles at /cdn/, the built Storybook at /docs/, the demo sites.
 *
 * Path-traversal safe: the URL path is decoded once, any `..`, `.`-prefixed (hidden) segment,
 * backslash or NUL is refused, the joined path must stay under the root, and so must its real
 * path (no symlink out). Content types come from a fixed table; unknown extensions are
 * `application/octet-stream` and everything is `nosniff`.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The Content-Security-Policy of every demo page: no inline script or style. */
export const DEMO_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

export interface StaticOptions {
  /** Extra headers (CSP, CORS, caching). */
  headers?: Record<string, string>;
  /** Serve this file (relative to the root) when the path names nothing: single-page apps. */
  fallback?: string;
}

/** The file under `root` that the URL path `urlPath` names, or undefined when it is not allowed. */
export function resolveUnder(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s.startsWith('.'))) return undefined;
  const full = join(root, ...segments);
  return full === root || full.startsWith(root + sep) ? full : undefined;
}

async function fileUnder(
  root: string,
  candidate: string,
): Promise<{ path: string; size: number; mtimeMs: number } | undefined> {
  try {
    let info = await stat(candidate);
    let path = candidate;
    if (info.isDirectory()) {
      path = join(candidate, 'index.html');
      info = await stat(path);
    }
    if (!info.isFile()) return undefined;
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(path)]);
    if (!realFile.startsWith(realRoot + sep)) return undefined;
    return { path: realFile, size: info.size, mtimeMs: info.mtimeMs };
  } catch {
    return undefined;
  }
}

/** Serves `urlPath` from `root`; false when there is no such file (nothing was sent). */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  urlPath: string,
  options: StaticOptions = {},
): Promise<boolean> {
  const candidate = resolveUnder(root, urlPath);
  let file = candidate ? await fileUnder(root, candidate) : undefined;
  if (!file && candidate && options.fallback && extname(candidate) === '') {
    file = await fileUnder(root, join(root, options.fallback));
  }
  if (!file) return false;
  const etag = `W/"${file.size.toString(36)}-${Math.floor(file.mtimeMs).toString(36)}"`;
  const headers: Record<string, string | number> = {
    'Content-Type': CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
    ETag: etag,
    'Last-Modified': new Date(file.mtimeMs).toUTCString(),
    ...options.headers,
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  headers['Content-Length'] = file.size;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  createReadStream(file.path)
    .on('error', () => res.destroy())
    .pipe(res);
  return true;
}
