/**
 * The district page keeps the reader's view in its URL, the way any host page can: from the widgets'
 * documented view events it writes query parameters (with `history.replaceState`, so the back button
 * is not filled with every change), and on opening it sets the same attributes back. The widgets
 * never write the page's URL themselves.
 *
 * One binding per widget: the event that says the view changed, and for each query parameter the
 * attribute it sets and the event detail's field it is read from.
 */

/** A query parameter, the attribute it sets, the event detail field it comes from. */
export interface ViewParam {
  readonly param: string;
  readonly attribute: string;
  readonly field: string;
  /** A boolean attribute (present or absent; in the URL as `param=`). */
  readonly flag?: boolean;
}

export interface ViewBinding {
  readonly selector: string;
  readonly event: string;
  readonly params: readonly ViewParam[];
}

const same = (name: string, field = name): ViewParam => ({ param: name, attribute: name, field });

export const VIEW_BINDINGS: readonly ViewBinding[] = [
  {
    selector: 'safety-grid-map',
    event: 'safety-metric-change',
    params: [same('metric'), same('rate')],
  },
  {
    selector: 'safety-case-timeline',
    event: 'safety-view-change',
    params: [
      same('interval'),
      same('start'),
      same('end'),
      same('categories'),
      { param: 'yoy', attribute: 'yoy', field: 'yoy', flag: true },
    ],
  },
  {
    selector: 'safety-indicator-table',
    event: 'safety-table-view-change',
    params: [
      same('sort'),
      same('area'),
      { param: 'status', attribute: 'status-filter', field: 'statusFilter' },
      { param: 'q', attribute: 'query', field: 'query' },
    ],
  },
];

/** A value that fits in an attribute: short text without control characters. */
const fits = (value: string) => value.length <= 200 && ![...value].some((c) => c.charCodeAt(0) < 0x20);

/**
 * The attributes a binding's widget gets from the URL: `[attribute, value]`, with `true`/`false` for
 * a boolean attribute present or absent. Parameters not in the URL are left out (the page's own
 * markup decides); values that could not be an attribute value are ignored.
 */
export function attributesFromSearch(search: string, binding: ViewBinding): [string, string | boolean][] {
  const query = new URLSearchParams(search);
  const out: [string, string | boolean][] = [];
  for (const p of binding.params) {
    const value = query.get(p.param);
    if (value === null) continue;
    if (p.flag) out.push([p.attribute, value !== '0' && value !== 'false']);
    else if (value !== '' && fits(value)) out.push([p.attribute, value]);
  }
  return out;
}

/**
 * The query string after a view event: each parameter of the binding set from the detail, removed
 * when the detail says it is unset (`null`, `''`), written `yoy=1` / `yoy=0` for a boolean. Other
 * parameters (`lang`, other widgets') are kept.
 */
export function searchWithView(search: string, binding: ViewBinding, detail: unknown): string {
  const query = new URLSearchParams(search);
  if (typeof detail !== 'object' || detail === null) return query.toString();
  const fields = detail as Record<string, unknown>;
  for (const p of binding.params) {
    if (!(p.field in fields)) continue;
    const value = fields[p.field];
    if (p.flag) query.set(p.param, value === true ? '1' : '0');
    else if (typeof value === 'string' && value !== '' && fits(value)) query.set(p.param, value);
    else if (Array.isArray(value) && value.length) query.set(p.param, value.join(','));
    else query.delete(p.param);
  }
  return query.toString();
}

/** The query string with the selected grid (`grid=`) set, or removed when nothing is selected. */
export function searchWithGrid(search: string, grid: string | undefined): string {
  const query = new URLSearchParams(search);
  if (grid) query.set('grid', grid);
  else query.delete('grid');
  return query.toString();
}
