/**
 * Checks the event types a custom-elements.json gives (`CustomEvent<{ area: string }>`) against the
 * types the packages declare for TypeScript users (`GlobalEventHandlersEventMap`, which core's
 * `SafetyEventMap` and each widget's augmentation feed). One in-memory file is compiled against the
 * built packages: for every event, the manifest's type and the declared one must be the same type.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** One event as a manifest documents it. */
export interface EventTypeCheck {
  /** Who documents it, for messages: `<safety-grid-map>`. */
  element: string;
  event: string;
  /** The manifest's `type.text`. */
  type: string;
  /** The package whose exports the type's names (`FeedState`) come from. */
  packageName: string;
}

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Not on disk: compiled from memory, resolving packages as a file of this package would. */
const CHECK_FILE = join(PACKAGE_DIR, 'test', '__manifest-event-types__.ts');

/** TypeScript's own names a type text may use unqualified. */
const GLOBAL_NAMES = new Set([
  'CustomEvent',
  'Event',
  'Record',
  'Partial',
  'Readonly',
  'ReadonlyArray',
  'Array',
]);

/** `text` with every capitalised type name outside quotes qualified as `ns.Name`. */
function qualify(text: string, ns: string): string {
  return text
    .split(/('[^']*'|"[^"]*")/)
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece.replace(/(?<![.\w])([A-Z]\w*)/g, (name) => (GLOBAL_NAMES.has(name) ? name : `${ns}.${name}`)),
    )
    .join('');
}

/**
 * The mismatches, one line each (`<safety-grid-map> safety-grid-select: …`); empty when every
 * manifest type is exactly the declared one.
 */
export function eventTypeMismatches(checks: readonly EventTypeCheck[]): string[] {
  const packages = [...new Set(checks.map((c) => c.packageName))];
  const ns = (name: string) => `p${packages.indexOf(name)}`;
  const lines = [
    // Importing each package loads its declarations, augmentations of the event maps included.
    ...packages.map((name) => `import type * as ${ns(name)} from '${name}';`),
    'type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;',
  ];
  const lineOf = new Map<number, EventTypeCheck>();
  checks.forEach((check, i) => {
    lineOf.set(lines.length, check);
    lines.push(
      `export const check${i}: Same<GlobalEventHandlersEventMap['${check.event}'], ${qualify(check.type, ns(check.packageName))}> = true;`,
    );
  });
  const text = lines.join('\n');

  const configFile = ts.findConfigFile(PACKAGE_DIR, ts.sys.fileExists)!;
  const { options } = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  )!;
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => file === CHECK_FILE || fileExists.call(host, file);
  host.readFile = (file) => (file === CHECK_FILE ? text : readFile.call(host, file));
  host.getSourceFile = (file, version, ...rest) =>
    file === CHECK_FILE
      ? ts.createSourceFile(file, text, version)
      : getSourceFile.call(host, file, version, ...rest);
  const program = ts.createProgram({ rootNames: [CHECK_FILE], options: { ...options, noEmit: true }, host });
  const source = program.getSourceFile(CHECK_FILE)!;

  return ts.getPreEmitDiagnostics(program, source).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    const line =
      diagnostic.start === undefined ? -1 : source.getLineAndCharacterOfPosition(diagnostic.start).line;
    const check = lineOf.get(line);
    return check
      ? `${check.element} ${check.event}: the manifest's ${check.type} is not the declared type (${message})`
      : `${lines[line] ?? ''}: ${message}`;
  });
}
