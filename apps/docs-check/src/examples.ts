/**
 * The code examples of the docs, compiled as a reader's project would compile them: TypeScript and
 * JavaScript (`ts`, `tsx`, `js`, `jsx` blocks, and inline `<script>`s of `html` blocks), each a module
 * of its own, with the repository's strict compiler options, resolving
 * `@safety-widgets/*` to the BUILT packages (their `exports` and `dist` types, as an app would get them
 * from npm); JSON (`json` blocks, import maps) parsed.
 */
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { ROOT } from './doc-files.ts';
import type { CodeBlock } from './fences.ts';

/** How an example is checked. */
export type ExampleKind = 'ts' | 'tsx' | 'js' | 'jsx' | 'json';

/** One example to check: a block, or a script inside an `html` block. */
export interface Example {
  file: string;
  /** 1-based line in `file` of the example's first line of code. */
  line: number;
  kind: ExampleKind;
  code: string;
}

const KINDS: Readonly<Record<string, ExampleKind>> = {
  ts: 'ts',
  typescript: 'ts',
  mts: 'ts',
  tsx: 'tsx',
  js: 'js',
  javascript: 'js',
  mjs: 'js',
  jsx: 'jsx',
  json: 'json',
};

/** The examples in a block: itself for TS, JS and JSON, its inline scripts for HTML, none otherwise. */
export function examplesOf(block: CodeBlock): Example[] {
  const kind = KINDS[block.lang];
  if (kind) return [{ file: block.file, line: block.line + 1, kind, code: block.code }];
  if (block.lang !== 'html') return [];
  const examples: Example[] = [];
  for (const match of block.code.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes = '', body = ''] = match;
    if (/\bsrc\s*=/i.test(attributes) || body.trim() === '') continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase() ?? '';
    const isScript = type === '' || type === 'module' || type === 'text/javascript';
    if (!isScript && !type.includes('json') && type !== 'importmap') continue;
    const before = block.code.slice(0, match.index! + match[0].indexOf('>') + 1);
    examples.push({
      file: block.file,
      line: block.line + before.split('\n').length,
      kind: isScript ? 'js' : 'json',
      code: body,
    });
  }
  return examples;
}

/** Where an example sits for the compiler: a file of this package, so that imports resolve from here. */
const PACKAGE_DIR = resolve(import.meta.dirname, '..');
const virtualPath = (example: Example, index: number) =>
  join(
    PACKAGE_DIR,
    'examples',
    `${example.file.replace(/[^a-z0-9]+/gi, '-')}-${example.line}-${index}.${example.kind}`,
  );

/** The repository's strict options (tsconfig.base.json), for browser code: DOM, no Node types, JSX for React. */
function compilerOptions(): ts.CompilerOptions {
  const base = ts.readConfigFile(join(ROOT, 'tsconfig.base.json'), (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(base.config, ts.sys, ROOT);
  return {
    ...options,
    noEmit: true,
    declaration: false,
    declarationMap: false,
    sourceMap: false,
    allowJs: true,
    checkJs: true,
    jsx: ts.JsxEmit.ReactJSX,
    // Every example is a module of its own, with or without imports.
    moduleDetection: ts.ModuleDetectionKind.Force,
    types: [],
  };
}

/**
 * Compiles each TS and JS example on its own (as the one file of a reader's project, so that an
 * example missing an import fails even when another example has it) and parses the JSON ones.
 * Returns each example's problems (`file:line: message`, at the line of the doc), in the order of
 * `examples`: an empty list when it compiles.
 */
export function checkExamples(examples: readonly Example[]): string[][] {
  const options = compilerOptions();
  const sources = new Map<string, string>();
  examples.forEach((example, index) => {
    if (example.kind !== 'json') sources.set(virtualPath(example, index), example.code);
  });
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile, getSourceFile } = host;
  // Library and package declarations are parsed once for all the examples' programs.
  const parsed = new Map<string, ts.SourceFile | undefined>();
  host.fileExists = (path) => sources.has(path) || fileExists.call(host, path);
  host.readFile = (path) => sources.get(path) ?? readFile.call(host, path);
  host.getSourceFile = (path, languageVersion, onError, shouldCreate) => {
    const text = sources.get(path);
    if (text !== undefined) return ts.createSourceFile(path, text, languageVersion, true);
    if (!parsed.has(path))
      parsed.set(path, getSourceFile.call(host, path, languageVersion, onError, shouldCreate));
    return parsed.get(path);
  };

  let previous: ts.Program | undefined;
  return examples.map((example, index) => {
    const at = (offset: number) => `${example.file}:${example.line + offset}`;
    if (example.kind === 'json') {
      try {
        JSON.parse(example.code);
        return [];
      } catch (error) {
        return [`${at(0)}: not valid JSON: ${(error as Error).message}`];
      }
    }
    const path = virtualPath(example, index);
    const program = ts.createProgram([path], options, host, previous);
    previous = program;
    const source = program.getSourceFile(path)!;
    const diagnostics = [
      ...program.getGlobalDiagnostics(),
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ];
    return diagnostics.map((d) => {
      const line =
        d.file === source && d.start !== undefined ? source.getLineAndCharacterOfPosition(d.start).line : 0;
      return `${at(line)}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
  });
}
