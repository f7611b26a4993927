/**
 * Widgets set in the page's own typeface. A widget's shadow root resets everything the page passes
 * down (see `hostReset`), so the page's `font-family` is read once, when the widget is connected,
 * from the element it sits in, and handed to the tokens as the private `--_page-font` property.
 * `--_font` then reads: `--safety-font-family` if the page set it, else the page's family followed by
 * Chinese fonts (so that a page whose fonts have no CJK glyphs never shows Chinese in a serif
 * fallback), else the system stack.
 */

/** The font-family of the element a widget sits in ('' when there is none or it cannot be read). */
export function pageFontOf(host: Element): string {
  const parent = host.parentElement ?? ((host.getRootNode() as ShadowRoot).host as Element | undefined);
  if (!parent) return '';
  try {
    return getComputedStyle(parent).fontFamily.trim();
  } catch {
    return '';
  }
}

/**
 * Hands the page's font to the widget's tokens (`--_page-font` on the host's inline style). A page
 * that sets `--safety-font-family` wins over it; a page with no font of its own leaves the system stack.
 */
export function adoptPageFont(host: HTMLElement): void {
  const family = pageFontOf(host);
  // A family list cannot close a declaration: anything with a brace or semicolon is not one.
  if (family === '' || /[;{}]/.test(family)) host.style.removeProperty('--_page-font');
  else if (host.style.getPropertyValue('--_page-font') !== family)
    host.style.setProperty('--_page-font', family);
}
