/** Where the harness reads and writes: the repository, the embed files, its cache and results. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The benchmarks package folder. */
export const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The repository root. */
export const repoDir = resolve(benchDir, '..');
/** The built embed files (entries and shared chunks) (`pnpm turbo run build --filter @safety-widgets/embed...`). */
export const embedDist = join(repoDir, 'packages/embed/dist');
/** Reference bundles and generated data, rebuilt by each run (git-ignored). */
export const cacheDir = join(benchDir, '.cache');
export const referenceDist = join(cacheDir, 'references');
export const dataDir = join(cacheDir, 'data');
/** A copy of the embed files taken when a run starts, so that a rebuild meanwhile changes nothing. */
export const embedSnapshot = join(cacheDir, 'embed');
/** What a run writes: latest.json and latest.md. */
export const resultsDir = join(benchDir, 'results');
/** The sample feeds as @safety-widgets/sample-data publishes them (`pnpm build` writes them). */
export const sampleFeedsDir = join(repoDir, 'packages/sample-data/dist/feeds');
/** The Yantian sample district feed. */
export const sampleFeedPath = join(sampleFeedsDir, 'yantian.json');
