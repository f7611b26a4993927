/**
 * Widget text follows the reader's default font size. The host's font size is the keyword `medium`
 * (the browser's default size, 16 px unless the reader changed it; the page's CSS cannot shrink it),
 * and `--_base` is `1em` there. `--_base` is registered as a `<length>`, so it is computed once, on
 * the host, to an absolute size (16 px by default, 32 px for a reader who set 32 px) and inherited
 * as that: every token derived from it (`--_font-size` is 0.875 of it, 14 px by default) stays
 * true at any depth instead of compounding like `em`. A page sets `--safety-font-size` to fix it.
 *
 * Registration is global and once per page (`@property` is not read inside shadow roots); a second
 * copy of the library on the page finds it registered, which is fine.
 */

let registered = false;

/** Registers `--_base`; safe to call from every widget's constructor. */
export function registerTextSize(): void {
  if (registered) return;
  registered = true;
  try {
    CSS.registerProperty({ name: '--_base', syntax: '<length>', inherits: true, initialValue: '16px' });
  } catch {
    // Already registered (another copy of the library on the page), or not supported.
  }
}
