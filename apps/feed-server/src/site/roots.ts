/**
 * Where the served folders are in the workspace. Looked up on each request, so a bundle or demo
 * site built while the server runs is picked up without a restart.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The four widget scripts, in page order. */
export const WIDGET_BUNDLES = [
  { tag: 'safety-score-gauge', file: 'safety-score-gauge.js' },
  { tag: 'safety-indicator-table', file: 'safety-indicator-table.js' },
  { tag: 'safety-grid-map', file: 'safety-grid-map.js' },
  { tag: 'safety-case-timeline', file: 'safety-case-timeline.js' },
] as const;

/** Folders behind /cdn/, first match wins: the embed package's build, then each widget's bundle. */
export function cdnRoots(workspace: string): string[] {
  const roots: string[] = [];
  const embed = join(workspace, 'packages/embed/dist');
  if (existsSync(embed)) roots.push(embed);
  const packages = join(workspace, 'packages');
  let names: string[] = [];
  try {
    names = readdirSync(packages).sort();
  } catch {
    // No packages folder: nothing to serve.
  }
  for (const name of names) {
    const bundle = join(packages, name, 'dist/bundle');
    if (existsSync(bundle)) roots.push(bundle);
  }
  return roots;
}

/** The built Storybook, when it has been built. */
export function docsRoot(workspace: string): string | undefined {
  const root = join(workspace, 'storybook-static');
  return existsSync(join(root, 'index.html')) ? root : undefined;
}

/** The demo sites (apps/district-site, street-portal, third-party) and the iframe embed, each at its URL prefix. */
export const DEMO_APPS = [
  { prefix: '/', app: 'district-site' },
  { prefix: '/streets/', app: 'street-portal' },
  { prefix: '/third-party/', app: 'third-party' },
  { prefix: '/embed/', app: 'embed-frame' },
] as const;

/** A demo app's served folder: its `dist` when built, else the app folder if it has an index.html. */
export function demoRoot(workspace: string, app: string): string | undefined {
  for (const dir of [join(workspace, 'apps', app, 'dist'), join(workspace, 'apps', app)]) {
    if (existsSync(join(dir, 'index.html'))) return dir;
  }
  return undefined;
}

/** Whether the /cdn/ folders hold `file`. */
export function cdnHas(workspace: string, file: string): boolean {
  return cdnRoots(workspace).some((root) => existsSync(join(root, file)));
}
