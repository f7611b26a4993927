/**
 * The merged custom-elements manifest of the built packages, as the docs app reads it
 * (.storybook/embed-info.ts): what its snippets map story args to attributes with.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CemManifest } from '../../../.storybook/widget-args.ts';
import { ROOT } from './doc-files.ts';

/** Every package's `custom-elements.json` (written by `pnpm build`), merged. */
export function widgetManifests(): CemManifest {
  const packages = join(ROOT, 'packages');
  const modules = readdirSync(packages)
    .map((name) => join(packages, name, 'custom-elements.json'))
    .filter((file) => existsSync(file))
    .flatMap((file) => (JSON.parse(readFileSync(file, 'utf8')) as CemManifest).modules);
  return { modules };
}
