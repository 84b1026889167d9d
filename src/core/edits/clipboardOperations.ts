// Pasting (and duplicating) journey points: the copied points come in with
// fresh ids, their edges among themselves kept (also a wait-for-event that
// watches a copied email). Pasted onto an edge, the edge leads into them
// and whatever left the copied set leads on to the edge's old target;
// pasted free, such edges keep their targets when the journey has them and
// end otherwise. One edit. Pure.
import { type EditContext, EditRefused } from './editContext';
import type { Slot } from './journeyOperation';
import { freshId, newPointId, usedIds } from './newNodes';
import { arrayField, isObject, type RawObject, refInSlot, stringField, successorRefs } from './nodeReferences';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Sets the value at `path` inside `obj` (objects and arrays that exist). */
function setAt(obj: RawObject, path: readonly (string | number)[], value: unknown): void {
  let at: unknown = obj;
  for (const key of path.slice(0, -1)) at = (at as Record<string | number, unknown>)[key];
  (at as Record<string | number, unknown>)[path[path.length - 1]!] = value;
}

export function pastePoints(ctx: EditContext, copied: readonly unknown[], at: { from: string; slot: Slot } | undefined): string {
  const points = copied.filter((p): p is RawObject => isObject(p) && typeof p['id'] === 'string' && typeof p['type'] === 'string').map(clone);
  if (points.length === 0) throw new EditRefused('The clipboard holds no journey points.');
  const taken = usedIds(ctx.journey);
  const idMap = new Map<string, string>();
  for (const p of points) {
    const fresh = freshId(p['id'] as string, taken);
    taken.add(fresh);
    idMap.set(p['id'] as string, fresh);
  }
  let onward: string | undefined;
  let source: ReturnType<EditContext['require']> | undefined;
  if (at) {
    source = ctx.require(at.from);
    const ref = refInSlot(source.kind, source.node, at.slot);
    if (!ref?.to) throw new EditRefused(`"${at.from}" has no edge there to paste onto.`);
    onward = ref.to;
  }
  const existing = usedIds(ctx.journey);
  let newEnd: string | undefined;
  for (const p of points) {
    const oldId = p['id'] as string;
    p['id'] = idMap.get(oldId);
    for (const r of successorRefs('point', p)) {
      if (!r.to) continue;
      const inside = idMap.get(r.to);
      let to = inside;
      if (to === undefined) to = onward ?? (existing.has(r.to) ? r.to : (newEnd ??= newPointId('end', taken)));
      setAt(p, r.path, to);
    }
    const event = p['event'];
    if (isObject(event) && typeof event['point'] === 'string' && idMap.has(event['point'])) event['point'] = idMap.get(event['point']);
  }
  if (newEnd) {
    taken.add(newEnd);
    points.push({ id: newEnd, type: 'end' });
  }
  const list = arrayField(ctx.journey, 'points');
  const insertAt = source?.kind === 'point' ? source.index + 1 : list.length;
  points.forEach((p, i) => {
    if (Array.isArray(ctx.journey['points'])) ctx.composer.modify(['points', insertAt + i], p, { insert: true });
    else if (i === 0) ctx.composer.modify(['points'], [p]);
    else ctx.composer.modify(['points', i], p, { insert: true });
  });
  if (at && source) {
    // The edge leads into the pasted points: to the first one no other pasted point leads to.
    const internal = new Set(points.flatMap((p) => successorRefs('point', p).map((r) => r.to)));
    const entry = points.find((p) => !internal.has(p['id'] as string)) ?? points[0]!;
    ctx.composer.modify([...source.path, ...refInSlot(source.kind, source.node, at.slot)!.path], entry['id']);
  }
  ctx.select = stringField(points[0], 'id');
  const n = copied.length;
  return `Paste ${n === 1 ? `"${[...idMap.values()][0]}"` : `${n} points`}`;
}
