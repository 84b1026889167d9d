// Routes for the few edges an edit changes, between nodes already placed,
// without a layout run: a fresh orthogonal route from a node's port to the
// top of its target (down, across at the first level that passes no other
// node, down; up and round through the gap beside the column when the
// target is not below), an old route stretched when one of its ends moved
// down or up (its other bends kept), and a place for an edge's label on its
// route clear of every node. Pure.
import type { BoxGrid } from './boxGrid';
import type { LaidOutEdge, LaidOutNode, Point } from './elkLayout';
import { labelBoxAt, pathLength, pointAlong } from './geometry';

/** A column of the map: the x range its nodes span. */
export interface Band {
  left: number;
  right: number;
}

/** Bands closer than this are one column. */
const BAND_GAP = 120;

/** The map's columns: the x ranges of its nodes, merged where they come closer than a column's gap. */
export function bandsOf(nodes: Iterable<LaidOutNode>): Band[] {
  const spans = [...nodes].map((n) => ({ left: n.x, right: n.x + n.width })).sort((a, b) => a.left - b.left);
  const bands: Band[] = [];
  for (const s of spans) {
    const last = bands[bands.length - 1];
    if (last && s.left - last.right < BAND_GAP) last.right = Math.max(last.right, s.right);
    else bands.push({ ...s });
  }
  return bands;
}

/** The band a box's centre lies in (else the nearest). */
export function bandOf(bands: readonly Band[], box: { x: number; width: number }): Band {
  const cx = box.x + box.width / 2;
  let best = bands[0] ?? { left: box.x, right: box.x + box.width };
  let distance = Infinity;
  for (const b of bands) {
    const d = cx < b.left ? b.left - cx : cx > b.right ? cx - b.right : 0;
    if (d < distance) [best, distance] = [b, d];
  }
  return best;
}

/** The start of an edge: its port at the bottom of its node. */
export function portPoint(node: LaidOutNode, edgeKey: string): Point {
  const port = node.ports.get(edgeKey) ?? { x: node.width / 2, y: node.height };
  return { x: node.x + port.x, y: node.y + node.height };
}

/** Whether the route passes through no node but its two ends. */
export function routeIsClear(points: readonly Point[], grid: BoxGrid, ends: ReadonlySet<string>): boolean {
  for (let i = 1; i < points.length; i++) if (grid.crossedBy(points[i - 1]!, points[i]!).some((k) => !ends.has(k))) return false;
  return true;
}

/** The route moved by `dy`. */
export function translated(route: LaidOutEdge, dy: number): LaidOutEdge {
  if (dy === 0) return route;
  return { points: route.points.map((p) => ({ x: p.x, y: p.y + dy })), ...(route.label ? { label: { ...route.label, y: route.label.y + dy } } : {}) };
}

/**
 * `points` with its source end moved down by `fromDy` and its target end by
 * `toDy`: the whole route follows the source, then the part after one of its
 * vertical segments follows the target, that segment growing or shrinking.
 * Undefined when no such route leaves and enters its nodes as before and
 * passes no other node.
 */
export function stretchedRoute(points: readonly Point[], fromDy: number, toDy: number, grid: BoxGrid, ends: ReadonlySet<string>): Point[] | undefined {
  const base = points.map((p) => ({ x: p.x, y: p.y + fromDy }));
  const d = toDy - fromDy;
  if (d === 0) return base;
  const n = base.length - 1;
  for (let j = 1; j <= n; j++) {
    const a = base[j - 1]!;
    const b = base[j]!;
    if (Math.abs(a.x - b.x) > 0.5) continue;
    const candidate = base.map((p, i) => (i >= j ? { x: p.x, y: p.y + d } : p));
    // The first and last segments still leave the source downwards and enter the target from above.
    if (candidate[1]!.y - candidate[0]!.y < 8 && Math.abs(candidate[1]!.x - candidate[0]!.x) < 0.5) continue;
    if (candidate[n]!.y - candidate[n - 1]!.y < 8 && Math.abs(candidate[n]!.x - candidate[n - 1]!.x) < 0.5) continue;
    if (routeIsClear(candidate, grid, ends)) return candidate;
  }
  return undefined;
}

/** The gap beside the column `from` on the way to column `to` (right of `from`, or right of `to` when it lies to the left). */
function gapBeside(bands: readonly Band[], from: Band, to: Band): number {
  const sorted = [...bands].sort((a, b) => a.left - b.left);
  const base = to.right < from.left ? to : from;
  const next = sorted.find((b) => b.left > base.right);
  return next ? (base.right + next.left) / 2 : base.right + 32;
}

/** A fresh orthogonal route from `start` (a port) into the top middle of `target`, passing no other node; undefined when none of the tried ones does. */
export function freshRoute(start: Point, target: LaidOutNode, grid: BoxGrid, ends: ReadonlySet<string>, bands: readonly Band[], sourceBox: { x: number; width: number }): Point[] | undefined {
  const end = { x: target.x + target.width / 2, y: target.y };
  const candidates: Point[][] = [];
  if (end.y - start.y >= 24) {
    if (Math.abs(start.x - end.x) < 0.5) candidates.push([start, end]);
    const span = end.y - start.y;
    for (const midY of [start.y + span / 2, end.y - 20, start.y + 20, start.y + span / 4, start.y + (3 * span) / 4]) {
      candidates.push([start, { x: start.x, y: midY }, { x: end.x, y: midY }, end]);
    }
  }
  const from = bandOf(bands, sourceBox);
  const to = bandOf(bands, target);
  const sides = from === to ? [from.right + 24, from.left - 24] : [gapBeside(bands, from, to)];
  for (const side of sides) candidates.push([start, { x: start.x, y: start.y + 16 }, { x: side, y: start.y + 16 }, { x: side, y: end.y - 16 }, { x: end.x, y: end.y - 16 }, end]);
  return candidates.find((c) => routeIsClear(c, grid, ends));
}

/** Distance from a point to a polyline. */
function distanceToRoute(p: Point, points: readonly Point[]): number {
  let best = Infinity;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len2 = (b.x - a.x) ** 2 + (b.y - a.y) ** 2;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / len2));
    best = Math.min(best, Math.hypot(p.x - (a.x + t * (b.x - a.x)), p.y - (a.y + t * (b.y - a.y))));
  }
  return best;
}

/**
 * The label box of an edge with `text` on `points`: the old one when it is
 * still on the route and clear of every node, else the first clear place of
 * a few along the route (the middle first); undefined when none is clear.
 */
export function labelOnRoute(text: string, points: readonly Point[], grid: BoxGrid, old?: LaidOutEdge['label']): LaidOutEdge['label'] | undefined {
  const clear = (box: { x: number; y: number; width: number; height: number }) => grid.free('', { x: box.x - 2, y: box.y - 2, width: box.width + 4, height: box.height + 4 });
  if (old && distanceToRoute({ x: old.x + old.width / 2, y: old.y + old.height / 2 }, points) < 1 && clear(old)) return old;
  const length = pathLength(points);
  for (const at of [length / 2, 30, length - 30, length / 4, (3 * length) / 4]) {
    const box = labelBoxAt(text, pointAlong(points, at));
    if (clear(box)) return box;
  }
  return undefined;
}
