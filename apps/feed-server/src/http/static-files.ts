/**
 * Static files from the served folders (`--sites`): the widget files, the docs app, the demo sites.
 * @fastify/static sends them (ETag, Last-Modified, Range, HEAD); this module picks the file.
 *
 * Path-traversal safe: the URL path is decoded once, any `..`, `.`-prefixed (hidden) segment,
 * backslash or NUL is refused, the joined path must stay under the root, and so must its real
 * path (no symlink out). Content types come from a fixed table; unknown extensions are
 * `application/octet-stream`. Content-hashed files (`index-BnwyNPIb.js`) are cached for a year
 * as immutable; everything else is revalidated on each use.
 */
import { realpath, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import type { FastifyReply } from 'fastify';

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

/** A file found under a served folder: its real path and the folder's real path. */
export interface FoundFile {
  path: string;
  root: string;
  /** The URL path named a folder, and this is its `index.html`. */
  folder: boolean;
}

/**
 * The file the URL path `urlPath` names under `root` (a folder's `index.html` for a folder), or
 * undefined when there is none or it is not allowed.
 */
export async function findStatic(root: string, urlPath: string): Promise<FoundFile | undefined> {
  const candidate = resolveUnder(root, urlPath);
  if (!candidate) return undefined;
  try {
    let info = await stat(candidate);
    let path = candidate;
    const folder = info.isDirectory();
    if (folder) {
      path = join(candidate, 'index.html');
      info = await stat(path);
    }
    if (!info.isFile()) return undefined;
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(path)]);
    if (!realFile.startsWith(realRoot + sep)) return undefined;
    return { path: realFile, root: realRoot, folder };
  } catch {
    return undefined;
  }
}

/** `name-<8-character hash>.ext`, as Vite and Storybook name their built assets. */
const HASHED = /[-.]([\w-]{8})\.(?:js|mjs|css|woff2?|svg|png|jpe?g|webp|wasm)$/;

/** Whether a file's name carries a hash of its content (so it never changes under that name). */
export function isContentHashed(path: string): boolean {
  const token = HASHED.exec(basename(path))?.[1];
  // A hash has capitals, digits or underscores; an 8-letter word (`-overview.js`) is not one.
  return token !== undefined && /[A-Z0-9_]/.test(token);
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** @fastify/static's `setHeaders`: the content type from the table, `Vary`, a year for hashed files. */
export function staticHeaders(reply: FastifyReply, path: string): void {
  const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  reply.header('Content-Type', type);
  // Sent compressed or not by Accept-Encoding: a shared cache must keep the two apart.
  if (/^text\/|json|svg|javascript/.test(type)) reply.header('Vary', 'accept-encoding');
  if (isContentHashed(path)) reply.header('Cache-Control', IMMUTABLE);
}

/** Sends `file` with `headers` (CSP, CORS; `Cache-Control` defaults to revalidation). */
export function sendStatic(reply: FastifyReply, file: FoundFile, headers: Record<string, string> = {}): void {
  reply.headers({ 'Cache-Control': 'no-cache', ...headers });
  reply.sendFile(relative(file.root, file.path), file.root);
}
