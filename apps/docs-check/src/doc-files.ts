/**
 * The docs a reader sees, as files of the repository: every README (root, packages, apps, benchmarks),
 * CONTRIBUTING.md, the Markdown under docs/, and the docs app's pages (`.mdx` under .storybook/ and in
 * any package's src/). Release notes (.changeset/, CHANGELOG.md) are history, not docs.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** The repository's root. */
export const ROOT = resolve(import.meta.dirname, '../../..');

const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.turbo', '.git', 'storybook-static', '.cache']);

/** Files under `dir` (relative to ROOT) whose name passes `keep`, searched `depth` folders deep. */
function walk(dir: string, keep: (name: string) => boolean, depth: number): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  const found: string[] = [];
  for (const name of readdirSync(abs).sort()) {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) {
      if (depth > 0 && !SKIPPED_DIRS.has(name)) found.push(...walk(join(dir, name), keep, depth - 1));
    } else if (keep(name)) {
      found.push(relative(ROOT, path).split(sep).join('/'));
    }
  }
  return found;
}

const isReadme = (name: string) => name === 'README.md';
const isMarkdown = (name: string) => name.endsWith('.md');
const isMdx = (name: string) => name.endsWith('.mdx');

/** Every doc file, relative to the repository root with forward slashes. */
export function docFiles(): string[] {
  const packageDirs = (parent: string) =>
    existsSync(join(ROOT, parent))
      ? readdirSync(join(ROOT, parent))
          .filter((name) => statSync(join(ROOT, parent, name)).isDirectory())
          .sort()
          .map((name) => `${parent}/${name}`)
      : [];
  return [
    'README.md',
    'CONTRIBUTING.md',
    ...[...packageDirs('packages'), ...packageDirs('apps'), 'benchmarks'].flatMap((dir) =>
      walk(dir, isReadme, 0),
    ),
    ...walk('docs', isMarkdown, 4),
    ...walk('.storybook', isMdx, 4),
    ...packageDirs('packages').flatMap((dir) => walk(`${dir}/src`, isMdx, 4)),
  ].filter((file) => existsSync(join(ROOT, file)));
}
