/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The code that runs inside the renderer's page (see page-template.ts), not in Node: it mounts a
 * widget with a feed, waits until the widget has drawn, and reads its text alternative or turns
 * it into a standalone SVG. The functions are sent to the page as their source text, so each is
 * self-contained: no imports, and only each other and the page's globals.
 *
 * (This file brings the DOM's types into the program; the rest of the server does not use them.)
 */

/** What the server asks the page to draw. */
export interface PageRenderRequest {
  tag: string;
  /** The feed version to draw, put into the page beforehand with `putFeed`. */
  feedKey: string;
  lang: string;
  theme: string;
  /** CSS px. */
  width: number;
  /** The widget's options as attributes (`''` for a boolean that is on). */
  attributes: [string, string][];
  format: 'png' | 'svg' | 'txt';
  /** How long the widget may take to reach a final status. */
  timeoutMs: number;
}

export interface PageRenderResult {
  /** The widget's status when drawn. */
  status: string;
  /** The element's box in page CSS px. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The text alternative (the widget's `summary`, or its accessible name until it has one). */
  text: string;
  textSource: 'summary' | 'accessible-name';
  /** The standalone SVG (format `svg`). */
  svg?: string;
}

export interface SnapshotPageApi {
  ready: Promise<void>;
  putFeed(key: string, json: string): void;
  dropFeed(key: string): void;
  render(request: PageRenderRequest): Promise<PageRenderResult>;
}

declare global {
  interface Window {
    __safetySnapshot?: SnapshotPageApi;
  }
}

/** The widget, as the page sees it (its Lit and Safety Widgets API). */
type WidgetElement = HTMLElement & {
  data?: unknown;
  updateComplete?: Promise<boolean>;
  summary?: unknown;
};

/**
 * The text alternative of a drawn widget: its read-only `summary` property, the same sentences the
 * widget's own summary code writes in its language.
 */
export function textAlternative(el: WidgetElement): { text: string; source: 'summary' | 'accessible-name' } {
  if (typeof el.summary === 'string' && el.summary.trim() !== '')
    return { text: el.summary.trim(), source: 'summary' };
  // No summary: the widget shows an error (its alert says which), or a widget of another version
  // without the property. Its text alternative is then read from its shadow root — the accessible
  // name and value of its chart (meter, map, plot or table caption), its summary sentences, its alert.
  const root = el.shadowRoot;
  const lines: string[] = [];
  const add = (text: string | null | undefined) => {
    const line = (text ?? '').replace(/\s+/g, ' ').trim();
    if (line !== '' && !lines.includes(line)) lines.push(line);
  };
  if (root) {
    for (const caption of root.querySelectorAll('caption, [part~="caption"]')) add(caption.textContent);
    for (const chart of root.querySelectorAll(
      '[role="meter"], [role="img"][aria-label], [role="application"][aria-label], [part~="chart"][aria-label]',
    )) {
      if (chart.closest('[part~="table"]')) continue;
      add(chart.getAttribute('aria-label'));
      add(chart.getAttribute('aria-valuetext'));
    }
    for (const summary of root.querySelectorAll('[part~="summary"]')) {
      const blocks = summary.querySelectorAll('p, li');
      if (blocks.length === 0) add(summary.textContent);
      for (const block of blocks) add(block.textContent);
    }
    if (lines.length === 0)
      for (const alert of root.querySelectorAll('[role="alert"]')) add(alert.textContent);
  }
  return { text: lines.join('\n'), source: 'accessible-name' };
}

/**
 * The widget as a standalone SVG: each box's background and borders as rectangles, each line of
 * text as a `<text>` at the place and in the font and colour it has on screen, the widget's own
 * SVG drawings copied with their computed styles written out (theme tokens resolved), a canvas
 * as an image. Nothing refers to the page's CSS, so the file looks the same anywhere; its
 * `<title>` is the text alternative.
 */
export function svgOfElement(host: HTMLElement, title: string): string {
  const NS = 'http://www.w3.org/2000/svg';
  const box = host.getBoundingClientRect();
  const ox = box.left;
  const oy = box.top;
  const doc = document.implementation.createDocument(NS, 'svg', null);
  const root = doc.documentElement;
  const W = Math.ceil(box.width);
  const H = Math.ceil(box.height);
  root.setAttribute('width', String(W));
  root.setAttribute('height', String(H));
  root.setAttribute('viewBox', `0 0 ${W} ${H}`);
  root.setAttribute('role', 'img');
  root.setAttribute('aria-labelledby', 'title');
  // The widget's typeface once, at the top; a text in another one says so itself.
  const baseFont = getComputedStyle(host).fontFamily;
  root.setAttribute('font-family', baseFont);
  const titleEl = doc.createElementNS(NS, 'title');
  titleEl.setAttribute('id', 'title');
  titleEl.textContent = title;
  root.append(titleEl);

  const round = (n: number) => String(Math.round(n * 100) / 100);
  const make = (name: string, attrs: Record<string, string | number>, parent: Element): Element => {
    const el = doc.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, typeof v === 'number' ? round(v) : v);
    parent.append(el);
    return el;
  };

  // Any CSS colour as sRGB bytes, through a 1×1 canvas (computed colours may be oklch(), color-mix…).
  const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  probe.canvas.width = probe.canvas.height = 1;
  const colours = new Map<string, { rgb: string; alpha: number }>();
  const colour = (css: string): { rgb: string; alpha: number } => {
    let c = colours.get(css);
    if (!c) {
      probe.clearRect(0, 0, 1, 1);
      probe.fillStyle = '#000';
      probe.fillStyle = css;
      probe.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
      c = { rgb: `rgb(${r},${g},${b})`, alpha: Math.round(((a ?? 0) / 255) * 1000) / 1000 };
      if (css === 'transparent' || css === 'none') c = { rgb: 'none', alpha: 0 };
      colours.set(css, c);
    }
    return c;
  };
  const paint = (attrs: Record<string, string | number>, name: 'fill' | 'stroke', css: string) => {
    const c = colour(css);
    attrs[name] = c.alpha === 0 ? 'none' : c.rgb;
    if (c.alpha > 0 && c.alpha < 1) attrs[`${name}-opacity`] = c.alpha;
  };
  const px = (value: string) => parseFloat(value) || 0;
  const radius = (value: string, size: number) =>
    value.endsWith('%') ? (parseFloat(value) / 100) * size : parseFloat(value) || 0;

  let ids = 0;
  const metrics = document.createElement('canvas').getContext('2d')!;

  /** A box's background and borders. */
  const paintBox = (el: Element, cs: CSSStyleDeclaration, parent: Element) => {
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return;
    const x = r.left - ox;
    const y = r.top - oy;
    // One radius for the box (the top left one), shrunk as CSS does when it is more than half a side.
    const [rxText = '0', ryText = rxText] = cs.borderTopLeftRadius.split(' ');
    const wanted = { x: radius(rxText, r.width), y: radius(ryText, r.height) };
    const fit = Math.min(
      1,
      wanted.x > 0 ? r.width / (2 * wanted.x) : 1,
      wanted.y > 0 ? r.height / (2 * wanted.y) : 1,
    );
    const rx = wanted.x * fit;
    const ry = wanted.y * fit;
    if (colour(cs.backgroundColor).alpha > 0) {
      const attrs: Record<string, string | number> = { x, y, width: r.width, height: r.height };
      if (rx > 0) Object.assign(attrs, { rx, ry });
      paint(attrs, 'fill', cs.backgroundColor);
      make('rect', attrs, parent);
    }
    const sides = (['Top', 'Right', 'Bottom', 'Left'] as const).map((side) => ({
      side,
      width: px(cs.getPropertyValue(`border-${side.toLowerCase()}-width`)),
      style: cs.getPropertyValue(`border-${side.toLowerCase()}-style`),
      color: cs.getPropertyValue(`border-${side.toLowerCase()}-color`),
    }));
    const visible = sides.filter(
      (s) => s.width > 0 && s.style !== 'none' && s.style !== 'hidden' && colour(s.color).alpha > 0,
    );
    if (visible.length === 0) return;
    const dash = (s: { style: string; width: number }) =>
      s.style === 'dashed'
        ? `${s.width * 3} ${s.width * 2}`
        : s.style === 'dotted'
          ? `${s.width} ${s.width}`
          : undefined;
    const first = visible[0]!;
    if (
      visible.length === 4 &&
      visible.every((s) => s.width === first.width && s.color === first.color && s.style === first.style)
    ) {
      const w = first.width;
      const attrs: Record<string, string | number> = {
        x: x + w / 2,
        y: y + w / 2,
        width: Math.max(0, r.width - w),
        height: Math.max(0, r.height - w),
        fill: 'none',
        'stroke-width': w,
      };
      if (rx > 0) Object.assign(attrs, { rx: Math.max(0, rx - w / 2), ry: Math.max(0, ry - w / 2) });
      paint(attrs, 'stroke', first.color);
      const d = dash(first);
      if (d) attrs['stroke-dasharray'] = d;
      make('rect', attrs, parent);
      return;
    }
    for (const s of visible) {
      const w = s.width;
      const line: Record<string, string | number> =
        s.side === 'Top'
          ? { x1: x, y1: y + w / 2, x2: x + r.width, y2: y + w / 2 }
          : s.side === 'Bottom'
            ? { x1: x, y1: y + r.height - w / 2, x2: x + r.width, y2: y + r.height - w / 2 }
            : s.side === 'Left'
              ? { x1: x + w / 2, y1: y, x2: x + w / 2, y2: y + r.height }
              : { x1: x + r.width - w / 2, y1: y, x2: x + r.width - w / 2, y2: y + r.height };
      line['stroke-width'] = w;
      paint(line, 'stroke', s.color);
      const d = dash(s);
      if (d) line['stroke-dasharray'] = d;
      make('line', line, parent);
    }
  };

  /** A run of text on one line, at its baseline. */
  const textRun = (
    text: string,
    left: number,
    top: number,
    right: number,
    height: number,
    cs: CSSStyleDeclaration,
    parent: Element,
  ) => {
    const font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    metrics.font = font;
    const m = metrics.measureText(text);
    // Rounded as the browser rounds a font's metrics when it lays out a line.
    const ascent = Math.round(m.fontBoundingBoxAscent);
    const descent = Math.round(m.fontBoundingBoxDescent);
    const baseline = top + (height - (ascent + descent)) / 2 + ascent;
    const attrs: Record<string, string | number> = {
      x: left - ox,
      y: baseline - oy,
      'font-size': cs.fontSize,
      'font-weight': cs.fontWeight,
      textLength: right - left,
      lengthAdjust: 'spacingAndGlyphs',
    };
    if (cs.fontFamily !== baseFont) attrs['font-family'] = cs.fontFamily;
    if (cs.fontStyle !== 'normal') attrs['font-style'] = cs.fontStyle;
    if (cs.textDecorationLine.includes('underline')) attrs['text-decoration'] = 'underline';
    paint(attrs, 'fill', cs.color);
    const t = make('text', attrs, parent);
    t.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
    t.textContent = text;
  };

  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const range = document.createRange();

  /** A text node, line by line (each line split where the characters are not side by side). */
  const paintText = (node: Text, cs: CSSStyleDeclaration, parent: Element) => {
    if (cs.visibility !== 'visible' || node.data.trim() === '') return;
    range.selectNodeContents(node);
    if (range.getClientRects().length === 0) return;
    // A run: text side by side on one line; `end` is where its last visible character ends.
    let run:
      { text: string; left: number; top: number; right: number; end: number; height: number } | undefined;
    const flush = () => {
      const text = run?.text.replace(/\s+$/, '') ?? '';
      if (run && text !== '') textRun(text, run.left, run.top, run.end, run.height, cs, parent);
      run = undefined;
    };
    let offset = 0;
    for (const { segment } of segmenter.segment(node.data)) {
      range.setStart(node, offset);
      range.setEnd(node, offset + segment.length);
      offset += segment.length;
      const rects = range.getClientRects();
      const r = rects[rects.length - 1];
      const blank = /^\s+$/.test(segment);
      if (!r || r.width === 0) {
        if (!blank) flush();
        continue;
      }
      const sameLine =
        run && Math.abs(r.top - run.top) < run.height / 2 && Math.abs(r.left - run.right) < 1.5;
      if (!sameLine) {
        flush();
        if (blank) continue;
        run = { text: '', left: r.left, top: r.top, right: r.left, end: r.left, height: r.height };
      }
      run!.text += blank ? ' ' : segment;
      run!.right = r.right;
      if (!blank) run!.end = r.right;
    }
    flush();
  };

  /** A form control's shown text (a select's chosen option, an input's value or placeholder). */
  const paintControlText = (
    el: HTMLSelectElement | HTMLInputElement,
    cs: CSSStyleDeclaration,
    parent: Element,
  ) => {
    const placeholder = el instanceof HTMLInputElement && el.value === '';
    const text =
      el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.text ?? '') : el.value || el.placeholder;
    if (text.trim() === '' || el.type === 'checkbox' || el.type === 'radio') return;
    const r = el.getBoundingClientRect();
    const style = placeholder ? getComputedStyle(el, '::placeholder') : cs;
    const left = r.left + px(cs.borderLeftWidth) + px(cs.paddingLeft);
    const height = px(cs.fontSize) * 1.2;
    metrics.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const width = metrics.measureText(text).width;
    textRun(text, left, r.top + (r.height - height) / 2, left + width, height, style, parent);
  };

  /** Copies an SVG drawing with its computed styles written out as presentation attributes. */
  // Presentation properties an element inherits from its parent (written only where they differ)…
  const INHERITED_PROPS = [
    'fill',
    'fill-opacity',
    'fill-rule',
    'stroke',
    'stroke-width',
    'stroke-opacity',
    'stroke-dasharray',
    'stroke-dashoffset',
    'stroke-linecap',
    'stroke-linejoin',
    'stroke-miterlimit',
    'visibility',
    'clip-rule',
    'marker-start',
    'marker-mid',
    'marker-end',
    'paint-order',
    'font-family',
    'font-size',
    'font-weight',
    'font-style',
    'text-anchor',
    'dominant-baseline',
    'letter-spacing',
  ];
  const INHERITED = new Set(INHERITED_PROPS);
  // …and those it does not (written only where they differ from the initial value).
  const SVG_PROPS = [
    ...INHERITED_PROPS,
    'opacity',
    'clip-path',
    'mask',
    'vector-effect',
    'stop-color',
    'stop-opacity',
  ];
  const INITIAL: Record<string, string> = {
    opacity: '1',
    'clip-path': 'none',
    mask: 'none',
    'vector-effect': 'none',
    'stop-color': 'rgb(0, 0, 0)',
    'stop-opacity': '1',
  };
  const copySvg = (svg: SVGSVGElement, parent: Element) => {
    const r = svg.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return;
    const prefix = `s${++ids}-`;
    const clone = doc.importNode(svg, true) as unknown as SVGSVGElement;
    const relink = (value: string) =>
      value
        .replace(/url\(\s*["']?#([^"')]+)["']?\s*\)/g, (_m, id: string) => `url(#${prefix}${id})`)
        .replace(/^#(.+)$/, (_m, id: string) => `#${prefix}${id}`);
    const walk = (from: Element, to: Element, parentStyle: CSSStyleDeclaration | undefined) => {
      const cs = getComputedStyle(from);
      if (cs.display === 'none') {
        to.remove();
        return;
      }
      for (const name of [...to.getAttributeNames()]) {
        if (
          name === 'class' ||
          name === 'style' ||
          name === 'part' ||
          name === 'tabindex' ||
          name === 'role' ||
          name === 'focusable' ||
          name.startsWith('aria-') ||
          name.startsWith('data-')
        )
          to.removeAttribute(name);
        else if (name === 'id') to.setAttribute('id', prefix + from.id);
        else if (
          name === 'href' ||
          name === 'xlink:href' ||
          name === 'clip-path' ||
          name === 'mask' ||
          name === 'fill' ||
          name === 'stroke'
        )
          to.setAttribute(name, relink(to.getAttribute(name) ?? ''));
      }
      for (const prop of SVG_PROPS) {
        const value = cs.getPropertyValue(prop);
        if (value === '') continue;
        if (INHERITED.has(prop) ? parentStyle?.getPropertyValue(prop) === value : INITIAL[prop] === value)
          continue;
        if (prop === 'fill' || prop === 'stroke' || prop === 'stop-color') {
          if (value.startsWith('url(')) to.setAttribute(prop, relink(value));
          else {
            const c = colour(value);
            to.setAttribute(prop, c.alpha === 0 ? 'none' : c.rgb);
            if (c.alpha > 0 && c.alpha < 1)
              to.setAttribute(prop === 'stop-color' ? 'stop-opacity' : `${prop}-opacity`, String(c.alpha));
          }
        } else to.setAttribute(prop, relink(value));
      }
      if (cs.transform !== 'none' && !from.hasAttribute('transform')) {
        const [tx, ty] = cs.transformOrigin.split(' ').map(px) as [number, number];
        let bx = 0;
        let by = 0;
        if (cs.transformBox === 'fill-box' && from instanceof SVGGraphicsElement) {
          const b = from.getBBox();
          bx = b.x;
          by = b.y;
        }
        to.setAttribute(
          'transform',
          `translate(${bx + tx} ${by + ty}) ${cs.transform} translate(${-(bx + tx)} ${-(by + ty)})`,
        );
      }
      const fromKids = [...from.children];
      const toKids = [...to.children];
      fromKids.forEach((kid, i) => toKids[i] && walk(kid, toKids[i]!, cs));
    };
    walk(svg, clone, undefined);
    clone.setAttribute('x', round(r.left - ox));
    clone.setAttribute('y', round(r.top - oy));
    clone.setAttribute('width', round(r.width));
    clone.setAttribute('height', round(r.height));
    if (getComputedStyle(svg).overflow === 'visible') clone.setAttribute('overflow', 'visible');
    parent.append(clone);
  };

  const copyCanvas = (canvas: HTMLCanvasElement, parent: Element) => {
    const r = canvas.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0 || canvas.width === 0 || canvas.height === 0) return;
    make(
      'image',
      {
        x: r.left - ox,
        y: r.top - oy,
        width: r.width,
        height: r.height,
        preserveAspectRatio: 'none',
        href: canvas.toDataURL('image/png'),
      },
      parent,
    );
  };

  const hidden = (el: Element, cs: CSSStyleDeclaration) => {
    if (cs.display === 'none') return true;
    if (cs.display === 'contents') return false;
    if (el.getClientRects().length === 0) return true;
    // Visually hidden text (for screen readers) is not in the picture.
    const r = el.getBoundingClientRect();
    return (
      (cs.position === 'absolute' && r.width <= 1 && r.height <= 1) || cs.clip === 'rect(0px, 0px, 0px, 0px)'
    );
  };

  const visit = (el: Element, parent: Element) => {
    const cs = getComputedStyle(el);
    if (hidden(el, cs)) return;
    if (el instanceof SVGSVGElement) return copySvg(el, parent);
    if (el instanceof HTMLCanvasElement) return copyCanvas(el, parent);
    let group = parent;
    if (parseFloat(cs.opacity) < 1) group = make('g', { opacity: cs.opacity }, group);
    if (cs.display !== 'contents' && cs.visibility === 'visible') paintBox(el, cs, group);
    if (el instanceof HTMLSelectElement || el instanceof HTMLInputElement) {
      if (cs.visibility === 'visible') paintControlText(el, cs, group);
      return;
    }
    if (
      cs.display !== 'contents' &&
      (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') &&
      el !== host
    ) {
      const r = el.getBoundingClientRect();
      const clip = make('clipPath', { id: `c${++ids}` }, root);
      make(
        'rect',
        {
          x: r.left - ox + px(cs.borderLeftWidth),
          y: r.top - oy + px(cs.borderTopWidth),
          width: r.width - px(cs.borderLeftWidth) - px(cs.borderRightWidth),
          height: r.height - px(cs.borderTopWidth) - px(cs.borderBottomWidth),
        },
        clip,
      );
      group = make('g', { 'clip-path': `url(#${clip.getAttribute('id')})` }, group);
    }
    const kids = el.shadowRoot
      ? el.shadowRoot.childNodes
      : el instanceof HTMLSlotElement
        ? el.assignedNodes({ flatten: true })
        : el.childNodes;
    for (const kid of kids) {
      if (kid.nodeType === Node.ELEMENT_NODE) visit(kid as Element, group);
      else if (kid.nodeType === Node.TEXT_NODE) paintText(kid as Text, cs, group);
    }
  };

  visit(host, root);
  return new XMLSerializer().serializeToString(doc);
}

/** Installs `window.__safetySnapshot`, the page's side of the renderer. */
export function installSnapshotPage(tags: readonly string[]): void {
  const feeds = new Map<string, unknown>();
  const FINAL = ['ready', 'stale', 'empty', 'error', 'offline'];
  const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

  /** Until the widget has drawn its data (or its empty or error state), fonts included. */
  async function settle(el: WidgetElement, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!FINAL.includes(el.getAttribute('status') ?? '')) {
      if (performance.now() > deadline)
        throw new Error(`<${el.localName}> was still "${el.getAttribute('status')}" after ${timeoutMs} ms`);
      await frame();
    }
    for (let i = 0; i < 10 && !(await el.updateComplete); i++);
    await document.fonts.ready;
    // A frame for drawings made after an update (canvas, label placement), then any update they caused.
    await frame();
    await frame();
    for (let i = 0; i < 10 && !(await el.updateComplete); i++);
  }

  window.__safetySnapshot = {
    ready: Promise.all(tags.map((tag) => customElements.whenDefined(tag))).then(() => undefined),
    putFeed(key, json) {
      feeds.set(key, JSON.parse(json));
    },
    dropFeed(key) {
      feeds.delete(key);
    },
    async render(request) {
      const feed = feeds.get(request.feedKey);
      if (feed === undefined) throw new Error(`feed ${request.feedKey} is not in the page`);
      document.documentElement.lang = request.lang;
      document.body.replaceChildren();
      const el = document.createElement(request.tag) as WidgetElement;
      el.setAttribute('lang', request.lang);
      el.setAttribute('theme', request.theme);
      el.setAttribute('snapshot', '');
      for (const [name, value] of request.attributes) el.setAttribute(name, value);
      el.style.width = `${request.width}px`;
      el.data = feed;
      document.body.append(el);
      await settle(el, request.timeoutMs);
      const box = el.getBoundingClientRect();
      const alternative = textAlternative(el);
      return {
        status: el.getAttribute('status') ?? '',
        x: box.left + window.scrollX,
        y: box.top + window.scrollY,
        width: box.width,
        height: box.height,
        text: alternative.text,
        textSource: alternative.source,
        svg: request.format === 'svg' ? svgOfElement(el, alternative.text) : undefined,
      };
    },
  };
}
