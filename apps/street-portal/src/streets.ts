/**
 * The sub-districts of Yantian (ids as in the sample data's feeds/index.json) and the build-time
 * rendering of one page per sub-district from src/street.html. Used by vite.config.ts only:
 * the pages are plain HTML, their feed URL written in.
 */

export interface Street {
  /** The feed id: the page is /streets/<id>/ and its feed /api/feeds/<id>. */
  id: string;
  zh: string;
  en: string;
  /** The English name without "Subdistrict", for short link texts. */
  short: string;
}

export const STREETS: readonly Street[] = [
  { id: 'shatoujiao', zh: '沙头角街道', en: 'Shatoujiao Subdistrict', short: 'Shatoujiao' },
  { id: 'haishan', zh: '海山街道', en: 'Haishan Subdistrict', short: 'Haishan' },
  { id: 'yantian-subdistrict', zh: '盐田街道', en: 'Yantian Subdistrict', short: 'Yantian Subdistrict' },
  { id: 'meisha', zh: '梅沙街道', en: 'Meisha Subdistrict', short: 'Meisha' },
];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The list items linking to the other sub-districts' pages. */
function otherStreets(street: Street): string {
  return STREETS.filter((s) => s.id !== street.id)
    .map(
      (s) =>
        `<li><a data-keep-lang href="/streets/${escapeHtml(s.id)}/"><span class="t" lang="zh-CN">${escapeHtml(s.zh)}</span><span class="t" lang="en">${escapeHtml(s.short)}</span></a></li>`,
    )
    .join('\n          ');
}

/** The page of `street`: `{{id}}`, `{{zh}}`, `{{en}}`, `{{short}}` and `{{others}}` filled in. */
export function renderStreetPage(template: string, street: Street): string {
  const values: Record<string, string> = {
    id: escapeHtml(street.id),
    zh: escapeHtml(street.zh),
    en: escapeHtml(street.en),
    short: escapeHtml(street.short),
    others: otherStreets(street),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`street.html: unknown placeholder ${whole}`);
    return value;
  });
}
