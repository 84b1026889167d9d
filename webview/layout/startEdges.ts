// Several starting points leading to one point: elkjs joins their edges
// into one bus line above it, so no one can tell which start leads where.
// This gives each of them its own way in: its own entry point on the
// target's top (spread across it, in the order of the starts from left to
// right) and its own level for the horizontal run, chosen so that the
// routes neither share a segment nor cross. A group whose routes would pass
// through another node keeps its routes. Pure.
import type { MapModel } from '../../src/core/mapModel';
import { BoxGrid } from './boxGrid';
import type { LaidOutEdge, LaidOutNode, MapLayout, Point } from './elkLayout';

/** Room kept between a starting point's bottom (or the target's top) and the nearest horizontal run. */
const CLEARANCE = 10;

/** The start of an edge: its port at the bottom of its node. */
function portPoint(node: LaidOutNode, edgeKey: string): Point {
  const port = node.ports.get(edgeKey) ?? { x: node.width / 2, y: node.height };
  return { x: node.x + port.x, y: node.y + node.height };
}

/** The routes of the starting points' edges into `target`, each apart from the others; undefined when they do not fit. */
export function startRoutes(starts: readonly { key: string; from: Point }[], target: LaidOutNode): Map<string, Point[]> | undefined {
  const top = Math.max(...starts.map((s) => s.from.y)) + CLEARANCE;
  const bottom = target.y - CLEARANCE;
  if (bottom - top < 4) return undefined;
  const sorted = [...starts].sort((a, b) => a.from.x - b.from.x);
  const entries = sorted.map((s, i) => ({ ...s, entry: target.x + (target.width * (i + 1)) / (sorted.length + 1) }));
  // Right-going runs: the leftmost lowest; left-going runs: the rightmost lowest (then no run crosses another's vertical).
  const right = entries.filter((s) => s.entry - s.from.x > 0.5);
  const left = entries.filter((s) => s.from.x - s.entry > 0.5).reverse();
  const runs = right.length + left.length;
  const level = (index: number) => top + ((bottom - top) * (index + 0.5)) / Math.max(1, runs);
  const routes = new Map<string, Point[]>();
  right.forEach((s, m) => routes.set(s.key, [s.from, { x: s.from.x, y: level(runs - 1 - m) }, { x: s.entry, y: level(runs - 1 - m) }, { x: s.entry, y: target.y }]));
  left.forEach((s, m) => routes.set(s.key, [s.from, { x: s.from.x, y: level(left.length - 1 - m) }, { x: s.entry, y: level(left.length - 1 - m) }, { x: s.entry, y: target.y }]));
  for (const s of entries) if (!routes.has(s.key)) routes.set(s.key, [s.from, { x: s.entry, y: target.y }]);
  return routes;
}

/** `layout` with the edges of several starting points into one point routed apart (see the module's comment). */
export function separateStartEdges(layout: MapLayout, model: MapModel, grid?: BoxGrid): MapLayout {
  const startKeys = new Set(model.nodes.filter((n) => n.kind === 'start').map((n) => n.key));
  const groups = new Map<string, { key: string; from: Point }[]>();
  for (const e of model.edges) {
    if (!startKeys.has(e.from)) continue;
    const from = layout.nodes.get(e.from);
    if (!from || !layout.nodes.has(e.to)) continue;
    groups.set(e.to, [...(groups.get(e.to) ?? []), { key: e.key, from: portPoint(from, e.key) }]);
  }
  let edges: Map<string, LaidOutEdge> | undefined;
  for (const [to, starts] of groups) {
    if (starts.length < 2) continue;
    const target = layout.nodes.get(to)!;
    const routes = startRoutes(starts, target);
    if (!routes) continue;
    if (!grid) {
      grid = new BoxGrid(0);
      for (const [key, n] of layout.nodes) grid.set(key, n);
    }
    const ends = (key: string) => new Set([model.edges.find((e) => e.key === key)!.from, to]);
    const clear = [...routes].every(([key, points]) => {
      const own = ends(key);
      for (let i = 1; i < points.length; i++) if (grid!.crossedBy(points[i - 1]!, points[i]!).some((k) => !own.has(k))) return false;
      return true;
    });
    if (!clear) continue;
    edges ??= new Map(layout.edges);
    for (const [key, points] of routes) edges.set(key, { points });
  }
  return edges ? { ...layout, edges } : layout;
}
