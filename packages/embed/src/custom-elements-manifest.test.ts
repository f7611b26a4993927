/**
 * Every element's custom-elements.json is complete: the manifest that editors, Storybook's autodocs
 * and wrapper generators read from each package (found, as they find it, through the `customElements`
 * field of its package.json) describes each tag this package's script files define, with
 *
 * - a `custom-element-definition` export naming the tag, for each tag the package registers in its source;
 * - everything it inherits from a base class in another package (core's `SafetyElement`: `feed`, `src`,
 *   `lang`, `theme`, `status`, `data`…), marked `inheritedFrom`;
 * - every event its code dispatches, typed `CustomEvent<detail>` exactly as the packages' TypeScript types say;
 * - every `part` its templates write, every `--safety-*` custom property its styles read and every slot it
 *   renders, and nothing the code no longer has.
 *
 * It lives here because this package already depends on every widget package and defines every tag;
 * it reads the built manifests, so run `pnpm build` first (turbo does before `test`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EMBED_FILES } from '../scripts/embed-files.js';
import {
  moduleGraph,
  sourceFacts,
  sourceFiles,
  tagRegistrations,
  type SourceFacts,
} from '../test/element-source.js';
import { eventTypeMismatches, type EventTypeCheck } from '../test/event-types.js';

interface Item {
  name: string;
  privacy?: string;
  description?: string;
  type?: { text: string };
  inheritedFrom?: { name: string; package?: string; module?: string };
}
interface Declaration {
  kind: string;
  name: string;
  description?: string;
  tagName?: string;
  customElement?: boolean;
  superclass?: { name: string; package?: string; module?: string };
  attributes?: Item[];
  members?: Item[];
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}
interface Export {
  kind: string;
  name: string;
  declaration: { name: string; module?: string; package?: string };
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[]; exports?: Export[] }[];
}
interface Pkg {
  name: string;
  dir: string;
  manifest: Manifest;
}
interface Element {
  pkg: Pkg;
  module: string;
  declaration: Declaration;
}

const FIELDS = ['attributes', 'members', 'events', 'slots', 'cssParts', 'cssProperties'] as const;
/** What the issue that asked for this test named: every widget must list these from its base class. */
const BASE_ATTRIBUTES = ['feed', 'src', 'lang', 'theme', 'status'];
const BASE_PROPERTIES = ['feed', 'src', 'data', 'theme', 'status'];

const ownRequire = createRequire(import.meta.url);

/** The package `name` as a dependency of `from` resolves it, with its manifest (undefined when it has none). */
function loadPackage(name: string, from: NodeJS.Require = ownRequire): Pkg | undefined {
  let packageJson: string;
  try {
    packageJson = from.resolve(`${name}/package.json`);
  } catch {
    return undefined; // a package that does not export its package.json (lit) publishes no manifest
  }
  const { customElements } = JSON.parse(readFileSync(packageJson, 'utf8')) as { customElements?: string };
  if (!customElements) return undefined;
  const dir = dirname(packageJson);
  const file = join(dir, customElements);
  if (!existsSync(file)) throw new Error(`${name}: ${customElements} is missing; run pnpm build first.`);
  return { name, dir, manifest: JSON.parse(readFileSync(file, 'utf8')) as Manifest };
}

const ownPackage = JSON.parse(
  readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8'),
) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const packages = Object.keys({ ...ownPackage.dependencies, ...ownPackage.devDependencies })
  .filter((name) => name.startsWith('@safety-widgets/'))
  .map((name) => loadPackage(name))
  .filter((pkg): pkg is Pkg => pkg !== undefined);

/** Each package's custom elements (classes the analyzer recognised as elements), tagged or base. */
const elements: Element[] = packages.flatMap((pkg) =>
  pkg.manifest.modules.flatMap((module) =>
    (module.declarations ?? [])
      .filter((d) => d.kind === 'class' && d.customElement)
      .map((declaration) => ({ pkg, module: module.path, declaration })),
  ),
);
const label = (e: Element) => (e.declaration.tagName ? `<${e.declaration.tagName}>` : e.declaration.name);

/** The declaration of `superclass` in its package's manifest, when that package has one. */
function baseOf(element: Element): { pkg: Pkg; declaration: Declaration } | undefined {
  const ref = element.declaration.superclass;
  if (!ref?.package) return undefined;
  const pkg = loadPackage(ref.package, createRequire(join(element.pkg.dir, 'package.json')));
  const declaration = pkg?.manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .find((d) => d.kind === 'class' && d.name === ref.name);
  return pkg && declaration ? { pkg, declaration } : undefined;
}

const names = (items: Item[] | undefined, own = false) =>
  new Set((items ?? []).filter((i) => !own || !i.inheritedFrom).map((i) => i.name));
const sorted = (set: Iterable<string>) => [...set].sort();
const missing = (expected: Iterable<string>, actual: Set<string>) =>
  sorted([...expected].filter((n) => !actual.has(n)));

/** Core's own template parts and custom properties: a widget renders core's states, tables and notes. */
const core = packages.find((p) => p.name === '@safety-widgets/core');
const coreFacts: SourceFacts | undefined = core && sourceFacts(sourceFiles(join(core.dir, 'src')));

describe('custom-elements.json of every package', () => {
  const allInOne = EMBED_FILES.find((f) => f.file === 'safety-widgets.js')!;

  it('describes every tag the all-in-one script defines, each with its definition export', () => {
    expect(allInOne.defines.length).toBeGreaterThan(0);
    for (const tag of allInOne.defines) {
      const declared = elements.filter((e) => e.declaration.tagName === tag);
      expect(declared.map(label), `declarations of <${tag}>`).toEqual([`<${tag}>`]);
      const definitions = packages.flatMap((p) =>
        p.manifest.modules
          .flatMap((m) => m.exports ?? [])
          .filter((x) => x.kind === 'custom-element-definition' && x.name === tag),
      );
      expect(definitions, `custom-element-definition exports of <${tag}>`).toHaveLength(1);
    }
  });

  describe.each(packages.map((pkg) => [pkg.name, pkg] as const))('%s', (_name, pkg) => {
    it('has a custom-element-definition export for each tag its source registers, pointing at the element', () => {
      const registered = tagRegistrations(pkg.dir);
      const definitions = pkg.manifest.modules.flatMap((m) =>
        (m.exports ?? [])
          .filter((x) => x.kind === 'custom-element-definition')
          .map((x) => ({ module: m.path, ...x })),
      );
      expect(
        definitions
          .map((d) => ({ tag: d.name, className: d.declaration.name, module: d.module }))
          .sort((a, b) => a.tag.localeCompare(b.tag)),
      ).toEqual(registered.sort((a, b) => a.tag.localeCompare(b.tag)));
      for (const definition of definitions) {
        const declaration = pkg.manifest.modules
          .find((m) => m.path === definition.declaration.module)
          ?.declarations?.find((d) => d.name === definition.declaration.name);
        expect(declaration?.tagName, `<${definition.name}>'s class in ${definition.declaration.module}`).toBe(
          definition.name,
        );
      }
    });
  });

  describe.each(elements.map((e) => [`${e.pkg.name} ${label(e)}`, e] as const))('%s', (_name, element) => {
    const { declaration } = element;
    const facts = sourceFacts(moduleGraph(join(element.pkg.dir, element.module)));

    it('has a description that is not cut short', () => {
      // A stray `@word` in a JSDoc comment ends the description there.
      expect(declaration.description?.trim()).toMatch(/[.)!?…]$/);
    });

    it('lists everything its base class in another package has, marked as inherited', () => {
      const base = baseOf(element);
      if (declaration.superclass?.name === 'SafetyElement')
        expect(base, "SafetyElement in core's manifest").toBeDefined();
      if (!base) return;
      for (const field of FIELDS) {
        const expected = (base.declaration[field] ?? []).filter((i) => i.privacy !== 'private');
        for (const item of expected) {
          const found = declaration[field]?.find((i) => i.name === item.name);
          expect(found, `${field}: ${item.name}`).toBeDefined();
          expect(found?.inheritedFrom, `${field}: ${item.name}`).toMatchObject({
            name: base.declaration.name,
            package: base.pkg.name,
          });
        }
      }
      if (base.declaration.name === 'SafetyElement') {
        expect(missing(BASE_ATTRIBUTES, names(declaration.attributes)), 'attributes').toEqual([]);
        expect(missing(BASE_PROPERTIES, names(declaration.members)), 'properties').toEqual([]);
      }
    });

    it('documents exactly the events its code dispatches, each a CustomEvent with its detail type', () => {
      expect(sorted(names(declaration.events))).toEqual(sorted(facts.events));
      for (const event of declaration.events ?? []) {
        expect(event.type?.text, `${event.name}'s type`).toMatch(/^CustomEvent<.+>$/s);
      }
    });

    it('documents every part its templates write, and no part they do not', () => {
      expect(missing(facts.parts, names(declaration.cssParts)), 'undocumented parts').toEqual([]);
      const known = new Set([...facts.parts, ...facts.literals, ...(coreFacts?.parts ?? [])]);
      expect(missing(names(declaration.cssParts, true), known), 'documented parts not in the source').toEqual(
        [],
      );
    });

    it('documents every --safety-* custom property its styles read, and none they do not', () => {
      expect(missing(facts.cssProperties, names(declaration.cssProperties)), 'undocumented').toEqual([]);
      const known = new Set([...facts.cssProperties, ...(coreFacts?.cssProperties ?? [])]);
      expect(missing(names(declaration.cssProperties, true), known), 'documented but never read').toEqual([]);
    });

    it('documents exactly the slots it renders', () => {
      expect(sorted(names(declaration.slots))).toEqual(sorted(facts.slots));
    });
  });

  it("gives each event the detail type the packages' TypeScript declarations give it", () => {
    const checks: EventTypeCheck[] = elements.flatMap((e) =>
      (e.declaration.events ?? []).map((event) => ({
        element: label(e),
        event: event.name,
        type: event.type?.text ?? 'unknown',
        packageName: event.inheritedFrom?.package ?? e.pkg.name,
      })),
    );
    expect(checks.length).toBeGreaterThan(0);
    expect(eventTypeMismatches(checks)).toEqual([]);
  });
});
