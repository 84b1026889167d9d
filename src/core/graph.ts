// The journey as a graph: starting points and journey points are nodes, each
// successor reference an edge with its label (next, yes, no, timeout, 30%)
// and the JSON path of the reference. Shared by the validator (references,
// reachability, cycles), the designer (edges), the simulator and rename.
import type { Journey, JourneyPoint, StartingPoint } from './schema';
import type { JsonPath } from './jsonDocument';

export type NodeKind = 'start' | 'point';

export interface Edge {
  from: string;
  to: string;
  /** `next`, `yes`, `no`, `timeout`, or a split share such as `30%`. */
  label: string;
  /** Path of the string that names the successor, e.g. points[2].branches.yes. */
  path: JsonPath;
}

export interface JourneyGraph {
  startingPoints: Map<string, { sp: StartingPoint; index: number }>;
  points: Map<string, { point: JourneyPoint; index: number }>;
  /** Edges out of each node id, in document order. */
  out: Map<string, Edge[]>;
  edges: Edge[];
}

/** The successor references of one journey point, with labels and paths relative to the point. */
export function successorsOf(point: JourneyPoint): { to: string; label: string; path: JsonPath }[] {
  switch (point.type) {
    case 'ifElse':
      return [
        { to: point.branches.yes, label: 'yes', path: ['branches', 'yes'] },
        { to: point.branches.no, label: 'no', path: ['branches', 'no'] },
      ];
    case 'waitForEvent':
      return [
        { to: point.branches.yes, label: 'yes', path: ['branches', 'yes'] },
        { to: point.branches.timeout, label: 'timeout', path: ['branches', 'timeout'] },
      ];
    case 'split':
      return point.branches.map((b, i) => ({ to: b.next, label: b.label ?? `${b.percent}%`, path: ['branches', i, 'next'] }));
    case 'exit':
    case 'end':
      return [];
    default:
      return [{ to: point.next, label: 'next', path: ['next'] }];
  }
}

/** Whether contacts stop at this point for some time (used to find zero-time cycles, R8). */
export function takesTime(point: JourneyPoint): boolean {
  return point.type === 'wait' || point.type === 'waitUntil' || point.type === 'waitForEvent';
}

export function buildGraph(journey: Journey): JourneyGraph {
  const startingPoints = new Map<string, { sp: StartingPoint; index: number }>();
  const points = new Map<string, { point: JourneyPoint; index: number }>();
  const out = new Map<string, Edge[]>();
  const edges: Edge[] = [];
  journey.startingPoints.forEach((sp, index) => {
    if (!startingPoints.has(sp.id)) startingPoints.set(sp.id, { sp, index });
    const edge = { from: sp.id, to: sp.next, label: 'start', path: ['startingPoints', index, 'next'] };
    edges.push(edge);
    out.set(sp.id, [...(out.get(sp.id) ?? []), edge]);
  });
  journey.points.forEach((point, index) => {
    if (!points.has(point.id)) points.set(point.id, { point, index });
    const list = successorsOf(point).map((s) => ({ from: point.id, to: s.to, label: s.label, path: ['points', index, ...s.path] }));
    edges.push(...list);
    out.set(point.id, [...(out.get(point.id) ?? []), ...list]);
  });
  return { startingPoints, points, out, edges };
}

/** Ids of the journey points reachable from any starting point. */
export function reachablePoints(graph: JourneyGraph): Set<string> {
  const seen = new Set<string>();
  const stack = [...graph.startingPoints.values()].map(({ sp }) => sp.next);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id) || !graph.points.has(id)) continue;
    seen.add(id);
    for (const edge of graph.out.get(id) ?? []) stack.push(edge.to);
  }
  return seen;
}

const incomingByGraph = new WeakMap<JourneyGraph, Map<string, string[]>>();

/** The nodes with an edge into each node, built once per graph. */
function incomingOf(graph: JourneyGraph): Map<string, string[]> {
  let incoming = incomingByGraph.get(graph);
  if (!incoming) {
    incoming = new Map();
    for (const e of graph.edges) {
      const from = incoming.get(e.to);
      if (from) from.push(e.from);
      else incoming.set(e.to, [e.from]);
    }
    incomingByGraph.set(graph, incoming);
  }
  return incoming;
}

/** Whether `to` can be reached from `from` by following edges (a short forward search). */
export function reaches(graph: JourneyGraph, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const edge of graph.out.get(id) ?? []) {
      if (edge.to === to) return true;
      stack.push(edge.to);
    }
  }
  return false;
}

/** Ids of the points from which `target` can be reached (its ancestors). */
export function upstreamOf(graph: JourneyGraph, target: string): Set<string> {
  const incoming = incomingOf(graph);
  const seen = new Set<string>();
  const stack = [...(incoming.get(target) ?? [])];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(incoming.get(id) ?? []));
  }
  return seen;
}
