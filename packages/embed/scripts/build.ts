/**
 * Builds every embed file (see embed-files.ts) with the shared self-contained bundle settings,
 * then writes `dist/manifest.json` (sizes and integrity per file) and `dist/SIZES.md`.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { widgetBundle } from '../../../vite.bundle.js';
import { EMBED_FILES } from './embed-files.js';
import { reportFile, sizeTable } from './size-report.js';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(packageDir, 'dist');
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };

rmSync(dist, { recursive: true, force: true });
for (const f of EMBED_FILES) {
  await build({
    configFile: false,
    logLevel: 'warn',
    ...widgetBundle(packageDir, f.entry, f.file, { outDir: 'dist', format: f.format, emptyOutDir: false }),
  });
}

const reports = EMBED_FILES.map((f) =>
  reportFile(f.file, readFileSync(join(dist, f.file)), f.format, f.defines),
);
writeFileSync(join(dist, 'manifest.json'), `${JSON.stringify({ version, files: reports }, null, 2)}\n`);
writeFileSync(join(dist, 'SIZES.md'), sizeTable(version, reports));
console.log(sizeTable(version, reports));
