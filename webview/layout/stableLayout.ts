// Keeps the map still under edits: a new elkjs layout is laid over the
// previous one so that every node the edit did not have to move stays where
// it was. The new layout is first shifted by the offset most nodes agree on
// (elkjs may re-centre the whole graph), then each node that elkjs moved only
// sideways goes back to its old place when that overlaps nothing, and a node
// moved down or up (a point inserted or deleted above it) keeps its old
// column. New nodes take elkjs's place, shifted like the rest. Edges that
// touch a node put back are routed again (orthogonally). Pure.
import type { MapModel } from '../../src/core/mapModel';
import type { LaidOutEdge, LaidOutNode, MapLayout, Point } from './elkLayout';
import { type Box, BoxGrid } from './boxGrid';
import { rerouteEdges } from './pinnedLayout';

const GAP = 16;


/**
 * The offset most nodes present in both layouts moved by (rounded to whole
 * pixels), counting the starting points only when some are in both: they
 * are on top, where an edit below moves nothing.
 */
function dominantOffset(previous: MapLayout, next: MapLayout, model: MapModel): Point {
  const starts = new Set(model.nodes.filter((n) => n.kind === 'start' && previous.nodes.has(n.key)).map((n) => n.key));
  const votes = new Map<string, { offset: Point; count: number }>();
  for (const [key, old] of previous.nodes) {
    const now = next.nodes.get(key);
    if (!now || (starts.size > 0 && !starts.has(key))) continue;
    const offset = { x: Math.round(old.x - now.x), y: Math.round(old.y - now.y) };
    const id = `${offset.x},${offset.y}`;
    const vote = votes.get(id) ?? { offset, count: 0 };
    vote.count++;
    votes.set(id, vote);
  }
  let best: { offset: Point; count: number } | undefined;
  for (const vote of votes.values()) if (!best || vote.count > best.count) best = vote;
  return best?.offset ?? { x: 0, y: 0 };
}

function shifted(layout: MapLayout, by: Point): MapLayout {
  if (by.x === 0 && by.y === 0) return layout;
  const nodes = new Map<string, LaidOutNode>();
  for (const [key, n] of layout.nodes) nodes.set(key, { ...n, x: n.x + by.x, y: n.y + by.y });
  const edges = new Map<string, LaidOutEdge>();
  const move = (p: Point) => ({ x: p.x + by.x, y: p.y + by.y });
  for (const [key, e] of layout.edges) edges.set(key, { points: e.points.map(move), ...(e.label ? { label: { ...e.label, ...move(e.label) } } : {}) });
  return { ...layout, nodes, edges };
}

/** How many nodes of `previous` are at another place (or size) in `next`. */
export function movedNodes(previous: MapLayout, next: MapLayout): string[] {
  const moved: string[] = [];
  for (const [key, old] of previous.nodes) {
    const now = next.nodes.get(key);
    if (now && (Math.abs(now.x - old.x) > 0.5 || Math.abs(now.y - old.y) > 0.5)) moved.push(key);
  }
  return moved;
}

/**
 * `next` (a fresh elkjs layout of `model`) with the nodes of `previous`
 * kept in place wherever the edit allows: a node elkjs moved sideways goes
 * back to its old place, one it moved down or up (a point inserted or
 * deleted above it, which the edit must move) keeps its old column; a new
 * node takes elkjs's place, moved aside when an old node is there.
 */
export function stabilizeLayout(previous: MapLayout | undefined, next: MapLayout, model: MapModel): MapLayout {
  if (!previous || previous.nodes.size === 0) return next;
  const base = shifted(next, dominantOffset(previous, next, model));
  const nodes = new Map(base.nodes);
  const grid = new BoxGrid(GAP);
  const putBack = new Set<string>();
  const fresh: string[] = [];
  for (const [key, now] of base.nodes) {
    const old = previous.nodes.get(key);
    if (!old) {
      fresh.push(key);
      continue;
    }
    const layerMoved = Math.abs(now.y - old.y) > 0.5;
    const wanted: Box = { ...now, x: old.x, y: layerMoved ? now.y : old.y };
    const at = grid.free(key, wanted) ? wanted : now;
    if (at !== now) {
      nodes.set(key, { ...now, x: at.x, y: at.y });
      if (Math.abs(at.x - now.x) > 0.5 || Math.abs(at.y - now.y) > 0.5) putBack.add(key);
    }
    grid.set(key, at);
  }
  for (const key of fresh) {
    const now = base.nodes.get(key)!;
    let at: Box = now;
    for (let step = 1; step <= 200 && !grid.free(key, at); step++) at = { ...now, x: now.x + step * 24 };
    if (at !== now) {
      nodes.set(key, { ...now, x: at.x });
      putBack.add(key);
    }
    grid.set(key, at);
  }
  let right = 0;
  let bottom = 0;
  for (const n of nodes.values()) {
    right = Math.max(right, n.x + n.width);
    bottom = Math.max(bottom, n.y + n.height);
  }
  if (putBack.size === 0) return withinWorld({ ...base, width: right + 24, height: bottom + 24 });
  const edges = rerouteEdges(base, model, nodes, putBack, right);
  return withinWorld({ ...base, nodes, edges, width: right + 24, height: bottom + 24 });
}

/**
 * The layout moved so that nothing lies left of or above the margin (the
 * map's world starts at 0, 0), with the move recorded as `worldShift`: the
 * canvas moves its viewport back by as much, so nothing moves on screen.
 */
export function withinWorld(layout: MapLayout, margin = 24): MapLayout {
  let left = Infinity;
  let top = Infinity;
  for (const n of layout.nodes.values()) {
    left = Math.min(left, n.x);
    top = Math.min(top, n.y);
  }
  for (const e of layout.edges.values()) for (const p of e.points) {
    left = Math.min(left, p.x);
    top = Math.min(top, p.y);
  }
  const by = { x: left < margin ? margin - left : 0, y: top < margin ? margin - top : 0 };
  if (by.x === 0 && by.y === 0) return layout;
  const moved = shifted(layout, by);
  return { ...moved, width: layout.width + by.x, height: layout.height + by.y, worldShift: by };
}
