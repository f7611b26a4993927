/**
 * The start-up lines about the served folders: the URL of each prefix that answers (its folder
 * holds an index.html, or it is the /cdn/ index), and what is not built yet.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { policyOf } from '../http/site-policies.js';
import { siteGroups, type SiteMount } from './sites.js';

/** One line per served prefix, in the order `sites` gives them; `url` is the server's origin. */
export function siteLines(url: string, sites: readonly SiteMount[], root: string): string[] {
  const lines: string[] = [];
  let previous = '';
  for (const { prefix, folders } of siteGroups(sites, root)) {
    const { label, index } = policyOf(prefix);
    const head = `  ${(label === previous ? '' : label).padEnd(11)}`;
    previous = label;
    const shown = folders.map((folder) => relative(root, folder) || '.').join(', ');
    const at = `${url}${prefix}`.padEnd(url.length + 14);
    if (index) {
      const any = folders.some((folder) => existsSync(folder));
      lines.push(`${head}${at} ${any ? shown : `(nothing built yet in ${shown}: pnpm build)`}`);
    } else if (folders.some((folder) => existsSync(join(folder, 'index.html'))))
      lines.push(`${head}${at} ${shown}`);
    else lines.push(`${head}${prefix} not built yet (${shown} has no index.html)`);
  }
  return lines;
}
