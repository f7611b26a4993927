/**
 * Build outputs the docs app reads: the merged custom-elements manifest of every package and the
 * embed package's manifest (version, files, SRI hashes, sizes). Loaded with `import.meta.glob`, so
 * a missing file (a package not built yet) leaves an empty value instead of breaking the build.
 */
import type { CemManifest, EmbedManifest } from './embed-snippet.ts';

type Manifest = { schemaVersion: string; modules: CemManifest['modules'] };

/** One manifest for autodocs, merged from each package's custom-elements.json (written by `pnpm build`). */
const manifests = Object.values(
  import.meta.glob<Manifest>('../packages/*/custom-elements.json', { eager: true, import: 'default' }),
);
export const elements = {
  schemaVersion: manifests[0]?.schemaVersion ?? '1.0.0',
  modules: manifests.flatMap((m) => m.modules),
};

/** One file of the embed manifest with its sizes. */
export type EmbedFileWithSizes = EmbedManifest['files'][number] & {
  bytes: number;
  gzip: number;
  brotli: number;
  /** An entry with its chunks: what a page downloads. */
  page?: { bytes: number; gzip: number; brotli: number };
};

/** packages/embed/dist/manifest.json, or undefined before `pnpm --filter @safety-widgets/embed build`. */
export const embedManifest = Object.values(
  import.meta.glob<EmbedManifest & { files: EmbedFileWithSizes[] }>('../packages/embed/dist/manifest.json', {
    eager: true,
    import: 'default',
  }),
)[0];
