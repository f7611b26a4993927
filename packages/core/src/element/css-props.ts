/**
 * `cssProps()`: inline styles for a Lit template that pass a strict Content-Security-Policy.
 *
 * A page with `style-src 'self'` (no `'unsafe-inline'`) refuses every `style` attribute, including
 * the one Lit's `styleMap` writes on first render and any `style="…${x}"` binding. This directive
 * never writes the attribute: it sets and removes properties through the CSSOM
 * (`element.style.setProperty`), which CSP allows.
 *
 * @example
 * ```ts
 * html`<div style=${cssProps({ width: `${pct}%`, '--_aspect': ratio })}></div>`
 * ```
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

/** Property name (CSS form, `--custom` or camelCase) → value; `null`/`undefined` removes it. */
export type CssProps = Readonly<Record<string, string | number | null | undefined>>;

const cssName = (name: string) =>
  name.startsWith('--') || name.includes('-') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

class CssPropsDirective extends Directive {
  /** What this directive last set, so that a re-render with the same values touches nothing. */
  private applied = new Map<string, string>();

  constructor(info: PartInfo) {
    super(info);
    const strings = info.type === PartType.ATTRIBUTE ? info.strings : undefined;
    const alone = !strings || strings.every((s) => s.trim() === '');
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style' || !alone) {
      throw new Error('cssProps() must be the whole value of a style attribute: style=${cssProps({…})}');
    }
  }

  render(props: CssProps): typeof noChange {
    void props;
    return noChange;
  }

  override update(part: AttributePart, [props]: [CssProps]): typeof noChange {
    const style = (part.element as HTMLElement | SVGElement).style;
    const next = new Map<string, string>();
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined || value === '') continue;
      const name = cssName(key);
      const text = String(value);
      next.set(name, text);
      if (this.applied.get(name) !== text) style.setProperty(name, text);
    }
    for (const name of this.applied.keys()) if (!next.has(name)) style.removeProperty(name);
    this.applied = next;
    return noChange;
  }
}

/** Sets inline style properties through the CSSOM only (see the module comment). */
export const cssProps = directive(CssPropsDirective);
