// Collapsing the branches of a branching point (if/else, wait for event,
// split) on the map: each branch's own points, those only reachable through
// it before it joins the others again, are drawn as one placeholder node
// ("4 points"), keeping their problems; the edges that leave them leave the
// placeholder. Only the drawing changes, never the document. Pure.
import type { MapEdge, MapModel, MapNode } from '../../src/core/mapModel';

export const COLLAPSED_PREFIX = 'collapsed:';
export const isCollapsedNode = (node: Pick<MapNode, 'key'>) => node.key.startsWith(COLLAPSED_PREFIX);

function successorsOf(model: MapModel): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of model.edges) {
    const list = out.get(e.from);
    if (list) list.push(e.to);
    else out.set(e.from, [e.to]);
  }
  return out;
}

function reachable(from: string, successors: Map<string, string[]>, stop: string): Set<string> {
  const seen = new Set<string>([from]);
  const todo = [from];
  while (todo.length > 0) {
    for (const next of successors.get(todo.pop()!) ?? []) {
      if (next === stop || seen.has(next)) continue;
      seen.add(next);
      todo.push(next);
    }
  }
  return seen;
}

/** The points only `edge` (a branch of `branching`) leads to before it joins the other branches. */
export function branchOwnPoints(model: MapModel, branching: string, edge: MapEdge, successors = successorsOf(model)): Set<string> {
  const others = new Set<string>();
  for (const e of model.edges) if (e.from === branching && e.key !== edge.key) for (const k of reachable(e.to, successors, branching)) others.add(k);
  const own = new Set([...reachable(edge.to, successors, branching)].filter((k) => !others.has(k) && k !== branching));
  const kindOf = new Map(model.nodes.map((n) => [n.key, n.kind]));
  for (const k of own) if (kindOf.get(k) !== 'point') own.delete(k);
  // Only points entered from the branch itself or from each other.
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of model.edges) {
      if (own.has(e.to) && !own.has(e.from) && !(e.from === branching && e.key === edge.key)) {
        own.delete(e.to);
        changed = true;
      }
    }
  }
  return own.has(edge.to) ? own : new Set();
}

/** Whether the node has branches with points of their own to collapse. */
export function canCollapse(model: MapModel, key: string): boolean {
  return collapsibleNodes(model).has(key);
}

/**
 * Every branching node with a branch of points of its own to collapse, for
 * the whole model at once (a map draws a fold button on each): a branch
 * whose first point only it enters has points of its own exactly when no
 * other branch of the node reaches that point (branchOwnPoints, in one
 * search); other branches are worked out in full.
 */
export function collapsibleNodes(model: MapModel): Set<string> {
  const successors = successorsOf(model);
  const kindOf = new Map(model.nodes.map((n) => [n.key, n.kind]));
  const entries = new Map<string, number>();
  for (const e of model.edges) entries.set(e.to, (entries.get(e.to) ?? 0) + 1);
  const out = new Map<string, MapEdge[]>();
  for (const e of model.edges) {
    const list = out.get(e.from);
    if (list) list.push(e);
    else out.set(e.from, [e]);
  }
  const found = new Set<string>();
  for (const [key, edges] of out) {
    if (edges.length < 2 || kindOf.get(key) !== 'point') continue;
    const own = (edge: MapEdge) => {
      if (kindOf.get(edge.to) !== 'point' || edge.to === key) return false;
      if ((entries.get(edge.to) ?? 0) > 1) return branchOwnPoints(model, key, edge, successors).size > 0;
      // Reached from another branch (without passing the node again)?
      const seen = new Set<string>([key]);
      const todo = edges.filter((e) => e.key !== edge.key).map((e) => e.to);
      while (todo.length > 0) {
        const at = todo.pop()!;
        if (at === edge.to) return false;
        if (seen.has(at)) continue;
        seen.add(at);
        for (const next of successors.get(at) ?? []) if (!seen.has(next)) todo.push(next);
      }
      return true;
    };
    // The cheap ones (a first point only the branch enters) first.
    const single = (e: MapEdge) => (entries.get(e.to) ?? 0) <= 1;
    if (edges.some((e) => single(e) && own(e)) || edges.some((e) => !single(e) && own(e))) found.add(key);
  }
  return found;
}

/** The model with the branches of the `collapsed` branching nodes drawn as placeholders. */
export function collapseModel(model: MapModel, collapsed: ReadonlySet<string>): MapModel {
  if (collapsed.size === 0) return model;
  const successors = successorsOf(model);
  const hiddenBy = new Map<string, string>();
  const placeholders: MapNode[] = [];
  for (const key of collapsed) {
    const branching = model.nodes.find((n) => n.key === key);
    if (!branching) continue;
    for (const edge of model.edges.filter((e) => e.from === key)) {
      const own = branchOwnPoints(model, key, edge, successors);
      if (own.size === 0 || hiddenBy.has(edge.to)) continue;
      const placeholder = `${COLLAPSED_PREFIX}${edge.key}`;
      for (const k of own) hiddenBy.set(k, placeholder);
      const hidden = model.nodes.filter((n) => own.has(n.key));
      placeholders.push({
        key: placeholder,
        id: placeholder,
        kind: 'missing',
        type: 'collapsed',
        typeLabel: `Collapsed branch${edge.label ? ` (${edge.label})` : ''}`,
        icon: 'unfold',
        title: `${own.size} point${own.size === 1 ? '' : 's'}: ${hidden.slice(0, 2).map((n) => n.title).join(', ')}${own.size > 2 ? ', …' : ''}`,
        summary: 'Collapsed: press Enter or double-click to expand',
        path: [],
        valid: true,
        problems: hidden.flatMap((n) => n.problems),
        ports: [],
        width: branching.width,
        height: 72,
      });
    }
  }
  if (placeholders.length === 0) return model;
  const nodes = [...model.nodes.filter((n) => !hiddenBy.has(n.key)), ...placeholders];
  const edges: MapEdge[] = [];
  const seen = new Set<string>();
  for (const e of model.edges) {
    const from = hiddenBy.get(e.from) ?? e.from;
    const to = hiddenBy.get(e.to) ?? e.to;
    if (from === to) continue;
    if (from !== e.from) {
      const key = `${from}->${to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({ ...e, key: `${from}/${to}`, from, to, label: '' });
    } else edges.push(to === e.to ? e : { ...e, to });
  }
  // Ports of placeholders: one per distinct edge leaving them.
  for (const p of placeholders) p.ports = edges.filter((e) => e.from === p.key).map((e) => ({ id: e.key, slot: 'next' as const, label: '' }));
  return { ...model, nodes, edges, shapeKey: `${model.shapeKey}|collapsed:${[...collapsed].sort().join(',')}` };
}
