/**
 * A guarded `customElements.define`: a page may load two copies of a widget (two embed
 * scripts, or two versions). The first definition wins; later ones are skipped with a
 * warning that names both versions. Never throws into the host page.
 */

/**
 * Where a constructor's version is kept. `Symbol.for`, so that copies of this module
 * from different scripts (and versions) read each other's.
 */
export const ELEMENT_VERSION: unique symbol = Symbol.for('safety-widgets.element-version');

/** A constructor that may carry its version. */
type Versioned = CustomElementConstructor & { [ELEMENT_VERSION]?: string; version?: unknown };

/** The version stored on a custom element constructor by `defineElement` (or its static `version`). */
export function elementVersion(ctor: CustomElementConstructor | undefined): string | undefined {
  if (!ctor) return undefined;
  const c = ctor as Versioned;
  const stored = Object.prototype.hasOwnProperty.call(c, ELEMENT_VERSION) ? c[ELEMENT_VERSION] : undefined;
  if (typeof stored === 'string') return stored;
  return typeof c.version === 'string' ? c.version : undefined;
}

function warn(message: string, error?: unknown): void {
  if (typeof console === 'undefined') return;
  if (error === undefined) console.warn(`[safety-widgets] ${message}`);
  else console.warn(`[safety-widgets] ${message}`, error);
}

const describe = (version: string | undefined) => (version ? `version ${version}` : 'unknown version');

/**
 * Defines `<tag>` unless it is already defined. `version` (or the constructor's static
 * `version`) is stored on the constructor under `ELEMENT_VERSION` so that a later copy
 * can name it:
 *
 * `[safety-widgets] <safety-score-gauge> is already defined (version 0.1.0); skipped version 0.2.0 from this script.`
 *
 * The same constructor defined twice is skipped silently. An invalid tag name, a
 * constructor already used for another tag, or a page without custom elements give a
 * warning instead of an exception.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor, version?: string): void {
  try {
    const registry = typeof customElements === 'undefined' ? undefined : customElements;
    if (!registry) {
      warn(`<${tag}> was not defined: this browser does not support custom elements.`);
      return;
    }
    const ownVersion = version ?? elementVersion(ctor);
    const existing = registry.get(tag);
    if (existing) {
      if (existing === ctor) return;
      warn(
        `<${tag}> is already defined (${describe(elementVersion(existing))}); skipped ${describe(ownVersion)} from this script.`,
      );
      return;
    }
    if (ownVersion !== undefined) {
      Object.defineProperty(ctor, ELEMENT_VERSION, {
        value: ownVersion,
        configurable: true,
        enumerable: false,
        writable: false,
      });
    }
    registry.define(tag, ctor);
  } catch (err) {
    const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    warn(`<${tag}> could not be defined (${reason}).`, err);
  }
}
