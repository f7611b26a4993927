/**
 * What an element's TypeScript source says about its public surface, read without running it: the
 * `part` names its templates write, the `--safety-*` custom properties its styles read, the events it
 * dispatches, the slots it renders, and the tags a package registers. The manifest test compares
 * these with each package's custom-elements.json, so the manifest cannot drift from the code.
 *
 * Comments are dropped first (TypeScript's printer), so the JSDoc that the manifest is generated
 * from never counts as evidence for itself.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';

/** What a set of source files uses. */
export interface SourceFacts {
  /** Names given in `part="…"` attributes (and string literals in `part=${…}` bindings). */
  parts: Set<string>;
  /** Every quoted string literal: where dynamic part names such as `note ${kind}` come from. */
  literals: Set<string>;
  /** Custom properties read with `var(--safety-…)`. */
  cssProperties: Set<string>;
  /** Events dispatched with core's `emit(el, 'name', …)` or `new CustomEvent('name', …)`. */
  events: Set<string>;
  /** Slots rendered: `''` for the default slot, else the slot's name. */
  slots: Set<string>;
}

const isTestFile = (file: string) => /\.(test|stories|bench)\.tsx?$/.test(file);

/** A file's code without its comments. */
function code(file: string): string {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  return ts.createPrinter({ removeComments: true }).printFile(source);
}

/** The relative module specifiers a file imports or re-exports (static and dynamic imports). */
function relativeImports(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName).filter((name) => name.startsWith('.'));
}

/** The TypeScript file an import specifier (`./x.js`, `./dir/index.js`) of `from` refers to. */
function resolveImport(from: string, specifier: string): string | undefined {
  const base = join(dirname(from), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts'), base];
  return candidates.find((file) => file.endsWith('.ts') && existsSync(file));
}

/**
 * `entry` and every file of its own package it imports, directly or not (imports of other
 * packages are not followed; test and story files are left out).
 */
export function moduleGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || isTestFile(file)) return;
    seen.add(file);
    for (const specifier of relativeImports(file)) {
      const target = resolveImport(file, specifier);
      if (target) visit(target);
    }
  };
  visit(entry);
  return [...seen];
}

/** Every non-test TypeScript file under `dir`. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !isTestFile(file))
    .map((file) => join(dir, file));
}

const PART = /\bpart=(?:"([^"]*)"|'([^']*)'|\$\{([^}]*)\})/g;
const QUOTED = /'([^'\\\n]*)'|"([^"\\\n]*)"/g;
const VAR = /var\(\s*(--safety-[a-z0-9-]+)/g;
const EMIT = /\bemit\(\s*[\w.]+\s*,\s*['"]([\w-]+)['"]/g;
const NEW_EVENT = /\bnew\s+(?:Custom)?Event(?:<[^>]*>)?\(\s*['"]([\w-]+)['"]/g;
const SLOT = /<slot\b([^>]*)>/g;

const quoted = (text: string) => [...text.matchAll(QUOTED)].map((m) => m[1] ?? m[2] ?? '');
const words = (text: string) => text.split(/\s+/).filter((w) => /^[a-z][a-z0-9-]*$/.test(w));

/** The facts of `files` taken together. */
export function sourceFacts(files: readonly string[]): SourceFacts {
  const facts: SourceFacts = {
    parts: new Set(),
    literals: new Set(),
    cssProperties: new Set(),
    events: new Set(),
    slots: new Set(),
  };
  for (const file of files) {
    const text = code(file);
    for (const m of text.matchAll(PART)) {
      // `part="note ${kind}"` gives `note`; `part=${cards ? 'row card' : 'row'}` gives row and card.
      const names = m[3] !== undefined ? quoted(m[3]).flatMap(words) : words(m[1] ?? m[2] ?? '');
      for (const name of names) facts.parts.add(name);
    }
    for (const literal of quoted(text)) facts.literals.add(literal);
    for (const m of text.matchAll(VAR)) facts.cssProperties.add(m[1]!);
    for (const m of text.matchAll(EMIT)) facts.events.add(m[1]!);
    for (const m of text.matchAll(NEW_EVENT)) facts.events.add(m[1]!);
    for (const m of text.matchAll(SLOT)) facts.slots.add(/\bname="([^"]*)"/.exec(m[1]!)?.[1] ?? '');
  }
  return facts;
}

/** A tag registration found in source: `defineElement('tag', Class, …)` in `module`. */
export interface TagRegistration {
  tag: string;
  className: string;
  /** The registering file, relative to the package folder with `/` separators (as manifests write it). */
  module: string;
}

const DEFINE = /\b(?:defineElement|customElements\.define)\(\s*['"]([a-z][\w-]*)['"]\s*,\s*(\w+)/g;

/** Every tag the package in `packageDir` registers in its `src` (guarded define or the platform's). */
export function tagRegistrations(packageDir: string): TagRegistration[] {
  return sourceFiles(join(packageDir, 'src')).flatMap((file) =>
    [...code(file).matchAll(DEFINE)].map((m) => ({
      tag: m[1]!,
      className: m[2]!,
      module: relative(packageDir, file).split(sep).join('/'),
    })),
  );
}
