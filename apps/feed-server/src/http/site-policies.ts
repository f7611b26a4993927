/**
 * What each served prefix is sent with. `/cdn/` holds the widget files: CORS `*` so any page may
 * load them, and `/cdn/` itself answers the index of its files. `/docs/` is the docs app, which
 * runs inline scripts and so gets no CSP. `/embed/` is the iframe embed, which any site may frame.
 * Every other prefix is a demo site, sent with the strict CSP (no inline script or style).
 */
import { DEMO_CSP } from './static-files.js';

export interface SitePolicy {
  /** The word `--help` and the start-up lines use for it. */
  label: 'site' | 'widgets' | 'docs';
  /** Whether the prefix itself answers the JSON index of its files. */
  index: boolean;
  /** Headers for the file at `path` (relative to the prefix). */
  headers(path: string): Record<string, string>;
}

const CDN_PREFIX = '/cdn/';
const DOCS_PREFIX = '/docs/';
const EMBED_PREFIX = '/embed/';

const DEMO_HEADERS = {
  'Content-Security-Policy': DEMO_CSP,
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'SAMEORIGIN',
};

/**
 * The iframe embed exists to be framed by any site: the same strict CSP, but framing allowed
 * from anywhere (`frame-ancestors *`, no X-Frame-Options). The page shows public figures only.
 */
const EMBED_HEADERS = {
  'Content-Security-Policy': `${DEMO_CSP}; frame-ancestors *`,
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

const CDN_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Cache-Control': 'public, no-cache',
};
/** Shared chunks are named for their content (`chunks/runtime-<hash>.js`): cached for good. */
const CHUNK_HEADERS = { ...CDN_HEADERS, 'Cache-Control': 'public, max-age=31536000, immutable' };

/** The policy of a served prefix. */
export function policyOf(prefix: string): SitePolicy {
  switch (prefix) {
    case CDN_PREFIX:
      return {
        label: 'widgets',
        index: true,
        headers: (path) => (path.startsWith('chunks/') ? CHUNK_HEADERS : CDN_HEADERS),
      };
    case DOCS_PREFIX:
      return { label: 'docs', index: false, headers: () => ({}) };
    case EMBED_PREFIX:
      return { label: 'site', index: false, headers: () => EMBED_HEADERS };
    default:
      return { label: 'site', index: false, headers: () => DEMO_HEADERS };
  }
}
