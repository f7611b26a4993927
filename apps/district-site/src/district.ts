/**
 * The district page's script. It uses only what any host page gets: the widgets' documented
 * attributes, the `safety-grid-select` event (`detail: { id, subdistrict, name }`) and the feed
 * `<safety-feed>` exposes (`.feed`), for the grid's name in both languages.
 *
 * Selecting a grid on the map narrows the figures below it:
 * - the timeline gets `grid="<id>"`;
 * - indicators are published per district and per sub-district, not per grid, so the table is
 *   pointed (`feed`) at a second `<safety-feed>` for the grid's sub-district, and the page says so;
 * - "Show the whole district" (or Escape on the map, which removes its `selected`) undoes both.
 * Each change is announced in a polite live region. The reader's view (the map's figure, the selected
 * grid, the timeline's interval and dates, the table's sort and filters) is kept in the page's URL
 * (see view-url.ts), so a reload or a shared link shows the same view, and each panel's "分享 / Share"
 * link opens the feed service's image of its widget in that view (see share.ts).
 */
import { pick, setBilingual, setupLanguage, type Bilingual } from '@safety-widgets/demo-kit/lang';
import { setupShare } from './share.js';
import { attributesFromSearch, searchWithGrid, searchWithView, VIEW_BINDINGS } from './view-url.js';

/** The sub-districts of Yantian (ids as in the feed index), for the page's own sentences. */
export const SUBDISTRICTS: Readonly<Record<string, Bilingual>> = {
  shatoujiao: { zh: '沙头角街道', en: 'Shatoujiao Subdistrict' },
  haishan: { zh: '海山街道', en: 'Haishan Subdistrict' },
  'yantian-subdistrict': { zh: '盐田街道', en: 'Yantian Subdistrict' },
  meisha: { zh: '梅沙街道', en: 'Meisha Subdistrict' },
};

/** The whole district's feed element and the one the page adds for a selected grid's sub-district. */
const DISTRICT_FEED = 'district';
const SUBDISTRICT_FEED = 'subdistrict-feed';

export interface Selection {
  grid: string;
  /** The grid's sub-district id, or null when the map did not know it. */
  subdistrict: string | null;
  /** The grid's name in both languages (its id where no name is known). */
  name: Bilingual;
}

/** The sub-district's name in both languages (its id when the page does not know it). */
export function subdistrictName(id: string): Bilingual {
  return SUBDISTRICTS[id] ?? { zh: id, en: id };
}

/** What the scope line says: the whole district, or the grid and its sub-district. */
export function scopeText(selection: Selection | undefined): Bilingual {
  if (!selection) return { zh: '当前范围：盐田区全区', en: 'Showing: the whole of Yantian District' };
  const { name } = selection;
  if (!selection.subdistrict) return { zh: `当前范围：${name.zh}`, en: `Showing: ${name.en}` };
  const sub = subdistrictName(selection.subdistrict);
  return { zh: `当前范围：${name.zh}（${sub.zh}）`, en: `Showing: ${name.en}, ${sub.en}` };
}

/** The sentence above the indicator table. */
export function tableScopeText(selection: Selection | undefined): Bilingual {
  if (!selection)
    return {
      zh: '盐田区全区的各项安全指标，按方面分组。',
      en: 'Every safety indicator for the whole of Yantian District, grouped by area.',
    };
  if (!selection.subdistrict)
    return {
      zh: '所选网格的街道未知，下表仍为全区指标；指标不按网格发布。',
      en: 'The selected grid’s sub-district is not known, so the table still shows the whole district; indicators are not published per grid.',
    };
  const sub = subdistrictName(selection.subdistrict);
  return {
    zh: `所选网格所在街道（${sub.zh}）的指标；指标按区和街道发布，不按网格发布。`,
    en: `Indicators for ${sub.en}, the sub-district of the selected grid; indicators are not published per grid.`,
  };
}

/** The polite announcement of a change of scope. */
export function announcement(selection: Selection | undefined): Bilingual {
  if (!selection)
    return {
      zh: '已显示全区：案件走势和指标表恢复为盐田区全区。',
      en: 'Showing the whole district: the timeline and the indicator table are back to all of Yantian.',
    };
  const { name } = selection;
  if (!selection.subdistrict)
    return {
      zh: `已选择${name.zh}：案件走势仅显示该网格。`,
      en: `${name.en} selected: the timeline shows that grid only.`,
    };
  const sub = subdistrictName(selection.subdistrict);
  return {
    zh: `已选择${name.zh}：案件走势仅显示该网格，指标表显示${sub.zh}的指标。`,
    en: `${name.en} selected: the timeline shows that grid only, the indicator table ${sub.en}’s indicators.`,
  };
}

/**
 * The detail of a `safety-grid-select` event, checked (it comes from another script). The grid's
 * name in both languages comes from `namesOf` (the page's `<safety-feed>`); failing that, the
 * name the event carries (in the map's language), failing that the id.
 */
export function selectionOf(
  detail: unknown,
  namesOf: (grid: string) => Bilingual | undefined = () => undefined,
): Selection | undefined {
  if (typeof detail !== 'object' || detail === null) return undefined;
  const { id, subdistrict, name } = detail as { id?: unknown; subdistrict?: unknown; name?: unknown };
  if (typeof id !== 'string' || id === '') return undefined;
  const given = typeof name === 'string' && name.trim() !== '' ? name : id;
  return {
    grid: id,
    subdistrict: typeof subdistrict === 'string' && subdistrict !== '' ? subdistrict : null,
    name: namesOf(id) ?? { zh: given, en: given },
  };
}

/** A grid's names in a feed (as `<safety-feed>` exposes it in `.feed`), each language falling back to the other. */
export function gridNames(feed: unknown, grid: string): Bilingual | undefined {
  const features = (feed as { grids?: { features?: unknown } } | undefined)?.grids?.features;
  if (!Array.isArray(features)) return undefined;
  const found = features.find((f) => (f as { id?: unknown }).id === grid) as
    { properties?: { name?: { zh?: unknown; en?: unknown } } } | undefined;
  const n = found?.properties?.name;
  const zh = typeof n?.zh === 'string' && n.zh.trim() !== '' ? n.zh : undefined;
  const en = typeof n?.en === 'string' && n.en.trim() !== '' ? n.en : undefined;
  return zh || en ? { zh: zh ?? en!, en: en ?? zh! } : undefined;
}

/** A grid's sub-district in a feed (`.feed` of `<safety-feed>`), or null when the feed does not say. */
export function gridSubdistrict(feed: unknown, grid: string): string | null {
  const features = (feed as { grids?: { features?: unknown } } | undefined)?.grids?.features;
  if (!Array.isArray(features)) return null;
  const found = features.find((f) => (f as { id?: unknown }).id === grid) as
    { properties?: { subdistrict?: unknown } } | undefined;
  const sub = found?.properties?.subdistrict;
  return typeof sub === 'string' && sub !== '' ? sub : null;
}

/** Replaces the page's query string, keeping its path and hash (no new history entry). */
function replaceSearch(search: string): void {
  history.replaceState(
    history.state,
    '',
    `${location.pathname}${search ? `?${search}` : ''}${location.hash}`,
  );
}

/** Sets each widget's view attributes from the URL, and writes the URL when the reader changes a view. */
function keepViewsInUrl(): void {
  for (const binding of VIEW_BINDINGS) {
    const el = document.querySelector(binding.selector);
    if (!el) continue;
    for (const [name, value] of attributesFromSearch(location.search, binding)) {
      if (typeof value === 'boolean') el.toggleAttribute(name, value);
      else el.setAttribute(name, value);
    }
    el.addEventListener(binding.event, (event) =>
      replaceSearch(searchWithView(location.search, binding, (event as CustomEvent<unknown>).detail)),
    );
  }
}

/** Whether a `safety-grid-select` detail says the selection was cleared (`id: null`). */
export function isCleared(detail: unknown): boolean {
  return typeof detail === 'object' && detail !== null && (detail as { id?: unknown }).id === null;
}

function main(): void {
  let refreshShare = () => {};
  const lang = setupLanguage(document, {
    title: { zh: '盐田区公共安全', en: 'Public safety in Yantian District' },
    onChange: () => render(false),
  });

  const map = document.querySelector('safety-grid-map');
  const timeline = document.querySelector('safety-case-timeline');
  const table = document.querySelector('safety-indicator-table');
  const scope = document.getElementById('scope-text');
  const tableScope = document.getElementById('table-scope');
  const clear = document.getElementById('show-district');
  const live = document.getElementById('announcer');
  if (!map || !timeline || !table || !scope || !tableScope || !clear || !live) return;

  let selection: Selection | undefined;
  keepViewsInUrl();
  const districtFeed = () => (document.getElementById(DISTRICT_FEED) as { feed?: unknown } | null)?.feed;

  const subdistrictFeed = (id: string): Element => {
    let feed = document.getElementById(SUBDISTRICT_FEED);
    if (!feed) {
      feed = document.createElement('safety-feed');
      feed.id = SUBDISTRICT_FEED;
      document.getElementById(DISTRICT_FEED)!.after(feed);
    }
    const src = `/api/feeds/${encodeURIComponent(id)}`;
    if (feed.getAttribute('src') !== src) feed.setAttribute('src', src);
    return feed;
  };

  function render(announce: boolean): void {
    setBilingual(scope!, scopeText(selection));
    setBilingual(tableScope!, tableScopeText(selection));
    clear!.hidden = selection === undefined;
    if (announce) live!.textContent = pick(announcement(selection), lang());
    replaceSearch(searchWithGrid(location.search, selection?.grid));
    refreshShare();
  }

  const select = (next: Selection) => {
    selection = next;
    timeline.setAttribute('grid', next.grid);
    if (next.subdistrict) {
      subdistrictFeed(next.subdistrict);
      table.setAttribute('feed', SUBDISTRICT_FEED);
    } else {
      table.setAttribute('feed', DISTRICT_FEED);
    }
    render(true);
  };

  const showDistrict = () => {
    if (!selection) return;
    selection = undefined;
    map.removeAttribute('selected');
    timeline.removeAttribute('grid');
    table.setAttribute('feed', DISTRICT_FEED);
    // The sub-district's feed is no longer shown: removing it closes its stream.
    document.getElementById(SUBDISTRICT_FEED)?.remove();
    render(true);
  };

  map.addEventListener('safety-grid-select', (event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    // Escape on the map clears its selection and says so with `id: null`.
    if (isCleared(detail)) return showDistrict();
    const next = selectionOf(detail, (grid) => gridNames(districtFeed(), grid));
    if (next) select(next);
  });
  // A grid selected in the URL: selected on the map at once, the rest once the feed names its sub-district.
  const fromUrl = new URLSearchParams(location.search).get('grid');
  if (fromUrl && /^[\w-]{1,80}$/.test(fromUrl)) {
    map.setAttribute('selected', fromUrl);
    timeline.setAttribute('grid', fromUrl);
    const restore = () => {
      const feed = districtFeed();
      if (!feed) return false;
      const names = gridNames(feed, fromUrl);
      if (names) select({ grid: fromUrl, subdistrict: gridSubdistrict(feed, fromUrl), name: names });
      else {
        // Not a grid of this district (an old link): the whole district, and the URL says so.
        map.removeAttribute('selected');
        timeline.removeAttribute('grid');
        render(false);
      }
      return true;
    };
    if (!restore()) {
      const feedElement = document.getElementById(DISTRICT_FEED);
      const onChange = () => {
        if (restore()) feedElement?.removeEventListener('safety-feed-change', onChange);
      };
      feedElement?.addEventListener('safety-feed-change', onChange);
    }
  }
  clear.addEventListener('click', () => {
    showDistrict();
    // The button hides itself: keep the keyboard where the reader was.
    scope.focus();
  });
  render(false);
  // Last, so that its listeners run after the page's own (the URL and the widgets' scope are set).
  refreshShare = setupShare(document);
}

if (typeof document !== 'undefined') main();
