// Puts nodes where the user pinned (or is dragging) them on top of the
// elkjs layout, and re-routes the edges that touch a moved node with a
// simple orthogonal path, so pinning never needs a new layout run.
import type { MapModel } from '../../src/core/mapModel';
import type { LaidOutEdge, LaidOutNode, MapLayout, Point } from './elkLayout';
import { edgeWithMidLabel } from './geometry';

/** Orthogonal route from a port at the bottom of one node to the top middle of another. */
export function orthogonalRoute(start: Point, target: LaidOutNode, rightmost: number): Point[] {
  const end = { x: target.x + target.width / 2, y: target.y };
  if (end.y - start.y >= 24) {
    const midY = start.y + Math.max(12, (end.y - start.y) / 2);
    return start.x === end.x ? [start, end] : [start, { x: start.x, y: midY }, { x: end.x, y: midY }, end];
  }
  // The target is above (or level with) the source: go round on the right.
  const side = rightmost + 24;
  return [start, { x: start.x, y: start.y + 16 }, { x: side, y: start.y + 16 }, { x: side, y: end.y - 16 }, { x: end.x, y: end.y - 16 }, end];
}

/**
 * `base`'s edges with those touching a node in `moved` routed again between
 * the nodes' new places (orthogonally, their labels at the middle).
 */
export function rerouteEdges(base: MapLayout, model: MapModel, nodes: ReadonlyMap<string, LaidOutNode>, moved: ReadonlySet<string> | ReadonlyMap<string, unknown>, rightmost: number): Map<string, LaidOutEdge> {
  const edges = new Map(base.edges);
  for (const e of model.edges) {
    if (!moved.has(e.from) && !moved.has(e.to)) continue;
    const from = nodes.get(e.from);
    const to = nodes.get(e.to);
    if (!from || !to) continue;
    const port = from.ports.get(e.key) ?? { x: from.width / 2, y: from.height };
    const points = orthogonalRoute({ x: from.x + port.x, y: from.y + from.height }, to, rightmost);
    edges.set(e.key, edgeWithMidLabel(points, e.label));
  }
  return edges;
}

/** The layout with `moved` nodes (pinned ones, or one being dragged) at their positions. */
export function applyPins(base: MapLayout, model: MapModel, moved: ReadonlyMap<string, Point>): MapLayout {
  const positions = new Map(moved);
  for (const n of model.nodes) if (n.pinned && !positions.has(n.key)) positions.set(n.key, n.pinned);
  if (positions.size === 0) return base;
  const nodes = new Map(base.nodes);
  for (const [key, p] of positions) {
    const node = nodes.get(key);
    if (node) nodes.set(key, { ...node, x: p.x, y: p.y });
  }
  let right = 0;
  let bottom = 0;
  for (const n of nodes.values()) {
    right = Math.max(right, n.x + n.width);
    bottom = Math.max(bottom, n.y + n.height);
  }
  const edges = rerouteEdges(base, model, nodes, positions, right);
  return { ...base, nodes, edges, width: Math.max(base.width, right + 24), height: Math.max(base.height, bottom + 24) };
}
