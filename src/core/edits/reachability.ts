// Which journey points a point alone leads to: the points that no starting
// point reaches any more once that point is gone, so deleting a branching
// point can offer to delete its branches too, saying how many points go.
// Read loosely from the raw value (works on documents that do not fit the
// schema yet). Pure.
import type { Slot } from './journeyOperation';
import { arrayField, stringField, successorRefs } from './nodeReferences';

/** Successor ids of every journey point, by id. */
function successorsById(journey: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of arrayField(journey, 'points')) {
    const id = stringField(p, 'id');
    if (id) out.set(id, successorRefs('point', p).map((r) => r.to).filter((to): to is string => !!to));
  }
  return out;
}

/** Every point reached from `roots`, never passing through `blocked`. */
function reach(successors: Map<string, string[]>, roots: Iterable<string>, blocked: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots].filter((r) => !blocked.has(r));
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id) || blocked.has(id)) continue;
    seen.add(id);
    for (const to of successors.get(id) ?? []) if (!seen.has(to)) stack.push(to);
  }
  return seen;
}

/**
 * The points (besides `id` itself) that only `id` leads to: reached from it,
 * but from no starting point once it is gone. With `keep`, the branch
 * leaving `id` through that slot stays (it takes the point's place), so
 * the points it reaches are not counted. In document order.
 */
export function pointsOnlyReachedThrough(journey: unknown, id: string, keep?: Slot): string[] {
  const successors = successorsById(journey);
  const point = arrayField(journey, 'points').find((p) => stringField(p, 'id') === id);
  if (!point) return [];
  const blocked = new Set([id]);
  const starts = arrayField(journey, 'startingPoints').map((sp) => stringField(sp, 'next')).filter((n): n is string => !!n);
  const stillReached = reach(successors, starts, blocked);
  const refs = successorRefs('point', point);
  const kept = keep === undefined ? undefined : refs.find((r) => r.slot === keep)?.to;
  const keptReach = kept ? reach(successors, [kept], blocked) : new Set<string>();
  const fromPoint = reach(successors, refs.map((r) => r.to).filter((to): to is string => !!to), blocked);
  const order = arrayField(journey, 'points').map((p) => stringField(p, 'id'));
  return order.filter((p): p is string => !!p && fromPoint.has(p) && !stillReached.has(p) && !keptReach.has(p));
}
