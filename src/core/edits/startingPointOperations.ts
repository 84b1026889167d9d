// Adding and removing starting points within R1: at least one, at most the
// plan's (or the file's explicit) limit, with the limit's reason in the
// refusal. Pure.
import type { TriggerType } from '../schema';
import { type EditContext, EditRefused } from './editContext';
import { defaultTrigger, newStartingPointId, usedIds } from './newNodes';
import { arrayField, stringField } from './nodeReferences';
import { removePin } from './pointOperations';
import { startingPointLimit } from './startingPointLimit';

/** R1: adds a starting point with a `triggerType` trigger leading to `next` (default: where the first starting point leads). */
export function addStartingPoint(ctx: EditContext, triggerType: TriggerType, next: string | undefined): string {
  const starts = arrayField(ctx.journey, 'startingPoints');
  const limit = startingPointLimit(ctx.journey, ctx.options.defaultPlan);
  if (limit.max !== null && starts.length >= limit.max) {
    throw new EditRefused(`${limit.reason}; this journey has ${starts.length}. (R1)`);
  }
  const target = next ?? stringField(starts[0], 'next') ?? stringField(arrayField(ctx.journey, 'points')[0], 'id');
  if (!target) throw new EditRefused('Add a journey point first: a starting point must lead somewhere.');
  ctx.require(target, 'point');
  const id = newStartingPointId(triggerType, usedIds(ctx.journey));
  const sp = { id, trigger: defaultTrigger(triggerType, ctx.journey), next: target };
  if (Array.isArray(ctx.journey['startingPoints'])) ctx.composer.modify(['startingPoints', starts.length], sp, { insert: true });
  else ctx.composer.modify(['startingPoints'], [sp]);
  ctx.select = id;
  return `Add starting point "${id}"`;
}

/** R1: removes a starting point, unless it is the journey's last one. */
export function removeStartingPoint(ctx: EditContext, id: string): string {
  const sp = ctx.require(id, 'start');
  const count = arrayField(ctx.journey, 'startingPoints').length;
  if (count <= 1) throw new EditRefused(`"${id}" is the only starting point; a journey needs at least one (R1).`);
  removePin(ctx, id);
  ctx.composer.modify(sp.path, undefined);
  ctx.select = stringField(sp.node, 'next');
  return `Remove starting point "${id}"`;
}
