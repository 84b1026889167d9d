// The inspector's edits: set, remove or insert properties of the journey, a
// starting point or a journey point (ids are changed only by `rename`, which
// also renames every reference to the node). Pure.
import { isReservedName, reservedIdRefusal } from '../reservedNames';
import { Id } from '../schema';
import { type EditContext, EditRefused } from './editContext';
import type { EditTarget, FieldChange } from './journeyOperation';
import { usedIds } from './newNodes';
import { arrayField, isObject, referencesTo, stringField } from './nodeReferences';
import { mergeText } from './textMerge';

/** Where a new optional property reads best: after the first of these keys the object has (else last). */
const PLACE_AFTER: Record<string, readonly string[]> = {
  title: ['type', 'id'],
  name: ['id'],
  description: ['name'],
  filter: ['trigger'],
  timeZone: ['time', 'at', 'start', 'plan'],
  phoneField: ['content'],
  method: ['url'],
  reason: ['type'],
  link: ['point'],
  label: ['next', 'percent'],
  list: ['type'],
  properties: ['name'],
  value: ['op', 'field'],
};

/** Applies the property changes of one inspector gesture, in order. */
export function setFields(ctx: EditContext, target: EditTarget, changes: readonly FieldChange[]): string {
  const base = target.kind === 'journey' ? [] : ctx.require(target.id, target.kind).path;
  for (const change of changes) {
    if (target.kind !== 'journey' && change.path.length === 1 && change.path[0] === 'id') {
      throw new EditRefused('Rename a point with "Rename", which also renames every reference to it.');
    }
    try {
      const key = change.path[change.path.length - 1];
      const after = typeof key === 'string' && Object.hasOwn(PLACE_AFTER, key) ? PLACE_AFTER[key] : undefined;
      ctx.composer.modify([...base, ...change.path], typedValue(ctx, [...base, ...change.path], change), { insert: change.insert === true, ...(after ? { after } : {}) });
    } catch (error) {
      throw new EditRefused(`Cannot change ${change.path.join('.')}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (target.kind !== 'journey') ctx.select = target.id;
  const what = changes.map((c) => c.path.filter((s) => typeof s === 'string').join('.')).filter(Boolean);
  return `Set ${[...new Set(what)].join(', ') || 'properties'}${target.kind === 'journey' ? '' : ` of "${target.id}"`}`;
}

/** The value a change sets: a typed string merged into the document's string when that changed since the typing began. */
function typedValue(ctx: EditContext, path: readonly (string | number)[], change: FieldChange): FieldChange['value'] {
  if (change.base === undefined || typeof change.value !== 'string' || change.insert) return change.value;
  let current: unknown = ctx.journey;
  for (const segment of path) current = isObject(current) || Array.isArray(current) ? (current as Record<string | number, unknown>)[segment] : undefined;
  return typeof current === 'string' ? mergeText(change.base, change.value, current) : change.value;
}

/** Renames node `id` to `newId`: the node, every successor reference, every awaited event naming it, and its pin. */
export function rename(ctx: EditContext, id: string, newId: string): string {
  const node = ctx.require(id);
  if (newId === id) throw new EditRefused(`"${id}" already has that id.`);
  if (!Id.safeParse(newId).success) throw new EditRefused(`"${newId}" is not an id: start with a letter or _, then use letters, digits, _ . -`);
  if (isReservedName(newId)) throw new EditRefused(reservedIdRefusal(newId));
  if (usedIds(ctx.journey).has(newId)) throw new EditRefused(`"${newId}" is already the id of another point.`);
  ctx.composer.modify([...node.path, 'id'], newId);
  if (node.kind === 'point') {
    for (const ref of referencesTo(ctx.journey, id)) ctx.composer.modify(ref.path, newId);
    // Wait-for-event rules and exit criteria that watch this point's email.
    arrayField(ctx.journey, 'points').forEach((p, i) => {
      if (isObject(p) && stringField(p['event'], 'point') === id) ctx.composer.modify(['points', i, 'event', 'point'], newId);
    });
    const settings = ctx.journey['settings'];
    arrayField(settings, 'exitCriteria').forEach((c, i) => {
      if (isObject(c) && stringField(c['event'], 'point') === id) ctx.composer.modify(['settings', 'exitCriteria', i, 'event', 'point'], newId);
    });
  }
  const layout = ctx.journey['layout'];
  if (isObject(layout) && Object.hasOwn(layout, id)) {
    ctx.composer.modify(['layout', newId], layout[id]);
    ctx.composer.modify(['layout', id], undefined);
  }
  ctx.select = newId;
  return `Rename "${id}" to "${newId}"`;
}
