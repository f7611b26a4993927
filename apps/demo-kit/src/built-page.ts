/**
 * Checks of a built page (dist/…/index.html) for the sites' tests: under the demo CSP nothing may be
 * inline, and the page loads the embed script exactly as any host page writes it, then its own
 * hashed files from `<base>assets/`.
 */

/**
 * The embed script's tag, as the README tells a host page to write it: `blocking="render"` holds the
 * first paint until the widgets are defined, so they appear at their loading size and nothing shifts.
 */
export const EMBED_TAG = '<script type="module" src="/cdn/safety-widgets.js" blocking="render">';

/** The opening `<script>` tags of `html`, in order. */
export function scriptTags(html: string): string[] {
  return html.match(/<script\b[^>]*>/g) ?? [];
}

/** What is inline in `html`: style elements or attributes, event handlers, scripts with a body, data: URLs. */
export function inlineParts(html: string): string[] {
  return [
    ...(html.match(/<style\b|\sstyle=|\son[a-z]+=|=["']?data:/gi) ?? []),
    ...(html.match(/<script\b[^>]*>[^<]+<\/script>/g) ?? []),
  ];
}

/** The classic script that sets the page's language before the first paint (see site-build.ts). */
export function isEarlyLanguageTag(tag: string, base: string): boolean {
  return new RegExp(`^<script src="${base}assets/lang-early-[0-9a-f]{8}\\.js">$`).test(tag);
}

/**
 * Whether `html` loads the embed script first, then only its own files from `<base>assets/`: its
 * module scripts and at most one early-language script (a classic one, see site-build.ts).
 */
export function loadsOnly(html: string, base: string): boolean {
  const all = scriptTags(html);
  const tags = all.filter((tag) => !isEarlyLanguageTag(tag, base));
  if (all.length - tags.length > 1) return false;
  const [embed, ...own] = tags;
  const links = html.match(/<link\b[^>]*\bhref="[^"]*"/g) ?? [];
  return (
    embed === EMBED_TAG &&
    own.length > 0 &&
    own.every((tag) => tag.includes(` src="${base}assets/`)) &&
    links.every((link) => link.includes(` href="${base}assets/`))
  );
}
