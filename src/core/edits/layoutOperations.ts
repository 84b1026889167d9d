// Positions the user pinned on the map, kept in the journey's `layout`
// object by node id, apart from the journey logic. Pure.
import { type EditContext, EditRefused } from './editContext';
import { isObject } from './nodeReferences';

export function pinPositions(ctx: EditContext, positions: readonly { id: string; x: number; y: number }[]): string {
  for (const p of positions) {
    ctx.require(p.id);
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) throw new EditRefused(`The position of "${p.id}" is not a number.`);
    ctx.composer.modify(['layout', p.id], { x: Math.round(p.x), y: Math.round(p.y) });
  }
  return positions.length === 1 ? `Pin "${positions[0]!.id}"` : `Pin ${positions.length} points`;
}

export function unpinPositions(ctx: EditContext, ids: readonly string[] | undefined): string {
  const layout = ctx.journey['layout'];
  if (!isObject(layout)) throw new EditRefused('No point is pinned.');
  const pinned = Object.keys(layout);
  const removing = ids === undefined ? pinned : ids.filter((id) => pinned.includes(id));
  if (removing.length === 0) throw new EditRefused('None of these points is pinned.');
  if (removing.length === pinned.length) ctx.composer.modify(['layout'], undefined);
  else for (const id of removing) ctx.composer.modify(['layout', id], undefined);
  return ids === undefined ? 'Reset the layout' : `Unpin ${removing.map((id) => `"${id}"`).join(', ')}`;
}
