/**
 * WCAG contrast between two CSS colours (`#rgb`, `#rrggbb`, `rgb()`/`rgba()` as getComputedStyle
 * returns them). Used by the tests that hold every mark, border and icon at 3:1 and text at 4.5:1.
 */

/** The sRGB channels (0–255) of a CSS colour, or undefined when it cannot be read. */
export function parseColor(color: string): [number, number, number] | undefined {
  const c = color.trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(c)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((h) => h + h).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
  }
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/i.exec(c);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/** Relative luminance (WCAG 2.x). */
export function luminance(color: string): number {
  const rgb = parseColor(color);
  if (!rgb) throw new Error(`not a colour: ${color}`);
  const [r, g, b] = rgb.map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
