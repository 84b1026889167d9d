// The journey as a graph: starting points and journey points are nodes, each
// successor reference an edge with its label (next, yes, no, timeout, 30%)
// and the JSON path of the reference. Shared by the validator (references,
// the wait-for-event searches; reachability and zero-time cycles are
// rules/reachability.ts), the designer (edges), the simulator and rename.
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

export function buildGraph(journey: Journey): JourneyGraph {
  const startingPoints = new Map<string, { sp: StartingPoint; index: number }>();
  const points = new Map<string, { point: JourneyPoint; index: number }>();
  const out = new Map<string, Edge[]>();
  const edges: Edge[] = [];
  // Each edge is appended once to its node's list (never a copy of the list per
  // repeated id): linear in the journey whatever its ids.
  const addEdge = (edge: Edge): void => {
    edges.push(edge);
    const list = out.get(edge.from);
    if (list) list.push(edge);
    else out.set(edge.from, [edge]);
  };
  journey.startingPoints.forEach((sp, index) => {
    if (!startingPoints.has(sp.id)) startingPoints.set(sp.id, { sp, index });
    addEdge({ from: sp.id, to: sp.next, label: 'start', path: ['startingPoints', index, 'next'] });
  });
  journey.points.forEach((point, index) => {
    if (!points.has(point.id)) points.set(point.id, { point, index });
    for (const s of successorsOf(point)) addEdge({ from: point.id, to: s.to, label: s.label, path: ['points', index, ...s.path] });
  });
  return { startingPoints, points, out, edges };
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

/**
 * Work a rule may spend on graph searches (nodes visited); a rule that asks
 * one search per point shares one budget so that checking stays linear in
 * the journey. A search that runs out answers undefined: unknown.
 */
export class SearchBudget {
  constructor(public remaining: number) {}
  /** A budget of `perEdge` visits per edge of the graph (and a floor for small journeys). */
  static forGraph(graph: JourneyGraph, perEdge = 32): SearchBudget {
    return new SearchBudget(100_000 + perEdge * (graph.edges.length + graph.points.size));
  }
}

/** Whether `to` can be reached from `from` by following edges (a short forward search); undefined if the budget ran out. */
export function reaches(graph: JourneyGraph, from: string, to: string, budget?: SearchBudget): boolean | undefined {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    if (budget && --budget.remaining < 0) return undefined;
    for (const edge of graph.out.get(id) ?? []) {
      if (edge.to === to) return true;
      if (!seen.has(edge.to)) stack.push(edge.to);
    }
  }
  return false;
}

/** Ids of the points from which `target` can be reached (its ancestors); undefined if the budget ran out. */
export function upstreamOf(graph: JourneyGraph, target: string, budget?: SearchBudget): Set<string> | undefined {
  const incoming = incomingOf(graph);
  const seen = new Set<string>();
  const stack = [...(incoming.get(target) ?? [])];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    if (budget && --budget.remaining < 0) return undefined;
    for (const from of incoming.get(id) ?? []) if (!seen.has(from)) stack.push(from);
  }
  return seen;
}
