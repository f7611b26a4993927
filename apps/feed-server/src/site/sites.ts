/**
 * The served folders (`--sites`): URL prefixes mapped to folders. A prefix may be given more than
 * once; its folders are tried in order, so the first one holding a file wins. A request belongs to
 * the longest prefix it starts with and is looked up only in that prefix's folders. Folders are
 * looked up on each request, so one built while the server runs is picked up without a restart.
 */
import { isAbsolute, resolve } from 'node:path';

/** One URL prefix and one folder served under it. */
export interface SiteMount {
  /** Starts and ends with `/`: `/`, `/streets/`. */
  prefix: string;
  /** Absolute, or relative to the repository root. */
  folder: string;
}

/** A prefix with all its folders, resolved to absolute paths, in the order given. */
export interface SiteGroup {
  prefix: string;
  folders: string[];
}

/** The feed API's prefix, which no site may take. */
const API_PREFIX = '/api/';

/**
 * Reads `--sites` (`/=apps/district-site/dist,/cdn/=packages/embed/dist`): comma-separated
 * `prefix=folder` entries; spaces around them and empty entries are dropped. Throws an Error
 * that names `source` (the flag or variable) and the bad entry.
 */
export function parseSites(source: string, raw: string): SiteMount[] {
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) throw new Error(`${source}: expected prefix=folder entries, got "${raw}"`);
  return entries.map((entry) => {
    const equals = entry.indexOf('=');
    const prefix = entry.slice(0, equals).trim();
    const folder = entry.slice(equals + 1).trim();
    if (equals === -1 || folder === '')
      throw new Error(`${source}: "${entry}" is not prefix=folder (e.g. /streets/=apps/street-portal/dist)`);
    if (!/^\/([^/?#%\\]+\/)*$/.test(prefix) || prefix.split('/').some((s) => s === '.' || s === '..'))
      throw new Error(
        `${source}: "${prefix}" is not a URL prefix: it starts and ends with / (e.g. /streets/)`,
      );
    if (prefix.startsWith(API_PREFIX))
      throw new Error(`${source}: "${prefix}" is under ${API_PREFIX}, which is the feed API's`);
    return { prefix, folder };
  });
}

/** The `--sites` text of `mounts` (what `parseSites` reads back). */
export function formatSites(mounts: readonly SiteMount[]): string {
  return mounts.map((m) => `${m.prefix}=${m.folder}`).join(',');
}

/** `mounts` grouped by prefix, in the order each prefix first appears, folders resolved against `root`. */
export function siteGroups(mounts: readonly SiteMount[], root: string): SiteGroup[] {
  const groups = new Map<string, string[]>();
  for (const { prefix, folder } of mounts) {
    const folders = groups.get(prefix) ?? [];
    folders.push(isAbsolute(folder) ? folder : resolve(root, folder));
    groups.set(prefix, folders);
  }
  return [...groups].map(([prefix, folders]) => ({ prefix, folders }));
}

/** The group a URL path belongs to: the longest prefix it starts with. */
export function groupOf(groups: readonly SiteGroup[], path: string): SiteGroup | undefined {
  let owner: SiteGroup | undefined;
  for (const group of groups)
    if (path.startsWith(group.prefix) && group.prefix.length > (owner?.prefix.length ?? -1)) owner = group;
  return owner;
}

/** The group whose prefix is `path` without its final slash (`/streets` for `/streets/`), to redirect to it. */
export function groupMissingSlash(groups: readonly SiteGroup[], path: string): SiteGroup | undefined {
  return groups.find((group) => group.prefix !== '/' && path === group.prefix.slice(0, -1));
}
