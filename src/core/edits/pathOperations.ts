// Continuing a path past its end: a new point goes before an end (or exit)
// point, taking every edge that led to it, so the path goes on through the
// new point and still ends there. Pure.
import { POINT_TYPE_LABELS } from '../pointSummary';
import type { PointType } from '../schema';
import { type EditContext, EditRefused } from './editContext';
import { defaultPoint, newPointId, usedIds } from './newNodes';
import { referencesTo, stringField } from './nodeReferences';

const TERMINAL = new Set(['end', 'exit']);

export function continuePath(ctx: EditContext, endId: string, type: PointType): string {
  const end = ctx.require(endId, 'point');
  const endType = stringField(end.node, 'type') ?? '';
  if (!TERMINAL.has(endType)) throw new EditRefused(`"${endId}" does not end its path: insert the point on one of its edges instead.`);
  if (TERMINAL.has(type)) throw new EditRefused(`The path already ends at "${endId}".`);
  const id = newPointId(type, usedIds(ctx.journey));
  for (const ref of referencesTo(ctx.journey, endId)) ctx.composer.modify(ref.path, id);
  ctx.composer.modify(['points', end.index], defaultPoint(type, id, endId, ctx.journey, { now: ctx.options.now }), { insert: true });
  ctx.select = id;
  return `Add ${POINT_TYPE_LABELS[type]} before "${endId}"`;
}
