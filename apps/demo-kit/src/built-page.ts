/**
 * Checks of a built page (dist/…/index.html) for the sites' tests: under the demo CSP nothing may be
 * inline, and the page loads the embed script exactly as any host page writes it, then its own
 * hashed files from `<base>assets/`.
 */

/** The embed script's tag, as a third party writes it. */
export const EMBED_TAG = '<script type="module" src="/cdn/safety-widgets.js">';

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

/** Whether `html` loads the embed script first, then only its own files from `<base>assets/`. */
export function loadsOnly(html: string, base: string): boolean {
  const [embed, ...own] = scriptTags(html);
  const links = html.match(/<link\b[^>]*\bhref="[^"]*"/g) ?? [];
  return (
    embed === EMBED_TAG &&
    own.length > 0 &&
    own.every((tag) => tag.includes(` src="${base}assets/`)) &&
    links.every((link) => link.includes(` href="${base}assets/`))
  );
}
