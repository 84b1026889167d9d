// Structural edits of journey points: insert a point on an edge, delete a
// point and reconnect what led to it, connect a successor, change a point's
// type. Each works through the context's composer, so all of its text
// changes become one edit. Pure.
import { POINT_TYPE_LABELS } from '../pointSummary';
import type { PointType } from '../schema';
import { type EditContext, EditRefused } from './editContext';
import type { Slot } from './journeyOperation';
import { defaultPoint, newPointId, usedIds } from './newNodes';
import { arrayField, isObject, refInSlot, referencesTo, stringField, successorRefs } from './nodeReferences';

const slotName = (slot: Slot) => (typeof slot === 'number' ? `branch ${slot + 1}` : slot === 'next' ? 'next point' : `"${slot}" branch`);

/** "+" on the edge leaving `from` through `slot`: a new point of `type` takes the edge's place before its target. */
export function insertPoint(ctx: EditContext, from: string, slot: Slot, type: PointType): string {
  const source = ctx.require(from);
  const ref = refInSlot(source.kind, source.node, slot);
  if (!ref) throw new EditRefused(`"${from}" has no ${slotName(slot)}.`);
  if (!ref.to) throw new EditRefused(`The ${slotName(slot)} of "${from}" names no point; connect it first.`);
  const id = newPointId(type, usedIds(ctx.journey));
  const point = defaultPoint(type, id, ref.to, ctx.journey, { near: from, now: ctx.options.now });
  const points = arrayField(ctx.journey, 'points');
  const targetIndex = points.findIndex((p) => stringField(p, 'id') === ref.to);
  const at = source.kind === 'point' ? source.index + 1 : targetIndex >= 0 ? targetIndex : points.length;
  ctx.composer.modify([...source.path, ...ref.path], id);
  ctx.composer.modify(['points', at], point, { insert: true });
  ctx.select = id;
  return `Insert ${POINT_TYPE_LABELS[type]} after "${from}"`;
}

/** Deletes point `id`; every edge that led to it now leads to `reconnectTo`, or to its only successor. */
export function deletePoint(ctx: EditContext, id: string, reconnectTo: string | undefined): string {
  const target = ctx.require(id, 'point');
  const incoming = referencesTo(ctx.journey, id).filter((r) => r.owner !== id);
  const successors = [...new Set(successorRefs('point', target.node).map((r) => r.to).filter((to): to is string => !!to && to !== id))];
  if (reconnectTo !== undefined) {
    if (reconnectTo === id) throw new EditRefused(`"${id}" cannot take its own place.`);
    ctx.require(reconnectTo, 'point');
  }
  const destination = reconnectTo ?? (successors.length === 1 ? successors[0] : undefined);
  if (incoming.length > 0 && destination === undefined) {
    const edges = `${incoming.length} edge${incoming.length === 1 ? '' : 's'}`;
    throw new EditRefused(
      successors.length === 0
        ? `"${id}" ends its path: choose the point the ${edges} leading to it should go to instead.`
        : `"${id}" has ${successors.length} different successors: choose which one the ${edges} leading to it should go to.`,
    );
  }
  for (const ref of incoming) ctx.composer.modify(ref.path, destination);
  removePin(ctx, id);
  ctx.composer.modify(target.path, undefined);
  ctx.select = incoming[0]?.owner;
  return `Delete "${id}"`;
}

/** Points the `slot` reference of `from` at point `to`. */
export function connect(ctx: EditContext, from: string, slot: Slot, to: string): string {
  const source = ctx.require(from);
  const ref = refInSlot(source.kind, source.node, slot);
  if (!ref) throw new EditRefused(`"${from}" has no ${slotName(slot)}.`);
  ctx.require(to, 'point');
  if (to === from) throw new EditRefused(`"${from}" cannot lead to itself.`);
  if (ref.to === to) throw new EditRefused(`The ${slotName(slot)} of "${from}" is already "${to}".`);
  ctx.composer.modify([...source.path, ...ref.path], to);
  ctx.select = from;
  return `Connect "${from}" to "${to}"`;
}

/** Replaces point `id` by a new point of `type`, keeping its id, title, pin and first successor. */
export function changePointType(ctx: EditContext, id: string, type: PointType): string {
  const target = ctx.require(id, 'point');
  const oldType = stringField(target.node, 'type');
  if (oldType === type) throw new EditRefused(`"${id}" is already a ${POINT_TYPE_LABELS[type]} point.`);
  let successor = successorRefs('point', target.node).map((r) => r.to).find((to): to is string => !!to);
  const needsSuccessor = type !== 'end' && type !== 'exit';
  let endId: string | undefined;
  if (needsSuccessor && !successor) {
    // A terminal point becomes an action or rule: its path now ends at a new end point.
    endId = newPointId('end', usedIds(ctx.journey));
    successor = endId;
  }
  const fresh = defaultPoint(type, id, successor ?? id, ctx.journey, { now: ctx.options.now });
  const title = stringField(target.node, 'title');
  const { id: _id, type: _type, ...rest } = fresh;
  const replacement = { id, type, ...(title !== undefined ? { title } : {}), ...rest };
  ctx.composer.modify(target.path, replacement);
  if (endId) ctx.composer.modify(['points', target.index + 1], { id: endId, type: 'end' }, { insert: true });
  ctx.select = id;
  return `Change "${id}" to ${POINT_TYPE_LABELS[type]}`;
}

/** Removes the pinned position of `id`, and the `layout` object when it was the last one. */
export function removePin(ctx: EditContext, id: string): void {
  const layout = ctx.journey['layout'];
  if (!isObject(layout) || !Object.hasOwn(layout, id)) return;
  if (Object.keys(layout).length === 1) ctx.composer.modify(['layout'], undefined);
  else ctx.composer.modify(['layout', id], undefined);
}
