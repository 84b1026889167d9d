// Node boxes in a grid of cells, for the layout's overlap and crossing
// queries: which boxes come within a gap of a box, and which a straight
// segment of an edge passes through. Pure.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether two boxes come closer than `gap` to each other. */
export const overlaps = (a: Box, b: Box, gap: number) => a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

export class BoxGrid {
  private readonly cells = new Map<string, Set<string>>();
  private readonly boxes = new Map<string, Box>();
  private static readonly CELL = 200;

  constructor(private readonly gap = 16) {}

  private cellsOf(b: Box, gap = this.gap): string[] {
    const out: string[] = [];
    const c = BoxGrid.CELL;
    for (let i = Math.floor((b.x - gap) / c); i <= Math.floor((b.x + b.width + gap) / c); i++) for (let j = Math.floor((b.y - gap) / c); j <= Math.floor((b.y + b.height + gap) / c); j++) out.push(`${i},${j}`);
    return out;
  }

  set(key: string, b: Box): void {
    this.remove(key);
    this.boxes.set(key, b);
    for (const cell of this.cellsOf(b)) {
      let set = this.cells.get(cell);
      if (!set) this.cells.set(cell, (set = new Set()));
      set.add(key);
    }
  }

  remove(key: string): void {
    const old = this.boxes.get(key);
    if (!old) return;
    for (const cell of this.cellsOf(old)) this.cells.get(cell)?.delete(key);
    this.boxes.delete(key);
  }

  /** Whether `b` keeps the grid's gap from every box but `key`'s (and those in `except`). */
  free(key: string, b: Box, except?: ReadonlySet<string>): boolean {
    for (const cell of this.cellsOf(b)) {
      for (const other of this.cells.get(cell) ?? []) if (other !== key && !except?.has(other) && overlaps(b, this.boxes.get(other)!, this.gap)) return false;
    }
    return true;
  }

  /** The keys of the boxes whose inside (less `inset` on every side) the segment from `a` to `b` passes through. */
  crossedBy(a: { x: number; y: number }, b: { x: number; y: number }, inset = 1): string[] {
    const span: Box = { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
    const found = new Set<string>();
    for (const cell of this.cellsOf(span, 0)) {
      for (const key of this.cells.get(cell) ?? []) {
        if (found.has(key)) continue;
        const box = this.boxes.get(key)!;
        if (segmentCrossesBox(a, b, box, inset)) found.add(key);
      }
    }
    return [...found];
  }
}

/** Whether the segment from `a` to `b` passes through the inside of `box` less `inset` (Liang–Barsky clipping). */
export function segmentCrossesBox(a: { x: number; y: number }, b: { x: number; y: number }, box: Box, inset = 1): boolean {
  const x0 = box.x + inset;
  const x1 = box.x + box.width - inset;
  const y0 = box.y + inset;
  const y1 = box.y + box.height - inset;
  if (x1 <= x0 || y1 <= y0) return false;
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const clip = (p: number, q: number) => {
    if (p === 0) return q > 0;
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
    return true;
  };
  return clip(-dx, a.x - x0) && clip(dx, x1 - a.x) && clip(-dy, a.y - y0) && clip(dy, y1 - a.y) && t0 < t1;
}
