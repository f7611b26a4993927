/** The files the embed build writes, from which entry, in which format. */
export interface EmbedFile {
  /** File name in `dist/`. */
  readonly file: string;
  /** Entry module in `src/`. */
  readonly entry: string;
  /**
   * `es`: an ES module entry that imports shared chunks (`dist/chunks/`); `iife`: a self-contained
   * classic script.
   */
  readonly format: 'es' | 'iife';
  /** What the file defines as soon as it runs (the autoloader: nothing until a tag appears). */
  readonly defines: readonly string[];
}

const FEED = 'safety-feed';
export const WIDGETS = [
  'safety-score-gauge',
  'safety-indicator-table',
  'safety-grid-map',
  'safety-case-timeline',
];

export const EMBED_FILES: readonly EmbedFile[] = [
  { file: 'safety-widgets.js', entry: 'src/safety-widgets.ts', format: 'es', defines: [FEED, ...WIDGETS] },
  {
    file: 'safety-widgets.iife.js',
    entry: 'src/safety-widgets.ts',
    format: 'iife',
    defines: [FEED, ...WIDGETS],
  },
  ...WIDGETS.map((tag): EmbedFile => ({
    file: `${tag}.js`,
    entry: `src/${tag}.ts`,
    format: 'es',
    defines: [FEED, tag],
  })),
  { file: 'safety-feed.js', entry: 'src/safety-feed.ts', format: 'es', defines: [FEED] },
  { file: 'safety-autoloader.js', entry: 'src/safety-autoloader.ts', format: 'es', defines: [] },
];
