// An edit's new map laid out without elkjs: every node the edit kept stays
// where it was; a point the edit added goes below the point before it, in
// line with the point after it, and only the nodes below it in its column
// move down to make room, when they must; a node that grew makes room the
// same way; a removed one leaves its place empty. Only the edges that touch
// an added, changed or moved node, or whose target changed, are routed
// again (edgeRoutes.ts). Undefined when the edit cannot be placed so
// (branches collapsed or expanded, points with no placed point before them,
// too many new points, a node or label that would overlap another): the map
// is laid out again with elkjs then. Pure.
import type { MapModel, MapNode } from '../../src/core/mapModel';
import { type Box, BoxGrid } from './boxGrid';
import { type Band, bandOf, bandsOf, freshRoute, labelOnRoute, portPoint, routeIsClear, stretchedRoute, translated } from './edgeRoutes';
import type { LaidOutEdge, LaidOutNode, MapLayout, Point } from './elkLayout';
import { separateStartEdges } from './startEdges';
import { withinWorld } from './stableLayout';

/** The layout of a model, as shown. */
export interface PlacedMap {
  model: MapModel;
  layout: MapLayout;
}

/** Vertical room between a node and the next one below (elkjs's spacing between layers). */
const LAYER_GAP = 56;
/** Horizontal room between nodes side by side (elkjs's node spacing). */
const NODE_GAP = 36;
/** Room any two nodes keep. */
const GAP = 16;
/** More new points than this in one edit are laid out by elkjs. */
const MAX_ADDED = 12;

const isPlaceholder = (key: string) => key.startsWith('collapsed:');

/** Port positions of a node of `width` x `height`: evenly along its bottom, in order. */
function portsOf(node: MapNode, width: number, height: number): Map<string, Point> {
  return new Map(node.ports.map((p, i) => [p.id, { x: (width * (i + 1)) / (node.ports.length + 1), y: height }]));
}

const samePorts = (a: MapNode, b: MapNode) => a.ports.length === b.ports.length && a.ports.every((p, i) => p.slot === b.ports[i]!.slot);

export function placeLocally(previous: PlacedMap, model: MapModel): MapLayout | undefined {
  const old = previous.layout.nodes;
  const prevNodes = new Map(previous.model.nodes.map((n) => [n.key, n]));
  const prevEdges = new Map(previous.model.edges.map((e) => [e.key, e]));
  const keys = new Set(model.nodes.map((n) => n.key));
  // A node whose id changed (rename) is the removed node at its place in the file.
  const removedAt = new Map<string, MapNode>();
  for (const n of previous.model.nodes) if (!keys.has(n.key) && n.kind !== 'missing') removedAt.set(`${n.kind}:${JSON.stringify(n.path)}`, n);
  /** Each kept node's key before the edit. */
  const was = new Map<string, string>();
  const added: MapNode[] = [];
  for (const n of model.nodes) {
    if (old.has(n.key) && prevNodes.has(n.key)) {
      was.set(n.key, n.key);
      continue;
    }
    const renamed = n.kind === 'missing' ? undefined : removedAt.get(`${n.kind}:${JSON.stringify(n.path)}`);
    if (renamed && old.has(renamed.key)) {
      was.set(n.key, renamed.key);
      removedAt.delete(`${n.kind}:${JSON.stringify(n.path)}`);
    } else added.push(n);
  }
  if (was.size === 0 || added.length > MAX_ADDED) return undefined;
  if (added.some((n) => isPlaceholder(n.key)) || previous.model.nodes.some((n) => isPlaceholder(n.key) && !keys.has(n.key))) return undefined;

  const bands = bandsOf(old.values());
  const nodes = new Map<string, LaidOutNode>();
  /** How far each kept node moved down. */
  const moved = new Map<string, number>();
  /** Nodes added, or kept with another size, ports or id: their edges are routed afresh. */
  const changed = new Set<string>();
  const grid = new BoxGrid(GAP);

  const place = (key: string, box: LaidOutNode) => {
    nodes.set(key, box);
    grid.set(key, box);
  };
  /** Moves every node of `band` whose centre is below `cutY` down by `dy`. */
  const shiftBelow = (band: Band, cutY: number, dy: number) => {
    for (const [key, n] of nodes) {
      const cx = n.x + n.width / 2;
      if (cx < band.left || cx > band.right || n.y + n.height / 2 <= cutY) continue;
      place(key, { ...n, y: n.y + dy });
      if (!changed.has(key)) moved.set(key, (moved.get(key) ?? 0) + dy);
    }
  };
  /** Makes room for `box` below `cutY` in its band: the nodes below move down as far as needed, if they must. */
  const makeRoom = (key: string, box: Box, cutY: number) => {
    if (grid.free(key, box)) return;
    const band = bandOf(bands, box);
    let top = Infinity;
    for (const [k, n] of nodes) {
      const cx = n.x + n.width / 2;
      if (k !== key && cx >= band.left && cx <= band.right && n.y + n.height / 2 > cutY) top = Math.min(top, n.y);
    }
    const dy = Math.ceil(box.y + box.height + LAYER_GAP - top);
    if (dy > 0 && top < Infinity) shiftBelow(band, cutY, dy);
  };

  // Kept nodes: where they were; one with another size keeps its top and its centre.
  const grown: { key: string; oldBottom: number }[] = [];
  for (const n of model.nodes) {
    const before = was.get(n.key);
    if (before === undefined) continue;
    const box = old.get(before)!;
    const prev = prevNodes.get(before)!;
    if (before === n.key && box.width === n.width && box.height === n.height && samePorts(prev, n)) {
      place(n.key, box);
      continue;
    }
    changed.add(n.key);
    const ports = box.width === n.width && samePorts(prev, n) && before === n.key ? box.ports : portsOf(n, n.width, n.height);
    place(n.key, { x: box.x + (box.width - n.width) / 2, y: box.y, width: n.width, height: n.height, ports });
    if (n.height > box.height) grown.push({ key: n.key, oldBottom: box.y + box.height });
  }
  for (const g of grown) {
    const box = nodes.get(g.key)!;
    grid.remove(g.key);
    makeRoom(g.key, box, g.oldBottom);
    place(g.key, nodes.get(g.key)!);
  }

  // Added nodes: below a placed point leading to them, in line with a placed point they lead to.
  const incoming = new Map<string, typeof model.edges>();
  const outgoing = new Map<string, typeof model.edges>();
  for (const e of model.edges) {
    incoming.set(e.to, [...(incoming.get(e.to) ?? []), e]);
    outgoing.set(e.from, [...(outgoing.get(e.from) ?? []), e]);
  }
  let waiting = added;
  while (waiting.length > 0) {
    const rest: MapNode[] = [];
    for (const n of waiting) {
      const ports = portsOf(n, n.width, n.height);
      if (n.kind === 'start') {
        // A new starting point: at the end of the row of starting points.
        const row = model.nodes.filter((s) => s.kind === 'start' && nodes.has(s.key)).map((s) => nodes.get(s.key)!);
        if (row.length === 0) return undefined;
        let box: LaidOutNode = { x: Math.max(...row.map((r) => r.x + r.width)) + NODE_GAP, y: Math.min(...row.map((r) => r.y)), width: n.width, height: n.height, ports };
        for (let step = 0; step < 40 && !grid.free(n.key, box); step++) box = { ...box, x: box.x + 24 };
        if (!grid.free(n.key, box)) return undefined;
        place(n.key, box);
        changed.add(n.key);
        continue;
      }
      const before = (incoming.get(n.key) ?? []).find((e) => nodes.has(e.from) && e.from !== n.key);
      if (!before) {
        rest.push(n);
        continue;
      }
      const from = nodes.get(before.from)!;
      const port = portPoint(from, before.key);
      const after = (outgoing.get(n.key) ?? []).map((e) => nodes.get(e.to)).find((t) => t !== undefined && t.y > from.y + from.height && bandOf(bands, t) === bandOf(bands, from));
      const cx = after ? after.x + after.width / 2 : port.x;
      const box: LaidOutNode = { x: cx - n.width / 2, y: from.y + from.height + LAYER_GAP, width: n.width, height: n.height, ports };
      makeRoom(n.key, box, from.y + from.height);
      let at = box;
      for (let step = 1; step <= 12 && !grid.free(n.key, at); step++) at = { ...box, x: box.x + (step % 2 === 1 ? 1 : -1) * Math.ceil(step / 2) * 48 };
      if (!grid.free(n.key, at)) return undefined;
      place(n.key, at);
      changed.add(n.key);
    }
    if (rest.length === waiting.length) return undefined;
    waiting = rest;
  }

  // Edges: kept, moved with their nodes, stretched, or routed afresh.
  const routeGrid = new BoxGrid(0);
  for (const [key, n] of nodes) routeGrid.set(key, n);
  const newcomers = new BoxGrid(0);
  for (const key of [...changed, ...moved.keys()]) newcomers.set(key, nodes.get(key)!);
  const edges = new Map<string, LaidOutEdge>();
  for (const e of model.edges) {
    const from = nodes.get(e.from);
    const to = nodes.get(e.to);
    if (!from || !to) return undefined;
    const ends = new Set([e.from, e.to]);
    const fromBefore = was.get(e.from);
    const oldKey = fromBefore === undefined ? undefined : fromBefore === e.from ? e.key : `${fromBefore}/${String(e.slot)}`;
    const prev = oldKey === undefined ? undefined : prevEdges.get(oldKey);
    const oldRoute = oldKey === undefined ? undefined : previous.layout.edges.get(oldKey);
    const kept = prev && oldRoute && prev.to === was.get(e.to) && prev.label === e.label && !changed.has(e.from) && !changed.has(e.to);
    let route: LaidOutEdge | undefined;
    if (kept) {
      const fromDy = moved.get(e.from) ?? 0;
      const toDy = moved.get(e.to) ?? 0;
      if (fromDy === toDy) {
        route = translated(oldRoute, fromDy);
        // A route kept as it was must not pass through a node placed or moved by this edit.
        if (fromDy === 0 && !routeIsClear(route.points, newcomers, ends)) route = undefined;
      } else {
        const points = stretchedRoute(oldRoute.points, fromDy, toDy, routeGrid, ends);
        if (points) {
          route = { points };
          if (e.label) {
            const label = labelOnRoute(e.label, points, routeGrid, oldRoute.label && translated({ points: [], label: oldRoute.label }, fromDy).label);
            if (!label) return undefined;
            route.label = label;
          }
        }
      }
    }
    if (!route) {
      const points = freshRoute(portPoint(from, e.key), to, routeGrid, ends, bands, from);
      if (!points) return undefined;
      route = { points };
      if (e.label) {
        const label = labelOnRoute(e.label, points, routeGrid);
        if (!label) return undefined;
        route.label = label;
      }
    }
    edges.set(e.key, route);
  }
  // No placed or changed node covers a label.
  for (const route of edges.values()) if (route.label && !newcomers.free('', route.label)) return undefined;

  let right = 0;
  let bottom = 0;
  for (const n of nodes.values()) {
    right = Math.max(right, n.x + n.width);
    bottom = Math.max(bottom, n.y + n.height);
  }
  const layout: MapLayout = { width: Math.max(previous.layout.width, right + 24), height: Math.max(previous.layout.height, bottom + 24), nodes, edges, layoutMs: 0 };
  return withinWorld(separateStartEdges(layout, model, routeGrid));
}
