/**
 * The feed folder's import graph: no cycles (type-only and lazy imports count too); the rules
 * import nothing; the schema never depends on the fast path; and the fast path (what a page runs
 * to accept a valid feed) never loads valibot, the schemas or the detailed validator, which
 * ./check.ts imports lazily.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const FOLDER = fileURLToPath(new URL('.', import.meta.url));

/** One import of a module: what it names, and how. */
interface Import {
  /** A module of this folder (`rules.ts`) or a package name (`valibot`), as written otherwise. */
  target: string;
  /** `import type`, `export type`, or only `type` names: gone once compiled. */
  typeOnly: boolean;
  /** `import('…')`: loaded when first needed. */
  lazy: boolean;
}

/** `./rules.js` → `rules.ts`; anything outside this folder as it is written. */
function resolveTarget(specifier: string): string {
  const local = /^\.\/([\w.-]+)\.js$/.exec(specifier);
  return local ? `${local[1]}.ts` : specifier;
}

/** True when every name in `{ … }` is marked `type`. */
function namesOnlyTypes(clause: string): boolean {
  const braces = /\{([^}]*)\}/.exec(clause);
  if (!braces || clause.replace(braces[0], '').trim() !== '') return false;
  const names = braces[1]!.split(',').map((name) => name.trim());
  return names.filter(Boolean).every((name) => name.startsWith('type '));
}

/** The imports and re-exports of a module's source text. */
function importsOf(source: string): Import[] {
  const found: Import[] = [];
  const fromClause = /^(import|export)\s+(type\s+)?([^;]*?)\s*from\s*'([^']+)'/gm;
  for (const [, , type, clause, specifier] of source.matchAll(fromClause))
    found.push({
      target: resolveTarget(specifier!),
      typeOnly: type !== undefined || namesOnlyTypes(clause!),
      lazy: false,
    });
  for (const [, specifier] of source.matchAll(/^import\s+'([^']+)'/gm))
    found.push({ target: resolveTarget(specifier!), typeOnly: false, lazy: false });
  for (const [, specifier] of source.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g))
    found.push({ target: resolveTarget(specifier!), typeOnly: false, lazy: true });
  return found;
}

/** The modules of this folder (tests left out) and their imports. */
function graph(): Map<string, Import[]> {
  const modules = readdirSync(FOLDER).filter((f) => f.endsWith('.ts') && !/\.(test|stories)\.ts$/.test(f));
  return new Map(modules.map((m) => [m, importsOf(readFileSync(`${FOLDER}/${m}`, 'utf8'))]));
}

/** The first import cycle found, as `a.ts → b.ts → a.ts`, or undefined. */
function findCycle(modules: Map<string, Import[]>, follow: (i: Import) => boolean): string | undefined {
  const done = new Set<string>();
  const visit = (module: string, path: string[]): string | undefined => {
    const at = path.indexOf(module);
    if (at >= 0) return [...path.slice(at), module].join(' → ');
    if (done.has(module) || !modules.has(module)) return undefined;
    for (const i of modules.get(module)!) {
      if (!follow(i)) continue;
      const cycle = visit(i.target, [...path, module]);
      if (cycle) return cycle;
    }
    done.add(module);
    return undefined;
  };
  for (const module of modules.keys()) {
    const cycle = visit(module, []);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Everything `from` depends on through imports `follow` takes (modules and packages). */
function reach(modules: Map<string, Import[]>, from: string, follow: (i: Import) => boolean): Set<string> {
  const seen = new Set<string>();
  const walk = (module: string) => {
    for (const i of modules.get(module) ?? []) {
      if (!follow(i) || seen.has(i.target)) continue;
      seen.add(i.target);
      walk(i.target);
    }
  };
  walk(from);
  return seen;
}

describe('the feed folder’s imports', () => {
  const modules = graph();

  it('are read from the sources: every kind of import is seen', () => {
    expect(importsOf("import type { A } from './types.js';")).toEqual([
      { target: 'types.ts', typeOnly: true, lazy: false },
    ]);
    expect(importsOf("import {\n  type A,\n  type B,\n} from './x.js';\nexport { c } from 'pkg';")).toEqual([
      { target: 'x.ts', typeOnly: true, lazy: false },
      { target: 'pkg', typeOnly: false, lazy: false },
    ]);
    expect(importsOf("import { a, type B } from './x.js';\nconst m = import('./y.js');")).toEqual([
      { target: 'x.ts', typeOnly: false, lazy: false },
      { target: 'y.ts', typeOnly: false, lazy: true },
    ]);
    expect(modules.get('schema.ts')!.map((i) => i.target)).toContain('rules.ts');
    expect(
      modules
        .get('check.ts')!
        .filter((i) => i.lazy)
        .map((i) => i.target),
    ).toEqual(['validate.ts']);
  });

  it('have no cycle, counting type-only and lazy imports', () => {
    expect(findCycle(modules, () => true)).toBeUndefined();
    // The finder finds one when there is one.
    const looped = new Map(modules);
    looped.set('rules.ts', [{ target: 'fast-accept.ts', typeOnly: true, lazy: false }]);
    expect(findCycle(looped, () => true)).toBe('fast-accept.ts → rules.ts → fast-accept.ts');
  });

  it('keep the rules free of imports and the schema free of the fast path', () => {
    expect(modules.get('rules.ts')).toEqual([]);
    const schemaNeeds = reach(modules, 'schema.ts', () => true);
    for (const fastPath of ['fast-accept.ts', 'accept-feed.ts', 'check.ts'])
      expect(schemaNeeds.has(fastPath), `schema.ts depends on ${fastPath}`).toBe(false);
  });

  it('let a valid feed be accepted without valibot, the schemas or the validator', () => {
    const runtime = reach(modules, 'check.ts', (i) => !i.typeOnly && !i.lazy);
    expect(runtime).toContain('accept-feed.ts');
    for (const heavy of ['valibot', 'schema.ts', 'validate.ts', 'issues.ts'])
      expect(runtime.has(heavy), `check.ts loads ${heavy} at once`).toBe(false);
  });
});
