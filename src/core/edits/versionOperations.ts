// R22: a published journey is frozen; "edit as new version" turns it into
// the next draft version in one edit (version + 1, publication removed,
// status draft). Pure.
import { type EditContext, EditRefused } from './editContext';
import { isObject } from './nodeReferences';

export function editAsNewVersion(ctx: EditContext): string {
  const publication = ctx.journey['publication'];
  if (!isObject(publication)) throw new EditRefused('This journey is not published; it can be edited as it is.');
  const asVersion = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : 0);
  const next = Math.max(asVersion(ctx.journey['version']), asVersion(publication['version']), 1) + 1;
  ctx.composer.modify(['status'], 'draft', { after: ['kind', 'name', 'id'] });
  ctx.composer.modify(['version'], next, { after: ['status', 'kind', 'name', 'id'] });
  ctx.composer.modify(['publication'], undefined);
  return `Edit as new version ${next}`;
}
