/**
 * The version of this copy of the library, reported when two copies meet on one page. Every public
 * package shares it (changesets' fixed group), so the widgets register with core's. Written from
 * package.json by `pnpm version-packages` (scripts/sync-versions.mjs); a test checks the two agree.
 */
export const VERSION = '0.0.0';
