// Deleting more than one point in one edit: a branching point with the
// branches only it leads to (keeping one branch in its place, or ending the
// paths that led to it), and a set of selected points (Delete or Cut on a
// multi-selection), the edges that led into the set reconnected. Pure.
import { type EditContext, EditRefused } from './editContext';
import type { Slot } from './journeyOperation';
import { newPointId, usedIds } from './newNodes';
import { arrayField, isObject, referencesTo, stringField, successorRefs } from './nodeReferences';
import { pointsOnlyReachedThrough } from './reachability';

/** Removes the pinned positions of `ids`, and the `layout` object when nothing stays pinned. */
export function removePins(ctx: EditContext, ids: Iterable<string>): void {
  const layout = ctx.journey['layout'];
  if (!isObject(layout)) return;
  const removing = [...ids].filter((id) => Object.hasOwn(layout, id));
  if (removing.length === 0) return;
  if (removing.length === Object.keys(layout).length) ctx.composer.modify(['layout'], undefined);
  else for (const id of removing) ctx.composer.modify(['layout', id], undefined);
}

/** Removes the journey points of these array indexes, last first (so earlier indexes stay right). */
function removeIndexes(ctx: EditContext, indexes: number[]): void {
  for (const i of [...indexes].sort((a, b) => b - a)) ctx.composer.modify(['points', i], undefined);
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Deletes branching point `id` and every point only it leads to. With
 * `keep`, that branch takes the point's place (what led to the point leads
 * to the branch); without, what led to the point leads to a new end point.
 */
export function deleteBranches(ctx: EditContext, id: string, keep: Slot | undefined): string {
  const target = ctx.require(id, 'point');
  const refs = successorRefs('point', target.node);
  let keptTo: string | undefined;
  if (keep !== undefined) {
    const ref = refs.find((r) => r.slot === keep);
    if (!ref?.to) throw new EditRefused(`"${id}" has no branch "${String(keep)}" to keep.`);
    if (ref.to === id) throw new EditRefused(`The "${String(keep)}" branch of "${id}" leads back to it: choose another one to keep.`);
    ctx.require(ref.to, 'point');
    keptTo = ref.to;
  }
  const going = pointsOnlyReachedThrough(ctx.journey, id, keep);
  const goingSet = new Set([id, ...going]);
  const incoming = referencesTo(ctx.journey, id).filter((r) => !r.owner || !goingSet.has(r.owner));
  const points = arrayField(ctx.journey, 'points');
  const indexes = points.map((p, i) => (goingSet.has(stringField(p, 'id') ?? '') ? i : -1)).filter((i) => i >= 0 && i !== target.index);
  let destination = keptTo;
  if (destination === undefined && incoming.length > 0) {
    // The point's place in the file now holds the end of the paths that led to it.
    destination = newPointId('end', new Set([...usedIds(ctx.journey)]));
    for (const ref of incoming) ctx.composer.modify(ref.path, destination);
    ctx.composer.modify(target.path, { id: destination, type: 'end' });
  } else {
    for (const ref of incoming) ctx.composer.modify(ref.path, destination);
    indexes.push(target.index);
  }
  removePins(ctx, goingSet);
  removeIndexes(ctx, indexes);
  ctx.select = destination ?? incoming[0]?.owner;
  return `Delete "${id}" and ${plural(going.length, 'point')} only it leads to`;
}

/**
 * Deletes the journey points `ids` in one edit. What led into the set from
 * outside leads to the set's one successor outside it, or, when the set
 * leads to several places or nowhere, to a new end point.
 */
export function deletePoints(ctx: EditContext, ids: readonly string[]): string {
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw new EditRefused('No point is selected.');
  const located = unique.map((id) => ctx.require(id, 'point'));
  const set = new Set(unique);
  const exits = new Set<string>();
  for (const l of located) for (const r of successorRefs('point', l.node)) if (r.to && !set.has(r.to)) exits.add(r.to);
  const incoming = unique.flatMap((id) => referencesTo(ctx.journey, id)).filter((r) => !r.owner || !set.has(r.owner));
  const indexes = located.map((l) => l.index);
  let destination: string | undefined;
  if (incoming.length > 0) {
    if (exits.size === 1) destination = [...exits][0];
    else {
      destination = newPointId('end', usedIds(ctx.journey));
      const first = Math.min(...indexes);
      ctx.composer.modify(['points', first], { id: destination, type: 'end' });
      indexes.splice(indexes.indexOf(first), 1);
    }
    for (const ref of incoming) ctx.composer.modify(ref.path, destination);
  }
  removePins(ctx, set);
  removeIndexes(ctx, indexes);
  ctx.select = incoming[0]?.owner ?? destination;
  return unique.length === 1 ? `Delete "${unique[0]}"` : `Delete ${plural(unique.length, 'point')}`;
}
