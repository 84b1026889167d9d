// Matches the points of two versions of a journey: by id first; then a
// point only in A and a point only in B are one point renamed when they
// stand at the same place (same type, and the same incoming edges or the
// same outgoing edges once the renames already found are applied). A
// journey file keeps no edit history, so this structural rule is the only
// evidence; a point with several candidates is not matched (reported as
// removed and added). Each matched point is `same` or `changed` (its
// definition, apart from its id, differs once renames are applied).
import { successorsOf } from '../graph';
import type { Journey, JourneyPoint, StartingPoint } from '../schema';

export type PointChange = 'same' | 'changed' | 'added' | 'removed';

export interface PointMatch {
  /** The point's id in A (undefined for a point only in B). */
  a?: string;
  /** The point's id in B (undefined for a point only in A). */
  b?: string;
  kind: 'start' | 'point';
  /** The point's type (a journey point's `type`, `start` for a starting point). */
  type: string;
  change: PointChange;
  /** Both ids are given and differ: the point was renamed (see the module header). */
  renamed: boolean;
}

export interface PointMatching {
  /** Every point of A and B: A's order first, then the points only in B. */
  matches: PointMatch[];
  /** A's id → B's id for every point in both (identity for a kept id). */
  aToB: Map<string, string>;
}

type Node = { kind: 'start'; node: StartingPoint } | { kind: 'point'; node: JourneyPoint };

function nodesOf(journey: Journey): Map<string, Node> {
  const nodes = new Map<string, Node>();
  for (const sp of journey.startingPoints) if (!nodes.has(sp.id)) nodes.set(sp.id, { kind: 'start', node: sp });
  for (const p of journey.points) if (!nodes.has(p.id)) nodes.set(p.id, { kind: 'point', node: p });
  return nodes;
}

function typeOf(n: Node): string {
  return n.kind === 'start' ? 'start' : n.node.type;
}

function outEdges(n: Node): { label: string; to: string }[] {
  return n.kind === 'start' ? [{ label: 'start', to: n.node.next }] : successorsOf(n.node).map(({ label, to }) => ({ label, to }));
}

function inEdges(nodes: Map<string, Node>): Map<string, { label: string; from: string }[]> {
  const into = new Map<string, { label: string; from: string }[]>();
  for (const [from, n] of nodes) {
    for (const e of outEdges(n)) {
      const list = into.get(e.to) ?? [];
      list.push({ label: e.label, from });
      into.set(e.to, list);
    }
  }
  return into;
}

const sortedKey = (items: string[]) => [...items].sort().join('\n');

/** JSON with sorted keys, so two definitions compare by content. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A's definition with its id left out and the ids it names (successors, awaited send point) written as B names them. */
function definitionInB(n: Node, aToB: ReadonlyMap<string, string>): string {
  const rename = (id: string) => aToB.get(id) ?? id;
  const copy = structuredClone(n.node) as unknown as Record<string, unknown>;
  delete copy['id'];
  if (typeof copy['next'] === 'string') copy['next'] = rename(copy['next']);
  const branches = copy['branches'];
  if (Array.isArray(branches)) for (const b of branches as { next: string }[]) b.next = rename(b.next);
  else if (branches && typeof branches === 'object') for (const k of Object.keys(branches)) (branches as Record<string, string>)[k] = rename((branches as Record<string, string>)[k]!);
  const event = copy['event'] as { point?: string } | undefined;
  if (event && typeof event.point === 'string') event.point = rename(event.point);
  return canonical(copy);
}

function definition(n: Node): string {
  return definitionInB(n, new Map());
}

/** Matches the points and starting points of A and B (see the module header). */
export function matchPoints(a: Journey, b: Journey): PointMatching {
  const nodesA = nodesOf(a);
  const nodesB = nodesOf(b);
  const aToB = new Map<string, string>();
  for (const id of nodesA.keys()) if (nodesB.has(id)) aToB.set(id, id);
  const onlyA = () => [...nodesA.keys()].filter((id) => !aToB.has(id));
  const matchedB = () => new Set(aToB.values());
  const intoA = inEdges(nodesA);
  const intoB = inEdges(nodesB);
  // Renames: repeat while one is found, since a renamed neighbour can reveal the next one.
  for (;;) {
    const takenB = matchedB();
    const freeB = [...nodesB.keys()].filter((id) => !takenB.has(id));
    const placeOfB = new Map<string, { into: string; out: string }>();
    for (const id of freeB) {
      const n = nodesB.get(id)!;
      placeOfB.set(id, { into: sortedKey((intoB.get(id) ?? []).map((e) => `${e.label}|${e.from}`)), out: sortedKey(outEdges(n).map((e) => `${e.label}|${e.to}`)) });
    }
    const mapped = (x: string) => aToB.get(x) ?? `\u0000A:${x}`; // an unmatched A id never equals a B id
    const candidatesOf = new Map<string, string[]>();
    for (const id of onlyA()) {
      const n = nodesA.get(id)!;
      const into = sortedKey((intoA.get(id) ?? []).map((e) => `${e.label}|${mapped(e.from)}`));
      const out = sortedKey(outEdges(n).map((e) => `${e.label}|${mapped(e.to)}`));
      candidatesOf.set(
        id,
        freeB.filter((bid) => {
          const place = placeOfB.get(bid)!;
          return typeOf(nodesB.get(bid)!) === typeOf(n) && ((into !== '' && place.into === into) || (out !== '' && place.out === out));
        }),
      );
    }
    // A pair is taken only when each is the other's one candidate.
    const fits = new Map<string, number>();
    for (const list of candidatesOf.values()) for (const bid of list) fits.set(bid, (fits.get(bid) ?? 0) + 1);
    let found = false;
    for (const [id, list] of candidatesOf) {
      if (list.length !== 1 || fits.get(list[0]!) !== 1) continue;
      aToB.set(id, list[0]!);
      found = true;
    }
    if (!found) break;
  }
  const matches: PointMatch[] = [];
  for (const [id, n] of nodesA) {
    const bid = aToB.get(id);
    if (bid === undefined) {
      matches.push({ a: id, kind: n.kind, type: typeOf(n), change: 'removed', renamed: false });
      continue;
    }
    const m = nodesB.get(bid)!;
    const same = typeOf(m) === typeOf(n) && definitionInB(n, aToB) === definition(m);
    matches.push({ a: id, b: bid, kind: n.kind, type: typeOf(m), change: same ? 'same' : 'changed', renamed: bid !== id });
  }
  const taken = matchedB();
  for (const [id, n] of nodesB) if (!taken.has(id)) matches.push({ b: id, kind: n.kind, type: typeOf(n), change: 'added', renamed: false });
  return { matches, aToB };
}
