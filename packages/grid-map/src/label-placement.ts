/**
 * Where the count labels of merged point marks go: beside their mark, never over a mark or another
 * label. Each label tries eight places around its mark (right, left, above, below, then the four
 * corners) and takes the first that stays in view and clear of every mark and every label placed
 * before it; a label with no such place is left out (the count stays in the tooltip and the ranked
 * list). The most important labels (most severe level, then largest count) are placed first.
 */

/** A box on screen: left, top, right, bottom. */
export interface LabelBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** A mark, by its centre and size on screen. */
export interface MarkBox {
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

/** A label to place beside mark `mark` (an index into the marks). */
export interface LabelRequest {
  readonly mark: number;
  readonly text: string;
  /** Higher first. */
  readonly priority: number;
}

/** A placed label: its box, and the text's anchor point (start of the text, vertical middle). */
export interface PlacedLabel {
  readonly request: number;
  readonly x: number;
  readonly y: number;
  readonly box: LabelBox;
}

export interface PlacementOptions {
  readonly width: number;
  readonly height: number;
  /** Font size in px (the label box is the text's line box: 1.45 times as tall). */
  readonly fontSize?: number;
  /** Width of one character (the labels are figures in tabular digits). */
  readonly charWidth?: number;
  /** Space kept between a label and its mark, and around every box. */
  readonly gap?: number;
}

export function markBox(m: MarkBox, pad = 0): LabelBox {
  const h = m.size / 2 + pad;
  return { x0: m.x - h, y0: m.y - h, x1: m.x + h, y1: m.y + h };
}

export function intersects(a: LabelBox, b: LabelBox): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** Boxes in buckets of a fixed size, so that a query looks at a few boxes, not all of them. */
class BoxBuckets {
  private readonly buckets = new Map<number, LabelBox[]>();
  constructor(private readonly cell: number) {}

  private *keys(b: LabelBox): Generator<number> {
    const c = this.cell;
    for (let i = Math.floor(b.x0 / c); i <= Math.floor(b.x1 / c); i++)
      for (let j = Math.floor(b.y0 / c); j <= Math.floor(b.y1 / c); j++) yield (i + 4096) * 8192 + (j + 4096);
  }

  add(b: LabelBox): void {
    for (const k of this.keys(b)) {
      const list = this.buckets.get(k);
      if (list) list.push(b);
      else this.buckets.set(k, [b]);
    }
  }

  hits(b: LabelBox): boolean {
    for (const k of this.keys(b))
      for (const other of this.buckets.get(k) ?? []) if (intersects(b, other)) return true;
    return false;
  }
}

/** Places the labels; those that fit nowhere are left out. */
export function placeLabels(
  marks: readonly MarkBox[],
  requests: readonly LabelRequest[],
  { width, height, fontSize = 12, charWidth = 7, gap = 2 }: PlacementOptions,
): PlacedLabel[] {
  const taken = new BoxBuckets(32);
  // Marks are obstacles with a small margin, so a label never touches one.
  for (const m of marks) taken.add(markBox(m, gap / 2));
  const order = requests
    .map((_, i) => i)
    .sort((a, b) => requests[b]!.priority - requests[a]!.priority || a - b);
  const placed: PlacedLabel[] = [];
  for (const r of order) {
    const req = requests[r]!;
    const m = marks[req.mark];
    if (!m) continue;
    const w = [...req.text].length * charWidth + 2;
    // The text's whole line box (ascent and descent), not just the digits' height.
    const h = Math.ceil(fontSize * 1.45);
    const o = m.size / 2 + gap;
    const candidates: [number, number][] = [
      [m.x + o, m.y - h / 2], // right
      [m.x - o - w, m.y - h / 2], // left
      [m.x - w / 2, m.y - o - h], // above
      [m.x - w / 2, m.y + o], // below
      [m.x + o, m.y - o - h], // above right
      [m.x - o - w, m.y - o - h], // above left
      [m.x + o, m.y + o], // below right
      [m.x - o - w, m.y + o], // below left
    ];
    for (const [x0, y0] of candidates) {
      const box = { x0, y0, x1: x0 + w, y1: y0 + h };
      if (box.x0 < 0 || box.y0 < 0 || box.x1 > width || box.y1 > height) continue;
      // Kept apart from other labels by the gap too.
      const padded = { x0: x0 - gap / 2, y0: y0 - gap / 2, x1: box.x1 + gap / 2, y1: box.y1 + gap / 2 };
      if (taken.hits(padded)) continue;
      taken.add(padded);
      placed.push({ request: r, x: x0 + 1, y: y0 + h / 2, box });
      break;
    }
  }
  return placed.sort((a, b) => a.request - b.request);
}
