/**
 * Plugins for @custom-elements-manifest/analyzer (see custom-elements-manifest.config.mjs), run from a
 * package's folder by its build:
 *
 * - `inheritFromDependencies()`: a widget extends core's `SafetyElement`, which lives in another
 *   package, so the analyzer alone leaves the inherited attributes, properties, parts and custom
 *   properties out. This reads the manifests of the package's own dependencies (core's, written by
 *   core's build first) so that the analyzer's inheritance step copies them, each marked
 *   `inheritedFrom: { name, package, module }`. A base class's private members are not copied.
 * - `defineHelperCalls()`: a tag is registered in a file of its own through core's guarded
 *   `defineElement(tag, Class, version)`, which the analyzer does not recognise (it knows only
 *   `customElements.define`). This records each call as a `custom-element-definition` export of the
 *   registering module, pointing at the class's declaration, and fails the build when a definition
 *   names a class the manifest does not declare or a class whose `@tagname` says otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';

/** @typedef {import('custom-elements-manifest/schema').Package} Package */

/** The fields of a class whose entries a subclass inherits. */
const INHERITED_FIELDS = [
  'attributes',
  'members',
  'events',
  'slots',
  'cssParts',
  'cssProperties',
  'cssStates',
];

/**
 * The custom elements manifests of the `dependencies` (and `peerDependencies`) of the package in
 * `cwd` that declare one with the `customElements` field of their package.json.
 *
 * @param {string} cwd
 * @returns {{ name: string, manifest: Package }[]}
 */
function dependencyManifests(cwd) {
  const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
  const require = createRequire(join(cwd, 'package.json'));
  const names = Object.keys({ ...pkg.peerDependencies, ...pkg.dependencies });
  const found = [];
  for (const name of names) {
    let packageJson;
    try {
      packageJson = require.resolve(`${name}/package.json`);
    } catch {
      continue; // a dependency that does not export its package.json has no manifest to offer
    }
    const { customElements } = JSON.parse(readFileSync(packageJson, 'utf8'));
    if (!customElements) continue;
    const file = join(dirname(packageJson), customElements);
    if (!existsSync(file)) {
      throw new Error(`${name} declares ${customElements} but it is missing: build ${name} first.`);
    }
    found.push({ name, manifest: JSON.parse(readFileSync(file, 'utf8')) });
  }
  return found;
}

/**
 * Makes classes inherit from base classes declared in the manifests of the package's dependencies
 * (see the file's comment).
 *
 * @param {{ cwd?: string }} [options] `cwd`: the analysed package's folder (default: the current one).
 */
export function inheritFromDependencies({ cwd = process.cwd() } = {}) {
  /** Class name → where a dependency declares it. */
  const external = new Map();
  return {
    name: 'safety-widgets/inherit-from-dependencies',
    initialize({ context }) {
      for (const { name, manifest } of dependencyManifests(cwd)) {
        for (const module of manifest.modules ?? []) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.kind === 'class' || declaration.kind === 'mixin') {
              external.set(declaration.name, { package: name, module: module.path });
            }
          }
        }
        // The analyzer's own inheritance step (CORE - APPLY-INHERITANCE) reads these.
        context.thirdPartyCEMs = [...(context.thirdPartyCEMs ?? []), manifest];
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const own = new Set();
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) own.add(declaration.name);
      }
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          for (const field of INHERITED_FIELDS) {
            const items = declaration[field];
            if (!items) continue;
            declaration[field] = items
              .filter((item) => !(item.inheritedFrom && item.privacy === 'private'))
              .map((item) => {
                const from =
                  item.inheritedFrom &&
                  !own.has(item.inheritedFrom.name) &&
                  external.get(item.inheritedFrom.name);
                // The analyzer names the base's module as if it were in this package: say which package.
                return from ? { ...item, inheritedFrom: { name: item.inheritedFrom.name, ...from } } : item;
              });
          }
        }
      }
    },
  };
}

/**
 * Where the class named `name` used in `sourceFile` is declared: `{ module }` (a path in this package,
 * as the manifest writes module paths) or `{ package }` (imported from another package).
 *
 * @param {typeof import('typescript')} ts
 * @param {import('typescript').SourceFile} sourceFile
 * @param {string} modulePath The manifest path of `sourceFile` (e.g. `src/safety-grid-map.ts`).
 * @param {string} name
 * @param {string} cwd
 */
function declarationOf(ts, sourceFile, modulePath, name, cwd) {
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    if (!bindings.elements.some((element) => element.name.text === name)) continue;
    const specifier = statement.moduleSpecifier.text;
    if (!specifier.startsWith('.')) return { package: specifier };
    const path = posix.join(posix.dirname(modulePath), specifier);
    // TypeScript sources import their siblings as `.js`; the manifest lists the `.ts` file.
    const candidates = [path, path.replace(/\.js$/, '.ts'), path.replace(/\.js$/, '.tsx'), `${path}.ts`];
    return { module: candidates.find((file) => existsSync(join(cwd, file))) ?? path };
  }
  return { module: modulePath };
}

/**
 * Records calls of tag-registering helpers such as `defineElement('safety-grid-map', SafetyGridMap,
 * VERSION)` as `custom-element-definition` exports (see the file's comment).
 *
 * @param {{ helpers?: string[], cwd?: string }} [options] `helpers`: names of functions called as
 *   `helper('tag-name', ElementClass, …)` (default `defineElement`).
 */
export function defineHelperCalls({ helpers = ['defineElement'], cwd = process.cwd() } = {}) {
  const names = new Set(helpers);
  return {
    name: 'safety-widgets/define-helper-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
      if (!names.has(node.expression.text)) return;
      const [tag, element] = node.arguments;
      if (!tag || !element || !ts.isStringLiteralLike(tag) || !ts.isIdentifier(element)) return;
      const declaration = declarationOf(ts, node.getSourceFile(), moduleDoc.path, element.text, cwd);
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        {
          kind: 'custom-element-definition',
          name: tag.text,
          declaration: { name: element.text, ...declaration },
        },
      ];
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const definition of module.exports ?? []) {
          if (definition.kind !== 'custom-element-definition' || !definition.declaration.module) continue;
          const { name, module: path } = definition.declaration;
          const klass = customElementsManifest.modules
            .find((m) => m.path === path)
            ?.declarations?.find((d) => d.name === name);
          if (!klass) {
            throw new Error(
              `${module.path}: <${definition.name}> is defined with ${name}, which ${path} does not declare.`,
            );
          }
          if (klass.tagName && klass.tagName !== definition.name) {
            throw new Error(
              `${module.path}: ${name} is defined as <${definition.name}> but its @tagname says <${klass.tagName}>.`,
            );
          }
          klass.tagName = definition.name;
          klass.customElement = true;
        }
      }
    },
  };
}
